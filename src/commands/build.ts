import type { Options } from '../cli/flags.ts'
import type { Io } from '../cli/io.ts'
import { build, check, Refused, type Options as BuildOptions, type Report } from '../api.ts'
import type { Config } from '../config.ts'
import { createProgress } from '../progress.ts'
import { formatReport, printable } from '../report.ts'

/** How many warnings `build` prints (`check`, and `build --verbose`, print them all). */
const buildWarnings = 10

/** build: validate everything, report, and write the output. */
export async function buildCommand(config: Config, options: Options, io: Io): Promise<number> {
  const progress = options.progress ? createProgress(io.stderr) : undefined
  const report = await refusing(io, () =>
    build({ ...buildOptions(config, options), ...(progress && { onProgress: (done, total) => progress.update(done, total) }) }),
  )
  progress?.done()
  if (typeof report === 'number') return report
  printReport(report, options, io, options.verbose ? Infinity : buildWarnings)
  if (options.format !== 'json' && !options.quiet) {
    if (report.ok) io.stdout(`${report.output === 'written' ? 'Wrote' : 'Unchanged:'} ${options.out}/ (RSS, Atom, JSON Feed${previewNote(options)}): ${counts(report)}.\n`)
    else io.stderr(`Nothing was written; ${options.out}/ is as it was.\n`)
  }
  return report.ok ? 0 : 1
}

/** check: validate everything and report; the output is left alone. */
export async function checkCommand(config: Config, options: Options, io: Io): Promise<number> {
  const report = await refusing(io, () => check(buildOptions(config, options)))
  if (typeof report === 'number') return report
  printReport(report, options, io, Infinity)
  if (options.format !== 'json' && !options.quiet && report.ok) io.stdout(`Checked ${options.articles}/: ${counts(report)}.\n`)
  return report.ok ? 0 : 1
}

/** The API's options from the CLI's; `config` the site config, or its file's path, or none (the default file, read by the API). */
export function buildOptions(config: BuildOptions['config'], options: Options): BuildOptions {
  return {
    articles: options.articles,
    out: options.out,
    ...(config !== undefined && { config }),
    ...(options.ledger !== undefined && { ledger: options.ledger }),
    now: options.now,
    ...(options.drafts && { drafts: true }),
    ...(options.future && { future: true }),
    cache: options.cache,
    ...(options.threads !== undefined && { threads: options.threads }),
  }
}

/**
 * `work`'s result, or an exit code after saying in one sentence why the
 * build did not start: 2 for a place it will not use, 1 for a site heavier than its limit.
 */
export async function refusing<T>(io: Io, work: () => Promise<T>): Promise<T | number> {
  try {
    return await work()
  } catch (error) {
    if (!(error instanceof Refused)) throw error
    if (error.reason === 'place') {
      io.stderr(`wirefeed: ${error.message}.\n`)
      return 2
    }
    io.stderr(`wirefeed: ${error.message}; nothing was written. Raise siteSizeLimit if your host takes more, or keep archives as teasers (archives: teasers).\n`)
    return 1
  }
}

/** Print what a build found: its problems in the chosen format, then, as text, what is scheduled. */
function printReport(report: Report, options: Options, io: Io, mostWarnings: number) {
  const { problems, published, scheduled } = report
  if (options.format === 'json') {
    io.stdout(formatReport(problems, 'json', { summary: { published, scheduled } }))
  } else if (options.format === 'github') {
    io.stdout(formatReport(problems, 'github'))
  } else {
    io.stderr(formatReport(problems, 'text', { color: options.color, mostWarnings: options.quiet ? 0 : mostWarnings }))
    if (!options.quiet) io.stderr(scheduled.map((entry) => `scheduled  ${printable(entry.file)}  goes live ${entry.goesLive}\n`).join(''))
  }
}

/** `, a preview with drafts and the future`: what a preview shows besides what is published. */
export function previewNote(options: Pick<Options, 'drafts' | 'future'>): string {
  const shown = [...(options.drafts ? ['drafts'] : []), ...(options.future ? ['the future'] : [])]
  return shown.length === 0 ? '' : `, a preview with ${shown.join(' and ')}`
}

function counts({ published, scheduled, drafts }: Report) {
  return `${published} published, ${scheduled.length} scheduled, ${drafts} ${drafts === 1 ? 'draft' : 'drafts'}`
}
