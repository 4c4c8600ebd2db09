import { parseArgs } from 'node:util'
import { defaults, isPublishedFolder, previewRefusal } from '../api.ts'
import { calendarProblem } from '../dates.ts'
import { threadsFrom } from '../engine/pool.ts'
import { schedules, type Schedule } from '../init/workflows.ts'
import { reportFormats, type ReportFormat } from '../report.ts'
import { UsageError, type Io } from './io.ts'

/**
 * Every flag, described once: what `parseArgs` is told, and what `--help`
 * says. `default` is the value when the flag is not given; `defaultText`
 * says what it is when that is worked out later.
 */
export const flags = {
  articles: { type: 'string', value: '<dir>', default: defaults.articles, help: 'article sources' },
  out: { type: 'string', value: '<dir>', default: defaults.out, help: 'output folder' },
  config: { type: 'string', value: '<file>', default: defaults.config, help: 'site config; built-in defaults if there is no such file' },
  ledger: { type: 'string', value: '<file>', defaultText: `${defaults.ledger} if fetched`, help: 'the ids the live site has published, which a build must keep' },
  now: { type: 'string', value: '<date-time>', defaultText: '$SOURCE_DATE_EPOCH, else the clock', help: '"now", ISO 8601 with offset' },
  format: { type: 'string', value: '<name>', default: 'text', help: `${reportFormats.join(', ')} (github: workflow annotations)` },
  port: { type: 'string', value: '<n>', default: '8080', help: 'the port on 127.0.0.1 (0 picks a free one)' },
  watch: { type: 'boolean', help: 'rebuild when an article or the config changes' },
  drafts: { type: 'boolean', help: `a preview: drafts shown as if published, marked; written to ${defaults.preview}/ unless --out names another folder` },
  future: { type: 'boolean', help: 'a preview: scheduled articles shown as if published, marked; written as with --drafts' },
  into: { type: 'string', value: '<dir>', default: defaults.live, help: 'where to put the live files' },
  cache: { type: 'string', value: '<dir>', default: defaults.cache, help: `the incremental build cache (a preview's: ${defaults.previewCache})` },
  feed: { type: 'string', value: '<file>', help: "the old site's feed (RSS, Atom or JSON Feed): imported posts keep its ids and URLs" },
  threads: { type: 'string', value: '<n>', defaultText: `one per core from ${threadsFrom} sources, else one`, help: 'worker threads for parsing and rendering' },
  title: { type: 'string', value: '<text>', defaultText: "the folder's name", help: 'the site name' },
  url: { type: 'string', value: '<url>', defaultText: "the git remote's GitHub Pages address", help: 'where the site will be published' },
  language: { type: 'string', value: '<tag>', default: 'en', help: 'the language articles and the pages are written in' },
  'time-zone': { type: 'string', value: '<zone>', defaultText: "this computer's", help: 'the IANA time zone bare dates are read in' },
  schedule: { type: 'string', value: '<when>', default: 'hourly', help: `how often publishing runs: ${Object.keys(schedules).join(', ')}` },
  profile: { type: 'string', value: '<name>', help: "a partner profile of the config: what its document holds and leaves out, item by item, and why" },
  quiet: { type: 'boolean', help: 'print errors only' },
  verbose: { type: 'boolean', help: 'print every warning, and the stack of an unexpected error' },
  help: { type: 'boolean', short: 'h', help: 'show this help' },
  version: { type: 'boolean', help: "print wirefeed's version" },
} as const satisfies Record<string, Flag>

interface Flag {
  type: 'string' | 'boolean'
  short?: string
  /** How the value is written in the help. */
  value?: string
  default?: string
  defaultText?: string
  help: string
}

export type FlagName = keyof typeof flags

/** One flag's line in a command's help. */
export function flagHelp(name: FlagName): string {
  const flag: Flag = flags[name]
  const left = `${flag.short ? `-${flag.short}, ` : ''}--${name}${flag.value ? ` ${flag.value}` : ''}`
  const shown = flag.default ?? flag.defaultText
  return `${left.padEnd(19)}${flag.help}${shown === undefined ? '' : ` (default: ${shown})`}`
}

/** What every command is given: the flags, read and checked, and what they imply. */
export type Options = ReturnType<typeof settings>

