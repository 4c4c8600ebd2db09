import { readConfig, Refused } from '../api.ts'
import type { Config } from '../config.ts'
import { formatReport } from '../report.ts'
import type { Options } from './flags.ts'
import type { Io } from './io.ts'

/**
 * The site config from its file (or the defaults, when there is none and none
 * was named), or an exit code after saying why there is none. With `images`,
 * its `icon` and `logo` are read from the articles folder and checked.
 */
export function loadConfig(options: Pick<Options, 'config' | 'configGiven' | 'color' | 'articles'>, io: Io, images = false): Config | number {
  try {
    const read = readConfig(options.configGiven ? options.config : undefined, images ? options.articles : undefined)
    if ('config' in read) return read.config
    io.stderr(formatReport(read.problems, 'text', { color: options.color }))
    return 1
  } catch (error) {
    if (!(error instanceof Refused)) throw error
    io.stderr(`wirefeed: ${error.message}.\n`)
    return 2
  }
}
