import type { Config } from '../config.ts'
import { withImageSizes } from './image-sizes.ts'
import { feedViewFiles, feedViewStyleFile } from '../feeds/xml/edit.ts'
import { archiveFolder, archiveRoot, feedArchives, monthsIn, type FeedRecord, type Month } from '../feeds/archives.ts'
import { newestFirst, siteFeed, type FeedSpec } from '../feeds/model.ts'
import { topicFeed, type Topic } from '../feeds/topics.ts'
import { languageFeedLink, languageFeedsOf } from '../feeds/languages.ts'
import { inLanguage } from '../languages.ts'
import { versionsOf, type Versions } from '../translations.ts'
import type { Retraction } from '../ids.ts'
import { outputFile, type OutputFile } from '../output.ts'
import type { BodyOf, ShownArticle } from '../shown.ts'
import { xmlSafe } from '../xml-safe.ts'
import { archiveIndexPage, monthPage, type ArchiveMonth } from './archive-pages.ts'
import { articlePage, type TopicLinks } from './article-page.ts'
import { robotsTxt, sitemapFile, sitemapIndexFile, sitemapIndexXml, sitemapXml, type SitemapEntry } from './crawlers.ts'
import { feedViewStyle } from './feed-view-style.ts'
import { homePage } from './home-page.ts'
import { languagePage } from './language-page.ts'
import { pageFolder, paginate } from './listing.ts'
import { newsArticles, newsSitemapFile, newsSitemapXml } from './news-sitemap.ts'
import { notFoundPage } from './not-found-page.ts'
import { retractionPage } from './retraction-page.ts'
import { topicPage } from './topic-page.ts'
import { outputPathFor } from './urls.ts'
import { defaultIconFile, initialsIcon } from '../site-images.ts'

/**
 * Everything people (and crawlers) see besides the feeds: the home page and
 * its older pages (`page/2/`…), a page per article, a page per tag, per
 * author and per section at its feeds' folder (with older pages too, and a
 * page per month its feed has an archive for, at that archive's folder), on
 * a site in several languages a page per language at its feeds' folder, a
 * page per month of the archive at its archive feeds' folder and the
 * archive's page, the 404
 * page, the feeds' view (and a language's, in its interface), robots.txt, the sitemap, the news sitemap (the
 * articles of the two days before `now`) and the index of both. Every list
 * holds as many articles a page as a feed document does (`feedItems`).
 * Pure: articles, their bodies (`bodyOf`), the config and "now" in, files
 * out, each page made when the writer asks for it.
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
  topics: readonly Topic<ShownArticle>[],
  config: Config,
  bodyOf: BodyOf,
  now: Date,
  retractions: readonly Retraction[] = [],
): Generator<OutputFile> {
  const size = config.feedItems
  const newest = [...articles].sort(newestFirst)
  const homePages = paginate(newest, size)
  const topicFeeds = topics.map((topic) => topicFeed(topic, config))
  const languages = languageFeedsOf(articles, config)
  const languageFeeds = languages.map((entry) => languageFeedLink(entry, config))
  // The first page offers every topic's feeds, so it is made every time, as cheap as it is; the others say what they show.
  yield outputFile('index.html', () => homePage(homePages[0] ?? [], 1, homePages.length, topicFeeds, config, languageFeeds))
  for (const [index, members] of homePages.entries()) {
    if (index === 0) continue
    const path = `${pageFolder('', index + 1)}index.html`
    yield outputFile(path, () => homePage(members, index + 1, homePages.length, topicFeeds, config, languageFeeds), {
      articles: members,
      whole: false,
      with: [path, homePages.length],
    })
  }
  yield outputFile('404.html', () => notFoundPage(config))
  yield outputFile('robots.txt', () => robotsTxt(config))
  // Every page links a favicon: the config's icon, or this one, made from the site's initials.
  if (!config.siteImages?.icon) yield outputFile(defaultIconFile, () => initialsIcon(config.title))
  yield outputFile(feedViewFiles.style, () => feedViewStyle(config))
  // A language's feeds speak its interface when wirefeed has one (src/feeds/model.ts `viewLanguage`), their view too.
  for (const { language } of languages) {
    const own = inLanguage(config, language)
    if (own !== config) yield outputFile(feedViewStyleFile(language), () => feedViewStyle(own))
  }
  const home: SitemapEntry = { url: config.url, modified: newestChange(homePages[0] ?? []) }
  const pages: SitemapEntry[] = []
  const taken = new Set<string>()
  const pageOf = new Map(topics.map((topic) => [`${topic.kind}\0${topic.name}`, new URL(topic.feed.folder, config.url).href]))
  const versions = versionsOf(articles)
  for (const article of articles) {
    // A `canonical` inside the site could name a file above, or another page: src/site.ts refuses that.
    const path = outputPathFor(article.url, config.url)
    if (path === undefined) continue
    const links: TopicLinks = {
      tags: article.tags.map((name) => pageOf.get(`tag\0${xmlSafe(name)}`)),
      authors: article.authors.map((name) => pageOf.get(`author\0${xmlSafe(name)}`)),
    }
    // Its translations are in what it is made of: a new one remakes the page of each other version.
    const own = versions.get(article.id)
    yield outputFile(path, () => articlePage(article, withImageSizes(bodyOf(article), article.bodyImages), config, links, own), {
      articles: [article],
      whole: true,
      with: own ? [path, links, own] : [path, links],
    })
    pages.push({ url: article.url, modified: article.updated ?? article.date, ...(own && { alternates: sitemapAlternates(own) }) })
    taken.add(path)
  }
  const monthOf = monthsIn(config.timeZone)
  for (const topic of topics) {
    const sorted = [...topic.articles].sort(newestFirst)
    const split = paginate(sorted, size)
    const topicMonths = archivedMonths(topic.articles, config, topic.feed, monthOf)
    const listed = topicMonths.map((entry) => entry.month)
    for (const [index, members] of split.entries()) {
      const path = `${pageFolder(topic.feed.folder, index + 1)}index.html`
      yield outputFile(path, () => topicPage(topic, members, index + 1, split.length, listed, config), {
        articles: members,
        whole: false,
        with: [path, topic.kind, topic.name, split.length, listed],
      })
    }
    pages.push({ url: new URL(topic.feed.folder, config.url).href, modified: newestChange(sorted) })
    yield* monthPages(topicMonths, topic, config, pages)
  }
  for (const entry of languages) {
    const sorted = [...entry.articles].sort(newestFirst)
    const split = paginate(sorted, size)
    for (const [index, members] of split.entries()) {
      const path = `${pageFolder(entry.feed.folder, index + 1)}index.html`
      yield outputFile(path, () => languagePage(entry, members, index + 1, split.length, config), {
        articles: members,
        whole: false,
        with: [path, entry.language, split.length],
      })
    }
    pages.push({ url: new URL(entry.feed.folder, config.url).href, modified: newestChange(sorted) })
  }
  const months = archiveMonths(articles, config, monthOf, retractions)
  yield* monthPages(months, undefined, config, pages)
  // Shows each month's count, not its articles: made every time, written only when its bytes change.
  yield outputFile(`${archiveRoot}index.html`, () => archiveIndexPage(months, config))
  for (const retraction of retractions) {
    const { url } = retraction
    const path = url === undefined ? undefined : outputPathFor(url, config.url)
    if (url === undefined || path === undefined || taken.has(path)) continue
    taken.add(path)
    yield outputFile(path, () => retractionPage({ ...retraction, url }, config))
  }
  const sorted = pages.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))
  // Every page's address and time, all from what the articles' teasers say, the retractions and the config.
  yield outputFile(sitemapFile, () => sitemapXml([home, ...sorted]), { articles, whole: false, with: [sitemapFile, retractions] })
  const news = newsArticles(articles, config, now)
  yield outputFile(newsSitemapFile, () => newsSitemapXml(news, config))
  const latest = (times: readonly Date[]) => (times.length === 0 ? undefined : new Date(Math.max(...times.map((time) => time.getTime()))))
  const indexed = [
    { url: new URL(sitemapFile, config.url).href, modified: latest([home, ...sorted].map((entry) => entry.modified)) },
    { url: new URL(newsSitemapFile, config.url).href, modified: latest(news.map((article) => article.date)) },
  ]
  yield outputFile(sitemapIndexFile, () => sitemapIndexXml(indexed.map(({ url, modified }) => ({ url, ...(modified && { modified }) }))))
}

/** An article's versions as its sitemap entry gives them (`xhtml:link`): each one, then the original as `x-default`. */
function sitemapAlternates(own: Versions): SitemapEntry['alternates'] {
  return [
    ...own.versions.map((version) => ({ hreflang: version.language, href: version.url })),
    ...(own.original === undefined ? [] : [{ hreflang: 'x-default', href: own.original }]),
  ]
}

