import type { Config } from '../config.ts'
import { xmlSafe } from '../xml-safe.ts'
import { feedFormats, feedUrls, type FeedUrls } from './model.ts'
import type { LanguageFeedLink } from './languages.ts'
import type { TopicFeed } from './topics.ts'
import { createSlots } from './xml/slots.ts'

/** Where the list of every feed is published, relative to the site URL. */
export const opmlFile = 'feeds.opml'

/**
 * `feeds.opml`: every feed of the site in every format, as an OPML 2.0
 * subscription list (http://opml.org/spec2.opml), for readers that import
 * many feeds at once. Each feed is an `<outline type="rss">` (OPML's type for
 * any feed, Atom and JSON Feed included) with its `xmlUrl`, grouped in
 * folders named after the site: its own feeds, by section (in the config's
 * order), by tag, by author, and on a site in several languages by language
 * (each outline in its language). Readers
 * import one level of folders, so there is no deeper nesting.
 *
 * No date: the file changes only when a feed is added or renamed. Every value
 * goes through a slot, so `fillXml` escapes it as it escapes the feeds' text.
 */
export function toOpml(config: Config, topics: readonly TopicFeed[], languages: readonly LanguageFeedLink[] = []): string {
  const slots = createSlots()
  const { slot } = slots
  const site = xmlSafe(config.title)
  // `htmlUrl` is the page that shows the feed's items (its alternate link): the home page, or the topic's page.
  const feeds = (title: string, self: FeedUrls, page: string, language = config.language) =>
    feedFormats.map(
      ({ key, name }) =>
        `      <outline type="rss" text="${slot(`${title} (${name})`)}" xmlUrl="${slot(self[key])}" htmlUrl="${slot(page)}" language="${slot(language)}"/>`,
    )
  const folder = (text: string, outlines: string[]) =>
    outlines.length === 0 ? [] : [`    <outline text="${slot(text)}">`, ...outlines, '    </outline>']
  const ofKind = (kind: TopicFeed['kind']) => topics.filter((topic) => topic.kind === kind).flatMap((topic) => feeds(topic.title, topic.self, topic.page))
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${slot(`${site}: all feeds`)}</title>`,
    '  </head>',
    '  <body>',
    ...folder(site, feeds(site, feedUrls(config, ''), config.url)),
    ...folder(`${site} — by section`, ofKind('section')),
    ...folder(`${site} — by tag`, ofKind('tag')),
    ...folder(`${site} — by author`, ofKind('author')),
    ...folder(`${site} — by language`, languages.flatMap((entry) => feeds(entry.title, entry.self, entry.page, entry.language))),
    '  </body>',
    '</opml>',
  ]
  return slots.fillXml(lines.join('\n')) + '\n'
}
