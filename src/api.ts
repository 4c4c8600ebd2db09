/**
 * The programmatic API: `wirefeed build` and `wirefeed check` as functions
 * that take options and resolve to the report as plain data. The CLI's
 * commands (src/commands/build.ts, list.ts) are a thin layer over these.
 *
 *     import { build } from 'wirefeed'
 *     const report = await build({ now: new Date('2026-01-06T09:00:00Z') })
 *     if (!report.ok) console.log(report.problems)
 */
import { readFileSync, realpathSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { authorsFileName, validateAuthors } from './authors.ts'
import type { BudgetedDocument } from './feeds/documents.ts'
import { configFileName, configSchema, siteImagesOfData, validateConfig, type Config, type ConfigInput } from './config.ts'
import { publishSchedule, publishWorkflowFile } from './feeds/polling.ts'
import { build as runEngine, OutputRefused, SiteTooLarge, type BuildResult, type Session } from './engine/index.ts'
import { readImageFile, readSource } from './load.ts'
import { maxSiteImageBytes } from './site-images.ts'
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
  /** The output folder of a preview (`drafts`, `future`): never `out`, which is published. */
  preview: 'preview',
  /** A preview's cache: its own, so a preview never evicts what the next build would use. */
  previewCache: join('.cache', 'wirefeed-preview'),
} as const

