import { watch } from 'node:fs'
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { configFileName, type Config } from './config.ts'
import { feedFiles } from './feeds/build.ts'
import { fetchLive } from './live.ts'
import { loadArticles, readSource } from './load.ts'
import { formatReport, reportFormats, type ReportFormat } from './report.ts'
import { listen } from './serve.ts'
import { buildSite, validateConfig } from './site.ts'
import { pingHub } from './websub.ts'
import { writeOutput } from './write.ts'

export const usage = `Usage: wirefeed <command> [options]

Commands:
  build    validate the articles and write the feeds to the output folder
  check    validate only: report every problem, list what is scheduled, write nothing
  serve    serve the output folder on 127.0.0.1, as a static host would
  fetch    download the live site's ledger.json and build.json (before a publish)
  ping     tell the site's WebSub hub that the feeds changed (after a publish)

Options:
  --articles <dir>   article sources (default: articles)
  --out <dir>        output folder (default: dist)
  --config <file>    site config (default: ${configFileName}, built-in defaults if absent)
  --ledger <file>    ids the live site has published (default: <out>/ledger.json)
  --now <date-time>  the build's "now", ISO 8601 with offset; articles dated
                     later stay embargoed (default: $SOURCE_DATE_EPOCH, else the clock)
  --format <name>    how build and check report problems: text, json or github
                     (workflow annotations) (default: text)
  --port <n>         serve: the port (default: 8080; 0 picks a free one)
  --watch            serve: rebuild when articles or config change
  --into <dir>       fetch: where to put the live files (default: .live)
  --verbose          show the stack of an unexpected error
  -h, --help         show this help

Examples:
  wirefeed build
  wirefeed check --format github
  wirefeed build --now 2026-01-06T09:00:00Z --out preview
  wirefeed serve --watch --port 4000
  wirefeed fetch --into .live && wirefeed build --ledger .live/ledger.json
`

/** A mistake in how the CLI was called: one sentence, then the usage; exit code 2. */
class UsageError extends Error {}

export interface Io {
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: NodeJS.ProcessEnv
  /** The wall clock, consulted only when neither --now nor SOURCE_DATE_EPOCH is given. */
  clock: () => Date
}

type Options = ReturnType<typeof parseOptions>

/** Run the CLI; resolves to the exit code: 0 success, 1 invalid input or failure, 2 bad usage. */
export async function main(argv: string[], io: Io): Promise<number> {
  let options: Options
  try {
    options = parseOptions(argv, io)
  } catch (error) {
    if (!(error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))) {
      throw error
    }
    io.stderr(`wirefeed: ${(error as Error).message}\n\n${usage}`)
    return 2
  }
  if (options.command === 'help') {
    io.stdout(usage)
    return 0
  }
  const config = await loadConfig(options, io)
  if (typeof config === 'number') return config
  switch (options.command) {
    case 'fetch':
      return fetchCommand(config, options, io)
    case 'ping':
      return pingCommand(config, io)
    case 'serve':
      return serveCommand(options, io)
    default:
      return buildCommand(config, options, io)
  }
}

/** build and check: validate everything, report, and (build only) write. */
async function buildCommand(config: Config, options: Options, io: Io): Promise<number> {
  if (!(await isDirectory(options.articles))) {
    io.stderr(`wirefeed: the articles folder \`${options.articles}\` does not exist; pass --articles <dir>.\n`)
    return 2
  }
  const ledger = await readSource(options.ledger)
  if (!ledger && options.ledgerGiven) {
    io.stderr(`wirefeed: the ledger \`${options.ledger}\` does not exist; omit --ledger only on a site's very first build.\n`)
    return 2
  }
  const sources = await loadArticles(options.articles)
  const site = buildSite(sources, config, { now: options.now, ledger })
  const scheduled = site.scheduled.map((article) => ({ file: article.file.path, goesLive: article.date.toISOString() }))
  const counts = `${plural(site.published.length, 'article')} published, ${site.scheduled.length} scheduled`

  if (options.format === 'json') {
    io.stdout(formatReport(site.files, 'json', { published: site.published.length, scheduled }))
  } else {
    const report = formatReport(site.files, options.format)
    const lines = scheduled.map((entry) => `scheduled  ${entry.file}  goes live ${entry.goesLive}\n`).join('')
    if (options.format === 'github') io.stdout(report)
    io.stderr((options.format === 'text' ? report : '') + lines)
  }
  if (!site.ok) {
    if (options.command === 'build') io.stderr(`Nothing was written; ${options.out}/ is as it was.\n`)
    return 1
  }
  if (options.command === 'check') {
    if (options.format !== 'json') io.stdout(`${plural(sources.length, 'source')} checked: ${counts}.\n`)
    return 0
  }
  const changed = await writeOutput(options.out, site.output)
  if (options.format !== 'json') {
    io.stdout(`${changed ? 'Wrote' : 'Unchanged:'} ${options.out}/ (RSS, Atom, JSON Feed): ${counts}.\n`)
  }
  return 0
}

