import { validateConfig, type Config } from '../config.ts'
import { readSource } from '../load.ts'
import { formatReport } from '../report.ts'
import type { Options } from './flags.ts'
import type { Io } from './io.ts'

/** The site config from its file (or the defaults, when there is none and none was named), or an exit code after saying why there is none. */
export function loadConfig(options: Pick<Options, 'config' | 'configGiven' | 'color'>, io: Io): Config | number {
  const file = readSource(options.config)
  if (!file && options.configGiven) {
    io.stderr(`wirefeed: the config file \`${options.config}\` does not exist.\n`)
    return 2
  }
  const config = validateConfig(file)
  if (config) return config
  io.stderr(formatReport(file ? [file] : [], 'text', { color: options.color }))
  return 1
}
