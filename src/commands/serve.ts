import { statSync, watch } from 'node:fs'
import { loadConfig } from '../cli/config-file.ts'
import type { Options } from '../cli/flags.ts'
import type { Io } from '../cli/io.ts'
import { recoverOutput } from '../engine/commit.ts'
import { listen } from '../server.ts'
import { buildCommand } from './build.ts'

/** serve: the output folder on 127.0.0.1; with --watch, rebuilt on every change, last good build kept. */
export async function serveCommand(_: unknown, options: Options, io: Io): Promise<number> {
  if (options.watch) {
    const rebuild = serialised(async () => {
      try {
        const config = loadConfig(options, io)
        if (typeof config !== 'number') await buildCommand(config, options, io)
      } catch (error) {
        // A failed build writes nothing: the server goes on serving the last good one.
        io.stderr(`wirefeed: the rebuild failed: ${(error as Error).message}; still serving the last good build.\n`)
      }
    })
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

/**
 * `task`, never run twice at once: asked again while it runs, it runs once
 * more when it ends, however many times it was asked meanwhile. Two builds
 * writing one output at once would fail each other.
 */
function serialised(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined
  let again = false
  return () => {
    if (running) {
      again = true
      return running
    }
    running = (async () => {
      do {
        again = false
        await task()
      } while (again)
      running = undefined
    })()
    return running
  }
}
