import { h } from 'hastscript'
import { registerOf } from '../authors.ts'
import type { Config } from '../config.ts'
import { archiveFolder, type Month } from '../feeds/archives.ts'
import type { Topic, TopicKind } from '../feeds/topics.ts'
import type { ShownArticle } from '../shown.ts'
import { fill, siteStrings, type Strings } from '../strings/index.ts'
import { displayMonth } from '../strings/format.ts'
import { jsonLdScript, person } from './json-ld.ts'
import { linkFrom, renderPage } from './layout.ts'
import { feedAlternates, feedSentence, headlineList, pageFolder, pageLinks, pageNav } from './listing.ts'

/** What a topic's pages call it and say of it, by kind: the kicker over its name, its page's line, and a month page's line. */
export function topicTexts(kind: TopicKind, strings: Strings) {
  switch (kind) {
    case 'tag':
      return { kicker: strings.tagKicker, description: strings.tagDescription, month: strings.tagMonthDescription }
    case 'author':
      return { kicker: strings.authorKicker, description: strings.authorDescription, month: strings.authorMonthDescription }
    case 'section':
      return { kicker: strings.sectionKicker, description: strings.sectionDescription, month: strings.sectionMonthDescription }
  }
}

/**
 * One page of a tag's, an author's or a section's articles, at its feeds'
 * folder (`tags/ukraine/`, then `tags/ukraine/page/2/`…), so the feeds' id
 * and alternate link lead to it: the name, a line saying what the page is,
 * the topic's feeds, then `articles` (this page's, newest first), the links
 * to the other pages, and to the topic's `months` (newest first: those its
 * feed has archives for, each with its page, src/pages/archive-pages.ts).
 * The first page is canonical for search engines; each other page is
 * canonical to itself, as each lists different articles.
 */
export function topicPage(
  topic: Topic<ShownArticle>,
  articles: readonly ShownArticle[],
  number: number,
  count: number,
  months: readonly Month[],
  config: Config,
): string {
  const strings = siteStrings(config)
  const folder = topic.feed.folder
  // What the authors' register says of an author (src/authors.ts): a bio, a picture, their own page.
  const entry = topic.kind === 'author' ? registerOf(config.authors).get(topic.name) : undefined
  const url = new URL(pageFolder(folder, number), config.url).href
  const link = linkFrom({ url })
  const texts = topicTexts(topic.kind, strings)
  const description = fill(texts.description, { name: topic.name, site: config.title })
  const heading = number === 1 ? topic.name : fill(strings.pageHeading, { name: topic.name, page: String(number), pages: String(count) })
  return renderPage(config, {
    url,
    title: `${heading} – ${config.title}`,
    description,
    hasMarks: articles.some((article) => article.preview !== undefined),
    alternates: feedAlternates(folder, topic.feed.title, config, link),
    head: [
      h('link', { rel: 'canonical', href: url }),
      ...pageLinks(folder, number, count, config, link),
      jsonLdScript({
        '@context': 'https://schema.org',
        '@type': topic.kind === 'author' ? 'ProfilePage' : 'CollectionPage',
        name: topic.name,
        url,
        ...(topic.kind === 'author' && { mainEntity: person(topic.name, entry) }),
      }),
    ],
    main: [
      h('header.page-head', [
        h('p.kicker', texts.kicker),
        ...(entry?.avatar !== undefined ? [h('img.avatar', { src: entry.avatar, alt: '', width: 96, height: 96 })] : []),
        h('h1', heading),
        h('p.standfirst', description),
        ...(entry?.bio !== undefined ? [h('p.bio', entry.bio)] : []),
        ...(entry?.url !== undefined ? [h('p.bio', [h('a', { href: entry.url, rel: 'me' }, entry.url.replace(/^https?:\/\/(www\.)?/, '').replace(/\/$/, ''))])] : []),
        feedSentence(strings.followThese, folder, topic.name, config, link),
      ]),
      // A section's page does not repeat its name over each of its stories.
      headlineList(articles, config, link, 'h2', topic.kind === 'section' ? topic.name : undefined),
      ...pageNav(folder, number, count, config, link),
      ...(months.length === 0
        ? []
        : [
            h('nav', { ariaLabelledBy: 'months' }, [
              h('h2', { id: 'months' }, strings.topicMonths),
              h(
                'ul.months',
                months.map((month) =>
                  h('li', [h('a', { href: link(new URL(archiveFolder(topic.feed, month), config.url).href) }, displayMonth(month, config.language))]),
                ),
              ),
            ]),
          ]),
    ],
  })
}
