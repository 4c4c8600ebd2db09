import { parseFeed } from '@rowanmanning/feed-parser'
import { DateTime, FixedOffsetZone } from 'luxon'
import type { Point } from 'unist'
import type { VFile } from 'vfile'
import { location } from 'vfile-location'
import { z } from 'zod'
import { toInstant } from '../dates.ts'
import { report } from '../messages.ts'

/** One item of the site's old feed: what its subscribers' readers know it by. */
export interface OldItem {
  /** The id readers keep: Atom `id`, RSS `guid` (else its `link`, as readers do), JSON Feed `id`. */
  id?: string
  link?: string
  title?: string
  /** The day it was published, as the feed wrote it: `yyyy-mm-dd` in the feed's own offset. */
  day?: string
  /** That offset, in minutes east of UTC, when the feed wrote a time too. */
  offset?: number
  place?: Point
}

/** The old feed, read: its file (messages about items go there) and its items in order. */
export interface OldFeed {
  file: VFile
  items: OldItem[]
}

/** The few JSON Feed fields we need (https://www.jsonfeed.org/version/1.1/). */
const jsonFeed = z.object({
  version: z.string().startsWith('https://jsonfeed.org/version/'),
  items: z.array(
    z.object({
      // 1.1 says a string; 1.0 feeds wrote numbers too, and readers keep them as text.
      id: z.union([z.string(), z.number()]),
      url: z.string().optional(),
      title: z.string().optional(),
      date_published: z.string().optional(),
    }),
  ),
})

/**
 * The items of an old feed, RSS 2.0, Atom or JSON Feed, told apart by the
 * content (a JSON Feed is an object; anything else is read as XML by
 * @rowanmanning/feed-parser). Reports on `file` and gives `undefined` when
 * it is none of them.
 */
