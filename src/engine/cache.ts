import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { threadId } from 'node:worker_threads'
import { VFile } from 'vfile'
import type { Analysis } from '../analyse.ts'
import { isShown, type Preview } from '../shown.ts'
import type { SourceResult } from '../site.ts'
import type { Article } from '../validate.ts'
import { hash } from './keys.ts'
import { running } from './processes.ts'

/**
 * The cache of analyses: what validating, linting and rendering each source
 * gave, under its analysis key, so that a build analyses only the sources
 * it has not seen under the same code and config. In the cache folder:
 *
 * - `index.json`: every entry by key, as JSON (messages, the article's
 *   data, where its HTML is), then a line with the SHA-256 of that JSON. A
 *   build reads it whole, once; one whose hash does not match (cut short,
 *   edited) is ignored, and the build starts cold.
 * - `<pid>-<thread>.pack`: the bodies' HTML, one after another, as each
 *   thread appended them. An entry names its pack, offset and length, and
 *   the SHA-256 of its HTML, checked when it is read (`readBody`).
 *
 * Thousands of small files cost a metadata write each, which on the disks
 * measured here was most of a cache's cost; a few packs and one index do not.
 */
export interface Entry {
  messages: StoredMessage[]
  article?: StoredArticle
  /** The teaser key (see src/engine/index.ts): the article's data but its body, under the context. */
  teaser?: string
  /** Present once the article has been rendered (it is rendered when published). */
  body?: BodyPlace
}

/** Where a body is: `bytes` bytes from `offset` in `pack`, hashing to `sha256`, reading in `minutes`. */
export interface BodyPlace {
  pack: string
  offset: number
  bytes: number
  sha256: string
  minutes: number
}

export type StoredMessage = Pick<VFile['messages'][number], 'reason' | 'ruleId' | 'line' | 'column' | 'note' | 'fatal'> & {
  end?: { line: number; column: number }
}

type StoredArticle = Omit<Article, 'file' | 'date' | 'updated'> & { date: string; updated?: string }

const indexFile = 'index.json'
/** `<pid>-<thread>.pack`, or `<pid>-<thread>-<n>.pack` for the nth made by compaction. */
const packName = /^(\d+)-\d+(?:-\d+)?\.pack$/

/** Whether `entry` holds all a build at `now` (a `preview`) needs: its body too, if its article is shown by then. */
export function entryServes(entry: Entry, now: Date, preview?: Preview): boolean {
  return !entry.article || entry.body !== undefined || !isShown({ draft: entry.article.draft, date: new Date(entry.article.date) }, now, preview)
}

/** A source's messages and analysis as an entry, its body appended to `pack`; `context` makes the teaser key. */
export function toEntry(file: VFile, analysis: Analysis, context: string, pack: PackWriter): Entry {
  const messages = storeMessages(file)
  if (!analysis.article) return { messages }
  const { file: _file, date, updated, ...rest } = analysis.article
  const article: StoredArticle = { ...rest, date: date.toISOString(), ...(updated && { updated: updated.toISOString() }) }
  // Through JSON and back: an analysed article's strings are slices of its source's text, and would keep it all in memory.
  const json = JSON.stringify(article)
  // A teaser shows the article without its body, so the body's digest stays out of its key.
  const { bodyDigest: _bodyDigest, ...teaser } = article
  return {
    messages,
    article: JSON.parse(json) as StoredArticle,
    teaser: hash(context, JSON.stringify(teaser)),
    ...(analysis.body && { body: pack.append(analysis.body.html, analysis.body.readingTime) }),
  }
}

/** A source's result back from its entry: the messages on a new VFile for `path`, the article with its dates. */
export function fromEntry(entry: Entry, path: string): SourceResult {
  const file = new VFile({ path })
  restoreMessages(file, entry.messages)
  if (!entry.article) return { file }
  const { date, updated, ...rest } = entry.article
  const article: Article = { ...rest, file, date: new Date(date), ...(updated && { updated: new Date(updated) }) }
  return { file, article, ...(entry.body && { readingTime: entry.body.minutes }) }
}

/** `file`'s messages as JSON data. */
export function storeMessages(file: VFile): StoredMessage[] {
  return file.messages.map((m) => ({
    reason: m.reason,
    ruleId: m.ruleId,
    line: m.line,
    column: m.column,
    note: m.note,
    fatal: m.fatal,
    ...(m.place && 'end' in m.place && { end: { line: m.place.end.line, column: m.place.end.column } }),
  }))
}

/** Put stored messages back on `file`, as they were reported. */
export function restoreMessages(file: VFile, messages: readonly StoredMessage[]) {
  for (const stored of messages) {
    const start = { line: stored.line ?? 1, column: stored.column ?? 1 }
    const message = file.message(stored.reason, { place: stored.end ? { start, end: stored.end } : start, ruleId: stored.ruleId, source: 'wirefeed' })
    message.note = stored.note
    message.fatal = stored.fatal
  }
}

/** Appends bodies to this thread's pack in `dir` (or its `n`th other one), opened until `flush`. */
export class PackWriter {
  readonly name: string
  #fd: number | undefined
  #size: number | undefined

  constructor(
    readonly dir: string,
    n?: number,
  ) {
    this.name = `${process.pid}-${threadId}${n === undefined ? '' : `-${n}`}.pack`
  }

