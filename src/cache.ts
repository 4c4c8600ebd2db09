import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { VFile } from 'vfile'
import { inBatches } from './batches.ts'
import type { RenderedArticle } from './render.ts'
import type { Article } from './validate.ts'
import type { WrittenFile } from './write.ts'

/**
 * The incremental cache: what validating and rendering one source produced,
 * keyed by everything that result depends on (the source's path and bytes,
 * the site config, and the renderer's own code), so a hit is exactly what a
 * fresh run would give. Plain JSON, one file per source.
 */
export interface CacheEntry {
  key: string
  /** Every message the source got (errors and per-article warnings). */
  messages: StoredMessage[]
  article?: StoredArticle
  /** Present once the article has been rendered (it is rendered when published). */
  html?: string
  readingTime?: number
}

type StoredMessage = Pick<VFile['messages'][number], 'reason' | 'ruleId' | 'line' | 'column' | 'note' | 'fatal'> & {
  end?: { line: number; column: number }
}
type StoredArticle = Omit<Article, 'file' | 'tree' | 'date' | 'updated' | 'revision'> & { date: string; updated?: string }

const keys = new WeakMap<VFile, { context: string; key: string }>()

/** What every cached result depends on besides its source: the renderer's version and the config. */
export function sourceContext(version: string, config: unknown): string {
  return `${version}\0${JSON.stringify(config)}`
}

/** The cache key of a source under a context (config and renderer version); hashed once per file and context. */
export function sourceKey(file: VFile, context: string): string {
  const known = keys.get(file)
  if (known?.context === context) return known.key
  const key = createHash('sha256').update(`${context}\0${file.path}\0${String(file.value)}`).digest('hex')
  keys.set(file, { context, key })
  return key
}

/** What a source produced, as JSON-safe data. */
export function toEntry(key: string, file: VFile, article?: Article, rendered?: RenderedArticle): CacheEntry {
  const messages = file.messages.map((m) => ({
    reason: m.reason,
    ruleId: m.ruleId,
    line: m.line,
    column: m.column,
    note: m.note,
    fatal: m.fatal,
    ...(m.place && 'end' in m.place && { end: { line: m.place.end.line, column: m.place.end.column } }),
  }))
  if (!article) return { key, messages }
  const { file: _file, tree: _tree, revision: _revision, date, updated, ...rest } = article
  return {
    key,
    messages,
    article: { ...rest, date: date.toISOString(), ...(updated && { updated: updated.toISOString() }) },
    ...(rendered && { html: rendered.html, readingTime: rendered.readingTime }),
  }
}

/** Put a cached result back on its source file: the messages, the article and, if rendered, its HTML. */
export function fromEntry(entry: CacheEntry, file: VFile): { article?: Article; rendered?: RenderedArticle } {
  for (const stored of entry.messages) {
    const start = { line: stored.line ?? 1, column: stored.column ?? 1 }
    const message = file.message(stored.reason, {
      place: stored.end ? { start, end: stored.end } : start,
      ruleId: stored.ruleId,
      source: 'wirefeed',
    })
    message.note = stored.note
    message.fatal = stored.fatal
  }
  if (!entry.article) return {}
  const { date, updated, ...rest } = entry.article
  const article: Article = { ...rest, file, revision: entry.key, date: new Date(date), ...(updated && { updated: new Date(updated) }) }
  if (entry.html === undefined || entry.readingTime === undefined) return { article }
  return { article, rendered: { ...article, html: entry.html, readingTime: entry.readingTime } }
}

/**
 * The renderer's own version: a hash of its code and its locked
 * dependencies, so any change to either invalidates every entry.
 */
export async function rendererVersion(): Promise<string> {
  const hash = createHash('sha256')
  const src = new URL('./', import.meta.url)
  const names = (await readdir(src, { recursive: true })).filter((name) => /\.(ts|js)$/.test(name)).sort()
  for (const name of names) hash.update(`${name}\0${await readFile(new URL(name, src))}\0`)
  hash.update(await readFile(new URL('../package-lock.json', import.meta.url)).catch(() => ''))
  return hash.digest('hex')
}

