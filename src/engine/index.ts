/**
 * The engine: how `wirefeed build` and `check` make a site fast and keep
 * its output whole, behind one function, `build`. It is the only code that
 * knows of fingerprints, digests, the cache, worker threads and the output
 * commit; the stages it runs (src/analyse.ts, src/site.ts, and the feeds and
 * pages they make) are pure functions of plain data and know none of it.
 *
 * One build:
 * 1. Recover: finish the commit of a build killed while applying it (src/engine/commit.ts).
 * 2. List the sources and images, and take their fingerprints.
 * 3. Nothing changed: the quick key is the last record's (src/engine/record.ts)
 *    and the output still holds what that build wrote: report again, touch nothing.
 * 4. Analyse: a source whose fingerprint is the one recorded has a known
 *    digest, so a known analysis key; the cache's entry under it serves
 *    unread (src/engine/cache.ts). Every other source is a job (src/engine/work.ts):
 *    read, digested, and analysed unless the cache has its key, on worker
 *    threads when there are many (src/engine/pool.ts).
 * 5. Assemble the site from the results (src/site.ts), and keep the cache.
 * 6. Output (`build` only): stage every file whose key changed, write the
 *    record, then commit (src/engine/commit.ts).
 *
 * A watcher's builds (`serve --watch`) share a session (src/engine/session.ts,
 * `BuildRequest.session`): step 2 lists only the paths the watcher says
 * changed (src/engine/inputs.ts), the record and the cache's index stay in
 * memory and reach the disk once the session is quiet, a worker thread is
 * kept for the next edit, and an output the session wrote and finds as it
 * left it is not looked at file by file. What a build gives is the same.
 *
 * Glossary. Every hash is SHA-256 (src/engine/keys.ts makes them):
 * - fingerprint: a file's size, modification and change times and inode,
 *   from its metadata alone; the same fingerprint, the same file, as far as
 *   the file system can tell. Not a hash.
 * - digest: of a source, its path and text; of an image, its bytes.
 * - context: the code's version and the config (and, for a preview, what it
 *   shows): what every analysis depends on besides its source.
 * - analysis key: a source's digest under a context. It names the source's
 *   cache entry (equal keys, equal analyses), and stands for its article in file keys.
 * - teaser key: an article's data but its body, under the context: what a
 *   teaser shows (topic feeds), so a body edit leaves those files alone.
 * - file key: what an output file is made of (`MadeOf` in src/output.ts),
 *   its articles by analysis or teaser key. A file under the key it was last
 *   written under is kept, unmade.
 * - quick key: the context, ledger, output folder and every input's
 *   fingerprint: the last build's, and nothing need be read.
 * - inputs key: the context, ledger, output folder and every input's
 *   analysis key or digest: the last build's, and nothing need be made.
 * - manifest: every output file's hash by path (`build.json`), which the
 *   publish job compares with the live site's.
 */
