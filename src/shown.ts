import type { Article } from './validate.ts'

/** The fields of a published article that pages and feeds show. */
const shownFields = ['id', 'url', 'title', 'summary', 'authors', 'date', 'updated', 'tags', 'image', 'lang'] as const

/**
 * What readers see of a published article: plain data, the same on every
 * thread (a build's worker threads are sent it to make pages and feeds).
 * Not its body's HTML, which pages and feeds ask for when they write it
 * (see `BodyOf`), so memory holds one document's, not the site's.
 */
export type ShownArticle = Pick<Article, (typeof shownFields)[number]> & {
  /** Whole minutes at an adult reading pace (see `renderBody`). */
  readingTime: number
}

/** The body of a shown article as safe HTML (see `renderBody`). */
export type BodyOf = (article: ShownArticle) => string

/** `article` as readers see it, taking `readingTime` minutes to read. */
export function shown(article: Article, readingTime: number): ShownArticle {
  const picked: Partial<ShownArticle> = { readingTime }
  for (const field of shownFields) if (article[field] !== undefined) Object.assign(picked, { [field]: article[field] })
  return picked as ShownArticle
}
