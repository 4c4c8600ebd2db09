import { toHtml } from 'hast-util-to-html'
import { h } from 'hastscript'
import { registerOf, type Author } from '../authors.ts'
import type { Config } from '../config.ts'
import { inLanguage } from '../languages.ts'
import { byCodePoint } from '../order.ts'
import { imageTypes, type CorrectionKind } from '../schema.ts'
import { correctionLabel, displayDate } from '../strings/format.ts'
import { fill, siteStrings } from '../strings/index.ts'
import type { BodyOf, ShownArticle } from '../shown.ts'
import type { SiteImage } from '../site-images.ts'
import { xmlSafe } from '../xml-safe.ts'
import type { PollingHint } from './polling.ts'

/** One item, format-neutral: every value final, every URL absolute and frozen. */
export interface FeedItem {
  id: string
  url: string
  /** Plain text, as every format writes it (Atom as `type="text"`). */
  title: string
  summary: string
  /** The summary escaped as HTML, for the RSS item description, which readers parse as HTML. */
  summaryHtml: string
  contentHtml: string
  authors: string[]
  /** The same, with what the authors' register says of each (src/authors.ts): Atom `author/uri`, JSON Feed `authors[].url` and `avatar`. */
  people: FeedPerson[]
  tags: string[]
  published: Date
  /** Its `updated` (the newest correction or update), or its publication time. */
  updated: Date
  /** Its corrections, oldest first, as data (JSON Feed's `_wirefeed`); `contentHtml` ends with them as notes. */
  corrections: FeedCorrection[]
  language: string
  image?: FeedImage
}

/** The lead image as feeds carry it: every text XML-safe. */
export interface FeedImage {
  url: string
  alt: string
  /** By its bytes when they were read, else by its name. */
  type: string
  caption?: string
  credit?: string
  /** Its size in pixels and length in bytes, when the site has the file (src/image-info.ts). */
  width?: number
  height?: number
  bytes?: number
}

/** An author as feeds name them: the byline, and their page and picture when the register gives them. */
export interface FeedPerson {
  name: string
  url?: string
  avatar?: string
}

/** A correction, an update or a clarification, as feeds carry it. */
export interface FeedCorrection {
  at: Date
  kind: CorrectionKind
  /** Plain text. */
  note: string
}

/**
 * An entry withdrawn on purpose (the config's `retracted`), announced where
 * readers may still hold it: RFC 6721's `at:deleted-entry` in Atom,
 * `_wirefeed.retractions` in JSON Feed. RSS has no way to say it.
 */
export interface Tombstone {
  id: string
  /** When it was withdrawn. */
  when: Date
  /** Where it was published (where its notice is), when known. */
  url?: string
  /** Plain text. */
  reason?: string
}

/** The addresses of one document in each format: a feed's, or one of its archives'. */
export type FeedUrls = { rss: string; atom: string; json: string }

/** RFC 5005 links (see src/feeds/archives.ts for which documents get which). */
export interface FeedHistory {
  /** Set on an archive document only: its feed's subscription documents (`current`); the document is marked `fh:archive`. */
  current?: FeedUrls
  /** The next older archive document: `prev-archive` in RSS and Atom, `next_url` in JSON Feed. */
  prevArchive?: FeedUrls
  /** The next newer archive document: `next-archive` in RSS and Atom (JSON Feed has no link to newer items). */
  nextArchive?: FeedUrls
}

/** The channel and its items, ready for any of the three formats. */
export interface FeedModel {
  /** The feed's permanent id (Atom `id`): the home page for the site's feed, its folder's URL for a topic's; archives share their feed's. */
  id: string
  title: string
  description: string
  /**
   * The page that shows this document's items, its alternate link (RSS
   * `link`, Atom `link rel="alternate"`, JSON Feed `home_page_url`): the page
   * at its feed's folder (the home page, a topic's page), or, for an archive,
   * its month's page at the archive's folder (src/pages/archive-pages.ts).
   */
  page: string
  language: string
  /**
   * The feed's interface language when it is not the site's: a language's
   * feed, when wirefeed has that language's strings (`inLanguage`). Its view
   * in a browser speaks it (src/feeds/xml/edit.ts `feedViewStyleFile`).
   */
  viewLanguage?: string
  copyright?: string
  /** Newest item's update time: never the wall clock, so unchanged input gives unchanged bytes. */
  updated: Date
  generator: string
  /** WebSub hub the feeds advertise, if any. */
  hub?: string
  /** The site's square icon (RSS `<image>`, Atom `icon`, JSON Feed `icon` and `favicon`), when the config names one. */
  icon?: SiteImage
  /** The site's wide logo (Atom `logo`), when the config names one. */
  logo?: SiteImage
  self: FeedUrls
  /** Where the older items are (RFC 5005); absent on a feed with no items. */
  history?: FeedHistory
  /** How often readers should look again (RSS `ttl` and `sy:`), when known. */
  polling?: PollingHint
  /** Entries withdrawn that this document announces (src/feeds/archives.ts says which). */
  tombstones: Tombstone[]
  items: FeedItem[]
}

