import type { Config } from '../config.ts'
import type { FeedModel } from '../feeds/model.ts'

/**
 * `headlines.json`: the feeds' items (as many as `feedItems`), newest first,
 * in a small JSON shape
 * for partners (and our own `embed.js`). The README documents it. A
 * breaking change to the shape means a new `version`; adding optional
 * fields does not.
 */
export interface Headlines {
  /** The shape's version: 1. */
  version: 1
  /** The site's name, plain text. */
  title: string
  /** The site's home page. */
  home: string
  /** The site's square icon (the config's `icon`); absent when the config names none. */
  icon?: string
  items: Headline[]
}

export interface Headline {
  /** Permanent id, the same as in the feeds. */
  id: string
  /** Plain text, never HTML. */
  title: string
  /** Absolute URL of the article. */
  url: string
  /** Publication time, ISO 8601 in UTC. */
  date: string
  /** The standfirst, plain text. */
  summary: string
  /** The lead image; absent when there is none. */
  image?: { url: string; alt: string }
  /** Topics, as written by the newsroom; possibly empty. */
  tags: string[]
  /** The language its title and summary are in (BCP 47), so a page that shows them can say so (`lang`). */
  language: string
}

export const headlinesFile = 'headlines.json'

export function headlines(model: FeedModel, config: Config): Headlines {
  return {
    version: 1,
    title: config.title,
    home: config.url,
    ...(config.siteImages?.icon && { icon: config.siteImages.icon.url }),
    items: model.items.map((item) => ({
      id: item.id,
      title: item.title,
      url: item.url,
      date: item.published.toISOString(),
      summary: item.summary,
      ...(item.image && { image: { url: item.image.url, alt: item.image.alt } }),
      tags: item.tags,
      language: item.language,
    })),
  }
}

/** Compact (no indentation): partners' pages fetch it on every view. */
export function headlinesJson(model: FeedModel, config: Config): string {
  return JSON.stringify(headlines(model, config)) + '\n'
}
