import { VFile } from 'vfile'
import { z } from 'zod'
import type { Config } from './config.ts'
import { toInstant } from './dates.ts'
import { report } from './messages.ts'
import { byCodePoint } from './order.ts'
import type { Article } from './validate.ts'

/** An entry as version 1 of the ledger wrote it. */
const entryV1 = z.strictObject({
  id: z.string(),
  url: z.string(),
  source: z.string(),
  retracted: z.literal(true).optional(),
})

/**
 * An entry as version 2 writes it: what the site last published of the
 * article besides its id, so the next build can tell what changed.
 */
const entryV2 = entryV1.extend({
  /** Its `date` (publication time), ISO 8601: which month's archive holds it, and its tombstone once retracted. */
  date: z.iso.datetime().optional(),
  /** Its body's `bodyDigest`: a body published again under another digest changed. */
  digest: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  /** Its `revisionOf`, ISO 8601: a later one records the change, an equal or absent one does not. */
  revised: z.iso.datetime().optional(),
})

/**
 * The ledger: every id ever published, published with the site as
 * `ledger.json`, and read back before the next build. It is how a build knows
 * an id it is about to drop or change was already in readers' hands, and
 * (from version 2) which published text changed with no correction to say so.
 * A version 1 ledger is read as version 2 whose entries have no digest: its
 * articles raise no `silent-change` until a build has recorded them.
 */
export const ledgerSchema = z
  .discriminatedUnion('version', [
    z.strictObject({ version: z.literal(1), entries: z.array(entryV1) }),
    z.strictObject({ version: z.literal(2), entries: z.array(entryV2) }),
  ])
  .transform((ledger) => ({ version: 2 as const, entries: ledger.entries as z.infer<typeof entryV2>[] }))

export type Ledger = z.output<typeof ledgerSchema>
export type LedgerEntry = Ledger['entries'][number]

/** Identity problems belong to the whole file: point at its first line. */
const top = { line: 1, column: 1 }

/**
 * Cross-article identity checks: ids and URLs unique among all articles
 * (drafts too, they will be published), published ids kept or explicitly
 * retracted. Messages go on the articles' files; vanished ids, whose source
 * may be gone, on a file named after their last source (none for a source in
 * `invalid`, there but failing validation). Returns those extra files.
 */
export function checkIdentity(
  all: readonly Article[],
  published: readonly Article[],
  config: Config,
  previous: Ledger | undefined,
  invalid: ReadonlySet<string> = new Set(),
): VFile[] {
  const extra: VFile[] = []
  const byId = new Map<string, Article>()
  const byUrl = new Map<string, Article>()
  const retracted = new Set(config.retracted.map((entry) => entry.id))

  for (const article of all) {
    const sameId = byId.get(article.id)
    if (sameId) report(article.file, 'duplicate-id', top, { id: article.id, other: sameId.file.path })
    else byId.set(article.id, article)
    const sameUrl = byUrl.get(article.url)
    if (sameUrl) report(article.file, 'duplicate-url', top, { url: article.url, other: sameUrl.file.path })
    else byUrl.set(article.url, article)
    if (retracted.has(article.id)) report(article.file, 'id-retracted', top, { id: article.id })
  }

  if (!previous) return extra
  const live = new Set(published.map((article) => article.id))
  const bySource = new Map(published.map((article) => [article.file.path, article]))
  const ledger = new Map(previous.entries.map((entry) => [entry.id, entry]))
  // A published id stays with its article: it may keep its URL under a file renamed or moved, or
  // its file under a URL changed, but not leave both, nor trade places with another article's id.
  for (const article of published) {
    const entry = ledger.get(article.id)
    if (!entry || entry.retracted || entry.source === article.file.path) continue
    const details = { id: article.id, url: entry.url, source: entry.source }
    const other = bySource.get(entry.source)
    if (other && other.id !== article.id && ledger.get(other.id)?.source === article.file.path) {
      report(article.file, 'id-swapped', top, { ...details, other: other.id })
    } else if (entry.url !== article.url) {
      report(article.file, 'id-moved', top, details)
    }
  }
  for (const entry of previous.entries) {
    // A source that is there but invalid already stops the build with its own errors.
    if (entry.retracted || live.has(entry.id) || retracted.has(entry.id) || invalid.has(entry.source)) continue
    const successor = bySource.get(entry.source)
    if (successor && !previous.entries.some((e) => e.id === successor.id)) {
      report(successor.file, 'id-changed', top, { id: successor.id, previous: entry.id })
    } else {
      const file = new VFile({ path: entry.source })
      report(file, 'id-vanished', top, { id: entry.id, url: entry.url })
      extra.push(file)
    }
  }
  return extra
}

