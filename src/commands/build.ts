import { createHash } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { join, resolve, sep } from 'node:path'
import { VFile } from 'vfile'
import { DateTime } from 'luxon'
import { isDirectory, type Io, type Options } from '../cli.ts'
import type { Config } from '../config.ts'
import { folderStamps, loadArticles, loadAssets, readSource, type Asset } from '../load.ts'
import { buildKey, digestKey, entryServes, fromEntry, inputsDigest, sourceContext, pruneCache, readBuildRecord, readCache, rendererVersion, sourceDigest, toEntry, writeBuildRecord, type BuildRecord, type CacheEntry, type BuildSummary } from '../cache.ts'
import { createProgress } from '../progress.ts'
import { formatReport } from '../report.ts'
import { manifestFile, manifestOf } from '../manifest.ts'
import type { Pool } from '../pool.ts'
import type { OutputFile } from '../output.ts'
import type { ShownArticle } from '../render.ts'
import type { SiteResult } from '../site.ts'
import type { Article } from '../validate.ts'
import { filesIn, recoverOutput, writeOutput } from '../write.ts'

/** What a build checks before reading any source: enough to tell, from file metadata, that nothing changed. */
interface Checked {
  ledger?: VFile
  version: string
  /** `folderStamps` of the articles folder: metadata only. */
  stamps: Map<string, string>
  /** The code's version and all the stamps. */
  stamp: string
}

interface Inputs extends Checked {
  sources: VFile[]
  assets: Asset[]
  /** A hash of the code, sources and images as loaded (see `inputsDigest`). */
  digest: string
  /** The cache's entries by key, their HTML on disk. */
  cache: Map<string, CacheEntry>
}

/** Check the folders, repair the output, read the ledger and stamp the inputs; an exit code when the folders are wrong. */
async function prepare(options: Options, io: Io): Promise<Checked | number> {
  if (!(await isDirectory(options.articles))) {
    io.stderr(`wirefeed: the articles folder \`${options.articles}\` does not exist; pass --articles <dir>.\n`)
    return 2
  }
  const [out, articles] = [resolve(options.out), resolve(options.articles)]
  if (out === articles || out.startsWith(articles + sep) || articles.startsWith(out + sep)) {
    io.stderr(`wirefeed: the output folder \`${options.out}\` overlaps the articles folder \`${options.articles}\`; a build would replace sources.\n`)
    return 2
  }
  // A build killed while applying its commit left it half done: finish it first (that output was
  // a good build's), so even a build that then fails validation leaves a whole output.
  recoverOutput(options.out)
  const ledger = await readSource(options.ledger)
  if (!ledger && options.ledgerGiven) {
    io.stderr(`wirefeed: the ledger \`${options.ledger}\` does not exist; omit --ledger only on a site's very first build.\n`)
    return 2
  }
  const version = await rendererVersion()
  const stamps = await folderStamps(options.articles)
  const stamp = createHash('sha256').update(version).update(JSON.stringify([...stamps])).digest('hex')
  return { ledger, version, stamps, stamp }
}

/**
 * Read everything a build depends on. A file whose stamp is the one the
 * last build recorded is not read again: an image keeps its hash, and a
 * source, if its cache entry serves this build, is left unread. One edit
 * among 10,000 articles reads one article.
 */
async function gather(config: Config, options: Options, checked: Checked, previous: BuildRecord | undefined): Promise<Inputs> {
  const context = sourceContext(checked.version, config)
  const cache = readCache(options.cache)
  const recorded = new Map(previous?.digests.map(([path, stamp, digest]) => [path, { stamp, digest }]))
  const unchanged = (path: string) => {
    const last = recorded.get(path)
    return last && last.stamp === checked.stamps.get(path) ? last.digest : undefined
  }
  const served = (path: string) => {
    const digest = unchanged(path)
    const entry = digest === undefined ? undefined : cache.get(digestKey(digest, context))
    return entry && entryServes(entry, options.now) ? digest : undefined
  }
  const sources = await loadArticles(options.articles, { known: served, digestOnly: true })
  const assets = await loadAssets(options.articles, unchanged)
  return { ...checked, sources, assets, cache, digest: inputsDigest(context, sources, assets) }
}