export function readOldFeed(file: VFile): OldFeed | undefined {
  const text = String(file.value)
  const toPoint = location(file).toPoint
  if (text.trimStart().startsWith('{')) {
    let data: unknown
    try {
      data = JSON.parse(text.replace(/^\uFEFF/, ''))
    } catch (error) {
      report(file, 'import-feed-unreadable', { line: 1, column: 1 }, { detail: (error as Error).message })
      return undefined
    }
    const result = jsonFeed.safeParse(data)
    if (!result.success) {
      report(file, 'import-feed-unreadable', { line: 1, column: 1 }, { detail: `not a JSON Feed: ${z.prettifyError(result.error).split('\n').join(' ')}` })
      return undefined
    }
    let from = 0
    const items = result.data.items.map((item): OldItem => {
      // The item's place is its `"id": …` member, searched for after the one before.
      const member = new RegExp(String.raw`"id"\s*:\s*${JSON.stringify(item.id).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'g')
      member.lastIndex = from
      const at = member.exec(text)?.index ?? -1
      if (at !== -1) from = at + 1
      return clean({ id: String(item.id), link: item.url, title: item.title, ...publishedOn(item.date_published), place: at === -1 ? undefined : toPoint(at) })
    })
    return { file, items }
  }
  let feed: ReturnType<typeof parseFeed>
  try {
    feed = parseFeed(text)
  } catch (error) {
    report(file, 'import-feed-unreadable', { line: 1, column: 1 }, { detail: (error as Error).message })
    return undefined
  }
  // feed-parser gives no positions: the n-th `<item>` or `<entry>` start tag is the n-th item.
  const starts = [...text.matchAll(/<(?:[\w.-]+:)?(?:item|entry)[\s>/]/g)].map((match) => match.index ?? 0)
  const items = feed.items.map((item, index): OldItem => {
    const written = ['published', 'pubdate', 'issued', 'date', 'updated'].map((name) => item.element.findElementWithName(name)?.textContentNormalized).find(Boolean)
    const start = starts.length === feed.items.length ? starts[index] : undefined
    return clean({
      id: item.id ?? item.url ?? undefined,
      link: item.url ?? undefined,
      title: item.title ?? undefined,
      ...publishedOn(written),
      place: start === undefined ? undefined : toPoint(start),
    })
  })
  return { file, items }
}

/** Drop `undefined` fields, so items compare and print plainly. */
function clean(item: { [K in keyof OldItem]?: OldItem[K] | undefined }): OldItem {
  return Object.fromEntries(Object.entries(item).filter(([, value]) => value !== undefined && value !== '')) as OldItem
}

/** The calendar day of a feed's date as written, and its offset if it has a time: ISO 8601 (Atom, JSON Feed) or RFC 822 (RSS). */
function publishedOn(text: string | undefined): { day?: string; offset?: number } {
  if (!text) return {}
  const timed = !/^\d{4}-\d\d-\d\d$/.test(text)
  for (const parsed of [DateTime.fromISO(text, { setZone: true }), DateTime.fromRFC2822(text, { setZone: true }), DateTime.fromHTTP(text, { setZone: true })]) {
    if (parsed.isValid) return { day: parsed.toISODate() ?? undefined, ...(timed && { offset: parsed.offset }) }
  }
  return { day: /^\d{4}-\d\d-\d\d/.exec(text)?.[0] }
}

/**
 * The day `date` (as an article writes it) falls on where `item` was dated:
 * a bare date is its own day; a time, its day at the offset the feed wrote.
 * Jekyll's feed moves a post's time to the site's zone (`2013-05-06 02:12:52
 * +0200` is published `2013-05-05T17:12:52-07:00`), and so does its URL.
 */
function dayWhere(date: string, item: OldItem, timeZone: string): string {
  if (/^\d{4}-\d\d-\d\d$/.test(date) || item.offset === undefined) return date.slice(0, 10)
  return DateTime.fromJSDate(toInstant(date, timeZone), { zone: FixedOffsetZone.instance(item.offset) }).toISODate() ?? date.slice(0, 10)
}

/** A link as compared: without a trailing `index.html`, then without a trailing slash; nothing else. */
export function comparableLink(url: string): string {
  return url.replace(/index\.html$/, '').replace(/\/$/, '')
}

/** A headline as compared: typographic quotes and dashes as typed, spaces collapsed, lower case (jekyll-feed "smartifies" titles). */
function comparableTitle(title: string): string {
  return title
    .normalize('NFKC')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
}

/** What an imported article is looked for by: its old URL, if known, then its headline and date (as written). */
export interface Wanted {
  url?: string
  title: string
  date: string
}

/**
 * The old feed's item for each article: by link first (see
 * `comparableLink`), then by headline and day (see `dayWhere`; dates
 * without an offset are read in `timeZone`); each item goes to one article
 * at most. Every item no article took is reported on the feed's file.
 */
export function matchItems(feed: OldFeed, wanted: readonly Wanted[], timeZone: string): Array<OldItem | undefined> {
  const free = new Set(feed.items)
  const byLink = new Map<string, OldItem>()
  for (const item of feed.items) if (item.link && !byLink.has(comparableLink(item.link))) byLink.set(comparableLink(item.link), item)
  const matches: Array<OldItem | undefined> = wanted.map((article) => {
    const item = article.url === undefined ? undefined : byLink.get(comparableLink(article.url))
    if (item && free.has(item)) {
      free.delete(item)
      return item
    }
    return undefined
  })
  wanted.forEach((article, index) => {
    if (matches[index]) return
    const title = comparableTitle(article.title)
    const item = [...free].find(
      (candidate) => candidate.title !== undefined && comparableTitle(candidate.title) === title && candidate.day === dayWhere(article.date, candidate, timeZone),
    )
    if (item) {
      free.delete(item)
      matches[index] = item
    }
  })
  for (const item of free) {
    report(feed.file, 'import-feed-item-left', item.place, { title: item.title ?? '(no title)', id: item.id ?? item.link ?? 'no id' }, { severity: 'warning' })
  }
  return matches
}

/** How the old feed made its ids from its links, when every item shows the same rule. */
export interface IdRule {
  id: (url: string) => string
  /** How the rule reads in a message. */
  how: string
}

/**
 * The rule the old feed made every id by from its item's link, if there is
 * one: the id a page it no longer lists had in it too (feeds list the latest
 * 10 to 50), so readers that kept it do not see it again. Jekyll's feed
 * writes the URL without its final slash; Zola's and Hugo's, the URL.
 */
export function idRuleOf(feed: OldFeed): IdRule | undefined {
  const items = feed.items
  if (items.length === 0 || !items.every((item) => item.id && item.link)) return undefined
  if (items.every((item) => item.id === item.link)) return { id: (url) => url, how: "the old feed's ids are its links" }
  const trimmed = (url: string) => url.replace(/\/$/, '')
  if (items.every((item) => item.id === trimmed(item.link as string))) {
    return { id: trimmed, how: "the old feed's ids are its links without the final slash" }
  }
  return undefined
}
