import type { Config } from '../config.ts'
import type { FeedModel } from '../feeds/build.ts'
import type { RenderedArticle } from '../render.ts'
import { articlePage } from './article-page.ts'
import { robotsTxt, sitemapFile, sitemapXml, type SitemapEntry } from './crawlers.ts'
import { feedViewAssets } from './feed-view.ts'
import { homePage } from './home-page.ts'
import { notFoundPage } from './not-found-page.ts'
import { outputPathFor } from './urls.ts'

/**
 * Everything people (and crawlers) see besides the feeds: output path →
 * content. Pure: rendered articles, the feed model and the config in,
 * strings out. Every published article on this site gets a page; one whose
 * URL is elsewhere (`canonical`) is only linked to.
 */
export function pageFiles(articles: readonly RenderedArticle[], model: FeedModel, config: Config): Map<string, string> {
  const files = new Map<string, string>([
    ['index.html', homePage(model, config)],
    ['404.html', notFoundPage(config)],
    ['robots.txt', robotsTxt(config)],
    ...feedViewAssets(),
  ])
  const home: SitemapEntry = { url: config.url, modified: model.updated }
  const pages: SitemapEntry[] = []
  for (const article of articles) {
    const path = outputPathFor(article.url, config.url)
    // A `canonical` inside the site could name one of the files above; those win.
    if (path === undefined || files.has(path)) continue
    files.set(path, articlePage(article, config))
    pages.push({ url: article.url, modified: article.updated ?? article.date })
  }
  pages.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))
  files.set(sitemapFile, sitemapXml([home, ...pages]))
  return files
}
