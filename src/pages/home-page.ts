import { h } from 'hastscript'
import type { Config } from '../config.ts'
import { feedFormats, type FeedModel } from '../feeds/model.ts'
import { opmlFile } from '../feeds/opml.ts'
import type { TopicFeed } from '../feeds/topics.ts'
import type { ShownArticle } from '../shown.ts'
import { siteStrings } from '../strings/index.ts'
import { feedList } from './feed-list.ts'
import { displayDate, fillContent } from '../strings/format.ts'
import { jsonLdScript } from './json-ld.ts'
import { linkFrom, renderPage } from './layout.ts'
import { previewMark } from './preview-mark.ts'

/**
 * The home page: the feed's items as headlines (newest first, as many as the
 * feeds hold), the three feeds offered to people, not only to readers'
 * autodiscovery, and every tag's and author's feeds. In a preview, each of
 * the `articles` shown before its time is marked in its headline.
 */
export function homePage(model: FeedModel, topics: readonly TopicFeed[], config: Config, articles: readonly ShownArticle[] = []): string {
  const url = config.url
  const marked = new Map(articles.flatMap((article) => (article.preview ? [[article.id, article] as const] : [])))
  const link = linkFrom({ url })
  const feeds = feedList(config)
  const strings = siteStrings(config)
  const headlines =
    model.items.length === 0
      ? [h('p', strings.nothingPublished)]
      : [
          h(
            'ul.headlines',
            model.items.map((item) =>
              h('li', [
                ...(marked.has(item.id) ? previewMark(marked.get(item.id) as ShownArticle, config) : []),
                h('h3', [h('a', { href: link(item.url) }, item.title)]),
                h('p.meta', [
                  h('time', { dateTime: item.published.toISOString() }, displayDate(item.published, config.language, config.timeZone)),
                ]),
                h('p', item.summary),
              ]),
            ),
          ),
        ]
  return renderPage(config, {
    url,
    title: config.title,
    description: config.description,
    isHome: true,
    hasMarks: marked.size > 0,
    head: [
      h('link', { rel: 'canonical', href: url }),
      jsonLdScript({ '@context': 'https://schema.org', '@type': 'WebSite', name: config.title, description: config.description, url }),
    ],
    main: [
      h('h1', config.title),
      h('p.standfirst', config.description),
      h('section', { ariaLabelledBy: 'latest' }, [h('h2', { id: 'latest' }, strings.latestHeadlines), ...headlines]),
      h('section', { ariaLabelledBy: 'subscribe' }, [
        h('h2', { id: 'subscribe' }, strings.subscribe),
        h('p', strings.subscribeHelp),
        h(
          'ul.feeds',
          feeds.map((feed) => h('li', [h('a', { href: link(feed.url), type: feed.type }, feed.format), `: ${feed.url}`])),
        ),
        h(
          'p',
          fillContent(strings.opmlSentence, {
            link: h('a', { href: link(new URL(opmlFile, url).href), type: 'text/x-opml' }, strings.opmlLink),
          }),
        ),
      ]),
      ...topicSection(topics, 'tag', strings.feedsByTag, link),
      ...topicSection(topics, 'author', strings.feedsByAuthor, link),
    ],
  })
}

/**
 * The feeds of every tag or every author, one line each: the name, then a
 * link per format. The links' visible text is the format, as in the
 * Subscribe list; their accessible name adds the topic ("RSS: Ukraine"), so
 * a list of links read out of context still says where each one goes.
 */
function topicSection(topics: readonly TopicFeed[], kind: TopicFeed['kind'], heading: string, link: (url: string) => string) {
  const ofKind = topics.filter((topic) => topic.kind === kind)
  if (ofKind.length === 0) return []
  const id = `${kind}-feeds`
  return [
    h('section', { ariaLabelledBy: id }, [
      h('h2', { id }, heading),
      h(
        'ul.feeds',
        ofKind.map((topic) =>
          h('li', [
            `${topic.name}: `,
            ...feedFormats.flatMap(({ key, type, name }, index) => [
              ...(index > 0 ? [' · '] : []),
              h('a', { href: link(topic.self[key]), type, ariaLabel: `${name}: ${topic.name}` }, name),
            ]),
          ]),
        ),
      ),
    ]),
  ]
}
