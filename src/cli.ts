import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { configFileName, validateConfig, type Config } from './config.ts'
import { readSource } from './load.ts'
import { formatReport, reportFormats, type ReportFormat } from './report.ts'

/** Where output goes and what the environment is: injected, so tests run the CLI in-process too. */
export interface Io {
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: NodeJS.ProcessEnv
  /** Whether stderr is a terminal: colours and the progress bar only then. */
  tty: boolean
  /** The wall clock, consulted only when neither --now nor SOURCE_DATE_EPOCH is given. */
  clock: () => Date
}

/** A mistake in how the CLI was called: one sentence, then the usage; exit code 2. */
export class UsageError extends Error {}

/** Every option, described once; each command lists the ones it takes. */
const optionHelp = {
  articles: '--articles <dir>   article sources (default: articles)',
  out: '--out <dir>        output folder (default: dist)',
  config: `--config <file>    site config (default: ${configFileName}, built-in defaults if absent)`,
  ledger: '--ledger <file>    ids the live site has published (default: <out>/ledger.json)',
  now: '--now <date-time>  "now", ISO 8601 with offset (default: $SOURCE_DATE_EPOCH, else the clock)',
  format: '--format <name>    text, json, or github (workflow annotations) (default: text)',
  port: '--port <n>         the port on 127.0.0.1 (default: 8080; 0 picks a free one)',
  watch: '--watch            rebuild when an article or the config changes',
  into: '--into <dir>       where to put the live files (default: .live)',
  cache: '--cache <dir>      the incremental build cache (default: .cache/wirefeed)',
  threads: '--threads <n>      worker threads for parsing and rendering (default: one per core, from 500 sources; 1: none)',
  quiet: '--quiet            print errors only',
  verbose: '--verbose          print every warning, and the stack of an unexpected error',
  help: '-h, --help         show this help',
} as const

type OptionName = keyof typeof optionHelp

const commands = {
  build: {
    summary: 'validate the articles and write the feeds to the output folder',
    operands: '',
    options: ['articles', 'out', 'config', 'ledger', 'now', 'format', 'cache', 'threads'],
    examples: ['wirefeed build', 'wirefeed build --now 2026-01-06T18:00:00+02:00 --out preview'],
  },
  check: {
    summary: 'validate only: every error and warning, what is scheduled; writes nothing',
    operands: '',
    options: ['articles', 'config', 'ledger', 'out', 'now', 'format', 'cache', 'threads'],
    examples: ['wirefeed check', 'wirefeed check --format github'],
  },
  list: {
    summary: 'list what is published, scheduled (with go-live time) and draft, one line each',
    operands: '',
    options: ['articles', 'config', 'now', 'cache'],
    examples: ['wirefeed list', 'wirefeed list --now 2026-02-01T00:00:00Z'],
  },
  new: {
    summary: 'create articles/<yyyy>/<slug>.md for a headline, as a draft with valid front matter',
    operands: '"<headline>"',
    options: ['articles', 'config', 'now'],
    examples: ['wirefeed new "Paris summit agrees binding guarantees"', 'wirefeed new "Київ готує нову угоду"'],
  },
  import: {
    summary: 'turn plain-text articles (headline, standfirst, author, date line, body) into articles',
    operands: '<file.txt>...',
    options: ['articles', 'config'],
    examples: ['wirefeed import incoming/summit.txt', 'wirefeed import incoming/*.txt'],
  },
  serve: {
    summary: 'serve the output folder on 127.0.0.1, as a static host would',
    operands: '',
    options: ['out', 'port', 'watch', 'articles', 'config', 'now', 'cache'],
    examples: ['wirefeed serve', 'wirefeed serve --watch --port 4000'],
  },
  fetch: {
    summary: "download the live site's ledger.json and build.json (before a publish)",
    operands: '',
    options: ['into', 'config'],
    examples: ['wirefeed fetch && wirefeed build --ledger .live/ledger.json'],
  },
  ping: {
    summary: "tell the site's WebSub hub that the feeds changed (after a publish)",
    operands: '',
    options: ['config'],
    examples: ['wirefeed ping'],
  },
} satisfies Record<string, { summary: string; operands: string; options: OptionName[]; examples: string[] }>

export type Command = keyof typeof commands
const always: OptionName[] = ['quiet', 'verbose', 'help']

