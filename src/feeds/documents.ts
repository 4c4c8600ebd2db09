import type { Config } from '../config.ts'
import type { Retraction } from '../ids.ts'
import { outputFile, type OutputFile } from '../output.ts'
import type { BodyOf, ShownArticle } from '../shown.ts'
import { feedArchives, monthsIn } from './archives.ts'
import { toAtom } from './atom.ts'
import { toJsonFeed } from './json.ts'
import { feedFiles, feedModel, siteFeed, teaserOf, type FeedModel } from './model.ts'
import { opmlFile, toOpml } from './opml.ts'
import { pollingHint } from './polling.ts'
import { toRss } from './rss.ts'
import { topicFeed, topicsOf } from './topics.ts'

/**
 * Every feed document of the site: the site's feed, each tag's
 * (`tags/<slug>/`) and each author's (`authors/<slug>/`), each with its
 * monthly archives (src/feeds/archives.ts), in RSS, Atom and JSON Feed; then
 * `feeds.opml`, which lists them.
 *
 * The site's subscription documents carry each article whole, its body from
 * `bodyOf`. Topic feeds carry teasers (see `teaserOf`), and so do the site's
 * archives unless the config asks for `archives: full`: with the full text
 * in every document that lists an article, 10,000 articles made about 1.5 GB
 * of feeds, past GitHub Pages' 1 GB limit for a whole site. An article that
 * says `feed: summary` is a teaser in every document (see `feedModel`).
 *
 * The site's documents also announce `retractions` (src/feeds/archives.ts
 * says which of them); every subscription document says how often to look
 * again, from the publish schedule (src/feeds/polling.ts).
 *
 * Each is made only when the writer asks for it, and says what it is made
 * of: so memory holds one document's items at a time however large the
 * archive, and a rebuild can keep the documents whose articles did not change.
 */
export function* feedDocuments(
  articles: readonly ShownArticle[],
  config: Config,
  bodyOf: BodyOf,
  retractions: readonly Retraction[] = [],
): Generator<OutputFile> {
  const monthOf = monthsIn(config.timeZone)
  const topics = topicsOf(articles, config)
  const teasers: BodyOf = (article) => teaserOf(article, config)
  const polling = pollingHint(config.schedule)
  const feeds = [
    { feed: siteFeed(config), articles, topic: false, record: { retractions, polling } },
    ...topics.map(({ feed, articles }) => ({ feed, articles, topic: true, record: { polling } })),
  ]
  for (const { feed, articles: own, topic, record } of feeds) {
    for (const { folder, articles: members, archive, options } of feedArchives(own, config, feed, monthOf, record)) {
      const whole = !topic && (!archive || config.archives === 'full')
      // The view's files are at the site's root: from `tags/ukraine/archive/2026/01/`, five folders up.
      const view = '../'.repeat(folder.split('/').length - 1)
      // One model serves the three formats, made when the first of them is.
      let model: FeedModel | undefined
      const made = () => (model ??= feedModel(members, config, feed, whole ? bodyOf : teasers, options))
      const file = (name: string, content: () => string) =>
        outputFile(folder + name, content, { articles: members, whole, with: [folder + name, feed, options] })
      yield file(feedFiles.rss, () => toRss(made(), view))
      yield file(feedFiles.atom, () => toAtom(made(), view))
      yield file(feedFiles.json, () => toJsonFeed(made()))
    }
  }
  yield outputFile(opmlFile, toOpml(config, topics.map((topic) => topicFeed(topic, config))))
}
