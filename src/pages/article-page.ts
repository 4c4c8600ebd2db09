import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
import type { Config } from '../config.ts'
import { inLanguage, languageName, partLanguage } from '../languages.ts'
import type { ShownArticle } from '../shown.ts'
import { siteStrings, type Strings } from '../strings/index.ts'
import type { Versions } from '../translations.ts'
import { bylineContent, correctionLabel, displayDate, fillContent, readingTimeLabel } from '../strings/format.ts'
import { jsonLdScript, newsArticle } from './json-ld.ts'
import { linkFrom, renderPage } from './layout.ts'
import { sectionKicker } from './listing.ts'

/**
 * Where the article's tags and authors have their pages (src/pages/topic-page.ts),
 * in the order of its `tags` and `authors`; none for a name with no page.
 */
export interface TopicLinks {
  tags: readonly (string | undefined)[]
  authors: readonly (string | undefined)[]
}

/**
 * The article's own page: its section (linked to its page), headline, standfirst, byline, date, reading time,
 * lead image, `body` (its HTML) and its corrections, with what search engines
 * and link previews read (canonical link, Open Graph, Twitter card, JSON-LD
 * `NewsArticle`).
 *
 * Its interface is in the article's language when wirefeed has strings for
 * it, else in the site's (`inLanguage`); the article is marked with its own
 * language when that differs. With `versions` (its translations, issue #21),
 * the head links each version (`hreflang`) and the original (`x-default`),
 * and a line under the byline links the others, each named in its language.
 */
export function articlePage(
  article: ShownArticle,
  body: string,
  site: Config,
  links: TopicLinks = { tags: [], authors: [] },
  versions?: Versions,
): string {
  const config = inLanguage(site, article.lang)
  const strings = siteStrings(config)
  const link = linkFrom({ url: article.url })
  const linked = (name: string, url: string | undefined): ElementContent => (url === undefined ? { type: 'text', value: name } : h('a', { href: link(url) }, name))
  const authorUrls = new Map(article.authors.map((name, index) => [name, links.authors[index]]))
  const when = (instant: Date) => h('time', { dateTime: instant.toISOString() }, displayDate(instant, config.language, config.timeZone))
  const meta: ElementContent[] = [
    ...bylineContent(article.authors, strings, config.language, (name) => linked(name, authorUrls.get(name))),
    { type: 'text', value: ' · ' },
    when(article.date),
    ...(article.updated ? [{ type: 'text' as const, value: ' · ' }, ...fillContent(strings.updated, { date: when(article.updated) })] : []),
    { type: 'text', value: ` · ${readingTimeLabel(article.readingTime, strings, config.language)}` },
  ]
  const main = [
    h('article', partLanguage(article.lang, config.language), [
      h('header', [
        ...sectionKicker(article, config, link),
        h('h1', article.title),
        h('p.standfirst', article.summary),
        h('p.meta', meta),
        ...alsoIn(article, versions, strings, link),
      ]),
      ...(article.image ? [leadFigure(article.image)] : []),
      // Sanitised by src/render.ts (rehype-sanitize), so it is written as it is.
      h('div.prose', [{ type: 'raw', value: body }]),
      ...correctionBox(article, config, strings, when),
      ...(article.tags.length > 0
        ? [h('footer', [h('h2.meta', strings.topics), h('ul.tags', article.tags.map((tag, index) => h('li', [linked(tag, links.tags[index])])))])]
        : []),
    ]),
  ]
  return renderPage(config, {
    url: article.url,
    // In a preview, a draft or scheduled article's page opens with its mark (src/pages/preview-mark.ts).
    preview: article,
    title: `${article.title} – ${config.title}`,
    description: article.summary,
    head: [
      h('link', { rel: 'canonical', href: article.url }),
      ...hreflangLinks(versions),
      ...socialMeta(article, config),
      jsonLdScript(newsArticle(article, config)),
    ],
    main,
  })
}

/**
 * Every version of the article, itself included, and the original as
 * `x-default`: the annotations Google reads, each page naming all the others
 * (https://developers.google.com/search/docs/specialty/international/localized-versions).
 * Absolute addresses, as it asks.
 */
