import type { Element } from 'hast'
import { h } from 'hastscript'
import { registerOf, type Author } from '../authors.ts'
import type { Config } from '../config.ts'
import type { ShownArticle } from '../shown.ts'

/**
 * Structured data in a `<script type="application/ld+json">`. Script text is
 * written as it is, not escaped (HTML's raw-text rule), so `<` is written as
 * `\u003c`: a headline containing `</script>` or `<!--` cannot end the
 * element or open a comment. JSON parsers read `\u003c` as `<`.
 */
export function jsonLdScript(data: unknown): Element {
  return h('script', { type: 'application/ld+json' }, JSON.stringify(data).replaceAll('<', '\\u003c'))
}

/** The lead image as schema.org `ImageObject`, with its caption and credit (`creditText`) when there are. */
export function imageObject(image: NonNullable<ShownArticle['image']>) {
  return {
    '@type': 'ImageObject',
    url: image.url,
    ...(image.info && { width: image.info.width, height: image.info.height }),
    ...(image.caption !== undefined && { caption: image.caption }),
    ...(image.credit !== undefined && { creditText: image.credit }),
  }
}

/**
 * The site as the article's publisher: with its `logo` (or else its `icon`)
 * as an `ImageObject` with its size, when the config names one. Not the icon
 * made from the initials: search engines take no SVG logo.
 */
export function publisher(config: Config) {
  const logo = config.siteImages?.logo ?? config.siteImages?.icon
  return {
    '@type': 'Organization',
    name: config.title,
    url: config.url,
    ...(logo && { logo: { '@type': 'ImageObject', url: logo.url, width: logo.width, height: logo.height } }),
  }
}

/**
 * schema.org `NewsArticle` for an article page, as search engines read it
 * for news results, with its section as `articleSection`. `dateModified` is the article's `updated` (the newest
 * correction or update, or an explicit one), else its publication time.
 */
export function newsArticle(article: ShownArticle, config: Config) {
  const corrections = correctionsOf(article)
  const register = registerOf(config.authors)
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.summary,
    url: article.url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': article.url },
    datePublished: article.date.toISOString(),
    dateModified: (article.updated ?? article.date).toISOString(),
    author: article.authors.map((name) => person(name, register.get(name))),
    publisher: publisher(config),
    inLanguage: article.lang,
    ...(article.section !== undefined && { articleSection: article.section }),
    ...(article.image && { image: [imageObject(article.image)] }),
    ...(article.tags.length > 0 && { keywords: article.tags }),
    ...(corrections.length > 0 && { correction: corrections }),
  }
}

/**
 * schema.org `Person` for a byline, with what the authors' register says
 * (src/authors.ts): `url` (which Google asks of an article's author),
 * `sameAs` (their profiles elsewhere) and `image`.
 */
export function person(name: string, entry: Author | undefined) {
  return {
    '@type': 'Person',
    name,
    ...(entry?.url !== undefined && { url: entry.url }),
    ...(entry?.sameAs !== undefined && entry.sameAs.length > 0 && { sameAs: entry.sameAs }),
    ...(entry?.avatar !== undefined && { image: entry.avatar }),
  }
}

/**
 * The article's corrections as schema.org `correction` values: a
 * `CorrectionComment` ("a comment that corrects a CreativeWork", from the
 * Trust Project's work, schemaorg/schemaorg#1950) with the note as `text`
 * and its time as `datePublished`, oldest first; a list, as JSON-LD gives a
 * property several values. Only entries of kind `correction`: an update adds
 * news and a clarification adds context, neither corrects an error, and
 * schema.org has no type for them; an update shows in `dateModified`, and
 * both in the page's correction box.
 */
function correctionsOf(article: ShownArticle) {
  return (article.corrections ?? [])
    .filter((entry) => entry.kind === 'correction')
    .map((entry) => ({ '@type': 'CorrectionComment', text: entry.note, datePublished: entry.at }))
}