export interface Options {
  /** The articles folder. */
  articles?: string
  /** The output folder `build` writes; a preview's (`drafts`, `future`) is `preview`, and never `dist`. */
  out?: string
  /**
   * The config file's path (no such file: the defaults), or the config itself,
   * as its YAML gives it. The publish workflow beside the file (under
   * `.github/workflows/`) gives the feeds' polling hints; a config given as
   * data has none, unless it is one `readConfig` gave.
   */
  config?: string | ConfigInput | Config
  /**
   * The ledger of ids the live site published, which guards them: by default
   * `.live/ledger.json` when `wirefeed fetch` put it there. Never the output's own
   * ledger.json: a local build is a preview, not a publication. Named, it must exist.
   */
  ledger?: string
  /** The incremental build cache; a preview's is `.cache/wirefeed-preview`. */
  cache?: string
  /** "Now": articles dated later are embargoed. Default: the clock. */
  now?: Date
  /**
   * A preview, never a publication: drafts (`drafts`) and articles dated
   * after "now" (`future`) are shown as if published, each marked on its
   * page and on the home page. It writes to its own folder and cache, and
   * records nothing as published (its ledger.json is what a build would write).
   */
  drafts?: boolean
  future?: boolean
  /**
   * What a watcher keeps between its builds (`openSession` in src/engine/index.ts;
   * `wirefeed serve --watch`), told what changed since the last one. The report is the same as without.
   */
  session?: Session
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

/** What `check` adds: every valid article, and the state it is in; and the profile asked for (`CheckOptions.profile`). */
export interface CheckReport extends Report {
  articles: Listing[]
  /** Absent when the site is not valid, or no profile was asked for. */
  profile?: ProfileReport
}

export interface CheckOptions extends Options {
  /** A partner profile's name (the config's `profiles`): how its document is filled, item by item. */
  profile?: string
}

/** How a partner profile's document is filled (`wirefeed check --profile NAME`). */
export interface ProfileReport {
  name: string
  /** Where it is written, in the output folder. */
  path: string
  format: 'rss' | 'atom' | 'json'
  content: 'full' | 'summary'
  maxBytes: number
  minItems: number
  /** The document's bytes, as written. */
  bytes: number
  /** Its candidates, newest first: the newest `maxItems`. */
  items: ProfileItem[]
  /** How many older articles there are beyond `maxItems`, never considered. */
  beyond: number
}

export interface ProfileItem {
  id: string
  title: string
  url: string
  kept: boolean
  /** Its share of the document in bytes, when measured: every kept one's, and the first left out's. */
  bytes?: number
  /** Why it was left out. */
  reason?: string
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
  return (await buildWithConfig(options)).report
}

/**
 * `build`, and the config it read (absent when that was not valid): for the
 * preview (src/commands/serve.ts), whose address follows the site's URL as
 * each build finds it. Not part of the package's interface.
 */
export async function buildWithConfig(options: Options = {}): Promise<{ report: Report; config?: Config }> {
  const result = await run(options, true)
  return 'problems' in result ? { report: result } : { report: reportOf(result.built), config: result.config }
}

/** Validate every article and report; writes nothing but the cache. */
export async function check(options: CheckOptions = {}): Promise<CheckReport> {
  const ran = await run(options, false)
  if ('problems' in ran) return { ...ran, articles: [] }
  const result = ran.built
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
  const profile = options.profile === undefined ? undefined : ran.config.profiles[options.profile]
  const filled = result.profile && profile && options.profile !== undefined && profileReport(options.profile, profile, result.profile)
  return { ...reportOf(result), articles, ...(filled && { profile: filled }) }
}

/** A profile's filled document as data: each candidate kept, or left out and why. */
function profileReport(name: string, profile: Config['profiles'][string], document: BudgetedDocument): ProfileReport {
  const items = document.candidates.map((article, index): ProfileItem => {
    const share = document.shares[index]
    const base = { id: article.id, title: article.title, url: article.url, ...(share !== undefined && { bytes: share }) }
    if (index < document.kept) return { ...base, kept: true }
    if (index >= document.shares.length) return { ...base, kept: false, reason: 'after an article that did not fit: the document keeps the newest, with no gap' }
    // Measured, and over: the first that did not fit; or (rarely) one the written document had no room for after all.
    const estimate = document.shares.slice(0, index + 1).reduce((sum, bytes) => sum + bytes, document.envelope)
    return estimate > document.maxBytes
      ? { ...base, kept: false, reason: `would take the document to about ${estimate.toLocaleString('en')} bytes, past its maxBytes (${document.maxBytes.toLocaleString('en')})` }
      : { ...base, kept: false, reason: `the document written with it came to more than its maxBytes (${document.maxBytes.toLocaleString('en')})` }
  })
  return { name, path: document.path, format: profile.format, content: profile.content, maxBytes: document.maxBytes, minItems: document.minItems, bytes: document.bytes, items, beyond: document.beyond }
}

/** The engine's result and the config; the config's problems as a failed report when it is invalid. */
async function run(options: CheckOptions, write: boolean): Promise<{ built: BuildResult; config: Config } | Report> {
  const { profile } = options
  const articles = options.articles ?? defaults.articles
  const preview = options.drafts || options.future ? { drafts: options.drafts === true, future: options.future === true } : undefined
  const out = options.out ?? (preview ? defaults.preview : defaults.out)
  if (preview && write && isPublishedFolder(out)) throw new Refused(previewRefusal(out), 'place')
  if (!statSync(articles, { throwIfNoEntry: false })?.isDirectory()) throw new Refused(`the articles folder \`${articles}\` does not exist`, 'place')
  const read = typeof options.config === 'object' ? { config: configObject(options.config, articles) } : readConfig(options.config, articles)
  if (!('config' in read)) return { ok: false, problems: read.problems, published: 0, drafts: 0, scheduled: [] }
  const { config } = read
  const ledger = readSource(options.ledger ?? defaults.ledger)
  if (!ledger && options.ledger !== undefined) {
    throw new Refused(`the ledger \`${options.ledger}\` does not exist; only a site's very first build goes without one`, 'place')
  }
  try {
    const built = await runEngine({
      articles,
      config,
      ...(ledger && { ledger }),
      now: options.now ?? new Date(),
      ...(preview && { preview }),
      write,
      out,
      cache: options.cache ?? (preview ? defaults.previewCache : defaults.cache),
      ...(options.threads !== undefined && { threads: options.threads }),
      ...(options.onProgress && { onProgress: options.onProgress }),
      ...(options.session && { session: options.session }),
      ...(profile !== undefined && { profile }),
    })
    return { built, config }
  } catch (error) {
    if (error instanceof OutputRefused) throw new Refused(error.message, 'place')
    if (error instanceof SiteTooLarge) throw new Refused(error.message, 'size')
    throw error
  }
}

/**
 * The site config from its file (the defaults when there is none and none
 * was named), or its problems. Given the articles folder `articles`, its
 * `icon` and `logo` are read from there and checked (src/site-images.ts), as
 * a build needs them; unless there is no such folder, which the build then
 * refuses on its own.
 */
export function readConfig(path?: string, articles?: string): { config: Config } | { problems: Problem[] } {
  const file = readSource(path ?? defaults.config)
  if (!file && path !== undefined) throw new Refused(`the config file \`${path}\` does not exist`, 'place')
  const folder = articles !== undefined && statSync(articles, { throwIfNoEntry: false })?.isDirectory()
  const config = validateConfig(file, folder ? imageReader(articles) : undefined)
  const root = dirname(path ?? defaults.config)
  // The authors' register, beside the config: optional, and checked as strictly when there.
  const register = readSource(join(root, authorsFileName))
  const authors = register && validateAuthors(register)
  if (!config || (register && !authors)) return { problems: problemsOf([...(file ? [file] : []), ...(register ? [register] : [])]) }
  return { config: withSchedule(authors ? { ...config, authors } : config, root) }
}

/**
 * The config with the cron of the publish workflow in the project at `root`
 * (src/feeds/polling.ts): the feeds' polling hints follow the schedule that
 * really publishes. No workflow, or none this can read: no hint, and no error,
 * since a site may publish from elsewhere.
 */
function withSchedule(config: Config, root: string): Config {
  let workflow: string
  try {
    workflow = readFileSync(join(root, publishWorkflowFile), 'utf8')
  } catch {
    return config
  }
  const schedule = publishSchedule(workflow)
  return schedule === undefined ? config : { ...config, schedule }
}

/**
 * Whether `out` is the folder a build publishes (`defaults.out`, however it
 * is written, links followed): a preview never writes there, so that no
 * draft can reach the publish job's output, even by a stray upload.
 */
export function isPublishedFolder(out: string): boolean {
  const real = (path: string) => {
    try {
      return realpathSync(path)
    } catch {
      return resolve(path)
    }
  }
  return real(out) === real(defaults.out)
}

/** Why a preview will not write to `out`, in one sentence. */
export function previewRefusal(out: string): string {
  return `\`${out}\` is the output folder a build publishes; a preview with drafts or the future writes to another (by default \`${defaults.preview}\`)`
}

/** What reads the site's icon and logo: files in the articles folder. */
function imageReader(articles: string) {
  return (path: string) => readImageFile(articles, path, maxSiteImageBytes)
}

/**
 * A config given as data, checked again; the schedule and the icon and logo
 * of one `readConfig` gave are kept. Otherwise its `icon` and `logo` are read
 * from the articles folder `articles`.
 */
function configObject(input: ConfigInput | Config, articles: string): Config {
  const { schedule, siteImages, authors, ...fields } = input as Config
  const parsed = configSchema.safeParse(fields)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `\`${issue.path.join('.')}\`: ${issue.message}`)
    throw new Refused(`the config is not valid: ${issues.join('; ')}`, 'config')
  }
  const config: Config = { ...parsed.data, ...(schedule !== undefined && { schedule }), ...(authors !== undefined && { authors }) }
  if (parsed.data.icon === undefined && parsed.data.logo === undefined) return config
  const images = siteImages ?? siteImagesOfData(config, imageReader(articles))
  if (typeof images === 'string') throw new Refused(`the config is not valid: ${images}`, 'config')
  return { ...config, siteImages: images }
}

function reportOf({ files, ok, summary, output }: BuildResult): Report {
  return { ok, problems: problemsOf(files), ...summary, ...(output && { output }) }
}
