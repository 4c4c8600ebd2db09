import { createHash } from 'node:crypto'
import { threadId } from 'node:worker_threads'
import { closeSync, existsSync, fstatSync, openSync, readdirSync, readFileSync, readSync, renameSync, writeFileSync } from 'node:fs'
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { VFile } from 'vfile'
import { inBatches } from './batches.ts'
import { codeVersion } from './code.js'
import { shownFields, type RenderedArticle, type ShownArticle } from './render.ts'
import type { Article } from './validate.ts'
import type { WrittenFile } from './write.ts'

/**
 * The incremental cache: what validating and rendering one source produced,
 * keyed by everything that result depends on (the source's path and bytes,
 * the site config, and the renderer's own code), so a hit is exactly what a
 * fresh run would give. One file per source (see `storeEntry`).
 */
export interface CacheEntry {
  key: string
  /** Every message the source got (errors and per-article warnings). */
  messages: StoredMessage[]
  article?: StoredArticle
  /** A hash of `article`: with the context, its `teaserRevision`. */
  teaser?: string
  /** Present once the article has been rendered (it is rendered when published), with its HTML. */
  readingTime?: number
  /** The HTML, in an entry just made; one read from or stored to the cache has `htmlAt` instead (see `entryHtml`). */
  html?: string
  htmlAt?: HtmlPlace
}

/** Where an entry's HTML is on disk: `bytes` bytes from `offset` in the file `path`, which is `offset + bytes` long. */
interface HtmlPlace {
  path: string
  offset: number
  bytes: number
}

/**
 * An entry's or a shown article's HTML: held, or read from the cache each
 * time it is asked for; `undefined` when it has none (not published).
 */
export function entryHtml(entry: Pick<CacheEntry, 'html' | 'htmlAt'>): string | undefined {
  const { html, htmlAt } = entry
  if (html !== undefined || htmlAt === undefined) return html
  const { path, offset, bytes } = htmlAt
  // Read as text (Node decodes it natively, with no Buffer to collect later); the header is one line.
  const text = readFileSync(path, 'utf8')
  if (Buffer.byteLength(text) !== offset + bytes) throw new Error(`the cache entry ${path} changed during the build; build again`)
  return text.slice(text.indexOf('\n') + 1)
}

type StoredMessage = Pick<VFile['messages'][number], 'reason' | 'ruleId' | 'line' | 'column' | 'note' | 'fatal'> & {
  end?: { line: number; column: number }
}
type StoredArticle = Omit<Article, 'file' | 'tree' | 'date' | 'updated' | 'revision' | 'teaserRevision'> & { date: string; updated?: string }

declare module 'vfile' {
  interface DataMap {
    /** See `sourceDigest`. */
    digest: string
  }
}

/** What every cached result depends on besides its source: the renderer's version and the config. */
export function sourceContext(version: string, config: unknown): string {
  return `${version}\0${JSON.stringify(config)}`
}

/**
 * A hash of a source's path and text: computed once per file, or left on it
 * by the loader when a rebuild did not read it (see `loadArticles`).
 */
export function sourceDigest(file: VFile): string {
  return (file.data.digest ??= createHash('sha256').update(`${file.path}\0${String(file.value)}`).digest('hex'))
}

const keys = new WeakMap<VFile, { context: string; key: string }>()

/**
 * The cache key of a source under a context (config and renderer version):
 * made once per file and context, though the build asks for it at each step.
 */
export function sourceKey(file: VFile, context: string): string {
  const known = keys.get(file)
  if (known?.context === context) return known.key
  const key = digestKey(sourceDigest(file), context)
  keys.set(file, { context, key })
  return key
}

/** The cache key of a source by its digest. */
export function digestKey(digest: string, context: string): string {
  return createHash('sha256').update(`${context}\0${digest}`).digest('hex')
}

/** Whether `entry` holds all a build at `now` needs from its source: the HTML too, if it is published by then. */
export function entryServes(entry: CacheEntry, now: Date): boolean {
  return !entry.article || entry.article.draft || new Date(entry.article.date) > now || entry.readingTime !== undefined
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
  const { file: _file, tree: _tree, revision: _revision, teaserRevision: _teaserRevision, date, updated, ...rest } = article
  const stored = { ...rest, date: date.toISOString(), ...(updated && { updated: updated.toISOString() }) }
  return {
    key,
    messages,
    article: stored,
    teaser: createHash('sha256').update(JSON.stringify(stored)).digest('hex'),
    ...(rendered && { html: rendered.html, readingTime: rendered.readingTime }),
  }
}

/** An article's HTML (see `ShownArticle`), read from the cache if need be. */
export function articleHtml(article: Pick<CacheEntry, 'html' | 'htmlAt'>): string {
  return entryHtml(article) ?? ''
}

/**
 * Put a cached result back on its source file: the messages, the article and,
 * if rendered, what the output is made from. `context` is the one the entry's
 * key was made under.
 */
