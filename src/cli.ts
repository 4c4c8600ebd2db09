import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { configFileName } from './config.ts'
import { loadArticles, readSource } from './load.ts'
import { formatReport } from './report.ts'
import { buildSite, validateConfig } from './site.ts'
import { writeOutput } from './write.ts'

export const usage = `Usage: wirefeed <command> [options]

Commands:
  build    validate the articles and write the feeds to the output folder
  check    validate only: report every problem, write nothing

Options:
  --articles <dir>   article sources (default: articles)
  --out <dir>        output folder (default: dist)
  --config <file>    site config (default: ${configFileName}, built-in defaults if absent)
  --ledger <file>    ids the live site has published (default: <out>/ledger.json)
  --now <date-time>  the build's "now", ISO 8601 with offset; articles dated
                     later stay embargoed (default: $SOURCE_DATE_EPOCH, else the clock)
  -h, --help         show this help

Examples:
  wirefeed build
  wirefeed check --articles articles/2026
  wirefeed build --now 2026-01-06T09:00:00Z --out preview
`

/** A mistake in how the CLI was called: one sentence, the usage, exit code 2. */
class UsageError extends Error {}

export interface Io {
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: NodeJS.ProcessEnv
  /** The wall clock, consulted only when neither --now nor SOURCE_DATE_EPOCH is given. */
  clock: () => Date
}

/** Run the CLI; resolves to the exit code: 0 success, 1 invalid input, 2 bad usage. */
export async function main(argv: string[], io: Io): Promise<number> {
  let options
  try {
    options = parseOptions(argv, io)
  } catch (error) {
    if (!(error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))) {
      throw error
    }
    io.stderr(`wirefeed: ${(error as Error).message}\n\n${usage}`)
    return 2
  }
  if (options.help) {
    io.stdout(usage)
    return 0
  }

  if (!(await isDirectory(options.articles))) {
    io.stderr(`wirefeed: the articles folder \`${options.articles}\` does not exist; pass --articles <dir>.\n`)
    return 2
  }
  const configFile = await readSource(options.config)
  if (!configFile && options.configGiven) {
    io.stderr(`wirefeed: the config file \`${options.config}\` does not exist.\n`)
    return 2
  }
  const config = validateConfig(configFile)
  if (!config) {
    io.stderr(formatReport(configFile ? [configFile] : []))
    return 1
  }

  const sources = await loadArticles(options.articles)
  const ledger = await readSource(options.ledger)
  if (!ledger && options.ledgerGiven) {
    io.stderr(`wirefeed: the ledger \`${options.ledger}\` does not exist; omit --ledger only on a site's very first build.\n`)
    return 2
  }
  const site = buildSite(sources, config, { now: options.now, ledger })
  const scheduled = site.scheduled.map((article) => `scheduled  ${article.file.path}  goes live ${article.date.toISOString()}\n`)
  io.stderr(formatReport(site.files) + scheduled.join(''))
  if (!site.ok) {
    io.stderr(options.command === 'build' ? `Nothing was written; ${options.out}/ is as it was.\n` : '')
    return 1
  }
  const counts = `${plural(site.published.length, 'article')} published, ${site.scheduled.length} scheduled`
  if (options.command === 'check') {
    io.stdout(`${plural(sources.length, 'source')} checked: ${counts}.\n`)
    return 0
  }
  const changed = await writeOutput(options.out, site.output)
  io.stdout(`${changed ? 'Wrote' : 'Unchanged:'} ${options.out}/ (RSS, Atom, JSON Feed): ${counts}.\n`)
  return 0
}

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
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  const [command, ...rest] = positionals
  if (values.help) return { help: true } as const
  if (command !== 'build' && command !== 'check') {
    throw new UsageError(command ? `unknown command \`${command}\`.` : 'no command given.')
  }
  if (rest.length > 0) throw new UsageError(`unexpected argument \`${rest[0]}\`.`)
  return {
    help: false,
    command,
    articles: values.articles,
    out: values.out,
    config: values.config ?? configFileName,
    configGiven: values.config !== undefined,
    ledger: values.ledger ?? join(values.out, 'ledger.json'),
    ledgerGiven: values.ledger !== undefined,
    now: resolveNow(values.now, io),
  } as const
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
