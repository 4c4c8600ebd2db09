import type { Config } from '../config.ts'
import { feedFiles } from '../feeds/build.ts'

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

/** The three feeds, in the order pages list them. */
export function feedList(config: Config): FeedLink[] {
  const feeds = [
    { file: feedFiles.rss, type: 'application/rss+xml', format: 'RSS' },
    { file: feedFiles.atom, type: 'application/atom+xml', format: 'Atom' },
    { file: feedFiles.json, type: 'application/feed+json', format: 'JSON Feed' },
  ]
  return feeds.map(({ file, type, format }) => ({
    url: new URL(file, config.url).href,
    type,
    format,
    title: `${config.title} (${format})`,
  }))
}
