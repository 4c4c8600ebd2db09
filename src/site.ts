import { VFile } from 'vfile'
import { analyseSource, isPublished } from './analyse.ts'
import { lintBylines } from './authors.ts'
import type { Config } from './config.ts'
import { budgetedDocuments, feedDocuments, filledDocument, type BudgetedDocument, type BudgetPlan } from './feeds/documents.ts'
import { feedModel, siteFeed } from './feeds/model.ts'
import { topicsOf } from './feeds/topics.ts'
import { checkIdentity, checkSilentChanges, ledgerEntry, ledgerSchema, nextLedger, retractionsOf, type Ledger, type Retraction } from './ids.ts'
import { imagePaths, lintDuplicates, lintImages, lintLeadImages } from './lint.ts'
import { report } from './messages.ts'
import type { Image } from './load.ts'
import { checkOutputPaths } from './output-paths.ts'
import { manifestFile, outputFile, type OutputFile } from './output.ts'
import { outputPathFor } from './pages/urls.ts'
import { newsSitemapChangesAt } from './pages/news-sitemap.ts'
import { pageFiles } from './pages/site-pages.ts'
import { checkTranslations } from './translations.ts'
import { isShown, previewState, shown, type BodyOf, type Preview, type ShownArticle } from './shown.ts'
import type { Article } from './validate.ts'
import { widgetFiles } from './widget/widget-files.ts'

/** What one source gave (see `analyseSource`): its file with its messages, its article when valid, and its reading time when rendered. */
export interface SourceResult {
  file: VFile
  article?: Article
  readingTime?: number
}

export interface SiteOptions {
  /** The build's "now": articles dated later are embargoed. Read once, in the CLI. */
  now: Date
  /** The ledger the live site published last; absent on a first build. */
  ledger?: VFile
  /** The images under the articles folder: what articles' images may name, published beside the pages. */
  images?: readonly Image[]
  /** Other files this build checked (its SVG images), whose messages count as the sources' do. */
  checked?: readonly VFile[]
  /**
   * A preview (`--drafts`, `--future`): the drafts and scheduled articles it
   * names are shown as if published, each marked, but never recorded as
   * published: `published`, the ledger and its checks are the same as without.
   */
  preview?: Preview
}

export interface Site {
  /** Every file that carries messages: the sources, the ledger, and ones named after vanished ids. */
  files: VFile[]
  /** False when any message is fatal: then nothing may be written. */
  ok: boolean
  /** Valid articles, not drafts, dated at or before "now", in source order. */
  published: Article[]
  /** The same and, in a preview, the previewed ones, as pages and feeds show them, in source order. */
  shown: ShownArticle[]
  /** In a preview, the drafts and scheduled articles shown as if published (`SiteOptions.preview`), in source order. */
  previewed: Article[]
  /** Valid articles dated after "now", earliest first. */
  scheduled: Article[]
  /** Valid articles marked `draft: true`, in source order. */
  drafts: Article[]
  /** The ledger this build publishes; absent when it failed. */
  ledger?: string
  /**
   * The config's retractions, with the URL and publication time the ledger
   * this build publishes knows (see `retractionsOf`): for the tombstones in
   * the feeds, and a notice at each URL. Empty when the build failed.
   */
  retracted: Retraction[]
  /**
   * When the output made at "now" changes though no input does: the first
   * time an article leaves the news sitemap. Absent when nothing ages out.
   * (A scheduled article going live is the other such time: see `scheduled`.)
   */
  changesAt?: Date
}

/**
 * The site the sources' results make: what is published at "now", checked
 * across articles (ids and URLs unique, published ids kept; warnings for
 * duplicate headlines and missing images), and the ledger that records it.
 * Pure: messages go on the files.
 */
export function assembleSite(results: readonly SourceResult[], config: Config, options: SiteOptions): Site {
  return new SiteAssembler().assemble(results, config, options)
}