/**
 * Below this many sources to analyse, starting worker threads (each loads
 * the whole pipeline, about 0.7 s) costs more than they save; on two cores
 * they break even at about 500.
 */
const threadsFrom = 500

/** How many worker threads to analyse `count` sources on; 0 analyses them on this thread. */
function threadsToStart(count: number, requested: number | undefined): number {
  if (requested !== undefined) return requested > 1 ? requested : 0
  return count >= threadsFrom && availableParallelism() > 1 ? availableParallelism() : 0
}

/**
 * Run the pure pipeline on what `gather` read; `build` keeps what it learnt
 * in the cache. With much to analyse, worker threads do it, and are kept
 * (`pool`) to make the output too; the caller closes them.
 */
async function runSite(config: Config, options: Options, io: Io, inputs: Inputs): Promise<{ site: Omit<SiteResult, 'cache'>; pool?: Pool }> {
  // Loaded only now: a rebuild with nothing changed never gets here, and the pipeline takes
  // a third of a second to load.
  const [{ buildSite, cacheLookups }, { analyseJobs, heapFor, startPool, threadsFor }] = await Promise.all([import('../site.ts'), import('../pool.ts')])
  const progress = options.progress && options.command === 'build' ? createProgress(io.stderr) : undefined
  // `check` and `list` write nothing, the cache included: what they analyse stays in memory.
  const store = options.command === 'build'
  if (store) mkdirSync(options.cache, { recursive: true })
  const siteOptions = { now: options.now, ledger: inputs.ledger, cache: inputs.cache, cacheContext: inputs.version, assets: inputs.assets }
  // What the cache does not hold is analysed first, on all cores when there is much of it, each
  // source read again and each result stored as soon as it is made (even if the build then fails:
  // fixing one article then re-renders only it). `buildSite` then finds every result.
  const jobs = cacheLookups(inputs.sources, config, siteOptions)
    .filter((lookup) => !lookup.hit)
    .map(({ file, key }) => ({ path: file.path, key, text: { digest: sourceDigest(file) } }))
  const total = jobs.length
  const threads = threadsToStart(total, options.threads)
  const poolOptions = { threads: threadsFor(total, threads), heap: heapFor(inputs.sources.length), ...(store && { cache: options.cache }) }
  const onProgress = (done: number) => progress?.update(done, total)
  const pool = threads > 0 && total > 0 ? startPool(config, options.now, poolOptions) : undefined
  try {
    const analysed = pool ? await pool.analyse(jobs, onProgress) : await analyseJobs(jobs, config, options.now, { ...poolOptions, threads: 0, onProgress })
    const { cache, ...site } = buildSite(inputs.sources, config, { ...siteOptions, analysed: new Map(analysed.map((entry) => [entry.key, entry])) })
    progress?.done()
    // Only the keys are needed now: the entries are let go with `cache`.
    if (store) await pruneCache(options.cache, new Set(cache.keys()))
    return { site, ...(pool && { pool }) }
  } catch (error) {
    await pool?.close()
    throw error
  }
}

/** build and check: validate everything, report, and (build only) write. */
export async function buildCommand(config: Config, options: Options, io: Io): Promise<number> {
  const checked = await prepare(options, io)
  if (typeof checked === 'number') return checked
  const previous = options.command === 'build' ? await readBuildRecord(options.cache) : undefined
  const publication = await analyse(config, options, io, checked, previous)
  if (typeof publication === 'number') return publication
  try {
    return await publish(options, io, publication, previous)
  } finally {
    await publication.pool?.close()
  }
}

