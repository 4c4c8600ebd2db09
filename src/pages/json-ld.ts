import type { Element } from 'hast'
import { h } from 'hastscript'
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

/**
 * schema.org `NewsArticle` for an article page, as search engines read it
 * for news results. `dateModified` is the article's `updated` (the newest
 * correction or update, or an explicit one), else its publication time.
 */
export function newsArticle(article: ShownArticle, config: Config) {
  const corrections = correctionsOf(article)
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.summary,
    url: article.url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': article.url },
    datePublished: article.date.toISOString(),
    dateModified: (article.updated ?? article.date).toISOString(),
    author: article.authors.map((name) => ({ '@type': 'Person', name })),
    publisher: { '@type': 'Organization', name: config.title, url: config.url },
    inLanguage: article.lang,
    ...(article.image && { image: [article.image.url] }),
    ...(article.tags.length > 0 && { keywords: article.tags }),
    ...(corrections.length > 0 && { correction: corrections }),
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
