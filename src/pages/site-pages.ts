import type { Config } from '../config.ts'
import { feedViewFiles } from '../feeds/xml/edit.ts'
import type { FeedModel } from '../feeds/model.ts'
import type { TopicFeed } from '../feeds/topics.ts'
import { outputFile, type OutputFile } from '../output.ts'
import type { BodyOf, ShownArticle } from '../shown.ts'
import { articlePage } from './article-page.ts'
import { robotsTxt, sitemapFile, sitemapXml, type SitemapEntry } from './crawlers.ts'
import { feedViewScript } from './feed-view-script.ts'
import { feedViewStyle } from './feed-view-style.ts'
import { homePage } from './home-page.ts'
import { notFoundPage } from './not-found-page.ts'
import { outputPathFor } from './urls.ts'

/**
 * Everything people (and crawlers) see besides the feeds: the site feed's
 * `model` as the home page, a page per article, the 404 page, the feeds'
 * view, robots.txt and the sitemap. Pure: articles, their bodies (`bodyOf`)
 * and the config in, files out, each page made when the writer asks for it.
 * Every published article on this site gets a page; one whose URL is
 * elsewhere (`canonical`) is only linked to.
 */
export function* pageFiles(
  articles: readonly ShownArticle[],
  model: FeedModel,
  topics: readonly TopicFeed[],
  config: Config,
  bodyOf: BodyOf,
): Generator<OutputFile> {
  const fixed = new Map<string, string>([
    ['index.html', homePage(model, topics, config)],
    ['404.html', notFoundPage(config)],
    ['robots.txt', robotsTxt(config)],
    [feedViewFiles.style, feedViewStyle],
    [feedViewFiles.script, feedViewScript],
  ])
  for (const [path, content] of fixed) yield outputFile(path, content)
  const home: SitemapEntry = { url: config.url, modified: model.updated }
  const pages = new Map<string, SitemapEntry>()
  for (const article of articles) {
    const path = outputPathFor(article.url, config.url)
    // A `canonical` inside the site could name one of the files above, or another article's page; the first wins.
    if (path === undefined || fixed.has(path) || pages.has(path)) continue
    yield outputFile(path, () => articlePage(article, bodyOf(article), config), { articles: [article], whole: true, with: path })
    pages.set(path, { url: article.url, modified: article.updated ?? article.date })
  }
  const sorted = [...pages.values()].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))
  yield outputFile(sitemapFile, sitemapXml([home, ...sorted]))
}
