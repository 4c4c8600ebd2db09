import { toHtml } from 'hast-util-to-html'
import { h } from 'hastscript'
import type { Config } from '../config.ts'
import { feedViewFiles, withFeedView } from '../pages/feed-view.ts'
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
      // One model serves the three formats, made when the first of them is.
      let model: FeedModel | undefined
      const made = () => (model ??= feedModel(items(members), config, feed, options))
      const file = (name: string, content: () => string) => outputFile(folder + name, content, keyFrom(revisions(members), folder + name, teasers, feed, options))
      yield file(feedFiles.rss, () => withFeedViewIn(folder, toRss(made()), 'rss'))
      yield file(feedFiles.atom, () => withFeedViewIn(folder, toAtom(made()), 'atom'))
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

/**
 * `withFeedView` for a document in `folder`. The stylesheet instruction and
 * the script element it adds name the view's files relative to the document,
 * which is right at the site's root only; from `tags/ukraine/archive/2026/01/`
 * they must climb five folders. Every text in the document is escaped, so the
 * two references occur once each, where `withFeedView` wrote them.
 */
function withFeedViewIn(folder: string, xml: string, format: 'rss' | 'atom'): string {
  const viewed = withFeedView(xml, format)
  const up = '../'.repeat(folder.split('/').length - 1)
  if (up === '') return viewed
  const style = `type="text/css" href="${feedViewFiles.style}"?>`
  const script = ` src="${feedViewFiles.script}"/>`
  return replaceOnce(replaceOnce(viewed, style, style.replace('href="', `href="${up}`)), script, script.replace('src="', `src="${up}`))
}

function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from)
  if (at === -1) throw new Error(`withFeedViewIn: no ${from} in the document`)
  return text.slice(0, at) + to + text.slice(at + from.length)
}
