import { join } from 'node:path'
import type { Options } from '../cli/flags.ts'
import type { Io } from '../cli/io.ts'
import type { Config } from '../config.ts'
import { feedFiles } from '../feeds/model.ts'
import { fetchLive } from '../live.ts'
import { pingHub } from '../websub.ts'

/** fetch: the live ledger and manifest, so a publish knows what is out there. */
export async function fetchCommand(config: Config, options: Options, io: Io): Promise<number> {
  try {
    const result = await fetchLive(config.url, options.into)
    if (!options.quiet) {
      for (const name of result.fetched) io.stdout(`fetched  ${join(options.into, name)}\n`)
      for (const name of result.missing) io.stdout(`missing  ${new URL(name, config.url).href} (not published yet)\n`)
    }
    return 0
  } catch (error) {
    io.stderr(`wirefeed: could not read the live site at ${config.url}: ${(error as Error).message}; not publishing blind.\n`)
    return 1
  }
}

/** ping: notify the WebSub hub of each feed; a failure is reported and exits 1, for the workflow to tolerate. */
export async function pingCommand(config: Config, options: Options, io: Io): Promise<number> {
  if (!config.hub) {
    if (!options.quiet) io.stdout('No WebSub hub in the config; nothing to ping.\n')
    return 0
  }
  const urls = Object.values(feedFiles).map((file) => new URL(file, config.url).href)
  const results = await pingHub(config.hub, urls)
  for (const result of results) {
    const line = `${result.ok ? 'pinged' : 'failed'}  ${config.hub}  ${result.url}  ${result.detail}\n`
    if (!result.ok) io.stderr(line)
    else if (!options.quiet) io.stdout(line)
  }
  return results.every((result) => result.ok) ? 0 : 1
}