/**
 * One logical feed: the site's, or a tag's or an author's. All its documents
 * (the subscription documents and the monthly archives) live in `folder`.
 */
export interface FeedSpec {
  /** Relative to the site URL: `''` for the site's feed, `tags/ukraine/` for a topic's. */
  folder: string
  title: string
  description: string
  /** The WebSub hub to advertise; only the site's feed, the one `wirefeed ping` announces, has one. */
  hub?: string
  /**
   * For a feed whose folder has no page (a partner's, src/feeds/documents.ts),
   * or whose archives have no month pages (a language's, src/feeds/languages.ts):
   * the page of all its documents (alternate link), relative to the site URL.
   */
  page?: string
  id?: string
  /** The channel's language, for a language's feed (src/feeds/languages.ts); else the site's. */
  language?: string
}

/** Where each format is published, relative to the site URL. */
export const feedFiles = { rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json' } as const

/** Each format's registered media type (what autodiscovery matches on) and name (as readers' menus show it), in the order pages list them. */
export const feedFormats = [
  { key: 'rss', type: 'application/rss+xml', name: 'RSS' },
  { key: 'atom', type: 'application/atom+xml', name: 'Atom' },
  { key: 'json', type: 'application/feed+json', name: 'JSON Feed' },
] as const

export const generator = 'wirefeed'

/** The site's own feed, at the site's root. */
export function siteFeed(config: Config): FeedSpec {
  return {
    folder: '',
    title: config.title,
    description: config.description,
    ...(config.hub !== undefined && { hub: config.hub }),
  }
}

export interface FeedModelOptions {
  /** At most this many items, the newest; all of them when absent (an archive document). */
  limit?: number
  /** The folder of this document when it is not the feed's own (an archive's). */
  at?: string
  history?: FeedHistory
  polling?: PollingHint
  tombstones?: Tombstone[]
}

/**
 * The single article → item mapping. Newest first; equal times ordered by id
 * so the order never depends on file-system order. Articles are sorted and
 * cut before they are mapped, so a document costs only its own items. An
 * item's content is `bodyOf` its article, asked for when a format writes it:
 * pages and partner files use the site feed's model too, and never show it.
 * An article that says `feed: summary` is its teaser whatever `bodyOf` is:
 * its body never reaches any feed (issue #20).
 */
export function feedModel(
  articles: readonly ShownArticle[],
  config: Config,
  feed: FeedSpec,
  bodyOf: BodyOf,
  options: FeedModelOptions = {},
): FeedModel {
  const sorted = [...articles].sort(newestFirst)
  const register = registerOf(config.authors)
  const items = (options.limit === undefined ? sorted : sorted.slice(0, options.limit)).map((article) => toItem(article, bodyOf, config, register))
  // The URL comes from the ledger, read back from the live site: made XML-safe like any text.
  const tombstones = (options.tombstones ?? []).map((tombstone) => ({
    ...tombstone,
    ...(tombstone.url !== undefined && { url: xmlSafe(tombstone.url) }),
    ...(tombstone.reason !== undefined && { reason: xmlSafe(tombstone.reason) }),
  }))
  // A retraction changes the feed as much as an update does (RFC 4287 §4.2.15).
  const times = [...items.map((item) => item.updated.getTime()), ...tombstones.map((tombstone) => tombstone.when.getTime())]
  const updated = new Date(times.reduce((newest, time) => Math.max(newest, time), 0))
  // An archive is read once, not followed: only subscription documents advertise the hub.
  const hub = options.history?.current === undefined ? feed.hub : undefined
  const language = feed.language ?? config.language
  return {
    id: new URL(feed.id ?? feed.folder, config.url).href,
    title: xmlSafe(feed.title),
    description: xmlSafe(feed.description),
    // Every feed's folder, and every archive's, has its page (src/pages/site-pages.ts), so its id and alternate link lead
    // somewhere; a feed that names its page (a partner's, a language's) has no month pages, and links there throughout.
    page: new URL(feed.page ?? options.at ?? feed.folder, config.url).href,
    language,
    ...(inLanguage(config, language) !== config && { viewLanguage: language }),
    copyright: config.copyright === undefined ? undefined : xmlSafe(config.copyright),
    updated,
    generator,
    ...(hub !== undefined && { hub }),
    ...(config.siteImages?.icon && { icon: config.siteImages.icon }),
    ...(config.siteImages?.logo && { logo: config.siteImages.logo }),
    self: feedUrls(config, options.at ?? feed.folder),
    ...(options.history && { history: options.history }),
    ...(options.polling && { polling: options.polling }),
    tombstones,
    items,
  }
}

/** The three documents in `folder` (relative to the site URL, `''` or ending with `/`). */
export function feedUrls(config: Config, folder: string): FeedUrls {
  return {
    rss: new URL(folder + feedFiles.rss, config.url).href,
    atom: new URL(folder + feedFiles.atom, config.url).href,
    json: new URL(folder + feedFiles.json, config.url).href,
  }
}

/** A feed of a folder as pages and the OPML list offer it: its title, its documents, and its page at its folder. */
export function offeredFeed(feed: Pick<FeedSpec, 'folder' | 'title'>, config: Config): { title: string; self: FeedUrls; page: string } {
  return { title: xmlSafe(feed.title), self: feedUrls(config, feed.folder), page: new URL(feed.folder, config.url).href }
}

/** Newest first by publication time, then by id: what every feed document's order is. */
export function newestFirst(a: Pick<ShownArticle, 'date' | 'id'>, b: Pick<ShownArticle, 'date' | 'id'>): number {
  return b.date.getTime() - a.date.getTime() || byCodePoint(a.id, b.id)
}

function toItem(article: ShownArticle, bodyOf: BodyOf, config: Config, register: ReadonlyMap<string, Author>): FeedItem {
  let contentHtml: string | undefined
  const corrections = (article.corrections ?? []).map((entry) => ({ at: new Date(entry.at), kind: entry.kind, note: xmlSafe(entry.note) }))
  const image: FeedImage | undefined = article.image && {
    url: article.image.url,
    alt: xmlSafe(article.image.alt),
    type: article.image.info?.type ?? imageType(article.image.url),
    ...(article.image.caption !== undefined && { caption: xmlSafe(article.image.caption) }),
    ...(article.image.credit !== undefined && { credit: xmlSafe(article.image.credit) }),
    ...(article.image.info && { width: article.image.info.width, height: article.image.info.height, bytes: article.image.info.bytes }),
  }
  return {
    id: article.id,
    url: article.url,
    title: xmlSafe(article.title),
    summary: xmlSafe(article.summary),
    summaryHtml: textToHtml(xmlSafe(article.summary)),
    get contentHtml() {
      // The notes are read next to the article's text, so they speak its language (when wirefeed has its strings), in any feed.
      contentHtml ??= xmlSafe(article.feed === 'summary' ? teaserOf(article, config) : bodyOf(article)) + correctionsHtml(corrections, inLanguage(config, article.lang))
      return contentHtml
    },
    authors: article.authors.map(xmlSafe),
    people: article.authors.map((name) => {
      const entry = register.get(name)
      return { name: xmlSafe(name), ...(entry?.url !== undefined && { url: entry.url }), ...(entry?.avatar !== undefined && { avatar: entry.avatar }) }
    }),
    tags: article.tags.map(xmlSafe),
    published: article.date,
    updated: article.updated ?? article.date,
    corrections,
    language: article.lang,
    ...(image && { image }),
  }
}

/**
 * An article as a teaser carries it: the standfirst and a link to the
 * whole, in the words of the article's language when wirefeed has them,
 * else the site's (`readArticle`, `inLanguage`), which depend on all of the
 * article but its body, and on the config (in each article's teaser key,
 * through the context: src/engine/keys.ts).
 */
export function teaserOf(article: ShownArticle, config: Config): string {
  return toHtml([h('p', article.summary), h('p', h('a', { href: article.url }, siteStrings(inLanguage(config, article.lang)).readArticle))])
}

/**
 * The corrections as readers of any feed see them: after the article (its
 * body, or its teaser), one paragraph each, oldest first, in `config`'s
 * words and its time zone (the article's language's: see `toItem`), as its
 * pages give them: "Correction, January 7,
 * 2026: The minister's name is Olena, not Olha." The note is plain text,
 * escaped here.
 */
export function correctionsHtml(corrections: readonly FeedCorrection[], config: Pick<Config, 'language' | 'timeZone' | 'strings'>): string {
  if (corrections.length === 0) return ''
  const strings = siteStrings(config)
  return corrections
    .map(({ at, kind, note }) => {
      const label = fill(strings.correctionEntry, { kind: correctionLabel(kind, strings), date: displayDate(at, config.language, config.timeZone) })
      return `\n<p><strong>${textToHtml(label)}</strong> ${textToHtml(note)}</p>`
    })
    .join('')
}

/** The media type of an image URL; the schema only lets through extensions we know. */
export function imageType(url: string): string {
  const extension = new URL(url).pathname.split('.').pop()?.toLowerCase() ?? ''
  return imageTypes[extension as keyof typeof imageTypes] ?? 'application/octet-stream'
}

/** Plain text as HTML that reads the same: "A < B & C" stays that, not markup. */
export function textToHtml(value: string) {
  return toHtml({ type: 'text', value }, { characterReferences: { useNamedReferences: true } })
}

