// Shared by the feed tests: our three outputs, parsed, and lookups into them.
import type { FeedModel } from '../../src/feeds/model.ts'
import { toAtom } from '../../src/feeds/atom.ts'
import { toJsonFeed } from '../../src/feeds/json.ts'
import { toRss } from '../../src/feeds/rss.ts'
import { findAll, parseXml, type XmlElement } from '../helpers.ts'

export const ns = {
  atom: 'http://www.w3.org/2005/Atom',
  dc: 'http://purl.org/dc/elements/1.1/',
  media: 'http://search.yahoo.com/mrss/',
  content: 'http://purl.org/rss/1.0/modules/content/',
} as const

/** The JSON Feed fields the tests read. */
export interface JsonFeed {
  version: string
  title: string
  home_page_url?: string
  feed_url?: string
  language?: string
  author?: unknown
  authors?: unknown
  items: JsonItem[]
}

export interface JsonItem {
  id: string
  url: string
  title: string
  date_published: string
  author?: unknown
  authors?: { name: string }[]
  tags?: string[]
}

/** All three formats of `model`, as strings and parsed. */
export function outputs(model: FeedModel) {
  const text = { rss: toRss(model), atom: toAtom(model), json: toJsonFeed(model) }
  return { text, rss: parseXml(text.rss), atom: parseXml(text.atom), json: JSON.parse(text.json) as JsonFeed }
}

/** Descendants named `name` in namespace `uri` (no namespace by default, as in RSS). */
export function all(element: XmlElement, name: string, uri: string = ''): XmlElement[] {
  return findAll(element, name).filter((found) => found.uri === uri)
}

/** The first descendant named `name` in namespace `uri`; fails the test when there is none. */
export function first(element: XmlElement, name: string, uri: string = ''): XmlElement {
  const [found] = all(element, name, uri)
  if (!found) throw new Error(`no <${name}> in ${uri || 'no namespace'} under <${element.name}>`)
  return found
}