/** The help for one command, or the overview. */
export function helpText(command?: Command): string {
  if (!command) {
    const list = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`)
    return `Usage: wirefeed <command> [options]\n\nCommands:\n${list.join('\n')}\n\nRun \`wirefeed <command> --help\` for a command's options and examples.\n`
  }
  const { summary, operands, options, examples } = commands[command]
  const lines = [...options, ...always].map((name) => `  ${optionHelp[name]}`)
  return `Usage: wirefeed ${command}${operands ? ` ${operands}` : ''} [options]\n\n${summary[0]?.toUpperCase()}${summary.slice(1)}.\n\nOptions:\n${lines.join('\n')}\n\nExamples:\n${examples.map((e) => `  ${e}`).join('\n')}\n`
}

export type Options = ReturnType<typeof parseOptions>

type Handler = (config: Config, options: Options, io: Io) => Promise<number>

/** Each command's code, loaded when it runs: starting is most of a rebuild with nothing changed. */
const handlers: Record<Command, () => Promise<Handler>> = {
  build: async () => (await import('./commands/build.ts')).buildCommand,
  check: async () => (await import('./commands/build.ts')).buildCommand,
  list: async () => (await import('./commands/build.ts')).listCommand,
  new: async () => (await import('./commands/create.ts')).newCommand,
  import: async () => (await import('./commands/create.ts')).importCommand,
  serve: async () => (await import('./commands/serve.ts')).serveCommand,
  fetch: async () => (await import('./commands/publish.ts')).fetchCommand,
  ping: async () => (await import('./commands/publish.ts')).pingCommand,
}

/** Run the CLI; resolves to the exit code: 0 success, 1 invalid input or failure, 2 bad usage. */
export async function main(argv: string[], io: Io): Promise<number> {
  let options: Options
  try {
    options = parseOptions(argv, io)
  } catch (error) {
    if (!(error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))) throw error
    const command = argv.find((arg) => Object.hasOwn(commands, arg)) as Command | undefined
    io.stderr(`wirefeed: ${(error as Error).message}\n\n${helpText(command)}`)
    return 2
  }
  if (options.help || !options.command) {
    io.stdout(helpText(options.command))
    return 0
  }
  const command = options.command
  const config = await loadConfig(options, io)
  if (typeof config === 'number') return config
  const handler = await handlers[command]()
  return handler(config, options, io)
}

/** The site config, or an exit code after reporting why there is none. */
export async function loadConfig(options: Options, io: Io): Promise<Config | number> {
  const file = await readSource(options.config)
  if (!file && options.configGiven) {
    io.stderr(`wirefeed: the config file \`${options.config}\` does not exist.\n`)
    return 2
  }
  const config = validateConfig(file)
  if (config) return config
  io.stderr(formatReport(file ? [file] : [], 'text', { color: options.color }))
  return 1
}

export async function isDirectory(path: string) {
  return stat(path).then(
    (info) => info.isDirectory(),
    () => false,
  )
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
      format: { type: 'string', default: 'text' },
      port: { type: 'string', default: '8080' },
      watch: { type: 'boolean', default: false },
      into: { type: 'string', default: '.live' },
      cache: { type: 'string', default: join('.cache', 'wirefeed') },
      threads: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  const [name, ...operands] = positionals
  if (name === undefined && values.help) return settings(values, undefined, [], io)
  if (name === undefined) throw new UsageError('no command given.')
  if (!Object.hasOwn(commands, name)) throw new UsageError(`unknown command \`${name}\`.`)
  const command = name as Command
  if (!values.help) {
    const given = Object.keys(values).filter((key) => argv.some((arg) => arg === `--${key}` || arg.startsWith(`--${key}=`)))
    const foreign = given.find((key) => ![...commands[command].options, ...always].includes(key as OptionName))
    if (foreign) throw new UsageError(`\`${command}\` does not take --${foreign}.`)
    if (command === 'new' && operands.length !== 1) throw new UsageError('`new` takes one headline, in quotes.')
    if (command === 'import' && operands.length === 0) throw new UsageError('`import` takes one or more text files.')
    if (command !== 'new' && command !== 'import' && operands.length > 0) {
      throw new UsageError(`unexpected argument \`${operands[0]}\`.`)
    }
  }
  return settings(values, command, operands, io)
}

function settings(
  values: {
    articles: string
    out: string
    config?: string
    ledger?: string
    now?: string
    format: string
    port: string
    watch: boolean
    into: string
    cache: string
    threads?: string
    quiet: boolean
    verbose: boolean
    help: boolean
  },
  command: Command | undefined,
  operands: string[],
  io: Io,
) {
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
  return {
    command,
    help: values.help,
    operands,
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
    cache: values.cache,
    threads,
    quiet: values.quiet,
    verbose: values.verbose,
    // Colour and progress only for a person at a terminal, never in CI logs or pipes.
    color: io.tty && !io.env.NO_COLOR && io.env.CI !== 'true',
    progress: io.tty && io.env.CI !== 'true' && !values.quiet,
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
