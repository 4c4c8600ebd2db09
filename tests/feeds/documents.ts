// Shared by the archive and topic tests: a site's feed documents, and a
// reader's walk along their RFC 5005 links, one per format, each reading the
// documents with a parser independent of our writers.
import assert from 'node:assert/strict'
import type { VFile } from 'vfile'
import type { Config } from '../../src/config.ts'
import { feedDocuments } from '../../src/feeds/documents.ts'
import type { ShownArticle } from '../../src/shown.ts'
import { contents, parseXml, rendered, source, type XmlElement } from '../helpers.ts'
import { all, ns } from './outputs.ts'

export const historyNs = 'http://purl.org/syndication/history/1.0'

/** An article published at `date` (ISO with offset), with its slug from `slug`. */
export const story = (slug: string, date: string, fields: Record<string, unknown> = {}) =>
  source({ title: `Story ${slug}`, date, ...fields }, `Body of ${slug}.\n`, `articles/${slug}.md`)

/** Every feed document the build writes for `files`: output path → content. */
export function documents(files: VFile[], settings: Config): Map<string, string> {
  const { articles, bodyOf } = rendered(files, settings)
  return contents(feedDocuments(articles, settings, bodyOf))
}

/** What a reader needs from one document to walk an archived feed. */
export interface Page {
  ids: string[]
  prevArchive?: string
  /** RSS and Atom only: JSON Feed has no link to newer items. */
  nextArchive?: string
  current?: string
  archive: boolean
  self?: string
}

export type Format = 'rss' | 'atom' | 'json'

export const files = { rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json' } as const

const links = (parent: XmlElement, rel: string) =>
  parent.children.filter((child) => child.name === 'link' && child.uri === ns.atom && child.attributes.rel === rel).map((link) => link.attributes.href)

/** One document, as each format's reader sees it: RSS and Atom through a strict XML parser, JSON Feed through JSON.parse. */
export function readPage(format: Format, text: string): Page {
  if (format === 'json') {
    const json = JSON.parse(text) as { items: { id: string }[]; next_url?: string; feed_url?: string }
    return { ids: json.items.map((item) => item.id), prevArchive: json.next_url, archive: false, self: json.feed_url }
  }
  const root = parseXml(text)
  const channel = format === 'rss' ? root.children.find((child) => child.name === 'channel') : root
  assert.ok(channel, 'no channel')
  const one = (rel: string) => {
    const found = links(channel, rel)
    assert.ok(found.length <= 1, `more than one ${rel} link`)
    return found[0]
  }
  const entries = format === 'rss' ? all(channel, 'item') : all(channel, 'entry', ns.atom)
  const ids = entries.map((entry) => {
    const id = format === 'rss' ? all(entry, 'guid')[0] : all(entry, 'id', ns.atom)[0]
    return id?.text ?? ''
  })
  return {
    ids,
    prevArchive: one('prev-archive'),
    nextArchive: one('next-archive'),
    current: one('current'),
    archive: channel.children.some((child) => child.name === 'archive' && child.uri === historyNs),
    self: one('self'),
  }
}

export interface Walk {
  /** The output paths visited, the subscription document first. */
  paths: string[]
  subscription: Page
  /** The archive documents, newest first. */
  archives: Page[]
}

/**
 * Follow `prev-archive` (JSON Feed: `next_url`) from the subscription
 * document at `start` until a document has none, as RFC 5005 §4.2 has a
 * reader do, checking on the way that each archive says it is one and points
 * back to `start` as `current`.
 */
export function walk(output: ReadonlyMap<string, string>, format: Format, start: string, settings: Config): Walk {
  const paths = walkPaths(output, format, start, settings)
  // And back: from the oldest archive, next-archive leads through the same documents to the newest (RSS and Atom).
  if (format !== 'json' && paths.archives.length > 0) {
    const back: string[] = []
    for (let page: Page | undefined = paths.archives.at(-1); page?.nextArchive !== undefined; ) {
      const path = page.nextArchive.slice(settings.url.length)
      back.push(path)
      page = readPage(format, output.get(path) ?? '')
    }
    assert.deepEqual(back, paths.paths.slice(1, -1).reverse(), 'next-archive walks the archives back, newest last')
    assert.equal(paths.archives[0]?.nextArchive, undefined, 'the newest archive has no next-archive')
  }
  return paths
}

function walkPaths(output: ReadonlyMap<string, string>, format: Format, start: string, settings: Config): Walk {
  const pathOf = (url: string) => {
    assert.ok(url.startsWith(settings.url), `${url} is not on the site`)
    return url.slice(settings.url.length)
  }
  const read = (path: string) => {
    const text = output.get(path)
    assert.ok(text !== undefined, `a link leads to ${path}, which the build does not write`)
    return readPage(format, text)
  }
  const subscription = read(start)
  assert.equal(subscription.archive, false, `${start} is a subscription document, not an archive`)
  assert.equal(subscription.current, undefined)
  const paths = [start]
  const archives: Page[] = []
  for (let next = subscription.prevArchive; next !== undefined; next = archives.at(-1)?.prevArchive) {
    const path = pathOf(next)
    assert.ok(!paths.includes(path), `the chain loops back to ${path}`)
    const page = read(path)
    paths.push(path)
    archives.push(page)
    if (format !== 'json') {
      assert.equal(page.archive, true, `${path} has fh:archive`)
      assert.equal(page.current && pathOf(page.current), start, `${path} links current to ${start}`)
    }
    assert.equal(page.self && pathOf(page.self), path, `${path} names itself`)
  }
  return { paths, subscription, archives }
}

/** The ids of `files` as published, newest first: what a walk must find. */
export function idsOf(articles: readonly ShownArticle[]): string[] {
  return [...articles].sort((a, b) => b.date.getTime() - a.date.getTime() || (a.id < b.id ? -1 : 1)).map((article) => article.id)
}
