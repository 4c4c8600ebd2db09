import type { Config } from '../config.ts'
import { withImageSizes } from './image-sizes.ts'
import { feedViewFiles } from '../feeds/xml/edit.ts'
import type { FeedModel } from '../feeds/model.ts'
import type { TopicFeed } from '../feeds/topics.ts'
import type { Retraction } from '../ids.ts'
import { outputFile, type OutputFile } from '../output.ts'
import type { BodyOf, ShownArticle } from '../shown.ts'
import { articlePage } from './article-page.ts'
import { robotsTxt, sitemapFile, sitemapIndexFile, sitemapIndexXml, sitemapXml, type SitemapEntry } from './crawlers.ts'
import { feedViewStyle } from './feed-view-style.ts'
import { homePage } from './home-page.ts'
import { newsArticles, newsSitemapFile, newsSitemapXml } from './news-sitemap.ts'
import { notFoundPage } from './not-found-page.ts'
import { retractionPage } from './retraction-page.ts'
import { outputPathFor } from './urls.ts'
import { defaultIconFile, initialsIcon } from '../site-images.ts'

/**
 * Everything people (and crawlers) see besides the feeds: the site feed's
 * `model` as the home page, a page per article, the 404 page, the feeds'
 * view, robots.txt, the sitemap, the news sitemap (the articles of the two
 * days before `now`) and the index of both. Pure: articles, their bodies
 * (`bodyOf`), the config and "now" in, files out, each page made when the
 * writer asks for it.
 * Every published article on this site gets a page; one whose URL is
 * elsewhere (`canonical`) is only linked to.
 *
 * Each of the `retractions` whose URL is on this site gets a notice there
 * instead of its page (src/pages/retraction-page.ts), unless a published
 * article now has that URL. A retracted article is not published, so it is
 * in no list: not the home page, the sitemap, nor the partner headlines.
 */
export function* pageFiles(
  articles: readonly ShownArticle[],
  model: FeedModel,
  topics: readonly TopicFeed[],
  config: Config,
  bodyOf: BodyOf,
  now: Date,
  retractions: readonly Retraction[] = [],
): Generator<OutputFile> {
  yield outputFile('index.html', () => homePage(model, topics, config, articles))
  yield outputFile('404.html', () => notFoundPage(config))
  yield outputFile('robots.txt', () => robotsTxt(config))
  // Every page links a favicon: the config's icon, or this one, made from the site's initials.
  if (!config.siteImages?.icon) yield outputFile(defaultIconFile, () => initialsIcon(config.title))
  yield outputFile(feedViewFiles.style, () => feedViewStyle(config))
  const home: SitemapEntry = { url: config.url, modified: model.updated }
  const pages: SitemapEntry[] = []
  const taken = new Set<string>()
  for (const article of articles) {
    // A `canonical` inside the site could name a file above, or another page: src/site.ts refuses that.
    const path = outputPathFor(article.url, config.url)
    if (path === undefined) continue
    yield outputFile(path, () => articlePage(article, withImageSizes(bodyOf(article), article.bodyImages), config), { articles: [article], whole: true, with: path })
    pages.push({ url: article.url, modified: article.updated ?? article.date })
    taken.add(path)
  }
  for (const retraction of retractions) {
    const { url } = retraction
    const path = url === undefined ? undefined : outputPathFor(url, config.url)
    if (url === undefined || path === undefined || taken.has(path)) continue
    taken.add(path)
    yield outputFile(path, () => retractionPage({ ...retraction, url }, config))
  }
  const sorted = pages.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))
  yield outputFile(sitemapFile, () => sitemapXml([home, ...sorted]))
  const news = newsArticles(articles, config, now)
  yield outputFile(newsSitemapFile, () => newsSitemapXml(news, config))
  const newest = (times: readonly Date[]) => (times.length === 0 ? undefined : new Date(Math.max(...times.map((time) => time.getTime()))))
  const indexed = [
    { url: new URL(sitemapFile, config.url).href, modified: newest([home, ...sorted].map((entry) => entry.modified)) },
    { url: new URL(newsSitemapFile, config.url).href, modified: newest(news.map((article) => article.date)) },
  ]
  yield outputFile(sitemapIndexFile, () => sitemapIndexXml(indexed.map(({ url, modified }) => ({ url, ...(modified && { modified }) }))))
}