/**
 * Assembles the site of one set of sources build after build (a watcher's:
 * src/engine/session.ts), each time as `assembleSite` does, taking again
 * what the last assembly found when only bodies changed. An edit to an
 * article's body alone (its data, images and place the same) changes
 * nothing the checks across articles look at, which lists the article is
 * in, nor its ledger entry but the digest: at 10,000 articles, checking and
 * listing them all again was a third of a rebuild. Then only the edited
 * articles' shown form, silent-change check and ledger entry are made again.
 * Anything else (an article's data, one added or removed, the config, the
 * ledger, the images, a "now" past a time the site changes at) assembles
 * the whole site again.
 *
 * Results given again are known as the same objects: their files still
 * carry the messages the last assembly's checks put on them, which stand,
 * or which it takes off before it checks again.
 */
export class SiteAssembler {
  #last: Assembled | undefined

  assemble(results: readonly SourceResult[], config: Config, options: SiteOptions): Site {
    const basis = basisOf(config, options)
    const last = this.#last
    const now = options.now.getTime()
    const stands = last && last.site.ok && last.from <= now && now < last.until && sameBasis(last.basis, basis) && untouched(last)
    const edits = stands ? editedBodies(last.results, results) : undefined
    this.#last = undefined
    const made = last && edits ? withBodies(last, edits, results, options) : wholeSite(results, config, options, basis, last)
    this.#last = made
    return made.site
  }
}

/**
 * What an assembly found, for the next (see `SiteAssembler`): its site, what
 * it was made from, the messages its checks put on each source's file (those
 * from `analysed` to `checked` look at articles' data, the rest to `total`
 * at bodies),
 * and the ledgers it read and made.
 */
interface Assembled {
  site: Site
  results: readonly SourceResult[]
  basis: Basis
  /** The "now" it was made at, and the first instant it no longer holds at (an article goes live or leaves the news sitemap), in ms. */
  from: number
  until: number
  counts: Map<VFile, { analysed: number; checked: number; total: number }>
  /** The articles `site.shown` shows, in its order. */
  onShow: readonly Article[]
  /** Files the identity checks made for vanished ids. */
  extra: readonly VFile[]
  previous: Ledger | undefined
  next: Ledger
  infos: ReadonlyMap<string, Image['info']>
  pathOf: (url: string) => string | null | undefined
}

/** What an assembly rests on besides the sources' results: the config, the ledger, the preview, the images and the other files checked. */
interface Basis {
  config: string
  ledger: string | undefined
  preview: string
  images: readonly Image[]
  checked: string
}

function basisOf(config: Config, options: SiteOptions): Basis {
  return {
    config: JSON.stringify(config),
    ledger: options.ledger === undefined ? undefined : String(options.ledger.value),
    preview: JSON.stringify(options.preview ?? {}),
    images: options.images ?? [],
    checked: JSON.stringify((options.checked ?? []).map((file) => [file.path, file.messages.map((message) => [message.ruleId, message.reason, message.line, message.column])])),
  }
}

function sameBasis(a: Basis, b: Basis): boolean {
  const sameImage = (image: Image, index: number) => {
    const other = b.images[index]
    return other !== undefined && image.path === other.path && (image.info === other.info || JSON.stringify(image.info) === JSON.stringify(other.info))
  }
  return a.config === b.config && a.ledger === b.ledger && a.preview === b.preview && a.checked === b.checked && a.images.length === b.images.length && a.images.every(sameImage)
}

/** Whether the sources' files carry the messages the assembly left them, and no more (listing the site adds some when paths clash). */
function untouched(last: Assembled): boolean {
  for (const [file, count] of last.counts) if (file.messages.length !== count.total) return false
  return true
}

/** Past this many edited bodies, a whole assembly is as quick. */
const mostEdits = 64

/**
 * The results whose bodies alone changed since `before`, each with the one
 * it replaces; `undefined` when anything else changed: a source added,
 * removed or moved, an article's data, or a result that fails.
 */
