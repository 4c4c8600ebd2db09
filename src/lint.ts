import type { Image, Link, Root } from 'mdast'
import { visit } from 'unist-util-visit'
import { report } from './messages.ts'
import type { Article } from './validate.ts'

/** Limits past which readers are served badly, though the article is valid. */
export const limits = {
  /** Cards (Open Graph, X/Twitter, aggregators) cut descriptions at about this length. */
  summary: 200,
  /** Headlines longer than this are truncated in most readers' item lists. */
  headline: 110,
}

/**
 * Warnings about one article that are legal but hurt readers: reported,
 * never blocking a build. Depends on the article alone, so its result is
 * cached with it. Pure: messages go on the article's file.
 */
export function lintArticle(article: Article, tree: Root) {
  const { file, places } = article
  if (article.title.length > limits.headline) {
    report(file, 'headline-too-long', places.title, { length: article.title.length, limit: limits.headline }, { severity: 'warning' })
  }
  if (article.summary.length > limits.summary) {
    report(file, 'summary-too-long', places.summary, { length: article.summary.length, limit: limits.summary }, { severity: 'warning' })
  }
  if (!article.image) report(file, 'missing-image', places.title, {}, { severity: 'warning' })
  if (article.image?.url.startsWith('http:')) {
    report(file, 'insecure-link', places.image, { url: article.image.url }, { severity: 'warning' })
  }
  // A URL gets `http:` from the source's text, or from a character reference (`&#104;ttp:`).
  if (!/http:|&/i.test(String(file.value))) return
  visit(tree, ['link', 'image'], (node) => {
    const { url, position } = node as Link | Image
    if (url.toLowerCase().startsWith('http:')) report(file, 'insecure-link', position, { url }, { severity: 'warning' })
  })
}

/** Warnings across articles: the same headline twice, case-insensitively, reported on the later file. */
export function lintDuplicates(articles: readonly Article[]) {
  const byTitle = new Map<string, Article>()
  for (const article of articles) {
    const key = article.title.toLowerCase()
    const same = byTitle.get(key)
    if (same) report(article.file, 'duplicate-headline', article.places.title, { other: same.file.path }, { severity: 'warning' })
    else byTitle.set(key, article)
  }
}

/**
 * Warnings for images on this site that no file provides: a lead image or a
 * body image whose URL is under the site URL must be a file under the
 * articles folder, which is published at the same path. Not cached with the
 * article: it depends on the other files there.
 */
export function lintImages(articles: readonly Article[], assets: ReadonlySet<string>, site: string) {
  for (const article of articles) {
    const images = [...(article.image ? [{ url: article.image.url, place: article.places.image }] : []), ...article.images]
    for (const { url, place } of images) {
      if (!url.startsWith(site)) continue
      const encoded = new URL(url).pathname.slice(new URL(site).pathname.length)
      let path: string
      try {
        path = decodeURIComponent(encoded)
      } catch {
        // No file can have this name: a static host answers 400 for it.
        report(article.file, 'malformed-image-path', place, { path: encoded })
        continue
      }
      if (!assets.has(path)) report(article.file, 'missing-image-file', place, { path }, { severity: 'warning' })
    }
  }
}
