import { stringifyEntities } from 'stringify-entities'
import type { Config } from '../config.ts'
import type { ShownArticle } from '../shown.ts'
import { xmlSafe } from '../xml-safe.ts'
import { outputPathFor } from './urls.ts'

/**
 * Google's News sitemap (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap,
 * namespace `http://www.google.com/schemas/sitemap-news/0.9`): only articles
 * created in the last two days, at most 1,000 of them, each with its
 * publication's name and language, its publication time and its headline.
 * Built against the build's "now", so the scheduled publish drops an article
 * as it ages out (see `newsSitemapChangesAt`).
 */
export const newsSitemapFile = 'news-sitemap.xml'

/** How long an article stays in the news sitemap: Google takes articles of the last two days. */
export const newsWindow = 2 * 24 * 60 * 60 * 1000

/** The most `<url>` entries Google reads in one news sitemap. */
export const newsLimit = 1000

/** Whether `article`, published by `now`, is young enough for the news sitemap: less than two days old. */
function inWindow(article: Pick<ShownArticle, 'date'>, now: Date): boolean {
  const age = now.getTime() - article.date.getTime()
  return age >= 0 && age < newsWindow
}

/**
 * The articles of the news sitemap at `now`: published on this site (an
 * article whose `canonical` is elsewhere has no page here to list), less than
 * two days old, the newest 1,000, newest first (ties by id).
 */
export function newsArticles(articles: readonly ShownArticle[], config: Config, now: Date): ShownArticle[] {
  return articles
    .filter((article) => inWindow(article, now) && outputPathFor(article.url, config.url) !== undefined)
    .sort((a, b) => b.date.getTime() - a.date.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, newsLimit)
}

/**
 * When the news sitemap made at `now` next changes with nothing else
 * changed: when its first article (or one left out past the 1,000) ages out.
 * Undefined when it holds none. A build that finds nothing changed must not
 * keep an output made before then once it has passed (src/engine/ asks).
 */
export function newsSitemapChangesAt(articles: readonly ShownArticle[], now: Date): Date | undefined {
  const times = articles.filter((article) => inWindow(article, now)).map((article) => article.date.getTime() + newsWindow)
  return times.length === 0 ? undefined : new Date(Math.min(...times))
}

/**
 * `<news:language>`: an ISO 639 code, two or three letters, from the
 * article's BCP 47 tag; Chinese is `zh-cn` (Simplified) or `zh-tw`
 * (Traditional), as Google's schema asks.
 */
export function newsLanguage(tag: string): string {
  const locale = new Intl.Locale(tag).maximize()
  if (locale.language === 'zh') return locale.script === 'Hant' ? 'zh-tw' : 'zh-cn'
  return locale.language
}

/** `news-sitemap.xml` of `articles` (see `newsArticles`), the publication named as the site is. */
export function newsSitemapXml(articles: readonly ShownArticle[], config: Config): string {
  const name = escape(xmlSafe(config.title))
  const urls = articles.map(
    (article) =>
      `  <url>\n    <loc>${escape(article.url)}</loc>\n    <news:news>\n      <news:publication>\n        <news:name>${name}</news:name>\n` +
      `        <news:language>${newsLanguage(article.lang)}</news:language>\n      </news:publication>\n` +
      `      <news:publication_date>${article.date.toISOString()}</news:publication_date>\n      <news:title>${escape(article.title)}</news:title>\n` +
      `    </news:news>\n  </url>\n`,
  )
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n' +
    `${urls.join('')}</urlset>\n`
  )
}

function escape(value: string) {
  return stringifyEntities(value, { subset: ['&', '<', '>', '"', "'"], useNamedReferences: true })
}
