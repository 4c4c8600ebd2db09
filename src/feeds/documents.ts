import { toHtml } from 'hast-util-to-html'
import { h } from 'hastscript'
import type { Config } from '../config.ts'
import { withFeedView } from '../pages/feed-view.ts'
import type { ShownArticle } from '../render.ts'
import { feedArchives, monthsIn } from './archives.ts'
import { toAtom } from './atom.ts'
import { feedFiles, feedModel, siteFeed, topicFeed, type FeedModel } from './build.ts'
import { keyFrom, outputFile, type OutputFile } from '../output.ts'
import { toJsonFeed } from './json.ts'
import { opmlFile, toOpml } from './opml.ts'
import { toRss } from './rss.ts'
import { topicsOf } from './topics.ts'

/**
 * Every feed document of the site: the site's feed, each tag's
 * (`tags/<slug>/`) and each author's (`authors/<slug>/`), each with its
 * monthly archives (src/feeds/archives.ts), in RSS, Atom and JSON Feed; then
 * `feeds.opml`, which lists them.
 *
 * Each is made only when the writer asks for it, and keyed by its articles
 * and links: so memory holds one document's items at a time however large
 * the archive, and a rebuild remakes only the documents whose articles
 * changed.
 */
export function* feedDocuments(articles: readonly ShownArticle[], config: Config): Generator<OutputFile> {
  const monthOf = monthsIn(config.timeZone)
  const topics = topicsOf(articles, config)
  for (const [index, { feed, articles: own }] of [{ feed: siteFeed(config), articles }, ...topics].entries()) {
    // Topic feeds (all but the first) carry teasers, made when their turn comes, and keyed by
    // what teasers show: an edit to an article's body alone leaves them as they were.
    const teasers = index > 0
    const items = teasers ? (list: readonly ShownArticle[]) => list.map(teaser) : (list: readonly ShownArticle[]) => list
    const revisions = (list: readonly ShownArticle[]) => (teasers ? list.map((article) => ({ revision: article.teaserRevision })) : list)
    for (const { folder, articles: members, options } of feedArchives(own, config, feed, monthOf)) {
      // The view's files are at the site's root: from `tags/ukraine/archive/2026/01/`, five folders up.
      const up = '../'.repeat(folder.split('/').length - 1)
      // One model serves the three formats, made when the first of them is.
      let model: FeedModel | undefined
      const made = () => (model ??= feedModel(items(members), config, feed, options))
      const file = (name: string, content: () => string) => outputFile(folder + name, content, keyFrom(revisions(members), folder + name, teasers, feed, options))
      yield file(feedFiles.rss, () => toRss(made(), (xml) => withFeedView(xml, 'rss', up)))
      yield file(feedFiles.atom, () => toAtom(made(), (xml) => withFeedView(xml, 'atom', up)))
      yield file(feedFiles.json, () => toJsonFeed(made()))
    }
  }
  yield outputFile(opmlFile, toOpml(config, topics.map((topic) => topicFeed(topic, config))))
}

/**
 * An article as topic feeds carry it: the standfirst and a link, not the
 * full text. Every article is in the site's feed and archives in full; with
 * the full text in each of its tags' and authors' feeds too, 10,000 articles
 * made about 1.5 GB, past GitHub Pages' 1 GB limit for a site.
 */
function teaser(article: ShownArticle): ShownArticle {
  const html = toHtml([h('p', article.summary), h('p', h('a', { href: article.url }, 'Read the article'))])
  return { ...article, html }
}