function editedBodies(before: readonly SourceResult[], after: readonly SourceResult[]): Map<SourceResult, SourceResult> | undefined {
  if (before.length !== after.length) return undefined
  const edits = new Map<SourceResult, SourceResult>()
  for (const [index, result] of after.entries()) {
    const last = before[index] as SourceResult
    if (last === result) continue
    if (!last.article || !result.article || last.file.path !== result.file.path || edits.size === mostEdits) return undefined
    if (result.file.messages.some((message) => message.fatal) || dataOf(last.article) !== dataOf(result.article)) return undefined
    edits.set(last, result)
  }
  return edits
}

/** An article's data but its body (and file): what the checks across articles look at. */
function dataOf({ file: _file, bodyDigest: _bodyDigest, ...data }: Article): string {
  return JSON.stringify(data)
}

/** The site of `results` assembled whole; `last`'s files among them lose the messages its checks put on them first. */
function wholeSite(results: readonly SourceResult[], config: Config, options: SiteOptions, basis: Basis, last: Assembled | undefined): Assembled {
  for (const result of results) {
    const count = last?.counts.get(result.file)
    if (count) result.file.messages.length = count.analysed
  }
  const files = results.map((result) => result.file)
  const all = results.flatMap((result) => (result.article ? [result.article] : []))
  const readingTimes = new Map(results.map((result) => [result.article, result.readingTime]))
  const published = all.filter((article) => isPublished(article, options.now))
  const scheduled = all
    .filter((article) => !article.draft && !isPublished(article, options.now))
    .sort((a, b) => a.date.getTime() - b.date.getTime())
  const drafts = all.filter((article) => article.draft)
  const onShow = all.filter((article) => isShown(article, options.now, options.preview))
  const previewed = onShow.filter((article) => previewState(article, options.now, options.preview) !== undefined)
  const counts = new Map(files.map((file) => [file, { analysed: file.messages.length, checked: 0, total: 0 }]))

  // An unreadable ledger already carries its error; reading it again would add a second, vaguer one.
  const previous = options.ledger && options.ledger.messages.length === 0 ? readLedger(options.ledger) : undefined
  if (options.ledger) files.push(options.ledger)
  const invalid = new Set(results.filter((result) => !result.article).map((result) => result.file.path))
  const extra = checkIdentity(all, published, config, previous, invalid)
  files.push(...(options.checked ?? []), ...extra)
  checkTranslations(all)
  lintDuplicates(all)
  const pathOf = imagePaths(config.url)
  lintImages(all, new Set(options.images?.map((image) => image.path)), pathOf)
  // What the images' bytes say, for those read (the engine reads every image; `buildSite` none).
  const infos = new Map(options.images?.flatMap((image) => (image.info === undefined ? [] : [[image.path, image.info] as const])))
  lintLeadImages(all, infos, pathOf)
  lintBylines(all, config.authors)
  for (const [file, count] of counts) count.checked = file.messages.length
  // Last: the one check that looks at bodies (see `withBodies`).
  checkSilentChanges(published, previous)
  for (const [file, count] of counts) count.total = file.messages.length

  const fatal = files.some((file) => file.messages.some((message) => message.fatal))
  const failed = { files, published, scheduled, drafts, previewed, retracted: [], ok: false, shown: [] }
  const next = nextLedger(previous, published, config)
  const from = options.now.getTime()
  const kept = { results, basis, from, until: from, counts, onShow, extra, previous, next, infos, pathOf }
  if (fatal) return { ...kept, site: failed }
  const articles = onShow.map((article) => {
    const minutes = readingTimes.get(article)
    if (minutes === undefined) throw new Error(`${article.file.path} is shown but was not rendered`)
    return withImageInfo(shown(article, minutes, previewState(article, options.now, options.preview)), article, infos, pathOf)
  })
  // Only what is published at "now" is recorded, in a preview too: a previewed draft leaves no trace in the ledger.
  const ledger = JSON.stringify(next, null, 2) + '\n'
  const changesAt = newsSitemapChangesAt(articles, options.now)
  const site: Site = { ...failed, ok: true, shown: articles, ledger, retracted: retractionsOf(config, next), ...(changesAt && { changesAt }) }
  const until = Math.min(changesAt?.getTime() ?? Infinity, scheduled[0]?.date.getTime() ?? Infinity)
  return { ...kept, site, until }
}