async function serveCommand(options: Options, io: Io): Promise<number> {
  if (options.watch) {
    // The first build decides nothing: if it fails, the last good output is served.
    const rebuild = async () => {
      const config = await loadConfig(options, io)
      if (typeof config !== 'number') await buildCommand(config, options, io)
    }
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

async function fetchCommand(config: Config, options: Options, io: Io): Promise<number> {
  try {
    const result = await fetchLive(config.url, options.into)
    for (const name of result.fetched) io.stdout(`fetched  ${join(options.into, name)}\n`)
    for (const name of result.missing) io.stdout(`missing  ${new URL(name, config.url).href} (not published yet)\n`)
    return 0
  } catch (error) {
    io.stderr(`wirefeed: could not read the live site at ${config.url}: ${(error as Error).message}; not publishing blind.\n`)
    return 1
  }
}

async function pingCommand(config: Config, io: Io): Promise<number> {
  if (!config.hub) {
    io.stdout('No WebSub hub in the config; nothing to ping.\n')
    return 0
  }
  const urls = Object.values(feedFiles).map((file) => new URL(file, config.url).href)
  const results = await pingHub(config.hub, urls)
  for (const result of results) {
    const line = `${result.ok ? 'pinged' : 'failed'}  ${config.hub}  ${result.url}  ${result.detail}\n`
    if (result.ok) io.stdout(line)
    else io.stderr(line)
  }
  return results.every((result) => result.ok) ? 0 : 1
}

/** The site config, or an exit code after reporting why there is none. */
async function loadConfig(options: Options, io: Io): Promise<Config | number> {
  const file = await readSource(options.config)
  if (!file && options.configGiven) {
    io.stderr(`wirefeed: the config file \`${options.config}\` does not exist.\n`)
    return 2
  }
  const config = validateConfig(file)
  if (config) return config
  io.stderr(formatReport(file ? [file] : [], 'text'))
  return 1
}

const commands = ['build', 'check', 'serve', 'fetch', 'ping'] as const

function parseOptions(argv: string[], io: Io) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      articles: { type: 'string', default: 'articles' },
      out: { type: 'string', default: 'dist' },
      config: { type: 'string' },
      ledger: { type: 'string' },
      now: { type: 'string' },
      format: { type: 'string', default: 'text' },
      port: { type: 'string', default: '8080' },
      watch: { type: 'boolean', default: false },
      into: { type: 'string', default: '.live' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  const [command, ...rest] = positionals
  if (values.help) return { ...defaults(values, io), command: 'help' as const }
  if (!commands.includes(command as (typeof commands)[number])) {
    throw new UsageError(command ? `unknown command \`${command}\`.` : 'no command given.')
  }
  if (rest.length > 0) throw new UsageError(`unexpected argument \`${rest[0]}\`.`)
  return { ...defaults(values, io), command: command as (typeof commands)[number] }
}

function defaults(values: {
  articles: string
  out: string
  config?: string
  ledger?: string
  now?: string
  format: string
  port: string
  watch: boolean
  into: string
}, io: Io) {
  if (!reportFormats.includes(values.format as ReportFormat)) {
    throw new UsageError(`--format takes ${reportFormats.join(', ')}, not \`${values.format}\`.`)
  }
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port takes a whole number from 0 to 65535, not \`${values.port}\`.`)
  }
  return {
    articles: values.articles,
    out: values.out,
    config: values.config ?? configFileName,
    configGiven: values.config !== undefined,
    ledger: values.ledger ?? join(values.out, 'ledger.json'),
    ledgerGiven: values.ledger !== undefined,
    now: resolveNow(values.now, io),
    format: values.format as ReportFormat,
    port,
    watch: values.watch,
    into: values.into,
  }
}

/** "Now", read once: --now, else SOURCE_DATE_EPOCH (reproducible builds), else the clock. */
function resolveNow(flag: string | undefined, io: Io): Date {
  if (flag !== undefined) {
    const now = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(flag) ? new Date(flag) : undefined
    if (!now || Number.isNaN(now.getTime())) {
      throw new UsageError(`--now takes an ISO 8601 date-time with offset, such as 2026-01-06T09:00:00Z, not \`${flag}\`.`)
    }
    return now
  }
  const epoch = io.env.SOURCE_DATE_EPOCH
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch)) throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, not \`${epoch}\`.`)
    return new Date(Number(epoch) * 1000)
  }
  return io.clock()
}

function plural(n: number, word: string) {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

async function isDirectory(path: string) {
  return stat(path).then(
    (info) => info.isDirectory(),
    () => false,
  )
}