  append(html: string, minutes: number): BodyPlace {
    if (this.#fd === undefined) {
      mkdirSync(this.dir, { recursive: true })
      this.#fd = openSync(join(this.dir, this.name), 'a')
      this.#size = statSync(join(this.dir, this.name)).size
    }
    const bytes = Buffer.from(html)
    const offset = this.#size ?? 0
    writeSync(this.#fd, bytes)
    this.#size = offset + bytes.length
    return { pack: this.name, offset, bytes: bytes.length, sha256: hash(html), minutes }
  }

  /** Close the pack until the next append: what was appended is on disk for any thread to read. */
  flush() {
    if (this.#fd !== undefined) closeSync(this.#fd)
    this.#fd = undefined
  }
}

/** Reads bodies from the packs in `dir`, each pack opened once; `close` when done. */
export class BodyReader {
  #fds = new Map<string, number>()

  constructor(readonly dir: string) {}

  /** The HTML at `place`; throws `DamagedCache` when it is not what was stored. */
  read(place: BodyPlace): string {
    let fd = this.#fds.get(place.pack)
    try {
      if (fd === undefined) {
        fd = openSync(join(this.dir, place.pack), 'r')
        this.#fds.set(place.pack, fd)
      }
      const bytes = Buffer.allocUnsafe(place.bytes)
      const read = readSync(fd, bytes, 0, place.bytes, place.offset)
      const html = bytes.toString('utf8', 0, read)
      if (read === place.bytes && hash(html) === place.sha256) return html
    } catch {
      // Missing or unreadable: damaged, as below.
    }
    throw new DamagedCache(`${join(this.dir, place.pack)} does not hold what the cache's index says`)
  }

  close() {
    for (const fd of this.#fds.values()) closeSync(fd)
    this.#fds.clear()
  }
}

/**
 * The cache on disk is not what it recorded (edited, cut short, deleted
 * from): a build starts again without it. Known by its `code` too, which an
 * error keeps when it crosses from a worker thread.
 */
export class DamagedCache extends Error {
  static readonly code = 'WIREFEED_DAMAGED_CACHE'
  readonly code = DamagedCache.code
}

/** Whether `error`, or the error that caused it, is a `DamagedCache`, from this thread or another. */
export function isDamagedCache(error: unknown): boolean {
  const code = (value: unknown) => (value as { code?: unknown } | undefined)?.code
  return error instanceof DamagedCache || code(error) === DamagedCache.code || code((error as { cause?: unknown } | undefined)?.cause) === DamagedCache.code
}

/** The entries in `dir` by key: none when there is no index, or it is damaged. */
export function readIndex(dir: string): Map<string, Entry> {
  try {
    const text = readFileSync(join(dir, indexFile), 'utf8')
    const end = text.lastIndexOf('\n', text.length - 2)
    const json = text.slice(0, end)
    if (hash(json) !== text.slice(end + 1).trim()) return new Map()
    return new Map(Object.entries(JSON.parse(json) as Record<string, Entry>))
  } catch {
    return new Map()
  }
}

/**
 * Make the cache in `dir` hold exactly `entries`: the index written under a
 * temporary name and renamed, so a reader sees the old one or the new one,
 * then every pack no entry names removed, but those a build still running
 * may be writing. When most of what the packs hold is no longer named, the
 * bodies still named are first copied into a pack of their own. Returns the
 * entries as written: with their bodies' new places, when they moved.
 */
export function writeIndex(dir: string, entries: ReadonlyMap<string, Entry>): ReadonlyMap<string, Entry> {
  mkdirSync(dir, { recursive: true })
  const live = new Map<string, number>()
  for (const entry of entries.values()) if (entry.body) live.set(entry.body.pack, (live.get(entry.body.pack) ?? 0) + entry.body.bytes)
  const sizes = new Map(packsIn(dir).map((name) => [name, statSync(join(dir, name)).size]))
  const held = [...live.keys()].reduce((sum, name) => sum + (sizes.get(name) ?? 0), 0)
  const needed = [...live.values()].reduce((sum, bytes) => sum + bytes, 0)
  const kept = held > 2 * needed && held > 1 << 20 ? compact(dir, entries) : entries
  const json = JSON.stringify(Object.fromEntries(kept))
  const temporary = join(dir, `${indexFile}.${process.pid}`)
  writeFileSync(temporary, `${json}\n${hash(json)}\n`)
  renameSync(temporary, join(dir, indexFile))
  const named = new Set([...kept.values()].flatMap((entry) => (entry.body ? [entry.body.pack] : [])))
  for (const name of packsIn(dir)) {
    const pid = Number(packName.exec(name)?.[1])
    if (!named.has(name) && (pid === process.pid || !running(pid))) rmSync(join(dir, name), { force: true })
  }
  return kept
}

let compactions = 0

/** `entries` with every body copied into a fresh pack, in key order. */
function compact(dir: string, entries: ReadonlyMap<string, Entry>): Map<string, Entry> {
  const reader = new BodyReader(dir)
  const pack = new PackWriter(dir, ++compactions)
  try {
    return new Map(
      [...entries].map(([key, entry]) => [key, entry.body ? { ...entry, body: pack.append(reader.read(entry.body), entry.body.minutes) } : entry]),
    )
  } finally {
    pack.flush()
    reader.close()
  }
}

function packsIn(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((name) => packName.test(name)) : []
}
