import { VFile } from 'vfile'
import type { Config } from './config.ts'
import { buildFeedModel } from './feeds/build.ts'
import { feedDocuments } from './feeds/documents.ts'
import { lintArticle, lintDuplicates, lintImages } from './lint.ts'
import type { Asset } from './load.ts'
import { entryServes, fromEntry, sourceContext, sourceKey, toEntry, type CacheEntry } from './cache.ts'
import { checkIdentity, ledgerSchema, nextLedger, type Ledger } from './ids.ts'
import { report } from './messages.ts'
import { renderArticle, type ShownArticle } from './render.ts'
import { pageFiles } from './pages/site-pages.ts'
import { validateArticle, type Article } from './validate.ts'
import { widgetFiles } from './widget/widget-files.ts'
import { outputFile, type OutputFile } from './output.ts'

export interface BuildOptions {
  /** The build's "now": articles dated later are embargoed. Read once, in the CLI. */
  now: Date
  /** The ledger the live site published last; `undefined` on a first build. */
  ledger?: VFile
  /** Results of earlier builds by source key (see cache.ts); a hit skips parsing and rendering. */
  cache?: ReadonlyMap<string, CacheEntry>
  /** What, besides a source, its result depends on: the config and the renderer's version. */
  cacheContext?: string
  /** Entries analysed for this build elsewhere (on worker threads) by key: used as they are, not counted as reused. */
  analysed?: ReadonlyMap<string, CacheEntry>
  /** Images under the articles folder, published beside the pages. */
  assets?: readonly Asset[]
}

export interface SiteResult {
  /** Every file that carries messages: sources, config, ledger. */
  files: VFile[]
  /** False when any message is fatal: then `output` is empty and nothing may be written. */
  ok: boolean
  /** Every file of the site but the manifest (see `manifestOf`), made as it is read; it can be read more than once. */
  output: Iterable<OutputFile>
  /** The ledger this build publishes (also in `output`); absent when it failed. */
  ledger?: string
  /** What `output` is made from with the ledger (see `siteOutput`): the published articles, as plain data. */
  shown: ShownArticle[]
  /** Articles in the feeds' sources this build: valid, not drafts, dated at or before `now`. */
  published: Article[]
  /** Valid articles dated after `now`, earliest first. */
  scheduled: Article[]
  /** Valid articles marked `draft: true`, in source order. */
  drafts: Article[]
  /** This build's result for every source, by key: to store for the next build. */
  cache: Map<string, CacheEntry>
  /** Keys that were taken from `options.cache`. */
  reused: Set<string>
  /** Images to publish beside `output`, at their own paths. */
  assets: readonly Asset[]
}

/**
 * Sources → validated articles → rendered articles → feeds. Pure: the caller
 * reads the files and writes `output`; nothing here touches the disk or the clock.
 */
export function buildSite(sources: VFile[], config: Config, options: BuildOptions): SiteResult {
  const files = [...sources]
  const cache = new Map<string, CacheEntry>()
  const reused = new Set<string>()
  const all: Article[] = []
  const shownBySource = new Map<VFile, ShownArticle>()

  // Each source's result: from the cache, analysed beforehand (the CLI does that, on worker
  // threads), or made here, one source at a time, so memory holds plain data, never a syntax tree.
  const context = sourceContext(options.cacheContext ?? '', config)
  for (const { file, key, hit } of cacheLookups(sources, config, options)) {
    const entry = hit ?? options.analysed?.get(key) ?? analyseSource(file.path, textOf(file), config, key, options.now)
    if (hit) reused.add(key)
    cache.set(key, entry)
    const { article, shown } = fromEntry(entry, file, context)
    if (article) all.push(article)
    if (shown) shownBySource.set(file, shown)
  }

  const live = all.filter((article) => !article.draft)
  const published = live.filter((article) => article.date <= options.now)
  const scheduled = live
    .filter((article) => article.date > options.now)
    .sort((a, b) => a.date.getTime() - b.date.getTime())
  const drafts = all.filter((article) => article.draft)

  // An unreadable ledger already carries its error; reading it again would add a second, vaguer one.
  const previous = options.ledger && options.ledger.messages.length === 0 ? readLedger(options.ledger) : undefined
  if (options.ledger) files.push(options.ledger)
  files.push(...checkIdentity(all, published, config, previous))
  lintDuplicates(all)
  const assets = options.assets ?? []
  lintImages(all, new Set(assets.map((asset) => asset.path)), config.url)

  const ok = !files.some((file) => file.messages.some((message) => message.fatal))
  const result = { files, ok, output: [], shown: [], published, scheduled, drafts, cache, reused, assets }
  if (!ok) return result

  const shown = published.map((article) => shownBySource.get(article.file) as ShownArticle)
  const ledger = JSON.stringify(nextLedger(previous, published, config), null, 2) + '\n'
  return { ...result, output: siteOutput(shown, config, ledger), shown, ledger }
}

