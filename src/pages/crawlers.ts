import { stringifyEntities } from 'stringify-entities'
import type { Config } from '../config.ts'

/** A page for the sitemap: its absolute URL and when it last changed. */
export interface SitemapEntry {
  url: string
  modified: Date
}

/**
 * `robots.txt`: everything may be crawled; where the sitemap is. Crawlers
 * read it only at a host's root, so on a site published in a sub-folder
 * (a GitHub Pages project site) it is inert, and harmless.
 */
export function robotsTxt(config: Config): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${new URL(sitemapFile, config.url).href}\n`
}

export const sitemapFile = 'sitemap.xml'

/**
 * `sitemap.xml` (sitemaps.org protocol 0.9): the pages we publish, with the
 * time each last changed, never the clock. Written as text: four fixed
 * element names, and the one escaping rule XML needs for the values.
 */
export function sitemapXml(entries: readonly SitemapEntry[]): string {
  const urls = entries.map(
    (entry) => `  <url>\n    <loc>${escape(entry.url)}</loc>\n    <lastmod>${entry.modified.toISOString()}</lastmod>\n  </url>\n`,
  )
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('')}</urlset>\n`
}

function escape(value: string) {
  return stringifyEntities(value, { subset: ['&', '<', '>', '"', "'"], useNamedReferences: true })
}
