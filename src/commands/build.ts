import { statSync } from 'node:fs'
import type { Options } from '../cli/flags.ts'
import type { Io } from '../cli/io.ts'
import type { Config } from '../config.ts'
import { build, OutputRefused, SiteTooLarge, type BuildRequest, type BuildResult } from '../engine/index.ts'
import { readSource } from '../load.ts'
import { createProgress } from '../progress.ts'
import { formatReport, printable } from '../report.ts'

/** build: validate everything, report, and write the output. */
export async function buildCommand(config: Config, options: Options, io: Io): Promise<number> {
  return run(config, options, io, true)
}

/** check: validate everything and report; the output is left alone. */
export async function checkCommand(config: Config, options: Options, io: Io): Promise<number> {
  return run(config, options, io, false)
}

async function run(config: Config, options: Options, io: Io, write: boolean): Promise<number> {
  const request = buildRequest(config, options, io, write)
  if (typeof request === 'number') return request
  const progress = write && options.progress ? createProgress(io.stderr) : undefined
  const result = await refusing(io, () => build({ ...request, ...(progress && { onProgress: (done, total) => progress.update(done, total) }) }))
  progress?.done()
  if (typeof result === 'number') return result
  printReport(result, options, io, write ? (options.verbose ? 'full' : 'count') : 'full')
  if (options.format === 'json' || options.quiet) return result.ok ? 0 : 1
  if (!result.ok) {
    if (write) io.stderr(`Nothing was written; ${options.out}/ is as it was.\n`)
  } else if (!write) {
    io.stdout(`Checked ${options.articles}/: ${counts(result)}.\n`)
  } else {
    io.stdout(`${result.output === 'written' ? 'Wrote' : 'Unchanged:'} ${options.out}/ (RSS, Atom, JSON Feed): ${counts(result)}.\n`)
  }
  return result.ok ? 0 : 1
}

/** What the engine is asked to build from the options; an exit code, after saying why, when the folders are wrong. */
export function buildRequest(config: Config, options: Options, io: Io, write: boolean): BuildRequest | number {
  if (!statSync(options.articles, { throwIfNoEntry: false })?.isDirectory()) {
    io.stderr(`wirefeed: the articles folder \`${options.articles}\` does not exist; pass --articles <dir>.\n`)
    return 2
  }
  const ledger = readSource(options.ledger)
  if (!ledger && options.ledgerGiven) {
    io.stderr(`wirefeed: the ledger \`${options.ledger}\` does not exist; omit --ledger only on a site's very first build.\n`)
    return 2
  }
  return {
    articles: options.articles,
    config,
    ...(ledger && { ledger }),
    now: options.now,
    write,
    out: options.out,
    cache: options.cache,
    ...(options.threads !== undefined && { threads: options.threads }),
  }
}

/**
 * `work`'s result, or an exit code after saying in one sentence why the
 * engine refused: 2 for folders it will not write to, 1 for a site heavier
 * than its limit.
 */
export async function refusing<T>(io: Io, work: () => Promise<T>): Promise<T | number> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof OutputRefused) {
      io.stderr(`wirefeed: ${error.message}.\n`)
      return 2
    }
    if (!(error instanceof SiteTooLarge)) throw error
    io.stderr(`wirefeed: ${error.message}; nothing was written. Raise siteSizeLimit if your host takes more, or keep archives as teasers (archives: teasers).\n`)
    return 1
  }
}

/** Print what a build found: its problems in the chosen format, then, as text, what is scheduled. */
function printReport(result: BuildResult, options: Options, io: Io, warnings: 'full' | 'count') {
  const { files, summary } = result
  if (options.format === 'json') {
    io.stdout(formatReport(files, 'json', { summary: { published: summary.published, scheduled: summary.scheduled } }))
  } else if (options.format === 'github') {
    io.stdout(formatReport(files, 'github'))
  } else {
    io.stderr(formatReport(files, 'text', { color: options.color, warnings: options.quiet ? 'none' : warnings }))
    if (!options.quiet) io.stderr(summary.scheduled.map((entry) => `scheduled  ${printable(entry.file)}  goes live ${entry.goesLive}\n`).join(''))
  }
}

function counts({ summary }: BuildResult) {
  return `${summary.published} published, ${summary.scheduled.length} scheduled, ${summary.drafts} ${summary.drafts === 1 ? 'draft' : 'drafts'}`
}