/**
 * `last`'s site with the bodies of `edits` (each result by the one it
 * replaces): each edited article takes the messages the checks across
 * articles put on the one it replaces, is checked for a silent change, and
 * replaces it in the lists, the shown articles and the ledger.
 */
function withBodies(last: Assembled, edits: ReadonlyMap<SourceResult, SourceResult>, results: readonly SourceResult[], options: SiteOptions): Assembled {
  const swapped = new Map<Article, Article>()
  const counts = last.counts
  const entries = [...last.next.entries]
  const entryAt = new Map(entries.map((entry, index) => [entry.id, index]))
  for (const [before, after] of edits) {
    const was = counts.get(before.file)
    if (!was || !before.article || !after.article) throw new Error(`${after.file.path} is not an edit of the last assembly`)
    const analysed = after.file.messages.length
    after.file.messages.push(...before.file.messages.slice(was.analysed, was.checked))
    counts.delete(before.file)
    const count = { analysed, checked: after.file.messages.length, total: after.file.messages.length }
    counts.set(after.file, count)
    swapped.set(before.article, after.article)
    if (!isPublished(after.article, options.now)) continue
    checkSilentChanges([after.article], last.previous)
    count.total = after.file.messages.length
    const at = entryAt.get(after.article.id)
    const entry = ledgerEntry(after.article)
    if (at !== undefined) entries[at] = entries[at]?.retracted ? { ...entry, retracted: true } : entry
  }
  const swap = (articles: readonly Article[]) => articles.map((article) => swapped.get(article) ?? article)
  const readingTimes = new Map([...edits.values()].map((result) => [result.article, result.readingTime]))
  const onShow = swap(last.onShow)
  const shownArticles = last.site.shown.map((article, index) => {
    const source = onShow[index] as Article
    if (!readingTimes.has(source)) return article
    const minutes = readingTimes.get(source)
    if (minutes === undefined) throw new Error(`${source.file.path} is shown but was not rendered`)
    return withImageInfo(shown(source, minutes, previewState(source, options.now, options.preview)), source, last.infos, last.pathOf)
  })
  const files = [...results.map((result) => result.file), ...(options.ledger ? [options.ledger] : []), ...(options.checked ?? []), ...last.extra]
  const next: Ledger = { ...last.next, entries }
  const site: Site = {
    ...last.site,
    files,
    ok: !files.some((file) => file.messages.some((message) => message.fatal)),
    published: swap(last.site.published),
    scheduled: swap(last.site.scheduled),
    drafts: swap(last.site.drafts),
    previewed: swap(last.site.previewed),
    shown: shownArticles,
    ledger: JSON.stringify(next, null, 2) + '\n',
  }
  return { ...last, site, results, onShow, next }
}

/** A site's files, listed (see `listSite`). */
export interface Listing {
  /** Every file of the site but its images and the manifest, in `siteFiles`' order, each made only when its content is asked for. */
  output: OutputFile[]
  /** Images whose paths clash with the site's files, each with its error; the articles' clashes are on their sources' files. */
  files: VFile[]
  /** False when a path clashes: then nothing may be written. */
  ok: boolean
}

export interface ListOptions extends Pick<SiteOptions, 'now' | 'images'> {
  /** The HTML of each shown article's body, asked for as each file is made. */
  bodyOf: BodyOf
  /** The text of the site's ledger, asked for when its file is made: the site's (`Site.ledger`) unless given. */
  ledgerText?: () => string
}