/**
 * What a build that passed keeps to write the output: the output itself,
 * what it is made from, and what the build record will say. Nothing else of
 * the site: the articles, their messages and the cache's entries are let go
 * before the output is made, so memory then holds little beyond what the
 * documents being made need.
 */
interface Publication {
  output: Iterable<OutputFile>
  shown: readonly ShownArticle[]
  ledger: string
  assets: readonly Asset[]
  record: Omit<BuildRecord, 'manifest' | 'written'>
  /** The worker threads that analysed the sources, if any: they make the output too. */
  pool?: Pool
}

/**
 * Everything up to writing: replay the last build if nothing changed, else
 * analyse the sources and report. An exit code when the build stops there
 * (nothing changed, invalid sources, or `check`).
 */
async function analyse(config: Config, options: Options, io: Io, checked: Checked, previous: BuildRecord | undefined): Promise<Publication | number> {
  const ledger = String(checked.ledger?.value ?? '')
  // Nothing changed since the last build wrote the output: replay its report, touch nothing.
  // First by the files' metadata, which costs no reading; then by their bytes, which catches
  // files only touched (a checkout, a copy) and notes their new metadata for next time.
  const stamp = buildKey(config, checked.stamp, ledger, options.out)
  if (previous?.stamp === stamp && (await outputStands(previous, options))) return replay(previous, options, io)
  const inputs = await gather(config, options, checked, previous)
  const key = buildKey(config, inputs.digest, ledger, options.out)
  if (previous?.key === key && (await outputStands(previous, options))) {
    await writeBuildRecord(options.cache, { ...previous, stamp, digests: fileDigests(inputs) })
    return replay(previous, options, io)
  }

  const { site, pool } = await runSite(config, options, io, inputs)
  const summary: BuildSummary = {
    published: site.published.length,
    drafts: site.drafts.length,
    scheduled: site.scheduled.map((article) => ({ file: article.file.path, goesLive: article.date.toISOString() })),
  }
  printReport(site.files, summary, options, io)
  if (!site.ok || options.command === 'check') {
    await pool?.close()
    if (!site.ok && options.command === 'build' && options.format !== 'json') io.stderr(`Nothing was written; ${options.out}/ is as it was.\n`)
    if (site.ok && options.format !== 'json' && !options.quiet) io.stdout(`Checked ${options.articles}/: ${counts(summary)}.\n`)
    return site.ok ? 0 : 1
  }
  const written = site.ledger ?? ''
  return {
    output: site.output,
    shown: site.shown,
    ledger: written,
    assets: site.assets,
    ...(pool && { pool }),
    record: {
      // The next build reads the ledger this one wrote (locally from the output, in CI from the live
      // site once deployed): key the record on that, so a rebuild with nothing changed matches at once.
      key: buildKey(config, inputs.digest, written, options.out),
      stamp: buildKey(config, checked.stamp, written, options.out),
      digests: fileDigests(inputs),
      summary,
      files: site.files.filter((file) => file.messages.length > 0).map((file) => ({ path: file.path, messages: toEntry('', file).messages })),
    },
  }
}

/** Write the output, then the build record. */
async function publish(options: Options, io: Io, publication: Publication, previous: BuildRecord | undefined): Promise<number> {
  const { pool, shown, ledger, record } = publication
  let manifest = ''
  const { changed, written } = await writeOutput(options.out, publication.output, {
    assets: publication.assets,
    previous: new Map(previous?.written),
    ...(pool && { maker: pool.maker(shown, ledger) }),
    seal: (hashes) => {
      const file = manifestOf(hashes)
      manifest = file.content()
      return file
    },
  })
  // The threads' work is done: let their memory go before the record is made.
  await pool?.close()
  await writeBuildRecord(options.cache, { ...record, manifest, written: [...written] })
  if (options.format !== 'json' && !options.quiet) {
    io.stdout(`${changed ? 'Wrote' : 'Unchanged:'} ${options.out}/ (RSS, Atom, JSON Feed): ${counts(record.summary)}.\n`)
  }
  return 0
}

