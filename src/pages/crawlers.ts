import { stringifyEntities } from 'stringify-entities'
import type { Config } from '../config.ts'
import { newsSitemapFile } from './news-sitemap.ts'

/** A page for the sitemap: its absolute URL and when it last changed. */
export interface SitemapEntry {
  url: string
  modified: Date
  /** The page's versions in other languages, itself included, and `x-default` (issue #21): `xhtml:link` elements. */
  alternates?: readonly { hreflang: string; href: string }[]
}

/**
 * `robots.txt`: everything may be crawled; where the sitemaps are: the
 * pages' one, the news one, and the index that names both (a crawler that
 * reads the index finds the same two again, which does no harm). Crawlers
 * read it only at a host's root, so on a site published in a sub-folder
 * (a GitHub Pages project site) it is inert, and harmless: submit the index
 * in the search engine's console instead.
 */
export function robotsTxt(config: Config): string {
  const lines = [sitemapFile, newsSitemapFile, sitemapIndexFile].map((file) => `Sitemap: ${new URL(file, config.url).href}\n`)
  return `User-agent: *\nAllow: /\n\n${lines.join('')}`
}

export const sitemapFile = 'sitemap.xml'
export const sitemapIndexFile = 'sitemap-index.xml'

/** A sitemap for the index: its absolute URL and, when it lists anything, its newest entry's time. */
export interface SitemapIndexEntry {
  url: string
  modified?: Date
}

/** `sitemap-index.xml` (sitemaps.org protocol 0.9): the site's sitemaps, each with its newest entry's time. */
export function sitemapIndexXml(entries: readonly SitemapIndexEntry[]): string {
  const sitemaps = entries.map(
    (entry) =>
      `  <sitemap>\n    <loc>${escape(entry.url)}</loc>\n${entry.modified ? `    <lastmod>${entry.modified.toISOString()}</lastmod>\n` : ''}  </sitemap>\n`,
  )
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${sitemaps.join('')}</sitemapindex>\n`
}

/**
 * `sitemap.xml` (sitemaps.org protocol 0.9): the pages we publish, with the
 * time each last changed, never the clock. Written as text: a few fixed
 * element names, and the one escaping rule XML needs for the values. A page
 * with translations lists every version and `x-default` as Google reads them
 * (https://developers.google.com/search/docs/specialty/international/localized-versions#sitemap);
 * the `xhtml` namespace is declared only when a page has some.
 */
export function sitemapXml(entries: readonly SitemapEntry[]): string {
  const urls = entries.map(
    (entry) =>
      `  <url>\n    <loc>${escape(entry.url)}</loc>\n    <lastmod>${entry.modified.toISOString()}</lastmod>\n` +
      (entry.alternates ?? []).map((link) => `    <xhtml:link rel="alternate" hreflang="${escape(link.hreflang)}" href="${escape(link.href)}"/>\n`).join('') +
      '  </url>\n',
  )
  const xhtml = entries.some((entry) => (entry.alternates ?? []).length > 0) ? ' xmlns:xhtml="http://www.w3.org/1999/xhtml"' : ''
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"${xhtml}>\n${urls.join('')}</urlset>\n`
}

function escape(value: string) {
  return stringifyEntities(value, { subset: ['&', '<', '>', '"', "'"], useNamedReferences: true })
}