function hreflangLinks(versions: Versions | undefined): Element[] {
  if (!versions) return []
  return [
    ...versions.versions.map((version) => h('link', { rel: 'alternate', hreflang: version.language, href: version.url })),
    ...(versions.original === undefined ? [] : [h('link', { rel: 'alternate', hreflang: 'x-default', href: versions.original })]),
  ]
}

/** "Also in: English · Українська": the other versions, each named in its own language and marked so. */
function alsoIn(article: ShownArticle, versions: Versions | undefined, strings: Strings, link: (url: string) => string): Element[] {
  const others = (versions?.versions ?? []).filter((version) => version.url !== article.url)
  if (others.length === 0) return []
  const anchors = others.flatMap((version, index): ElementContent[] => [
    ...(index > 0 ? [{ type: 'text' as const, value: ' · ' }] : []),
    h('a', { href: link(version.url), hreflang: version.language, lang: version.language }, languageName(version.language)),
  ])
  return [h('p.also-in', fillContent(strings.alsoIn, { languages: anchors }))]
}

/**
 * The article's corrections, updates and clarifications (#19), oldest first
 * as the feeds give them: a section after the text, named by its heading
 * (`aria-labelledby`), one item of an ordered list each, "Correction, 7 January 2026: The
 * minister's name is Olena, not Olha." The labels and dates are the site's,
 * in its language (marked so, in an article in another language); the notes
 * are the newsroom's, in the article's. Nothing when there are none.
 */
function correctionBox(article: ShownArticle, config: Config, strings: Strings, when: (instant: Date) => Element): Element[] {
  const corrections = article.corrections ?? []
  if (corrections.length === 0) return []
  const site = partLanguage(config.language, article.lang)
  return [
    h('section.corrections', { ariaLabelledby: 'corrections' }, [
      h('h2', { id: 'corrections', ...site }, strings.correctionsHeading),
      h(
        'ol',
        corrections.map((entry) => {
          const kind: ElementContent = { type: 'text', value: correctionLabel(entry.kind, strings) }
          return h('li', [
            h('strong', site, fillContent(strings.correctionEntry, { kind, date: when(new Date(entry.at)) })),
            { type: 'text', value: ` ${entry.note}` },
          ])
        }),
      ),
    ]),
  ]
}

/** Open Graph (Facebook, LinkedIn, Slack, Mastodon…) and Twitter card tags; both need absolute URLs. */
function socialMeta(article: ShownArticle, config: Config): Element[] {
  const property = (name: string, content: string) => h('meta', { property: name, content })
  const named = (name: string, content: string) => h('meta', { name, content })
  const image = article.image
  return [
    property('og:type', 'article'),
    property('og:site_name', config.title),
    property('og:title', article.title),
    property('og:description', article.summary),
    property('og:url', article.url),
    ...(image
      ? [
          property('og:image', image.url),
          ...(image.info
            ? [property('og:image:type', image.info.type), property('og:image:width', String(image.info.width)), property('og:image:height', String(image.info.height))]
            : []),
          property('og:image:alt', image.alt),
        ]
      : []),
    property('article:published_time', article.date.toISOString()),
    ...(article.updated ? [property('article:modified_time', article.updated.toISOString())] : []),
    ...article.tags.map((tag) => property('article:tag', tag)),
    named('twitter:card', image ? 'summary_large_image' : 'summary'),
    named('twitter:title', article.title),
    named('twitter:description', article.summary),
    ...(image ? [named('twitter:image', image.url), named('twitter:image:alt', image.alt)] : []),
  ]
}

/** The lead image as a figure: the picture, then its caption and credit when the front matter gives them. */
function leadFigure(image: NonNullable<ShownArticle['image']>): Element {
  const caption = [
    ...(image.caption !== undefined ? [image.caption] : []),
    ...(image.credit !== undefined ? [h('span.credit', image.credit)] : []),
  ]
  return h('figure.lead', [
    // Its size, when the site has the file: the page keeps its place and does not jump as it loads.
    h('img', { src: image.url, alt: image.alt, ...(image.info && { width: image.info.width, height: image.info.height }), fetchpriority: 'high' }),
    ...(caption.length > 0 ? [h('figcaption', caption.flatMap((part, index) => (index > 0 ? [' ', part] : [part])))] : []),
  ])
}
