import { h } from 'hastscript'
import { registerOf } from '../authors.ts'
import type { Config } from '../config.ts'
import type { Topic } from '../feeds/topics.ts'
import type { ShownArticle } from '../shown.ts'
import { fill, siteStrings } from '../strings/index.ts'
import { jsonLdScript, person } from './json-ld.ts'
import { linkFrom, renderPage } from './layout.ts'
import { feedAlternates, feedSentence, headlineList, pageFolder, pageLinks, pageNav } from './listing.ts'

/**
 * One page of a tag's or an author's articles, at its feeds' folder
 * (`tags/ukraine/`, then `tags/ukraine/page/2/`…), so the feeds' id and
 * alternate link lead to it: the name, a line saying what the page is, the
 * topic's feeds, then `articles` (this page's, newest first) and the links to
 * the other pages. The first page is canonical for search engines; each
 * other page is canonical to itself, as each lists different articles.
 */
export function topicPage(topic: Topic<ShownArticle>, articles: readonly ShownArticle[], number: number, count: number, config: Config): string {
  const strings = siteStrings(config)
  const folder = topic.feed.folder
  // What the authors' register says of an author (src/authors.ts): a bio, a picture, their own page.
  const entry = topic.kind === 'author' ? registerOf(config.authors).get(topic.name) : undefined
  const url = new URL(pageFolder(folder, number), config.url).href
  const link = linkFrom({ url })
  const kicker = topic.kind === 'tag' ? strings.tagKicker : strings.authorKicker
  const description = fill(topic.kind === 'tag' ? strings.tagDescription : strings.authorDescription, { name: topic.name, site: config.title })
  const heading = number === 1 ? topic.name : `${topic.name} (${fill(strings.pageOf, { page: String(number), pages: String(count) })})`
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
        h('p.kicker', kicker),
        ...(entry?.avatar !== undefined ? [h('img.avatar', { src: entry.avatar, alt: '', width: 96, height: 96 })] : []),
        h('h1', heading),
        h('p.standfirst', description),
        ...(entry?.bio !== undefined ? [h('p.bio', entry.bio)] : []),
        ...(entry?.url !== undefined ? [h('p.bio', [h('a', { href: entry.url, rel: 'me' }, entry.url.replace(/^https?:\/\/(www\.)?/, '').replace(/\/$/, ''))])] : []),
        feedSentence(strings.followThese, folder, topic.name, config, link),
      ]),
      headlineList(articles, config, link, 'h2'),
      ...pageNav(folder, number, count, config, link),
    ],
  })
}
