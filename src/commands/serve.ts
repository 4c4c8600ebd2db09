import { watch } from 'node:fs'
import { stat } from 'node:fs/promises'
import { isDirectory, loadConfig, type Io, type Options } from '../cli.ts'
import { listen } from '../serve.ts'
import { recoverOutput } from '../write.ts'
import { buildCommand } from './build.ts'

/** serve: the output folder on 127.0.0.1; with --watch, rebuilt on every change, last good build kept. */
export async function serveCommand(_: unknown, options: Options, io: Io): Promise<number> {
  if (options.watch) {
    const build = { ...options, command: 'build' as const }
    const rebuild = async () => {
      const config = await loadConfig(options, io)
      if (typeof config !== 'number') await buildCommand(config, build, io)
    }
    // A failed build writes nothing, so the server goes on serving the last good one.
    await rebuild()
    let timer: NodeJS.Timeout | undefined
    const later = () => {
      clearTimeout(timer)
      // Editors save in bursts; one rebuild per burst.
      timer = setTimeout(() => void rebuild(), 100)
    }
    watch(options.articles, { recursive: true }, later)
    if (await stat(options.config).catch(() => undefined)) watch(options.config, later)
  }
  recoverOutput(options.out)
  if (!(await isDirectory(options.out))) {
    io.stderr(`wirefeed: there is no \`${options.out}\` folder to serve; run \`wirefeed build\` first.\n`)
    return 1
  }
  const server = await listen(options.out, options.port)
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : options.port
  io.stdout(`Serving ${options.out}/ at http://127.0.0.1:${port}/ (Ctrl+C stops)\n`)
  await new Promise((resolve) => server.once('close', resolve))
  return 0
}
