import type { ShownArticle } from '../shown.ts'

/**
 * A feed document filled to a byte budget (issue #20): partners cap what
 * they fetch (Google News 2 MB a feed, FeedBurner-style readers 512 KB to
 * 1 MB), and a few long articles can push a document past the cap with
 * nobody noticing. The document takes its candidates newest first and stops
 * before the first that would take it past `maxBytes`: a whole item or none,
 * and no older, smaller item after a gap, which a reader would take for a
 * lost one.
 *
 * Bytes are the UTF-8 bytes of the document as written. Not quadratic: the
 * empty document is written once, and each candidate once alone in it, the
 * difference being its share; the sum says how many fit, and the document
 * of that many is written and measured, one item fewer each time it is over
 * (the estimate is off by a separator or two, no more).
 */
export interface Fill {
  /** The document as written: never over `maxBytes` when `kept` > 0 or when even the empty one fits. */
  text: string
  /** How many candidates it holds, the newest. */
  kept: number
  /** Its UTF-8 length. */
  bytes: number
  /** The empty document's bytes. */
  envelope: number
  /** Each measured candidate's share of a document, newest first: the kept ones and the first left out, if any. */
  shares: number[]
}

/** The UTF-8 length of `text`: what a partner's limit counts. */
export const byteLength = (text: string) => Buffer.byteLength(text, 'utf8')

/**
 * A candidate's share as measured before (see `Fill`), when it is known to
 * be the same: a watcher's rebuild measures only the edited article.
 */
export type Measured = (article: ShownArticle) => number | undefined

/**
 * `write(candidates.slice(0, n))` for the greatest `n` whose document is at
 * most `maxBytes` (see `Fill`). `candidates` are newest first.
 */
export function fillToBudget(candidates: readonly ShownArticle[], write: (articles: readonly ShownArticle[]) => string, maxBytes: number, measured?: Measured): Fill {
  const envelope = byteLength(write([]))
  const shares: number[] = []
  let total = envelope
  let kept = 0
  for (const article of candidates) {
    const share = measured?.(article) ?? byteLength(write([article])) - envelope
    shares.push(share)
    if (total + share > maxBytes) break
    total += share
    kept++
  }
  let text = write(candidates.slice(0, kept))
  // The estimate can be a few bytes short (a separator between items): one item fewer until it fits.
  while (kept > 0 && byteLength(text) > maxBytes) text = write(candidates.slice(0, --kept))
  return { text, kept, bytes: byteLength(text), envelope, shares }
}
