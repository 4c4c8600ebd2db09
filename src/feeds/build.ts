import { toHtml } from 'hast-util-to-html'
import type { Config } from '../config.ts'
import type { RenderedArticle } from '../render.ts'
import { imageTypes } from '../schema.ts'
import { xmlSafe } from '../xml-safe.ts'

/** One item, format-neutral: every value final, every URL absolute and frozen. */
export interface FeedItem {
  id: string
  url: string
  /** Plain text, for RSS titles and JSON Feed. */
  title: string
  /** The same text escaped as HTML, for fields readers parse as HTML (Atom `type="html"`, RSS description). */
  titleHtml: string
  summary: string
  summaryHtml: string
  contentHtml: string
  authors: string[]
  tags: string[]
  published: Date
  updated: Date
  language: string
  image?: { url: string; alt: string; type: string }
}

/** The channel and its items, ready for any of the three formats. */
export interface FeedModel {
  title: string
  description: string
  /** The site's home page. */
  home: string
  language: string
  copyright?: string
  /** Newest item's update time: never the wall clock, so unchanged input gives unchanged bytes. */
  updated: Date
  generator: string
  /** WebSub hub the feeds advertise, if any. */
  hub?: string
  self: { rss: string; atom: string; json: string }
  items: FeedItem[]
}

/** Where each format is published, relative to the site URL. */
export const feedFiles = { rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json' } as const

export const generator = 'wirefeed'

/**
 * The single article → item mapping. Newest first; equal times ordered by id
 * so the order never depends on file-system order. At most `feedItems` items.
 */
export function buildFeedModel(articles: readonly RenderedArticle[], config: Config): FeedModel {
  const items = articles
    .map(toItem)
    .sort((a, b) => b.published.getTime() - a.published.getTime() || compare(a.id, b.id))
    .slice(0, config.feedItems)
  const updated = new Date(Math.max(0, ...items.map((item) => item.updated.getTime())))
  return {
    title: xmlSafe(config.title),
    description: xmlSafe(config.description),
    home: config.url,
    language: config.language,
    copyright: config.copyright === undefined ? undefined : xmlSafe(config.copyright),
    updated,
    generator,
    ...(config.hub !== undefined && { hub: config.hub }),
    self: {
      rss: new URL(feedFiles.rss, config.url).href,
      atom: new URL(feedFiles.atom, config.url).href,
      json: new URL(feedFiles.json, config.url).href,
    },
    items,
  }
}

function toItem(article: RenderedArticle): FeedItem {
  const image = article.image && {
    url: article.image.url,
    alt: xmlSafe(article.image.alt),
    type: imageType(article.image.url),
  }
  return {
    id: article.id,
    url: article.url,
    title: xmlSafe(article.title),
    titleHtml: textToHtml(xmlSafe(article.title)),
    summary: xmlSafe(article.summary),
    summaryHtml: textToHtml(xmlSafe(article.summary)),
    contentHtml: xmlSafe(article.html),
    authors: article.authors.map(xmlSafe),
    tags: article.tags.map(xmlSafe),
    published: article.date,
    updated: article.updated ?? article.date,
    language: article.lang,
    ...(image && { image }),
  }
}

/** The media type of an image URL; the schema only lets through extensions we know. */
export function imageType(url: string): string {
  const extension = new URL(url).pathname.split('.').pop()?.toLowerCase() ?? ''
  return imageTypes[extension as keyof typeof imageTypes] ?? 'application/octet-stream'
}

/** Plain text as HTML that reads the same: "A < B & C" stays that, not markup. */
function textToHtml(value: string) {
  return toHtml({ type: 'text', value }, { characterReferences: { useNamedReferences: true } })
}

function compare(a: string, b: string) {
  return a < b ? -1 : a > b ? 1 : 0
}