/** When the newest change among `articles` was made: the newest `updated` or publication; the epoch for none. */
function newestChange(articles: readonly ShownArticle[]): Date {
  return new Date(articles.reduce((newest, article) => Math.max(newest, (article.updated ?? article.date).getTime()), 0))
}

/**
 * The page of each of `months` (the site's, or `topic`'s), at its archive's
 * folder, each linked to the months on either side; each month with
 * articles in the sitemap (`pages`).
 */
function* monthPages(months: readonly ArchiveMonth[], topic: Topic<ShownArticle> | undefined, config: Config, pages: SitemapEntry[]): Generator<OutputFile> {
  const feed = topic?.feed ?? { folder: '' }
  for (const [index, entry] of months.entries()) {
    const earlier = months[index + 1]?.month
    const later = months[index - 1]?.month
    const folder = archiveFolder(feed, entry.month)
    const path = `${folder}index.html`
    yield outputFile(path, () => monthPage(entry, earlier, later, config, topic), {
      articles: entry.articles,
      whole: false,
      with: [path, topic?.kind, topic?.name, entry.month, entry.feeds, earlier, later],
    })
    if (entry.articles.length > 0) pages.push({ url: new URL(folder, config.url).href, modified: newestChange(entry.articles) })
  }
}

/** Each month `feed` has an archive document for (src/feeds/archives.ts), newest first: so each document's alternate link leads to a page. */
function archivedMonths(articles: readonly ShownArticle[], config: Config, feed: FeedSpec, monthOf: (article: Pick<ShownArticle, 'date'>) => Month, record: FeedRecord = {}): ArchiveMonth[] {
  const documents = [...feedArchives(articles, config, feed, monthOf, record)].filter((document) => document.archive)
  return documents.map((document) => ({ month: document.folder.slice(feed.folder.length + archiveRoot.length, -1), articles: document.articles, feeds: true }))
}

/**
 * The months of the site's archive that get a page, newest first: each one
 * the site's feed has an archive document for, or, while it has none (all
 * its articles are in one month, which its subscription documents hold
 * whole), that one month. A topic's months have pages only with archives:
 * its page shows what its one month would.
 */
function archiveMonths(articles: readonly ShownArticle[], config: Config, monthOf: (article: Pick<ShownArticle, 'date'>) => Month, retractions: readonly Retraction[]): ArchiveMonth[] {
  const archived = archivedMonths(articles, config, siteFeed(config), monthOf, { retractions })
  if (archived.length > 0) return archived
  const [first] = articles
  return first === undefined ? [] : [{ month: monthOf(first), articles: [...articles].sort(newestFirst), feeds: false }]
}