import { createHash } from 'node:crypto'
import { readFileSync, realpathSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { VFile } from 'vfile'
import type { Config } from '../config.ts'
import { readSource, type Image } from '../load.ts'
import { SiteAssembler, budgetedDocuments, budgetFiles, profileBudget, unlisted, type BudgetedDocument, type Site, type SourceResult } from '../site.ts'
import { fileKeys, fillBudgets, listingFor, listingSignature } from './listing.ts'
import { imageInfo, type ImageInfo } from '../image-info.ts'
import { imagePaths } from '../lint.ts'
import type { Preview, ShownArticle } from '../shown.ts'
import { BodyReader, entryServes, isDamagedCache, fromEntry, restoreMessages, storeMessages, type BodyPlace, type Entry } from './cache.ts'
import { manifestFile, type OutputFile } from '../output.ts'
import { checkOutput, OutputRefused, outputHolds, recoverOutput, stageOutput, within, type Asset, type Staged } from './commit.ts'
import { codeVersionOf, contextOf, hash, type ArticleKeys } from './keys.ts'
import { misnamedCopies, type Inputs } from './inputs.ts'
import { heapFor, startPool, threadsFor, type Pool } from './pool.ts'
import type { BuildRecord, BuildSummary } from './record.ts'
import { onDisk, sessionOf, type Memory, type Session } from './session.ts'
import type { Done, Job, WorkSettings } from './work.ts'
import { report } from '../messages.ts'
import { checkSvg } from '../svg.ts'

export type { BuildSummary } from './record.ts'
export { openSession, type Session } from './session.ts'
export { OutputRefused, SiteTooLarge } from './commit.ts'

export interface BuildRequest {
  /** The articles folder. */
  articles: string
  config: Config
  /** The ledger the live site published last (src/ids.ts), when there is one. */
  ledger?: VFile
  /** "Now": articles dated later are embargoed. */
  now: Date
  /**
   * A preview: drafts and scheduled articles shown as if published, marked
   * (see `SiteOptions.preview`). Part of the context, so a preview's cache
   * entries and record never serve a build that is not one, nor the reverse.
   */
  preview?: Preview
  /** Write the output (`build`), or only analyse and report (`check`, `list`). Both keep the cache. */
  write: boolean
  /** The output folder. */
  out: string
  /** The cache folder. */
  cache: string
  /** Worker threads: see `threadsFor`. */
  threads?: number
  /** Told, as sources are analysed, how many of how many are done. */
  onProgress?: (done: number, total: number) => void
  /** `check --profile NAME`: how that partner profile's document is filled (`BuildResult.profile`). */
  profile?: string
  /**
   * What a watcher keeps between its builds (`openSession`, src/engine/session.ts),
   * told what changed since the last one: then only that is listed and read, and
   * the record, the cache's index and a worker thread stay in memory. The result is
   * the same as without.
   */
  session?: Session
}

export interface BuildResult {
  /** Every file that carries messages. */
  files: VFile[]
  /** False when any message is fatal: then the output is as it was. */
  ok: boolean
  summary: BuildSummary
  /** How many sources were analysed (validated and rendered) this time: the others came from the cache. */
  analysed: number
  /** The articles by state; absent when the build found nothing changed, and analysed nothing. */
  site?: Pick<Site, 'published' | 'scheduled' | 'drafts'>
  /**
   * What became of the output: `unchanged` when nothing changed since the
   * last build (so nothing was touched), `same` when it was made again to
   * the same bytes, `written` when it changed; absent when the build did not
   * write (`check`, or a failure).
   */
  output?: 'unchanged' | 'same' | 'written'
  /** A check's, when the request named a profile and the site is valid: how its document is filled. */
  profile?: BudgetedDocument
}

/** Build the site (or check it), as the module comment says. */
export async function build(request: BuildRequest): Promise<BuildResult> {
  checkPlaces(request)
  const session = request.session && sessionOf(request.session)
  const memory = session ? await session.begin(request) : onDisk(request)
  let result: BuildResult | undefined
  try {
    result = await run(request, true, memory)
    return result
  } catch (error) {
    if (!isDamagedCache(error)) throw error
    // The cache lost what it recorded: without it, the build gives what a cold one gives.
    session?.forgetCache()
    return await run(request, false, memory)
  } finally {
    session?.end(await warmSettings(request))
    // A session's build that found nothing changed holds no site (the first of `serve --watch`): the first edit would
    // assemble and list it all. Done now instead, while the editor has yet to save, and writing nothing new.
    if (session && result?.output === 'unchanged' && !memory.site()) {
      session.meanwhile(async () => {
        const again = await session.begin(request)
        try {
          await run({ ...request, onProgress: undefined }, true, again, { mayReplay: false })
        } finally {
          session.end(undefined)
        }
      })
    }
  }
}

async function run(request: BuildRequest, useCache: boolean, memory: Memory, { mayReplay = true } = {}): Promise<BuildResult> {
  const { config, now, out, write } = request
  if (write) recoverOutput(out)
  const context = contextOf(await codeVersionOf(), config, request.preview)
  const ledger = String(request.ledger?.value ?? '')
  const inputs = memory.inputs()
  // Keyed on a ledger's text: the record holds keys for the ledger this build was given and for the
  // one it wrote, as the next build is guarded by one or the other (see BuildRecord's `quick`).
  const prints = JSON.stringify([...inputs.prints])
  const quickKey = (ledgerText: string) => hash(context, ledgerText, out, prints)
  const record = useCache ? memory.record() : undefined
  if (mayReplay && write && record?.quick.includes(quickKey(ledger)) && stands(record, out, now)) {
    memory.vouch()
    return replay(record)
  }

  const { results, byKey, keys, analysed, inputsKey, sources, images, pool } = await analyseInputs(request, context, inputs, record, useCache, memory)
  // The published articles' keys and bodies, by id, once the site says which they are; bodies read as files are made.
  let articleKeys: ReadonlyMap<string, ArticleKeys & { body: BodyPlace }> = new Map()
  const placeOf = (article: ShownArticle) => {
    const found = articleKeys.get(article.id)
    if (!found) throw new Error(`no body for ${article.id}`)
    return found.body
  }
  const bodies = new BodyReader(request.cache)
  try {
    // The same bytes under new fingerprints (a checkout, a `touch`): nothing to make, only the record to bring up to date.
    if (mayReplay && write && record?.inputs.includes(inputsKey(ledger)) && stands(record, out, now)) {
      memory.keepRecord({ ...record, quick: [quickKey(ledger)], sources })
      memory.vouch()
      return replay(record, analysed)
    }
    const checked = [...misnamedCopies(inputs), ...images.filter((image) => /\.svg$/i.test(image.path)).map(checkedSvg)]
    const assembler = memory.site()?.assembler ?? new SiteAssembler()
    const site = assembler.assemble(results, config, {
      now,
      ...(request.ledger && { ledger: request.ledger }),
      images,
      checked,
      ...(request.preview && { preview: request.preview }),
    })
    memory.keepSite({ assembler, results: byKey })
    const summary: BuildSummary = {
      published: site.published.length,
      drafts: site.drafts.length,
      scheduled: site.scheduled.map((article) => ({ file: article.file.path, goesLive: article.date.toISOString() })),
    }
    if (!site.ok || site.ledger === undefined) return { files: site.files, ok: site.ok, summary, analysed, site }
    // From here on only what the output is made of is held: the articles as shown, their keys, and the files to make.
    const { files, shown } = site
    // An article shows its lead image's size and type, read from the image: its keys take in the image's digest,
    // so the files that show it are made again when the image changes (the image is an input: see `withDigest`).
    // Its page gives its body's images their size too: its whole key takes in their digests.
    const digests = new Map(images.map((image) => [image.path, image.sha256]))
    const pathOf = imagePaths(config.url)
    const digestOf = (url: string) => {
      const path = pathOf(url)
      return typeof path === 'string' ? digests.get(path) : undefined
    }
    articleKeys = new Map(
      [...site.published, ...site.previewed].map((article) => {
        const found = keys(article.file.path)
        const lead = article.image && digestOf(article.image.url)
        const body = article.images.flatMap((image) => digestOf(image.url) ?? [])
        if (lead === undefined && body.length === 0) return [article.id, found]
        // Joined, not hashed again: an article's keys are only compared, and hashed into file keys (10,000 hashes a rebuild saved).
        const teaser = lead === undefined ? found.teaser : `${found.teaser}+${lead}`
        return [article.id, { ...found, whole: [found.whole, lead ?? '', ...body].join('+'), teaser }]
      }),
    )
    const bodyOf = (article: ShownArticle) => bodies.read(placeOf(article))
    // The site's files, listed for their paths' check and for the writer: in a session, again only when what they show changed.
    const kept = listingFor(memory.listing(), listingSignature(context, site, articleKeys, images), site, config, { now, images, bodyOf })
    if (!kept.listing.ok) {
      const failed = unlisted(site, kept.listing)
      return { files: failed.files, ok: false, summary, analysed, site: failed }
    }
    memory.keepListing(kept)
    const keyOf = fileKeys(kept, articleKeys)
    // What the byte budgets leave out (src/feeds/budget.ts), read from the bodies as the output's files are.
    const budgets = fillBudgets(kept, budgetedDocuments(shown, config, bodyOf, site.retracted), keyOf)
    files.push(...budgetFiles(budgets.documents, request.out))
    const profile = request.profile === undefined ? undefined : profileBudget(shown, config, site.retracted, bodyOf, request.profile)
    if (!write) return { files, ok: true, summary, analysed, site, ...(profile && { profile }) }
    const trusted = record !== undefined && memory.trusts(record, out)
    // A document just filled for its budget is written as filled.
    const output = kept.listing.output.map((file) => {
      const text = budgets.made.get(file.path)
      return text === undefined ? file : { ...file, content: () => text }
    })
    const staged = await stage(request, shown, output, site.ledger, keyOf, placeOf, images, pool, record, trusted)
    const messages = files.filter((file) => file.messages.length > 0).map((file) => ({ path: file.path, messages: storeMessages(file) }))
    const ledgers = [ledger, site.ledger]
    const changesAt = site.changesAt && { changesAt: site.changesAt.toISOString() }
    commit(request, memory, staged, { quick: ledgers.map(quickKey), inputs: ledgers.map(inputsKey), sources, summary, files: messages, ...changesAt })
    return { files, ok: true, summary, analysed, output: staged.changed ? 'written' : 'same' }
  } finally {
    bodies.close()
    await pool?.close()
  }
}

/**
 * Analyse what the inputs need and keep the cache: each source's result,
 * with each published article's keys, the inputs key and what the next
 * record says of each input. Neither the cache's entries nor the jobs'
 * results outlive it: a cold build of 10,000 articles held 40 MB of them.
 */
async function analyseInputs(
  request: BuildRequest,
  context: string,
  inputs: Inputs,
  record: BuildRecord | undefined,
  useCache: boolean,
  memory: Memory,
) {
  // A fingerprint unchanged since the last build means the digest it recorded.
  const recorded = new Map(record?.sources.map(([path, print, digest, info]) => [path, { print, digest, info }]))
  const knownDigest = (path: string) => {
    const last = recorded.get(path)
    return last && last.print === inputs.prints.get(path) ? last.digest : undefined
  }
  // An image's info is read with its digest, and known while its digest is.
  const knownInfo = (path: string) => (knownDigest(path) === undefined ? undefined : recorded.get(path)?.info)
  const index = useCache ? memory.index() : new Map<string, Entry>()
  const known = new Set([...index].flatMap(([key, entry]) => (entryServes(entry, request.now, request.preview) ? [key] : [])))
  const settings: WorkSettings = { config: request.config, now: request.now, ...(request.preview && { preview: request.preview }), context, root: realpathSync(request.articles), known }
  const { done, pool } = await analyse(inputs, knownDigest, settings, request, memory)
  // The cache from now on: every entry this build used, and nothing else.
  const entries = new Map<string, Entry>()
  const results: SourceResult[] = []
  // The last build's results whose keys stand, given again (see `KeptSite`).
  const last = useCache ? memory.site()?.results : undefined
  const byKey = new Map<string, SourceResult>()
  const keys = new Map<string, ArticleKeys & { body: BodyPlace }>()
  for (const result of done) {
    const entry = result.entry ?? (result.key === undefined ? undefined : index.get(result.key))
    if (!entry) continue
    if (result.key !== undefined) entries.set(result.key, entry)
    if (result.key !== undefined && entry.body && entry.teaser) keys.set(result.path, { whole: result.key, teaser: entry.teaser, body: entry.body })
    // Only one the cache served: an entry made again under the same key (a scheduled article rendered once due) is new.
    const made = (result.key !== undefined && !result.entry && last?.get(result.key)) || fromEntry(entry, result.path)
    if (result.key !== undefined) byKey.set(result.key, made)
    results.push(made)
  }
  memory.keepIndex(entries)
  const images = inputs.images.map((image) => withDigest(image, knownDigest, knownInfo))
  const contents = JSON.stringify([done.map((result) => [result.path, result.key ?? result.entry?.messages]), images])
  const digests: Array<[string, string | undefined, (ImageInfo | null)?]> = [
    ...done.map((result) => [result.path, result.digest] as [string, string | undefined]),
    ...images.map((image) => [image.source, image.sha256, image.info] as [string, string, ImageInfo | null | undefined]),
  ]
  return {
    results,
    byKey,
    /** The keys and body of the published article from the source at `path`. */
    keys(path: string) {
      const found = keys.get(path)
      if (!found) throw new Error(`${path} is shown but has no rendered body`)
      return found
    },
    analysed: done.filter((result) => result.key !== undefined && result.entry).length,
    inputsKey: (ledgerText: string) => hash(context, ledgerText, request.out, contents),
    sources: digests.flatMap(([path, digest, info]) => {
      const print = inputs.prints.get(path)
      if (print === undefined || digest === undefined) return []
      return [info === undefined ? ([path, print, digest] as BuildRecord['sources'][number]) : ([path, print, digest, info] as BuildRecord['sources'][number])]
    }),
    images,
    pool,
  }
}

/**
 * What became of each source, in source order: a source whose digest is
 * known and whose cache entry serves needs no work; the others are jobs,
 * done on worker threads, each within a budget of time. Two threads or
 * more are kept to make the output too. One is not: the output would wait
 * for it while it lists the whole site again first (half a second at
 * 10,000 articles), so the output is made here; a session lends its thread
 * for a build with few jobs, and keeps it.
 */
async function analyse(inputs: Inputs, knownDigest: (path: string) => string | undefined, settings: WorkSettings, request: BuildRequest, memory: Memory) {
  const results = new Map<string, Done>()
  const jobs: Job[] = []
  const keyOf = memory.analysisKeys(settings.context)
  for (const path of inputs.sources) {
    const digest = knownDigest(path)
    const key = digest === undefined ? undefined : keyOf(digest)
    if (key !== undefined && settings.known.has(key)) results.set(path, { path, digest, key })
    else jobs.push({ path, bytes: inputs.sizes.get(path) ?? 0 })
  }
  const threads = threadsFor(jobs.length, request.threads)
  const lent = threads === 1 ? memory.thread(settings) : undefined
  const pool = lent ?? (threads > 0 ? startPool(threads, settings, request.cache, heapFor(inputs.sources.length)) : undefined)
  try {
    const progress = (count: number) => request.onProgress?.(count, jobs.length)
    for (const result of (await pool?.analyse(jobs, { budget: budgetFor, slow: tooSlow }, progress)) ?? []) results.set(result.path, result)
  } catch (error) {
    await (lent ? memory.dropThread() : pool?.close())
    throw error
  }
  const done = inputs.sources.flatMap((path) => results.get(path) ?? [])
  if (threads > 1) return { done, pool }
  if (!lent) await pool?.close()
  return { done, pool: undefined }
}

/** Settings to start a session's thread with, ready for the next build (which sends its own). */
async function warmSettings(request: BuildRequest): Promise<WorkSettings | undefined> {
  try {
    const context = contextOf(await codeVersionOf(), request.config, request.preview)
    return { config: request.config, now: request.now, ...(request.preview && { preview: request.preview }), context, root: realpathSync(request.articles), known: new Set() }
  } catch {
    return undefined
  }
}

/**
 * The time a source may take to analyse, in milliseconds: three seconds,
 * and ten more a megabyte. The longest real articles measured here (150 KB
 * release notes) take half a second; what takes longer than this is a
 * source micromark parses in quadratic time, never a story.
 */
function budgetFor(job: Job): number {
  return 3000 + job.bytes / 100
}

/** What became of a source given up for taking too long: an error on it, and nothing cached. */
function tooSlow(job: Job): Done {
  const file = new VFile({ path: job.path })
  report(file, 'too-slow', { line: 1, column: 1 }, { seconds: Math.round(budgetFor(job) / 1000) })
  return { path: job.path, entry: { messages: storeMessages(file) } }
}

/**
 * Refuse folders that would make a build destroy or publish what it should
 * not, compared as the file system resolves them (links followed): an
 * output overlapping the articles, a cache inside the output (its record
 * names embargoed articles), an output a build did not make.
 */
function checkPlaces(request: BuildRequest) {
  if (!request.write) return
  const [out, articles, cache] = [request.out, request.articles, request.cache].map(realPath) as [string, string, string]
  if (out === articles || within(articles, out) || within(out, articles)) {
    throw new OutputRefused(`the output folder \`${request.out}\` overlaps the articles folder \`${request.articles}\`; a build would replace sources`)
  }
  if (cache === out || within(out, cache)) {
    throw new OutputRefused(`the cache \`${request.cache}\` is inside the output folder \`${request.out}\`, which would publish it; put it elsewhere (--cache)`)
  }
  checkOutput(request.out)
}

/** `path` as the file system resolves it, links followed, for the part of it that exists. */
function realPath(path: string): string {
  const absolute = resolve(path)
  for (let at = absolute; ; at = dirname(at)) {
    try {
      return join(realpathSync(at), relative(at, absolute))
    } catch {
      if (at === dirname(at)) return absolute
    }
  }
}

/** An SVG image, read and checked (see `checkSvg`): its problems on its file. */
function checkedSvg(image: Image): VFile {
  const file = readSource(image.source) ?? new VFile({ path: image.source })
  if (file.messages.length === 0) checkSvg(file)
  return file
}

/**
 * An image with its digest and what its bytes say of it (`imageInfo`): the
 * recorded ones when its fingerprint is unchanged, else read now. An SVG's
 * size is not read: it is checked as a document instead (src/svg.ts).
 */
function withDigest(image: Image, knownDigest: (path: string) => string | undefined, knownInfo: (path: string) => ImageInfo | null | undefined): Asset & Image {
  const sha256 = knownDigest(image.source)
  const svg = /\.svg$/i.test(image.path)
  const info = knownInfo(image.source)
  if (sha256 !== undefined && svg) return { ...image, sha256 }
  if (sha256 !== undefined && info !== undefined) return { ...image, sha256, info }
  const bytes = readFileSync(image.source)
  return { ...image, sha256: createHash('sha256').update(bytes).digest('hex'), ...(!svg && { info: imageInfo(bytes) }) }
}

/**
 * Stage the output: every file whose key changed, made on the pool's threads,
 * or here. `output` is the site's files (`Listing.output`), each let go once
 * the writer has taken it, so that a made document's model dies with it.
 */
async function stage(
  request: BuildRequest,
  articles: readonly ShownArticle[],
  output: Array<OutputFile | undefined>,
  ledger: string,
  keyOf: (file: OutputFile) => string | undefined,
  placeOf: (article: ShownArticle) => BodyPlace,
  assets: readonly Asset[],
  pool: Pool | undefined,
  record: BuildRecord | undefined,
  trusted: boolean,
): Promise<Staged> {
  return await stageOutput(request.out, taken(output), {
    assets,
    previous: new Map(record?.written),
    trusted,
    keyOf,
    maxBytes: request.config.siteSizeLimit * 2 ** 20,
    ...(pool && { maker: pool.maker({ type: 'output', articles, bodies: articles.map(placeOf), ledger, now: request.now }) }),
  })
}

/** Each of `files` in turn, its place emptied as it is given. */
function* taken(files: Array<OutputFile | undefined>): Generator<OutputFile> {
  for (let index = 0; index < files.length; index++) {
    const file = files[index]
    files[index] = undefined
    if (file) yield file
  }
}

/**
 * Record what the output is about to hold, then commit it: a build whose
 * record cannot be written fails with the output as it was, so what a build
 * reports and what the output holds agree. (A session writes its record to
 * disk later, when quiet: a process killed before then leaves the record of
 * an earlier build, which only makes the next build read and make more.)
 */
function commit(request: BuildRequest, memory: Memory, staged: Staged, record: Omit<BuildRecord, 'version' | 'now' | 'manifest' | 'written'>) {
  try {
    memory.keepRecord({ version: 6, now: request.now.toISOString(), ...record, manifest: staged.manifest, written: [...staged.written] })
  } catch (error) {
    staged.discard()
    throw error
  }
  try {
    staged.commit()
  } catch (error) {
    memory.dropRecord()
    throw error
  }
  memory.vouch()
}

/**
 * Whether the last build's output still stands at `now`: it is no earlier
 * than that build's (which a build at an earlier time would not publish),
 * no article it held back has gone live since, none has aged out of the news
 * sitemap, and the output is untouched.
 */
function stands(record: BuildRecord, out: string, now: Date): boolean {
  if (now < new Date(record.now) || record.summary.scheduled.some((entry) => new Date(entry.goesLive) <= now)) return false
  if (record.changesAt !== undefined && new Date(record.changesAt) <= now) return false
  try {
    if (readFileSync(join(out, manifestFile), 'utf8') !== record.manifest) return false
  } catch {
    return false
  }
  return outputHolds(out, new Map(record.written))
}

/** The last build's report, as this build's: nothing changed, though `analysed` sources were analysed to find so. */
function replay(record: BuildRecord, analysed = 0): BuildResult {
  const files = record.files.map(({ path, messages }) => {
    const file = new VFile({ path })
    restoreMessages(file, messages)
    return file
  })
  return { files, ok: true, summary: record.summary, analysed, output: 'unchanged' }
}