/**
 * The files of a site that `assembleSite` found ok, listed once, their
 * paths checked (see `checkOutputPaths`) so that `check` refuses what a
 * build would fail to write, with the messages on the articles and images
 * whose files clash. The listing depends on nothing but the site's shown
 * articles, the retractions its ledger knows, the images' paths and "now"
 * (for the news sitemap): bodies and the ledger's text are asked for as
 * each file is made.
 */
export function listSite(site: Site, config: Config, options: ListOptions): Listing {
  if (!site.ok || site.ledger === undefined) throw new Error('only a site that is ok has files')
  const ledger = site.ledger
  const output = [...siteFiles(site.shown, config, options.ledgerText ?? (() => ledger), options.bodyOf, options.now)]
  const files = checkPaths([...site.published, ...site.previewed], output, config, options.images ?? [])
  const ok = ![...site.files, ...files].some((file) => file.messages.some((message) => message.fatal))
  return { output, files, ok }
}

/**
 * Check where every file of the output would go (see `checkOutputPaths`),
 * reporting on the articles and images whose files clash, so that `check`
 * refuses what a build would fail to write. The images' problems are on
 * files of their own, returned.
 */
function checkPaths(shownSources: readonly Article[], output: readonly OutputFile[], config: Config, images: readonly Image[]): VFile[] {
  const owners = new Map<string, VFile[]>()
  const own = (path: string, file: VFile) => owners.set(path, [...(owners.get(path) ?? []), file])
  for (const article of shownSources) {
    const path = outputPathFor(article.url, config.url)
    if (path !== undefined) own(path, article.file)
  }
  const imageFiles = images.map((image) => new VFile({ path: image.source }))
  images.forEach((image, index) => own(image.path, imageFiles[index] as VFile))
  const paths = output.map((file) => file.path)
  checkOutputPaths([...paths, ...images.map((image) => image.path), manifestFile], owners)
  return imageFiles.filter((file) => file.messages.length > 0)
}

/**
 * Every file of the site but its images and the manifest (see
 * src/engine/commit.ts), from the published articles, their bodies and the
 * ledger: the feeds, the pages, the partner headlines, the ledger. Each is
 * made as the writer reads it, and the same whatever thread reads it, being
 * made from plain data alone. It can be read more than once. `now` is the
 * build's: the news sitemap lists the articles of the two days before it.
 */
export function siteFiles(articles: readonly ShownArticle[], config: Config, ledger: () => string, bodyOf: BodyOf, now: Date): Iterable<OutputFile> {
  return {
    *[Symbol.iterator]() {
      // The tombstones in the feeds, and the notices at the retracted URLs.
      const retractions = retractionsOf(config, ledgerSchema.parse(JSON.parse(ledger())))
      yield* feedDocuments(articles, config, bodyOf, retractions)
      const model = feedModel(articles, config, siteFeed(config), bodyOf, { limit: config.feedItems })
      yield* pageFiles(articles, topicsOf(articles, config), config, bodyOf, now, retractions)
      yield* widgetFiles(model, config)
      yield outputFile('ledger.json', ledger)
    },
  }
}

/**
 * What the byte budgets leave out, as messages on the documents they cut
 * (`<folder>/feed.xml`, …; see `budgetedDocuments`), filled: a warning when
 * the site's feed holds fewer than its `feedItems` newest articles, and when
 * a partner profile holds fewer than its `minItems`. Warnings, not errors: a
 * long article must not hold back the whole site, and every document is
 * written within its budget whatever it holds.
 */
