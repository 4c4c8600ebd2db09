import type { Config } from '../config.ts'
import { feedFiles, feedFormats } from '../feeds/model.ts'

/** One of our feeds as pages offer it: for `<link rel="alternate">` autodiscovery and for people. */
export interface FeedLink {
  /** Absolute URL. */
  url: string
  /** The format's registered media type, which autodiscovery matches on. */
  type: string
  /** The format's name, as readers' menus show it. */
  format: string
  /** Title for autodiscovery: readers list feeds by it. */
  title: string
}

/** The site's three feeds, in the order pages list them. */
export function feedList(config: Config): FeedLink[] {
  return feedFormats.map(({ key, type, name }) => ({
    url: new URL(feedFiles[key], config.url).href,
    type,
    format: name,
    title: `${config.title} (${name})`,
  }))
}
