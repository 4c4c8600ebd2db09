import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
import type { Config } from '../config.ts'
import { partLanguage } from '../languages.ts'
import { feedFormats, feedUrls } from '../feeds/model.ts'
import { sectionPage } from '../feeds/topics.ts'
import type { ShownArticle } from '../shown.ts'
import { fill, siteStrings } from '../strings/index.ts'
import { byline, displayDate, fillContent } from '../strings/format.ts'
import type { LinkTo } from './layout.ts'
import { previewMark } from './preview-mark.ts'

/**
 * Articles as a list of headlines, in the order given: each its section
 * (linked to its page; not on the page of `inSection`, where every story is
 * in it), headline (a heading of `level`, linked), standfirst, byline and
 * date, and a thumbnail of its image when it has one; in a preview, the mark
 * of one shown before its time. The headline and standfirst of an article in
 * another language than the page's say which (`partLanguage`). Shared by the home page, topic pages and
 * month pages, so a reader finds a story looking the same wherever it is listed.
 */
export function headlineList(articles: readonly ShownArticle[], config: Config, link: LinkTo, level: 'h2' | 'h3', inSection?: string): Element {
  return h(
    'ul.headlines',
    articles.map((article) => {
      const own = partLanguage(article.lang, config.language)
      return h(article.image ? 'li.has-thumb' : 'li', [
        h('div.story', [
          ...previewMark(article, config),
          ...(article.section === inSection ? [] : sectionKicker(article, config, link)),
          h(level, own, [h('a', { href: link(article.url) }, article.title)]),
          h('p', own, article.summary),
          storyMeta(article, config),
        ]),
        // The headline says what the story is; the thumbnail only shows it, so screen readers skip it (WCAG H67).
        ...(article.image ? [h('img.thumb', { src: article.image.url, alt: '', loading: 'lazy', decoding: 'async' })] : []),
      ])
    }),
  )
}

/**
 * The newest story as a front page leads with it: its lead image large
 * (described by its alt text, and fetched first), the headline, the
 * standfirst, byline and date; its text in its language, as `headlineList`'s.
 */
export function leadStory(article: ShownArticle, config: Config, link: LinkTo): Element {
  const own = partLanguage(article.lang, config.language)
  return h('div.lead-story', [
    ...(article.image ? [h('img.lead-image', { src: article.image.url, alt: article.image.alt, fetchpriority: 'high', ...own })] : []),
    ...previewMark(article, config),
    ...sectionKicker(article, config, link),
    h('h3', own, [h('a', { href: link(article.url) }, article.title)]),
    h('p.standfirst', own, article.summary),
    storyMeta(article, config),
  ])
}

/** The story's section over its headline, linked to the section's page (src/pages/topic-page.ts); nothing when it has none. */
export function sectionKicker(article: Pick<ShownArticle, 'section'>, config: Config, link: LinkTo): Element[] {
  return article.section === undefined ? [] : [h('p.kicker', [h('a', { href: link(sectionPage(article.section, config)) }, article.section)])]
}

/** "By Ann Writer · 6 January 2026": who wrote a listed story, and when. */
function storyMeta(article: ShownArticle, config: Config): Element {
  const strings = siteStrings(config)
  return h('p.meta', [
    `${byline(article.authors, strings, config.language)} · `,
    h('time', { dateTime: article.date.toISOString() }, displayDate(article.date, config.language, config.timeZone)),
  ])
}

/**
 * A long list cut into pages of `size`, newest first as given: the first at
 * the list's folder, the others at `page/2/`, `page/3/`… under it. A page
 * holds the same number of articles as a feed document (`feedItems`), so the
 * first page of a topic shows what its feed holds. Never fewer than one page.
 */
export function paginate<T>(items: readonly T[], size: number): T[][] {
  const pages: T[][] = []
  for (let start = 0; start < items.length; start += size) pages.push(items.slice(start, start + size))
  return pages.length === 0 ? [[]] : pages
}

/** The folder (relative to the site URL) of page `number` (from 1) of the list in `folder`. */
export function pageFolder(folder: string, number: number): string {
  return number === 1 ? folder : `${folder}page/${number}/`
}

/**
 * The links between the pages of a list: newer, "Page 2 of 5", older, in a
 * `nav` named for what it is. Nothing when the list has one page.
 */
export function pageNav(folder: string, number: number, count: number, config: Config, link: LinkTo): Element[] {
  if (count <= 1) return []
  const strings = siteStrings(config)
  const to = (page: number) => link(new URL(pageFolder(folder, page), config.url).href)
  return [
    h('nav.pages', { ariaLabel: strings.pagination }, [
      h('ul', [
        ...(number > 1 ? [h('li', [h('a', { href: to(number - 1), rel: 'prev' }, strings.newerArticles)])] : []),
        h('li', { ariaCurrent: 'page' }, fill(strings.pageOf, { page: String(number), pages: String(count) })),
        ...(number < count ? [h('li', [h('a', { href: to(number + 1), rel: 'next' }, strings.olderArticles)])] : []),
      ]),
    ]),
  ]
}

/** The `<link rel=prev|next>` of page `number` of `count`, for crawlers and readers that follow a series. */
export function pageLinks(folder: string, number: number, count: number, config: Config, link: LinkTo): Element[] {
  const to = (page: number) => link(new URL(pageFolder(folder, page), config.url).href)
  return [
    ...(number > 1 ? [h('link', { rel: 'prev', href: to(number - 1) })] : []),
    ...(number < count ? [h('link', { rel: 'next', href: to(number + 1) })] : []),
  ]
}

/**
 * The feeds in `folder` offered in a sentence (`template`, whose `{feeds}`
 * the links fill): "Follow these articles in your news reader: RSS · Atom ·
 * JSON Feed". Each link's accessible name adds `name`, so read out of
 * context it still says where it goes.
 */
export function feedSentence(template: string, folder: string, name: string, config: Config, link: LinkTo): Element {
  const urls = feedUrls(config, folder)
  const links = feedFormats.flatMap(({ key, type, name: format }, index): ElementContent[] => [
    ...(index > 0 ? [{ type: 'text' as const, value: ' · ' }] : []),
    h('a', { href: link(urls[key]), type, ariaLabel: `${format}: ${name}` }, format),
  ])
  return h('p.follow', fillContent(template, { feeds: links }))
}

/**
 * A feed's address as text that wraps only between its parts: after the
 * host and after each `/` of the path, so a phone never breaks it in the
 * middle of a word (`feed.xml` stays whole), nor after `https://`. The parts
 * are text; `<wbr>` marks where a line may end.
 */
export function feedAddress(url: string): Element {
  const [, origin = '', path = url] = /^([a-z][a-z0-9+.-]*:\/\/[^/]*\/?)(.*)$/i.exec(url) ?? []
  const parts = [origin, ...path.split(/(?<=\/)/)].filter((part) => part !== '')
  return h('code.feed-url', parts.flatMap((part, index) => (index === 0 ? [part] : [h('wbr'), part])))
}

/** The feeds' autodiscovery links for the documents in `folder`, titled "Site — Ukraine (RSS)". */
export function feedAlternates(folder: string, title: string, config: Config, link: LinkTo): Element[] {
  const urls = feedUrls(config, folder)
  return feedFormats.map(({ key, type, name }) => h('link', { rel: 'alternate', type, title: `${title} (${name})`, href: link(urls[key]) }))
}
