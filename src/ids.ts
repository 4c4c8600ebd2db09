import { VFile } from 'vfile'
import { z } from 'zod'
import type { Config } from './config.ts'
import { report } from './messages.ts'
import { byCodePoint } from './order.ts'
import type { Article } from './validate.ts'

/**
 * The ledger: every id ever published, published with the site as
 * `ledger.json`, and read back before the next build. It is how a build knows
 * an id it is about to drop or change was already in readers' hands.
 */
export const ledgerSchema = z.strictObject({
  version: z.literal(1),
  entries: z.array(
    z.strictObject({
      id: z.string(),
      url: z.string(),
      source: z.string(),
      retracted: z.literal(true).optional(),
    }),
  ),
})

export type Ledger = z.infer<typeof ledgerSchema>
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
  const retracted = new Set(config.retracted)

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

/** The ledger after this build: everything before, plus what is published now; sorted for stable bytes. */
export function nextLedger(previous: Ledger | undefined, published: readonly Article[], config: Config): Ledger {
  const entries = new Map<string, LedgerEntry>()
  for (const entry of previous?.entries ?? []) entries.set(entry.id, entry)
  for (const article of published) {
    entries.set(article.id, { id: article.id, url: article.url, source: article.file.path })
  }
  for (const id of config.retracted) {
    const entry = entries.get(id)
    if (entry) entries.set(id, { ...entry, retracted: true })
  }
  return {
    version: 1,
    entries: [...entries.values()].sort((a, b) => byCodePoint(a.id, b.id)),
  }
}
