import type { Config } from '../config.ts'
import { calendarDate } from '../dates.ts'
import type { Retraction } from '../ids.ts'
import type { ShownArticle } from '../shown.ts'
import { feedUrls, newestFirst, type FeedModelOptions, type FeedSpec, type Tombstone } from './model.ts'
import { pastArchivePolling, type PollingHint } from './polling.ts'

/**
 * Archived feeds (RFC 5005, "Feed Paging and Archiving", §4), so that a
 * reader can rebuild a feed's whole history while no document holds more
 * than `feedItems` items or one month.
 *
 * Each feed (the site's, each tag's, each author's, each section's) is, in
 * its folder:
 *
 * - its subscription documents (`feed.xml`, `atom.xml`, `feed.json`): the
 *   newest `feedItems` items;
 * - one archive document per format for each calendar month (in the site's
 *   time zone) in which it has articles, at `archive/<yyyy>/<mm>/`: every
 *   item of that month. The newest month's overlaps the subscription
 *   documents; RFC 5005 §4.2 has readers keep the newest copy of an entry.
 *   None at all while the feed has one month and its subscription documents
 *   hold all of it: that archive would repeat them, and could link to no
 *   other (the W3C validator's `ArchiveIncomplete`, RFC 5005 §4's SHOULD).
 *
 * Links, the same in the three formats where the format has them:
 *
 * - subscription documents: `prev-archive` (JSON Feed: `next_url`, whose
 *   pagination leads to older items) to the newest month's archive;
 * - archive documents: `prev-archive` (`next_url`) to the next older month
 *   that has articles, none on the oldest; `next-archive` (RSS and Atom only:
 *   JSON Feed has no link to newer items) to the next newer month, none on
 *   the newest; `current` to the subscription documents; and `fh:archive`.
 *
 * What changes an archive's bytes: one of its own articles changing (a
 * correction, an edit, a retraction), or which months are next to it. An
 * article is published at "now", into the newest month or a later one; so
 * a new article changes its own month's archive and the subscription
 * documents, and, on the day a month gets its first article, the archive
 * of the month before once: it gains `next-archive`, and the hint for a past
 * month (`pastArchivePolling`), since it will not change again. An article
 * dated into a month before the newest in which the feed had none (a
 * back-dated or re-dated article, or a tag added to an old one) changes the
 * archives of the months on either side, which must now lead to it; likewise
 * when a month loses its last article.
 *
 * Only the site's feed has tombstones (see `Tombstone`): its subscription
 * documents announce each retraction made since the oldest item they hold
 * (all of them while they hold the whole feed), so a subscriber who polls
 * as often as items come and go sees it; and the archive of the month the
 * retracted article was published in carries it for good, for readers that
 * rebuild the history. That month keeps its archive, with no items if it
 * has none left, so that links to it still lead somewhere.
 */

/** A month as its archive's folder names it: `2026/01`, in the site's time zone. */
export type Month = string

/** The month of each article, computed once per article however many feeds it is in. */
export function monthsIn(timeZone: string): (article: Pick<ShownArticle, 'date'>) => Month {
  const cache = new WeakMap<object, Month>()
  return (article) => {
    let month = cache.get(article)
    if (month === undefined) {
      const { year, month: number } = calendarDate(article.date, timeZone)
      month = `${year}/${number}`
      cache.set(article, month)
    }
    return month
  }
}

/** One document of a feed, before it is mapped and written in the three formats. */
export interface FeedDocument {
  /** The folder it is published in, relative to the site URL: `''`, `archive/2026/01/`, `tags/ukraine/archive/2026/01/`. */
  folder: string
  /** Its items' articles, newest first: the subscription documents' are only the newest `feedItems`. */
  articles: readonly ShownArticle[]
  /** Whether it is a month's archive, rather than the feed's subscription document. */
  archive: boolean
  /** How `feedModel` maps them: which document this is and its links. Together with the articles, all its bytes depend on. */
  options: FeedModelOptions
}

/** What a feed's documents say besides their articles: its retractions (the site's feed only) and its publish schedule's hint. */
export interface FeedRecord {
  /** Retractions to announce; only those with a time (`at`) become tombstones. */
  retractions?: readonly Retraction[]
  /** The subscription documents' polling hint, from the publish schedule; none when unknown. */
  polling?: PollingHint | undefined
}