/**
 * Read every entry in `dir` (the cache holds one per source of the last
 * build). An unreadable, corrupt or misnamed entry is left out, so it is a
 * miss: the cache is never trusted, only reused when its key matches.
 */
export async function readCache(dir: string): Promise<Map<string, CacheEntry>> {
  const names = (await readdir(dir).catch(() => [])).filter((name) => /^[0-9a-f]{64}\.json$/.test(name))
  // Synchronous, as sources are read (src/load.ts): thousands of small files.
  const read = names.map((name) => {
    try {
      const entry = JSON.parse(readFileSync(join(dir, name), 'utf8')) as CacheEntry
      return entry?.key === name.slice(0, -5) && Array.isArray(entry.messages) ? entry : undefined
    } catch {
      // Corrupt: a miss.
      return undefined
    }
  })
  return new Map(read.filter((entry) => entry !== undefined).map((entry) => [entry.key, entry]))
}

/** Write new entries and remove those no source uses any more, so the cache stays the size of the site. */
export async function writeCache(dir: string, entries: ReadonlyMap<string, CacheEntry>, reused: ReadonlySet<string>) {
  await mkdir(dir, { recursive: true })
  const present = new Set((await readdir(dir)).filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -5)))
  const fresh = [...entries.values()].filter((entry) => !present.has(entry.key) || !reused.has(entry.key))
  await inBatches(fresh, (entry) => writeFile(join(dir, `${entry.key}.json`), JSON.stringify(entry)))
  const unused = [...present].filter((key) => !entries.has(key) && /^[0-9a-f]{64}$/.test(key))
  await inBatches(unused, (key) => rm(join(dir, `${key}.json`), { force: true }))
}

/** What a build reported, to replay when the next one finds nothing changed. */
export interface BuildSummary {
  published: number
  drafts: number
  scheduled: { file: string; goesLive: string }[]
}

/** The last build that wrote the output: its inputs' key, its manifest, and its report. */
export interface BuildRecord {
  /** `buildKey` over the inputs' bytes. */
  key: string
  /** `buildKey` over the inputs' file metadata (see `folderStamp`): equal, and nothing need be read. */
  stamp: string
  manifest: string
  /** Every file the output held, as the writer left it: a deleted or edited one means the output no longer stands. */
  written: [string, WrittenFile][]
  summary: BuildSummary
  files: { path: string; messages: CacheEntry['messages'] }[]
}

const recordFile = 'last-build.json'

/**
 * A hash of a build's file inputs: its code, its sources (with whether each
 * could be loaded) and its images. Taken as loaded, before the build adds
 * messages to the sources.
 */
export function inputsDigest(
  context: string,
  sources: readonly VFile[],
  assets: readonly { path: string; sha256: string }[],
): string {
  const hash = createHash('sha256').update(`${context}\0`)
  // A loaded source by its cache key, which the build needs anyway: each source is hashed once.
  for (const file of sources) hash.update(`${file.path}\0${file.messages.length === 0 ? sourceKey(file, context) : file.messages.join('\n')}\0`)
  for (const asset of assets) hash.update(`${asset.path}\0${asset.sha256}\0`)
  return hash.digest('hex')
}

/** One key over everything a build's output depends on, "now" aside (the caller checks the embargoes). */
export function buildKey(config: unknown, digest: string, ledger: string, out: string): string {
  return createHash('sha256').update(`${digest}\0${JSON.stringify(config)}\0${out}\0${ledger}`).digest('hex')
}

export async function readBuildRecord(dir: string): Promise<BuildRecord | undefined> {
  try {
    const record = JSON.parse(await readFile(join(dir, recordFile), 'utf8')) as BuildRecord
    return typeof record?.key === 'string' && Array.isArray(record.files) && Array.isArray(record.written) && Array.isArray(record.summary?.scheduled)
      ? record
      : undefined
  } catch {
    return undefined
  }
}

export async function writeBuildRecord(dir: string, record: BuildRecord) {
  await mkdir(dir, { recursive: true })
  await writeFile(join(dir, recordFile), JSON.stringify(record))
}