export function budgetFiles(documents: Iterable<BudgetedDocument>, folder: string): VFile[] {
  const files: VFile[] = []
  for (const document of documents) {
    const file = new VFile({ path: folder === '' ? document.path : `${folder}/${document.path}` })
    const budget = `${document.maxBytes.toLocaleString('en')} bytes`
    if (document.profile === undefined && document.kept < document.candidates.length) {
      report(file, 'feed-budget', undefined, { kept: document.kept, candidates: document.candidates.length, budget }, { severity: 'warning' })
    }
    if (document.profile !== undefined && document.kept < document.minItems) {
      report(file, 'profile-too-small', undefined, { name: document.profile, kept: document.kept, minItems: document.minItems, budget }, { severity: 'warning' })
    }
    if (file.messages.length > 0) files.push(file)
  }
  return files
}

export type { BudgetedDocument, BudgetPlan }
export { budgetedDocuments, filledDocument }

/** How the partner profile `name`'s document is filled (`check --profile`; see `budgetedDocuments`). */
export function profileBudget(articles: readonly ShownArticle[], config: Config, retractions: readonly Retraction[], bodyOf: BodyOf, name: string): BudgetedDocument | undefined {
  const [plan] = budgetedDocuments(articles, config, bodyOf, retractions, name)
  return plan && filledDocument(plan, plan.fill())
}

/**
 * Sources held in memory → the site and its files, all on this thread with
 * no cache: for tests, and for programs that make a site from text they
 * hold. `wirefeed build` reaches the same result through src/engine/.
 */
export function buildSite(sources: readonly VFile[], config: Config, options: SiteOptions): Site & { output: readonly OutputFile[] } {
  const bodies = new Map<string, string>()
  const results = sources.map((file): SourceResult => {
    // A source the loader could not read carries its error and nothing to analyse.
    if (file.messages.length > 0) return { file }
    const { article, body } = analyseSource(file, config, options.now, options.preview)
    if (article && body) bodies.set(article.id, body.html)
    return { file, ...(article && { article }), ...(body && { readingTime: body.readingTime }) }
  })
  const bodyOf: BodyOf = (article) => bodies.get(article.id) ?? ''
  const site = assembleSite(results, config, options)
  if (!site.ok) return { ...site, output: [] }
  const listing = listSite(site, config, { now: options.now, ...(options.images && { images: options.images }), bodyOf })
  if (!listing.ok) return { ...unlisted(site, listing), output: [] }
  const budgeted = [...budgetedDocuments(site.shown, config, bodyOf, site.retracted)].map((plan) => filledDocument(plan, plan.fill()))
  const files = [...site.files, ...budgetFiles(budgeted, '')]
  return { ...site, files, output: listing.output }
}

/** A site whose files' paths clash (see `listSite`): failed, as if `assembleSite` had found it so. */
export function unlisted(site: Site, listing: Listing): Site {
  const { ledger: _ledger, changesAt: _changesAt, ...rest } = site
  return { ...rest, files: [...site.files, ...listing.files], ok: false, shown: [], retracted: [] }
}

/**
 * `article`, just made by `shown`, given what its images' bytes say, for
 * those that are the site's and were read: its lead image's size, type and
 * length, and its body images' sizes (`bodyImages`), from `source`'s list
 * of them. Set in place rather than spread into yet another copy: a rebuild
 * makes one per article.
 */
function withImageInfo(article: ShownArticle, source: Pick<Article, 'images'>, infos: ReadonlyMap<string, Image['info']>, pathOf: (url: string) => string | null | undefined): ShownArticle {
  const infoOf = (url: string) => {
    const path = pathOf(url)
    return typeof path === 'string' ? infos.get(path) : undefined
  }
  const info = article.image && infoOf(article.image.url)
  const sized = source.images.flatMap(({ url }) => {
    const found = infoOf(url)
    return found ? [[url, { width: found.width, height: found.height }] as const] : []
  })
  // The image's own object is the article's too: a copy of it takes the info.
  if (info && article.image) article.image = { ...article.image, info }
  if (sized.length > 0) article.bodyImages = Object.fromEntries(sized)
  return article
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