/**
 * Every file of the site but the manifest (see `manifestOf`), from its
 * published articles and the ledger: each made as the writer reads it, and
 * the same whatever thread reads it, being made from plain data alone
 * (src/pool.ts makes a cold build's on worker threads). It can be read more than once.
 */
export function siteOutput(articles: readonly ShownArticle[], config: Config, ledger: string): Iterable<OutputFile> {
  return {
    *[Symbol.iterator]() {
      const model = buildFeedModel(articles, config)
      // The feeds: the site's, each tag's and author's, with their monthly archives, and feeds.opml.
      yield* feedDocuments(articles, config)
      // What people see: the pages, and the partner headlines.
      yield* pageFiles(articles, model, config)
      yield* widgetFiles(model, config)
      yield outputFile('ledger.json', ledger)
    },
  }
}

/**
 * Each loadable source with its cache key and, when the cache holds all this
 * build needs from it (the HTML too, if it is published at `now`), the hit.
 * The sources without a hit are the ones to analyse.
 */
export function cacheLookups(sources: readonly VFile[], config: Config, options: Pick<BuildOptions, 'cache' | 'cacheContext' | 'now'>) {
  const context = sourceContext(options.cacheContext ?? '', config)
  return sources
    .filter((file) => file.messages.length === 0)
    .map((file) => {
      const key = sourceKey(file, context)
      const hit = options.cache?.get(key)
      return { file, key, hit: hit && entryServes(hit, options.now) ? hit : undefined }
    })
}

/**
 * What one source gives, as its cache entry: its messages, and the article
 * when valid, rendered when published at `now`. The unit of work, whether
 * done here or on a worker thread (src/pool.ts): it reads only its
 * arguments and returns plain data, so both give the same entry.
 */
export function analyseSource(path: string, value: string, config: Config, key: string, now: Date): CacheEntry {
  const file = new VFile({ path, value })
  const article = validateArticle(file, config)
  if (article) lintArticle(article)
  const rendered = article && !article.draft && article.date <= now ? renderArticle(article) : undefined
  return toEntry(key, file, article, rendered)
}

/** A source's text, to analyse here; one the loader let go must have been analysed beforehand. */
function textOf(file: VFile): string {
  if (file.value === undefined) throw new Error(`${file.path} has no text here and was not analysed beforehand`)
  return String(file.value)
}

function readLedger(file: VFile): Ledger | undefined {
  let json: unknown
  try {
    json = JSON.parse(String(file.value))
  } catch (error) {
    report(file, 'invalid-ledger', { line: 1, column: 1 }, { detail: (error as Error).message })
    return undefined
  }
  const result = ledgerSchema.safeParse(json)
  if (result.success) return result.data
  report(file, 'invalid-ledger', { line: 1, column: 1 }, { detail: result.error.issues[0]?.message ?? '' })
  return undefined
}
