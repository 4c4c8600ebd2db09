import type { Element } from 'hast'
import { h } from 'hastscript'
import type { Config } from '../config.ts'
import { feedFormats } from '../feeds/model.ts'
import { opmlFile } from '../feeds/opml.ts'
import type { LanguageFeedLink } from '../feeds/languages.ts'
import type { TopicFeed } from '../feeds/topics.ts'
import { partLanguage } from '../languages.ts'
import type { ShownArticle } from '../shown.ts'
import { fill, siteStrings } from '../strings/index.ts'
import { feedList } from './feed-list.ts'
import { fillContent } from '../strings/format.ts'
import { jsonLdScript } from './json-ld.ts'
import { linkFrom, renderPage, type LinkTo } from './layout.ts'
import { feedAddress, headlineList, leadStory, pageFolder, pageLinks, pageNav } from './listing.ts'

/**
 * The home page, one page of it: `articles` (this page's, newest first, as
 * many as a feed holds) as headlines, and the links to the other pages
 * (`page/2/`…), so every published article can be reached from it. The
 * first is a front page: the masthead once, as its heading; the newest story
 * leading with its image, the others with thumbnails; and, second to the
 * news (beside it on a wide screen, after it on a phone), the three feeds
 * offered to people, not only to readers' autodiscovery, and every
 * section's, tag's and author's feeds. In a preview, each article shown before its time is
 * marked in its headline.
 */
export function homePage(
  articles: readonly ShownArticle[],
  number: number,
  count: number,
  topics: readonly TopicFeed[],
  config: Config,
  languages: readonly LanguageFeedLink[] = [],
): string {
  const url = new URL(pageFolder('', number), config.url).href
  const link = linkFrom({ url })
  const strings = siteStrings(config)
  const first = number === 1
  // The front page leads with the newest story; the pages after it are lists.
  const [lead, ...rest] = first ? articles : []
  const headlines =
    articles.length === 0
      ? [h('p', strings.nothingPublished)]
      : lead
        ? [leadStory(lead, config, link), ...(rest.length > 0 ? [headlineList(rest, config, link, 'h3')] : [])]
        : [headlineList(articles, config, link, 'h2')]
  // The masthead names the site on every page: an older page's heading says which page of the news it is.
  const heading = first ? config.title : fill(strings.pageHeading, { name: strings.latestHeadlines, page: String(number), pages: String(count) })
  return renderPage(config, {
    url,
    title: first ? heading : `${heading} – ${config.title}`,
    description: config.description,
    isHome: first,
    wide: first,
    hasMarks: articles.some((article) => article.preview !== undefined),
    head: [
      h('link', { rel: 'canonical', href: url }),
      ...pageLinks('', number, count, config, link),
      ...(first ? [jsonLdScript({ '@context': 'https://schema.org', '@type': 'WebSite', name: config.title, description: config.description, url })] : []),
    ],
    // On the front page the masthead is the page's one heading of the first level (src/pages/layout.ts).
    main: first
      ? [
          h('div.front', [
            h('section.news', { ariaLabelledBy: 'latest' }, [h('h2.section-label', { id: 'latest' }, strings.latestHeadlines), ...headlines, ...pageNav('', number, count, config, link)]),
            h('div.secondary', subscribeSections(topics, languages, config, link)),
          ]),
        ]
      : [h('h1', { id: 'latest' }, heading), h('section', { ariaLabelledBy: 'latest' }, [...headlines, ...pageNav('', number, count, config, link)])],
  })
}

/** The first page's offer of the feeds: the site's three, the OPML list, then every section's (in the config's order), tag's and author's, and every language's. */
function subscribeSections(topics: readonly TopicFeed[], languages: readonly LanguageFeedLink[], config: Config, link: LinkTo): Element[] {
  const strings = siteStrings(config)
  const feeds = feedList(config)
  return [
    h('section', { ariaLabelledBy: 'subscribe' }, [
      h('h2', { id: 'subscribe' }, strings.subscribe),
      h('p', strings.subscribeHelp),
      h(
        'ul.feeds',
        feeds.map((feed) => h('li', [h('a', { href: link(feed.url), type: feed.type }, feed.format), ': ', feedAddress(feed.url)])),
      ),
      h(
        'p',
        fillContent(strings.opmlSentence, {
          link: h('a', { href: link(new URL(opmlFile, config.url).href), type: 'text/x-opml' }, strings.opmlLink),
        }),
      ),
    ]),
    ...topicSection(topics.filter((topic) => topic.kind === 'section'), 'section-feeds', strings.feedsBySection, link),
    ...topicSection(topics.filter((topic) => topic.kind === 'tag'), 'tag-feeds', strings.feedsByTag, link),
    ...topicSection(topics.filter((topic) => topic.kind === 'author'), 'author-feeds', strings.feedsByAuthor, link),
    // Each language's line is in that language: its name is ("English"), and the formats' names read the same in any.
    ...topicSection(
      languages.map((entry) => ({ ...entry, own: partLanguage(entry.language, config.language) })),
      'language-feeds',
      strings.feedsByLanguage,
      link,
    ),
  ]
}

/**
 * The feeds of every section, tag, author or language, one line each: the
 * name, then a link per format. The links' visible text is the format, as in
 * the Subscribe list; their accessible name adds the topic ("RSS: Ukraine"),
 * so a list of links read out of context still says where each one goes.
 */
function topicSection(
  ofKind: readonly (Pick<TopicFeed, 'name' | 'page' | 'self'> & { own?: { lang?: string } })[],
  id: string,
  heading: string,
  link: LinkTo,
): Element[] {
  if (ofKind.length === 0) return []
  return [
    h('section', { ariaLabelledBy: id }, [
      h('h2', { id }, heading),
      h(
        'ul.feeds',
        ofKind.map((topic) =>
          h('li', topic.own ?? {}, [
            h('a', { href: link(topic.page) }, topic.name),
            ': ',
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