/**
 * A feed's documents: its subscription documents, then one archive per
 * month that has articles (or a tombstone), newest first (the order readers
 * walk them in). Only grouped here; mapping the items is left to whoever
 * writes each.
 */
export function* feedArchives(
  articles: readonly ShownArticle[],
  config: Config,
  feed: FeedSpec,
  monthOf: (article: Pick<ShownArticle, 'date'>) => Month = monthsIn(config.timeZone),
  record: FeedRecord = {},
): Generator<FeedDocument> {
  const sorted = [...articles].sort(newestFirst)
  const tombstones = (record.retractions ?? []).flatMap((retraction) => {
    const tombstone = tombstoneOf(retraction)
    return tombstone ? [{ tombstone, month: retraction.published && monthOf({ date: retraction.published }) }] : []
  })
  const newestItems = sorted.slice(0, config.feedItems)
  const holdsAll = newestItems.length === sorted.length
  // The subscription documents need only the newest month: the month of each article is worked out when the archives
  // are asked for, after them (the byte budgets ask for the subscription documents alone: 10,000 dates a rebuild saved).
  // A month is as late as its latest article, and the newest article is the first.
  const known = new Set([...(holdsAll ? sorted : sorted.slice(0, 1)).map(monthOf), ...tombstones.flatMap(({ month }) => month ?? [])])
  const archives = known.size > 1 || !holdsAll
  const archive = (month: Month | undefined) => month && feedUrls(config, archiveFolder(feed, month))
  const newest = archives ? archive([...known].sort().at(-1)) : undefined
  // The retractions made since the oldest item the subscription documents hold; every one while they hold all.
  const oldest = newestItems.at(-1)?.date.getTime() ?? Number.NEGATIVE_INFINITY
  const announced = tombstones.map(({ tombstone }) => tombstone).filter((tombstone) => holdsAll || tombstone.when.getTime() >= oldest)
  yield {
    folder: feed.folder,
    articles: newestItems,
    archive: false,
    options: {
      ...(newest && { history: { prevArchive: newest } }),
      ...(record.polling && { polling: record.polling }),
      ...(announced.length > 0 && { tombstones: announced }),
    },
  }
  if (!archives) return
  const byMonth = new Map<Month, ShownArticle[]>()
  for (const article of sorted) {
    const month = monthOf(article)
    const list = byMonth.get(month)
    if (list) list.push(article)
    else byMonth.set(month, [article])
  }
  const tombstonesIn = new Map<Month, Tombstone[]>()
  for (const { tombstone, month } of tombstones) if (month !== undefined) tombstonesIn.set(month, [...(tombstonesIn.get(month) ?? []), tombstone])
  // `yyyy/mm` sorts as text; newest first.
  const archived = [...new Set([...byMonth.keys(), ...tombstonesIn.keys()])].sort().reverse()
  const current = feedUrls(config, feed.folder)
  for (const [index, month] of archived.entries()) {
    const older = archive(archived[index + 1])
    const newer = archive(archived[index - 1])
    const folder = archiveFolder(feed, month)
    // The newest month's archive changes with every article of its month, as the subscription documents do.
    const polling = index === 0 ? record.polling : pastArchivePolling
    const held = tombstonesIn.get(month) ?? []
    yield {
      folder,
      articles: byMonth.get(month) ?? [],
      archive: true,
      options: {
        at: folder,
        history: { current, ...(older && { prevArchive: older }), ...(newer && { nextArchive: newer }) },
        ...(polling && { polling }),
        ...(held.length > 0 && { tombstones: held }),
      },
    }
  }
}

/** A retraction as feeds announce it, a tombstone: only one with a time, which RFC 6721 requires (`when`). */
export function tombstoneOf(retraction: Retraction): Tombstone | undefined {
  if (retraction.at === undefined) return undefined
  return {
    id: retraction.id,
    when: retraction.at,
    ...(retraction.url !== undefined && { url: retraction.url }),
    ...(retraction.reason !== undefined && { reason: retraction.reason }),
  }
}

/** Where a feed's archives are, in its folder: the site's also has its archive's page there (src/pages/archive-pages.ts). */
export const archiveRoot = 'archive/'

/** The folder of `feed`'s archive for `month`. */
export function archiveFolder(feed: Pick<FeedSpec, 'folder'>, month: Month): string {
  return `${feed.folder}${archiveRoot}${month}/`
}
