import type { Config } from '../config.ts'
import { calendarDate } from '../dates.ts'
import type { ShownArticle } from '../shown.ts'
import { feedUrls, newestFirst, type FeedModelOptions, type FeedSpec } from './model.ts'

/**
 * Archived feeds (RFC 5005, "Feed Paging and Archiving", §4), so that a
 * reader can rebuild a feed's whole history while no document holds more
 * than `feedItems` items or one month.
 *
 * Each feed (the site's, each tag's, each author's) is, in its folder:
 *
 * - its subscription documents (`feed.xml`, `atom.xml`, `feed.json`): the
 *   newest `feedItems` items;
 * - one archive document per format for each calendar month (in the site's
 *   time zone) in which it has articles, at `archive/<yyyy>/<mm>/`: every
 *   item of that month. The newest month's overlaps the subscription
 *   documents; RFC 5005 §4.2 has readers keep the newest copy of an entry.
 *
 * Links, the same in the three formats:
 *
 * - subscription documents: `prev-archive` (JSON Feed: `next_url`, whose
 *   pagination leads to older items) to the newest month's archive;
 * - archive documents: `prev-archive` (`next_url`) to the next older month
 *   that has articles, none on the oldest; `current` to the subscription
 *   documents; and `fh:archive`.
 *
 * The rule: an archive document's bytes change only when one of its own
 * articles changes. An archive is a function of the config, its month, its
 * month's articles and the next older month that has articles. Articles are
 * published at "now", into the newest month or a later one, which changes
 * neither the articles of an older month nor which month precedes it; so a
 * new article changes its own month's archive and the subscription
 * documents, and nothing else (in each of the feeds it belongs to).
 *
 * That is why there is no `next-archive`, although §4 says archives SHOULD
 * have one: the newest archive would gain it when a later month gets its
 * first article, changing a document none of whose articles changed, and
 * every archive has been the newest once. Readers do not need it: §4.2
 * rebuilds a feed by following `prev-archive` from the subscription
 * document, and from any archive `current` leads back there.
 *
 * What can change an archive without touching its articles is an article
 * dated into a month before it in which the feed had none (a back-dated or
 * re-dated article, or a tag added to an old one): the next newer archive
 * then points to that month, as it must or the month would be unreachable.
 * Likewise when a month loses its last article. Only that one archive changes.
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

/**
 * A feed's documents: its subscription documents, then one archive per
 * month that has articles, newest first (the order readers walk them in).
 * Only grouped here; mapping the items is left to whoever writes each.
 */
export function* feedArchives(
  articles: readonly ShownArticle[],
  config: Config,
  feed: FeedSpec,
  monthOf: (article: ShownArticle) => Month = monthsIn(config.timeZone),
): Generator<FeedDocument> {
  const byMonth = new Map<Month, ShownArticle[]>()
  const sorted = [...articles].sort(newestFirst)
  for (const article of sorted) {
    const month = monthOf(article)
    const list = byMonth.get(month)
    if (list) list.push(article)
    else byMonth.set(month, [article])
  }
  // `yyyy/mm` sorts as text; newest first.
  const months = [...byMonth.keys()].sort().reverse()
  const archive = (month: Month | undefined) => month && feedUrls(config, archiveFolder(feed, month))
  const newest = archive(months[0])
  yield {
    folder: feed.folder,
    articles: sorted.slice(0, config.feedItems),
    archive: false,
    options: newest ? { history: { prevArchive: newest } } : {},
  }
  const current = feedUrls(config, feed.folder)
  for (const [index, month] of months.entries()) {
    const older = archive(months[index + 1])
    const folder = archiveFolder(feed, month)
    yield { folder, articles: byMonth.get(month) ?? [], archive: true, options: { at: folder, history: { current, ...(older && { prevArchive: older }) } } }
  }
}

/** The folder of `feed`'s archive for `month`. */
export function archiveFolder(feed: Pick<FeedSpec, 'folder'>, month: Month): string {
  return `${feed.folder}archive/${month}/`
}
