import type { Config } from '../config.ts'
import type { OutputFile } from '../output.ts'
import type { BodyOf, ShownArticle } from '../shown.ts'
import { filledDocument, listSite, type BudgetedDocument, type BudgetPlan, type Listing, type Site, type SiteOptions } from '../site.ts'
import { fileKey, hash, type ArticleKeys } from './keys.ts'

/**
 * The site's files as a session keeps them from one build to the next
 * (`listSite`, with each file's key). Listing 10,000 articles' site (every
 * page, every archive of every topic) and keying each file took 400 ms of
 * a rebuild; an edit to an article's body changes neither which files there
 * are nor what they list, only the bodies in them. So a build whose site
 * shows the same articles the same way as the last build's (`signature`),
 * at a "now" the last listing still holds at, takes that listing again, and
 * keys again only the files made of an article whose keys changed. A new
 * listing (an edit to a headline, say) keeps the budgeted documents' fills
 * and shares, which are known by their files' keys, not by the listing.
 */
export interface KeptListing {
  listing: Listing
  /** What the listing was made from (see `listingSignature`). */
  signature: string
  /** The "now" it was listed at, and the first instant it no longer holds at (`Site.changesAt`), in ms. */
  from: number
  until: number
  /** Where its files find the bodies and the ledger: the current build's, set by each build that takes the listing. */
  bodyOf: BodyOf
  ledger: string
  /** Each file's key as last worked out, and the articles' keys it was worked out with. */
  keys: Map<OutputFile, string | undefined>
  articleKeys: ReadonlyMap<string, ArticleKeys>
  /**
   * Each document with a byte budget as last filled, by path, with the key it
   * was filled under and each candidate's share of it by the key its file
   * would have holding that candidate alone (see `fillBudgets`).
   */
  budgets: Map<string, { key: string | undefined; document: BudgetedDocument; shares: ReadonlyMap<string, number> }>
}

/**
 * What a site's listing is made of besides the code, config and preview
 * (`context`): its shown articles as pages and feeds show them, each by its
 * teaser key (all its data but its body, and its lead image's digest: see
 * src/engine/index.ts) with its reading time, preview mark and body images'
 * sizes; the retractions its ledger knows (not the rest of the ledger, which
 * records every body's digest: its text is asked for when its file is
 * made); and its images' paths.
 */
export function listingSignature(context: string, site: Site, articleKeys: ReadonlyMap<string, ArticleKeys>, images: readonly { path: string }[]): string {
  const articles = site.shown.map((article) =>
    [article.id, articleKeys.get(article.id)?.teaser, article.readingTime, article.preview ?? '', JSON.stringify(article.bodyImages ?? {})].join('\0'),
  )
  return hash(context, JSON.stringify(site.retracted), JSON.stringify(images.map((image) => image.path)), JSON.stringify(articles))
}

/**
 * The listing of `site` at `now`: `kept` when it was made from the same and
 * still holds, else made now (its files then read bodies through what the
 * build sets as `bodyOf`). Either way, `bodyOf` is this build's.
 */
export function listingFor(
  kept: KeptListing | undefined,
  signature: string,
  site: Site,
  config: Config,
  options: Pick<SiteOptions, 'now' | 'images'> & { bodyOf: BodyOf },
): KeptListing {
  const now = options.now.getTime()
  const ledger = site.ledger ?? ''
  if (kept && kept.signature === signature && kept.from <= now && now < kept.until) {
    Object.assign(kept, { bodyOf: options.bodyOf, ledger })
    return kept
  }
  const fresh: KeptListing = {
    signature,
    from: now,
    until: site.changesAt?.getTime() ?? Infinity,
    bodyOf: options.bodyOf,
    ledger,
    keys: new Map(),
    articleKeys: new Map(),
    budgets: kept?.budgets ?? new Map(),
    listing: { output: [], files: [], ok: true },
  }
  fresh.listing = listSite(site, config, { ...options, bodyOf: (article) => fresh.bodyOf(article), ledgerText: () => fresh.ledger })
  return fresh
}

/**
 * Each file's key (`fileKey`) under this build's `articleKeys`: the one
 * worked out last time for a file none of whose articles' keys changed,
 * else worked out now, and kept for the next build.
 */
export function fileKeys(kept: KeptListing, articleKeys: ReadonlyMap<string, ArticleKeys>): (file: OutputFile) => string | undefined {
  const changed = new Set<string>()
  for (const [id, keys] of articleKeys) {
    const last = kept.articleKeys.get(id)
    if (last?.whole !== keys.whole || last.teaser !== keys.teaser) changed.add(id)
  }
  kept.articleKeys = articleKeys
  return (file) => {
    if (kept.keys.has(file) && !file.madeOf?.articles.some((article) => changed.has(article.id))) return kept.keys.get(file)
    const key = fileKey(file.madeOf, (article) => articleKeys.get(article.id))
    kept.keys.set(file, key)
    return key
  }
}

/**
 * The documents with a byte budget, filled (see `budgetedDocuments`): one
 * whose key (`keyOf` its file in the listing) is the one it was last filled
 * under keeps what that fill said, unwritten; the others are filled now,
 * and their text is given to the writer (`made`, by path), so no document
 * is written twice in a build. At 10,000 articles, filling the site's three
 * took a sixth of a rebuild, twice over when an edit changed them. A
 * candidate is measured alone (its share) only when it changed: the share
 * of one the document would hold alone under the same key is the same.
 */
export function fillBudgets(kept: KeptListing, plans: Iterable<BudgetPlan>, keyOf: (file: OutputFile) => string | undefined) {
  const byPath = new Map(kept.listing.output.map((file) => [file.path, file]))
  const documents: BudgetedDocument[] = []
  const made = new Map<string, string>()
  for (const plan of plans) {
    const file = byPath.get(plan.path)
    const key = file && keyOf(file)
    const last = kept.budgets.get(plan.path)
    if (key !== undefined && last?.key === key) {
      documents.push(last.document)
      continue
    }
    const alone = (article: ShownArticle) => file?.madeOf && fileKey({ ...file.madeOf, articles: [article] }, (one) => kept.articleKeys.get(one.id))
    const fill = plan.fill((article) => {
      const shareKey = alone(article)
      return shareKey === undefined ? undefined : last?.shares.get(shareKey)
    })
    const document = filledDocument(plan, fill)
    documents.push(document)
    made.set(plan.path, fill.text)
    const shares = new Map<string, number>()
    fill.shares.forEach((share, index) => {
      const shareKey = alone(plan.candidates[index] as ShownArticle)
      if (shareKey !== undefined) shares.set(shareKey, share)
    })
    kept.budgets.set(plan.path, { key, document, shares })
  }
  return { documents, made }
}