export function fromEntry(entry: CacheEntry, file: VFile, context: string): { article?: Article; shown?: ShownArticle } {
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
  const article: Article = {
    ...rest,
    file,
    revision: entry.key,
    ...(entry.teaser && { teaserRevision: digestKey(entry.teaser, context) }),
    date: new Date(date),
    ...(updated && { updated: new Date(updated) }),
  }
  if (entry.readingTime === undefined) return { article }
  const { html, htmlAt } = entry
  return { article, shown: { ...pick({ ...article, readingTime: entry.readingTime }, shownFields), ...(html !== undefined && { html }), ...(htmlAt && { htmlAt }) } }
}

/** The `keys` of `from` that are set. */
function pick<T, K extends keyof T>(from: T, keys: readonly K[]): Pick<T, K> {
  const picked = {} as Pick<T, K>
  for (const key of keys) if (from[key] !== undefined) picked[key] = from[key]
  return picked
}

/**
 * The renderer's own version: a hash of its code and its locked
 * dependencies, so any change to either invalidates every entry. The same
 * whether the code runs compiled or through tsx (see src/code.js).
 */
export function rendererVersion(): Promise<string> {
  return codeVersion(new URL('./', import.meta.url))
}

/**
 * An entry on disk, `<key>.entry`: one line of JSON (the entry without its
 * HTML, and the HTML's length in bytes), then the HTML. The line alone is
 * read when the cache is, and the HTML only when asked for; the length
 * tells a whole file from one cut short.
 */
type StoredHeader = Omit<CacheEntry, 'html' | 'htmlAt'> & { htmlBytes?: number }

const entryName = /^[0-9a-f]{64}\.entry$/

/**
 * Read every entry in `dir` (the cache holds one per source of the last
 * build), their HTML left on disk. An unreadable, corrupt, cut-short or
 * misnamed entry is left out, so it is a miss: the cache is never trusted,
 * only reused when its key matches.
 */
export function readCache(dir: string): Map<string, CacheEntry> {
  const names = existsSync(dir) ? readdirSync(dir).filter((name) => entryName.test(name)) : []
  const entries = new Map<string, CacheEntry>()
  // Synchronous, as sources are read (src/load.ts): thousands of small files. Only each first
  // line is read, in one chunk unless the messages make it longer.
  const chunk = Buffer.alloc(16 * 1024)
  for (const name of names) {
    try {
      const path = join(dir, name)
      const fd = openSync(path, 'r')
      let head: Buffer
      let size: number
      try {
        size = fstatSync(fd).size
        const read = readSync(fd, chunk, 0, chunk.length, 0)
        head = chunk.subarray(0, read).includes(10) ? chunk.subarray(0, read) : readFileSync(fd)
      } finally {
        closeSync(fd)
      }
      const line = head.indexOf(10)
      const { htmlBytes, ...entry } = JSON.parse(head.toString('utf8', 0, line)) as StoredHeader
      const whole = size === line + 1 + (htmlBytes ?? 0)
      if (!whole || entry?.key !== name.slice(0, 64) || !Array.isArray(entry.messages)) continue
      entries.set(entry.key, htmlBytes === undefined ? entry : { ...entry, htmlAt: { path, offset: line + 1, bytes: htmlBytes } })
    } catch {
      // Corrupt: a miss.
    }
  }
  return entries
}

/**
 * Store a new entry in `dir` (made beforehand), and return it as read back:
 * its HTML on disk. Written under a temporary name and renamed, so a reader
 * never sees half a file. Plain data, so a worker thread can store an entry
 * and post what it returns.
 */
export function storeEntry(dir: string, entry: CacheEntry): CacheEntry {
  const { html, htmlAt: _htmlAt, ...rest } = entry
  const htmlBytes = html === undefined ? undefined : Buffer.byteLength(html)
  const json = JSON.stringify({ ...rest, ...(htmlBytes !== undefined && { htmlBytes }) })
  const path = join(dir, `${entry.key}.entry`)
  const temporary = `${path}.${process.pid}-${threadId}`
  writeFileSync(temporary, html === undefined ? `${json}\n` : `${json}\n${html}`)
  renameSync(temporary, path)
  // Parsed back rather than returned as given: an analysed article's strings are slices of its
  // source's text, and would keep every source's whole text in memory.
  const { htmlBytes: _htmlBytes, ...stored } = JSON.parse(json) as StoredHeader
  return htmlBytes === undefined ? stored : { ...stored, htmlAt: { path, offset: Buffer.byteLength(json) + 1, bytes: htmlBytes } }
}

/** Remove every entry (and leftover) in `dir` that is not under one of `keys`, so the cache stays the size of the site. */
export async function pruneCache(dir: string, keys: ReadonlySet<string>) {
  const names = await readdir(dir).catch(() => [])
  const unused = names.filter((name) => /^[0-9a-f]{64}\./.test(name) && !(entryName.test(name) && keys.has(name.slice(0, 64))))
  await inBatches(unused, (name) => rm(join(dir, name), { force: true }))
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
  /**
   * Each source and image, by path: its fingerprint (see `folderStamps`) and
   * the digest the build took of its bytes (`sourceDigest`, an image's
   * SHA-256), so the next build need not read it again.
   */
  digests: [path: string, stamp: string, digest: string][]
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
    return typeof record?.key === 'string' &&
      [record.files, record.written, record.digests, record.summary?.scheduled].every((list) => Array.isArray(list))
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
