/**
 * The programmatic API: `wirefeed build` and `wirefeed check` as functions
 * that take options and resolve to the report as plain data. The CLI's
 * commands (src/commands/build.ts, list.ts) are a thin layer over these.
 *
 *     import { build } from 'wirefeed'
 *     const report = await build({ now: new Date('2026-01-06T09:00:00Z') })
 *     if (!report.ok) console.log(report.problems)
 */
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { configFileName, configSchema, validateConfig, type Config, type ConfigInput } from './config.ts'
import { build as runEngine, OutputRefused, SiteTooLarge, type BuildResult } from './engine/index.ts'
import { readSource } from './load.ts'
import { problemsOf, type Problem } from './report.ts'
import type { Article } from './validate.ts'

export type { Problem } from './report.ts'

/** Where things are when an option does not say; the CLI's flags have the same defaults. */
export const defaults = {
  articles: 'articles',
  out: 'dist',
  config: configFileName,
  cache: join('.cache', 'wirefeed'),
  /** Where `wirefeed fetch` puts the live site's ledger.json and build.json. */
  live: '.live',
  /** The ledger ids are guarded by when none is named: the live site's, when fetched. */
  ledger: join('.live', 'ledger.json'),
} as const

export interface Options {
  /** The articles folder. */
  articles?: string
  /** The output folder `build` writes. */
  out?: string
  /** The config file's path (no such file: the defaults), or the config itself, as its YAML gives it. */
  config?: string | ConfigInput
  /**
   * The ledger of ids the live site published, which guards them: by default
   * `.live/ledger.json` when `wirefeed fetch` put it there. Never the output's own
   * ledger.json: a local build is a preview, not a publication. Named, it must exist.
   */
  ledger?: string
  /** The incremental build cache. */
  cache?: string
  /** "Now": articles dated later are embargoed. Default: the clock. */
  now?: Date
  /** Worker threads for parsing and rendering; by default one a core for a large site. */
  threads?: number
  /** Told, as sources are analysed, how many of how many are done. */
  onProgress?: (done: number, total: number) => void
}

export interface Report {
  /** False when any problem is an error: then nothing was written. */
  ok: boolean
  /** Every error and warning, sorted by file and place. */
  problems: Problem[]
  published: number
  drafts: number
  /** The embargoed articles, and the time (ISO 8601) each goes live. */
  scheduled: { file: string; goesLive: string }[]
  /**
   * `build` only, when it succeeded: `unchanged` when nothing changed since the last
   * build (nothing was touched), `same` when made again to the same bytes, `written` when it changed.
   */
  output?: 'unchanged' | 'same' | 'written'
}

/** What `check` adds: every valid article, and the state it is in. */
export interface CheckReport extends Report {
  articles: Listing[]
}

export interface Listing {
  file: string
  state: 'published' | 'scheduled' | 'draft'
  title: string
  /** ISO 8601. */
  date: string
  url: string
  id: string
}

/**
 * Why a build did not start: `place`, a folder or file that is missing or
 * that wirefeed will not write to; `size`, a site heavier than `siteSizeLimit`;
 * `config`, a config given as an object that is not valid (one given as a
 * file is reported as problems at their lines instead).
 */
export class Refused extends Error {
  constructor(
    message: string,
    readonly reason: 'place' | 'size' | 'config',
  ) {
    super(message)
    this.name = 'Refused'
  }
}

/** Validate every article, and write the site to `out` when all are valid. */
export async function build(options: Options = {}): Promise<Report> {
  const result = await run(options, true)
  return 'problems' in result ? result : reportOf(result)
}

/** Validate every article and report; writes nothing but the cache. */
export async function check(options: Options = {}): Promise<CheckReport> {
  const result = await run(options, false)
  if ('problems' in result) return { ...result, articles: [] }
  const listing = (state: Listing['state']) => (article: Article) => ({
    file: article.file.path,
    state,
    title: article.title,
    date: article.date.toISOString(),
    url: article.url,
    id: article.id,
  })
  const { published = [], scheduled = [], drafts = [] } = result.site ?? {}
  const articles = [...published.map(listing('published')), ...scheduled.map(listing('scheduled')), ...drafts.map(listing('draft'))]
  return { ...reportOf(result), articles }
}

/** The engine's result; the config's problems as a failed report when it is invalid. */
async function run(options: Options, write: boolean): Promise<BuildResult | Report> {
  const articles = options.articles ?? defaults.articles
  const out = options.out ?? defaults.out
  const read = typeof options.config === 'object' ? { config: configObject(options.config) } : readConfig(options.config)
  if (!('config' in read)) return { ok: false, problems: read.problems, published: 0, drafts: 0, scheduled: [] }
  const { config } = read
  if (!statSync(articles, { throwIfNoEntry: false })?.isDirectory()) throw new Refused(`the articles folder \`${articles}\` does not exist`, 'place')
  const ledger = readSource(options.ledger ?? defaults.ledger)
  if (!ledger && options.ledger !== undefined) {
    throw new Refused(`the ledger \`${options.ledger}\` does not exist; only a site's very first build goes without one`, 'place')
  }
  try {
    return await runEngine({
      articles,
      config,
      ...(ledger && { ledger }),
      now: options.now ?? new Date(),
      write,
      out,
      cache: options.cache ?? defaults.cache,
      ...(options.threads !== undefined && { threads: options.threads }),
      ...(options.onProgress && { onProgress: options.onProgress }),
    })
  } catch (error) {
    if (error instanceof OutputRefused) throw new Refused(error.message, 'place')
    if (error instanceof SiteTooLarge) throw new Refused(error.message, 'size')
    throw error
  }
}

/** The site config from its file (the defaults when there is none and none was named), or its problems. */
export function readConfig(path?: string): { config: Config } | { problems: Problem[] } {
  const file = readSource(path ?? defaults.config)
  if (!file && path !== undefined) throw new Refused(`the config file \`${path}\` does not exist`, 'place')
  const config = validateConfig(file)
  return config ? { config } : { problems: problemsOf(file ? [file] : []) }
}

function configObject(input: ConfigInput): Config {
  const parsed = configSchema.safeParse(input)
  if (parsed.success) return parsed.data
  const issues = parsed.error.issues.map((issue) => `\`${issue.path.join('.')}\`: ${issue.message}`)
  throw new Refused(`the config is not valid: ${issues.join('; ')}`, 'config')
}

function reportOf({ files, ok, summary, output }: BuildResult): Report {
  return { ok, problems: problemsOf(files), ...summary, ...(output && { output }) }
}
