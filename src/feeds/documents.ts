import { toHtml } from 'hast-util-to-html'
import { h } from 'hastscript'
import type { Config } from '../config.ts'
import { feedViewFiles, withFeedView } from '../pages/feed-view.ts'
import type { RenderedArticle } from '../render.ts'
import { feedArchives, monthsIn } from './archives.ts'
import { toAtom } from './atom.ts'
import { feedFiles, siteFeed, topicFeed } from './build.ts'
import { toJsonFeed } from './json.ts'
import { opmlFile, toOpml } from './opml.ts'
import { toRss } from './rss.ts'
import { topicsOf } from './topics.ts'

/**
 * Every feed document of the site, as output path → content: the site's
 * feed, each tag's (`tags/<slug>/`) and each author's (`authors/<slug>/`),
 * each with its monthly archives (src/feeds/archives.ts), in RSS, Atom and
 * JSON Feed; then `feeds.opml`, which lists them.
 *
 * A generator: each document is mapped and written only when asked for, so
 * what it holds at once is one document's items, however large the archive.
 */
export function* feedDocuments(articles: readonly RenderedArticle[], config: Config): Generator<[string, string]> {
  const monthOf = monthsIn(config.timeZone)
  const topics = topicsOf(articles, config)
  for (const [index, { feed, articles: own }] of [{ feed: siteFeed(config), articles }, ...topics].entries()) {
    // Topic feeds (all but the first) carry teasers, made when their turn comes.
    for (const { folder, model } of feedArchives(index === 0 ? own : own.map(teaser), config, feed, monthOf)) {
      yield [folder + feedFiles.rss, withFeedViewIn(folder, toRss(model), 'rss')]
      yield [folder + feedFiles.atom, withFeedViewIn(folder, toAtom(model), 'atom')]
      yield [folder + feedFiles.json, toJsonFeed(model)]
    }
  }
  yield [opmlFile, toOpml(config, topics.map((topic) => topicFeed(topic, config)))]
}

/**
 * An article as topic feeds carry it: the standfirst and a link, not the
 * full text. Every article is in the site's feed and archives in full; with
 * the full text in each of its tags' and authors' feeds too, 10,000 articles
 * made about 1.5 GB, past GitHub Pages' 1 GB limit for a site.
 */
function teaser(article: RenderedArticle): RenderedArticle {
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
