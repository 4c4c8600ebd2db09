import type { Image, Link, Root } from 'mdast'
import { visit } from 'unist-util-visit'
import type { ImageInfo } from './image-info.ts'
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

/** Where an image URL is in the output (and the articles folder), when it is one of the site's; `null` when no file can have it. */
export function imagePathOf(url: string, site: string): string | null | undefined {
  if (!url.startsWith(site)) return undefined
  const encoded = new URL(url).pathname.slice(new URL(site).pathname.length)
  try {
    return decodeURIComponent(encoded)
  } catch {
    return null
  }
}

/**
 * `imagePathOf` for the site `site`, each URL worked out once: a site's
 * articles share a few hundred images, and parsing each of their URLs each
 * time (10,000 articles, three looks each a build) cost a tenth of a rebuild.
 */
export function imagePaths(site: string): (url: string) => string | null | undefined {
  const paths = new Map<string, string | null | undefined>()
  return (url) => {
    if (!paths.has(url)) paths.set(url, imagePathOf(url, site))
    return paths.get(url)
  }
}

/** The narrowest lead image partners take: Google Discover's large cards and Microsoft Start's promos want 1,200 pixels. */
export const minLeadImageWidth = 1200

/**
 * The lead images the site publishes, by what their bytes say (`infos`, by
 * path; an image not read is not there): an error for a file that is no
 * image, a warning for one narrower than `minLeadImageWidth`. SVG images
 * have no width to speak of, and are checked as documents (src/svg.ts).
 */
export function lintLeadImages(articles: readonly Article[], infos: ReadonlyMap<string, ImageInfo | null | undefined>, pathOf: (url: string) => string | null | undefined) {
  for (const article of articles) {
    if (!article.image) continue
    const path = pathOf(article.image.url)
    if (typeof path !== 'string' || !infos.has(path)) continue
    const info = infos.get(path)
    if (info === null) report(article.file, 'not-an-image', article.places.image, { path })
    else if (info && info.type !== 'image/svg+xml' && info.width < minLeadImageWidth) {
      report(article.file, 'narrow-lead-image', article.places.image, { path, width: info.width, min: minLeadImageWidth }, { severity: 'warning' })
    }
  }
}

/**
 * Errors and warnings for images on this site that no file provides: a lead
 * image or a body image whose URL is under the site URL must be a file
 * under the articles folder, which is published at the same path. Not
 * cached with the article: it depends on the other files there.
 */
export function lintImages(articles: readonly Article[], assets: ReadonlySet<string>, pathOf: (url: string) => string | null | undefined) {
  const check = (article: Article, url: string, place: Article['places']['image'], lead: boolean) => {
    const path = pathOf(url)
    // No file can have this name: a static host answers 400 for it.
    if (path === null) report(article.file, 'malformed-image-path', place, { path: new URL(url).pathname })
    // A missing lead image fails the build: every feed, card and page would show a broken one. A missing body image warns.
    else if (path !== undefined && !assets.has(path)) report(article.file, 'missing-image-file', place, { path }, { severity: lead ? 'error' : 'warning' })
  }
  for (const article of articles) {
    if (article.image) check(article, article.image.url, article.places.image, true)
    for (const image of article.images) check(article, image.url, image.place, false)
  }
}