/**
 * The time of the newest change the article's front matter records: its
 * newest `corrections` entry of any kind (a clarification too), or its
 * `updated`, whichever is later. A body that changed since the last publish
 * with no later revision changed silently.
 */
export function revisionOf(article: Pick<Article, 'updated' | 'corrections'>): Date | undefined {
  const times = [...(article.updated ? [article.updated.getTime()] : []), ...(article.corrections ?? []).map((entry) => Date.parse(entry.at))]
  return times.length === 0 ? undefined : new Date(Math.max(...times))
}

/**
 * Warn about each published article whose body is not the one the live site
 * published (by the ledger's digest) while its front matter records no
 * change since (`revisionOf`): readers were shown one text and now get
 * another without a word. A warning, not an error: a typo needs no
 * correction. Entries with no digest (a version 1 ledger's) are not compared.
 */
export function checkSilentChanges(published: readonly Article[], previous: Ledger | undefined) {
  if (!previous) return
  const ledger = new Map(previous.entries.map((entry) => [entry.id, entry]))
  for (const article of published) {
    const entry = ledger.get(article.id)
    if (!entry || entry.retracted || entry.digest === undefined || entry.digest === article.bodyDigest) continue
    const revised = revisionOf(article)
    if (revised && (entry.revised === undefined || revised.getTime() > Date.parse(entry.revised))) continue
    report(article.file, 'silent-change', article.places.corrections ?? top, {}, { severity: 'warning' })
  }
}

/** What the ledger records of a published article (until it is retracted: see `nextLedger`). */
export function ledgerEntry(article: Article): LedgerEntry {
  const revised = revisionOf(article)
  return {
    id: article.id,
    url: article.url,
    source: article.file.path,
    date: article.date.toISOString(),
    digest: article.bodyDigest,
    ...(revised && { revised: revised.toISOString() }),
  }
}

/** The ledger after this build: everything before, plus what is published now; sorted for stable bytes. */
export function nextLedger(previous: Ledger | undefined, published: readonly Article[], config: Config): Ledger {
  const entries = new Map<string, LedgerEntry>()
  for (const entry of previous?.entries ?? []) entries.set(entry.id, entry)
  for (const article of published) entries.set(article.id, ledgerEntry(article))
  for (const { id } of config.retracted) {
    const entry = entries.get(id)
    if (entry) entries.set(id, { ...entry, retracted: true })
  }
  return {
    version: 2,
    entries: [...entries.values()].sort((a, b) => byCodePoint(a.id, b.id)),
  }
}

/**
 * A published id withdrawn on purpose (the config's `retracted`), with what
 * the ledger knows of it. Plain data, for the feeds' tombstones and the
 * retraction notice at its URL.
 */
export interface Retraction {
  id: string
  /** Where it was published, when the ledger knows (a retraction of an id the ledger never had has none). */
  url?: string
  /** When it was first published, when the ledger knows: which month's archive held it. */
  published?: Date
  /** When it was withdrawn: absent for an id listed alone, the form of earlier versions. */
  at?: Date
  /** Why, as one line of plain text, when given. */
  reason?: string
}

/**
 * Every retraction of the config, in its order, with its URL and publication
 * time from `ledger` (the one this build publishes). `at` is read in the
 * site's time zone, as an article's `date` is.
 */
export function retractionsOf(config: Config, ledger: Ledger | undefined): Retraction[] {
  const known = new Map((ledger?.entries ?? []).map((entry) => [entry.id, entry]))
  return config.retracted.map(({ id, at, reason }) => {
    const entry = known.get(id)
    return {
      id,
      ...(entry && { url: entry.url }),
      ...(entry?.date !== undefined && { published: new Date(entry.date) }),
      ...(at !== undefined && { at: toInstant(at, config.timeZone) }),
      ...(reason !== undefined && { reason }),
    }
  })
}
