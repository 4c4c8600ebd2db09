import type { Options } from '../cli/flags.ts'
import type { Io } from '../cli/io.ts'
import { build, check, Refused, type Options as BuildOptions, type ProfileReport, type Report } from '../api.ts'
import type { Config } from '../config.ts'
import { createProgress } from '../progress.ts'
import { formatReport, printable } from '../report.ts'
import { nearestName } from '../suggest.ts'

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

/**
 * check: validate everything and report; the output is left alone. With
 * `--profile NAME`, what that partner profile's document holds and leaves
 * out, item by item (stdout; in JSON, as `profile`): 1 when fewer than its
 * `minItems` fit, as the warning says; 2 for a name the config does not have.
 */
export async function checkCommand(config: Config, options: Options, io: Io): Promise<number> {
  const name = options.profile
  if (name !== undefined && !Object.hasOwn(config.profiles, name)) {
    const names = Object.keys(config.profiles)
    const candidate = nearestName(name, names, 2)
    const hint = candidate !== undefined ? `; did you mean \`${candidate}\`?` : names.length > 0 ? `; it has ${names.map((known) => `\`${known}\``).join(', ')}.` : '; it has none (`profiles:`).'
    io.stderr(`wirefeed: the config has no profile \`${name}\`${hint}\n`)
    return 2
  }
  const report = await refusing(io, () => check({ ...buildOptions(config, options), ...(name !== undefined && { profile: name }) }))
  if (typeof report === 'number') return report
  if (options.format === 'json' && report.profile) {
    io.stdout(`${JSON.stringify({ problems: report.problems, summary: { published: report.published, scheduled: report.scheduled }, profile: report.profile }, null, 2)}\n`)
  } else {
    printReport(report, options, io, Infinity)
    if (report.profile && options.format === 'text') io.stdout(profileText(report.profile))
  }
  if (options.format !== 'json' && !options.quiet && report.ok) io.stdout(`Checked ${options.articles}/: ${counts(report)}.\n`)
  if (!report.ok) return 1
  return report.profile && report.profile.items.filter((item) => item.kept).length < report.profile.minItems ? 1 : 0
}

/** A profile's document, item by item: kept or left out, its bytes, and why. */
export function profileText(profile: ProfileReport): string {
  const number = (value: number) => value.toLocaleString('en')
  const kept = profile.items.filter((item) => item.kept).length
  const lines = [
    `${profile.path} (profile \`${profile.name}\`, ${profile.format}, ${profile.content}): ${kept} of ${profile.items.length} ${profile.items.length === 1 ? 'article' : 'articles'}, ${number(profile.bytes)} of ${number(profile.maxBytes)} bytes`,
  ]
  const width = Math.max(0, ...profile.items.map((item) => (item.bytes === undefined ? 1 : number(item.bytes).length)))
  for (const item of profile.items) {
    const bytes = (item.bytes === undefined ? '-' : number(item.bytes)).padStart(width)
    lines.push(`  ${item.kept ? 'kept   ' : 'dropped'}  ${bytes} bytes  ${printable(item.title)}  ${item.url}${item.reason ? `\n           ${item.reason}` : ''}`)
  }
  if (profile.beyond > 0) lines.push(`  and ${profile.beyond} older ${profile.beyond === 1 ? 'article' : 'articles'} past its maxItems (${profile.items.length})`)
  if (kept < profile.minItems) lines.push(`  fewer than its minItems (${profile.minItems})`)
  return `${lines.join('\n')}\n`
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