/** Each loaded source's and image's stamp and digest, for the build record. */
function fileDigests(inputs: Inputs): BuildRecord['digests'] {
  const digests: Array<[string, string | undefined]> = [
    ...inputs.sources.map((file): [string, string | undefined] => [file.path, file.data.digest]),
    ...inputs.assets.map((asset): [string, string] => [asset.source, asset.sha256]),
  ]
  return digests.flatMap(([path, digest]) => {
    const stamp = inputs.stamps.get(path)
    return stamp === undefined || digest === undefined ? [] : [[path, stamp, digest] as const]
  })
}

/**
 * Whether the last build's output still stands, its inputs being unchanged:
 * no scheduled article gone live since, and the output folder still holding
 * that build (its manifest and its number of files unchanged).
 */
async function outputStands(previous: BuildRecord, options: Options) {
  if (previous.summary.scheduled.some((entry) => new Date(entry.goesLive) <= options.now)) return false
  const manifest = await readFile(join(options.out, manifestFile), 'utf8').catch(() => undefined)
  if (manifest !== previous.manifest) return false
  return filesIn(options.out).length === previous.written.length
}

/** Print the last build's report again, as a rebuild with nothing changed. */
function replay(previous: BuildRecord, options: Options, io: Io) {
  const files = previous.files.map(({ path, messages }) => {
    const file = new VFile({ path })
    fromEntry({ key: '', messages }, file, '')
    return file
  })
  printReport(files, previous.summary, options, io)
  if (options.format !== 'json' && !options.quiet) io.stdout(`Unchanged: ${options.out}/ (RSS, Atom, JSON Feed): ${counts(previous.summary)}.\n`)
  return 0
}

function printReport(files: VFile[], summary: BuildSummary, options: Options, io: Io) {
  if (options.format === 'json') {
    io.stdout(formatReport(files, 'json', { summary: { published: summary.published, scheduled: summary.scheduled } }))
  } else if (options.format === 'github') {
    io.stdout(formatReport(files, 'github'))
  } else {
    // A build shows its errors; warnings in full only from `check` or with --verbose.
    const warnings = options.quiet ? 'none' : options.command === 'check' || options.verbose ? 'full' : 'count'
    io.stderr(formatReport(files, 'text', { color: options.color, warnings }))
    if (!options.quiet) {
      io.stderr(summary.scheduled.map((entry) => `scheduled  ${entry.file}  goes live ${entry.goesLive}\n`).join(''))
    }
  }
}

function counts(summary: BuildSummary) {
  return `${summary.published} published, ${summary.scheduled.length} scheduled, ${summary.drafts} ${summary.drafts === 1 ? 'draft' : 'drafts'}`
}

/** list: one line per valid article, what state it is in and when. */
export async function listCommand(config: Config, options: Options, io: Io): Promise<number> {
  const checked = await prepare(options, io)
  if (typeof checked === 'number') return checked
  const inputs = await gather(config, options, checked, undefined)
  const { site, pool } = await runSite(config, options, io, inputs)
  await pool?.close()
  io.stderr(formatReport(site.files, 'text', { color: options.color, warnings: 'none' }))
  const when = (article: Article) =>
    DateTime.fromJSDate(article.date, { zone: config.timeZone }).toFormat('yyyy-MM-dd HH:mm ZZ')
  const line = (state: string) => (article: Article) => `${state.padEnd(9)}  ${when(article)}  ${article.file.path}  ${article.title}\n`
  const newestFirst = (a: Article, b: Article) => b.date.getTime() - a.date.getTime()
  io.stdout(
    [
      ...site.scheduled.map(line('scheduled')),
      ...[...site.published].sort(newestFirst).map(line('published')),
      ...[...site.drafts].sort(newestFirst).map(line('draft')),
    ].join(''),
  )
  return site.files.some((file) => file.messages.some((message) => message.fatal)) ? 1 : 0
}
