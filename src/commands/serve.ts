import { watch } from 'node:fs'
import { statSync } from 'node:fs'
import { loadConfig } from '../cli/config-file.ts'
import type { Options } from '../cli/flags.ts'
import type { Io } from '../cli/io.ts'
import { recoverOutput } from '../engine/commit.ts'
import { listen } from '../server.ts'
import { buildCommand } from './build.ts'

/** serve: the output folder on 127.0.0.1; with --watch, rebuilt on every change, last good build kept. */
export async function serveCommand(_: unknown, options: Options, io: Io): Promise<number> {
  if (options.watch) {
    const rebuild = async () => {
      const config = loadConfig(options, io)
      if (typeof config !== 'number') await buildCommand(config, options, io)
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
    if (statSync(options.config, { throwIfNoEntry: false })) watch(options.config, later)
  }
  recoverOutput(options.out)
  if (!statSync(options.out, { throwIfNoEntry: false })?.isDirectory()) {
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