/** The words and flags of `argv`: the command's name (if any), its operands, and the flags given, with their defaults. */
export function parseFlags(argv: string[]) {
  const options = Object.fromEntries(
    Object.entries(flags).map(([name, flag]: [string, Flag]) => [
      name,
      { type: flag.type, ...(flag.short && { short: flag.short }), ...(flag.default !== undefined && { default: flag.default }) },
    ]),
  )
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options })
  const given = Object.keys(values).filter((key) => argv.some((arg) => arg === `--${key}` || arg.startsWith(`--${key}=`)))
  return { values: values as Values, positionals, given: given as FlagName[] }
}

type Values = { [Name in FlagName]: (typeof flags)[Name]['type'] extends 'boolean' ? boolean | undefined : (typeof flags)[Name] extends { default: string } ? string : string | undefined }

/** Check the flags' values and settle what they imply; a UsageError for a value that makes no sense. */
export function settings(values: Values, given: readonly FlagName[], operands: string[], io: Io) {
  if (!reportFormats.includes(values.format as ReportFormat)) {
    throw new UsageError(`--format takes ${reportFormats.join(', ')}, not \`${values.format}\`.`)
  }
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port takes a whole number from 0 to 65535, not \`${values.port}\`.`)
  }
  const threads = values.threads === undefined ? undefined : Number(values.threads)
  if (threads !== undefined && (!Number.isInteger(threads) || threads < 1 || threads > 256)) {
    throw new UsageError(`--threads takes a whole number from 1 to 256, not \`${values.threads}\`.`)
  }
  if (!Object.hasOwn(schedules, values.schedule)) {
    throw new UsageError(`--schedule takes ${Object.keys(schedules).join(', ')}, not \`${values.schedule}\`.`)
  }
  const quiet = values.quiet === true
  const drafts = values.drafts === true
  const future = values.future === true
  const preview = drafts || future
  if (preview && io.env.GITHUB_ACTIONS === 'true') {
    // The publish workflow builds what goes live: a preview there could publish a draft.
    throw new UsageError('--drafts and --future make a preview, never a publication, so they are refused on GitHub Actions (GITHUB_ACTIONS=true), where the publish job runs.')
  }
  if (preview && given.includes('out') && isPublishedFolder(values.out)) throw new UsageError(`${previewRefusal(values.out)}.`)
  return {
    operands,
    help: values.help === true,
    version: values.version === true,
    articles: values.articles,
    // A preview writes its own folder, and keeps its own cache, unless told otherwise.
    out: preview && !given.includes('out') ? defaults.preview : values.out,
    config: values.config,
    configGiven: given.includes('config'),
    ledger: values.ledger,
    now: resolveNow(values.now, io),
    /** Whether "now" was given (--now, SOURCE_DATE_EPOCH): if not, a preview's rebuilds each read the clock again. */
    nowGiven: values.now !== undefined || (io.env.SOURCE_DATE_EPOCH !== undefined && io.env.SOURCE_DATE_EPOCH !== ''),
    drafts,
    future,
    format: values.format as ReportFormat,
    port,
    watch: values.watch === true,
    into: values.into,
    cache: preview && !given.includes('cache') ? defaults.previewCache : values.cache,
    threads,
    feed: values.feed,
    profile: values.profile,
    title: values.title,
    url: values.url,
    language: values.language,
    timeZone: values['time-zone'],
    schedule: values.schedule as Schedule,
    quiet,
    verbose: values.verbose === true,
    // Colour and progress only for a person at a terminal, never in CI logs or pipes.
    color: io.tty && !io.env.NO_COLOR && io.env.CI !== 'true',
    progress: io.tty && io.env.CI !== 'true' && !quiet,
  } as const
}

/** "Now", read once: --now, else SOURCE_DATE_EPOCH (reproducible builds), else the clock. */
function resolveNow(flag: string | undefined, io: Io): Date {
  if (flag !== undefined) {
    const now = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(flag) ? new Date(flag) : undefined
    if (!now || Number.isNaN(now.getTime())) {
      throw new UsageError(`--now takes an ISO 8601 date-time with offset, such as 2026-01-06T09:00:00Z, not \`${flag}\`.`)
    }
    const problem = calendarProblem(flag)
    if (problem) throw new UsageError(`--now names no real time: ${problem}, so \`${flag}\` does not exist.`)
    return now
  }
  const epoch = io.env.SOURCE_DATE_EPOCH
  if (epoch !== undefined && epoch !== '') {
    // Date reaches 100,000,000 days either side of 1970: past that it is no time at all.
    if (!/^\d+$/.test(epoch) || Number(epoch) > 8.64e12) {
      throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, at most 8640000000000, not \`${epoch}\`.`)
    }
    return new Date(Number(epoch) * 1000)
  }
  return io.clock()
}
