import type { Article } from './validate.ts'

/** The fields of a published article that pages and feeds show. */
const shownFields = ['id', 'url', 'title', 'summary', 'authors', 'date', 'updated', 'corrections', 'tags', 'section', 'image', 'lang', 'translationOf', 'feed'] as const

/**
 * What readers see of a published article: plain data, the same on every
 * thread (a build's worker threads are sent it to make pages and feeds).
 * Not its body's HTML, which pages and feeds ask for when they write it
 * (see `BodyOf`), so memory holds one document's, not the site's.
 */
export type ShownArticle = Pick<Article, (typeof shownFields)[number]> & {
  /** Whole minutes at an adult reading pace (see `renderBody`). */
  readingTime: number
  /** In a preview (`Preview`), an article shown before its time: its pages say so. */
  preview?: PreviewState
  /**
   * The size in pixels of each of its body's images that the site has and
   * whose bytes were read, by absolute URL: its page gives them `width` and
   * `height` (src/pages/image-sizes.ts), so the text does not jump as they load.
   */
  bodyImages?: Record<string, { width: number; height: number }>
}

/**
 * What a preview shows besides what is published (`--drafts`, `--future`):
 * drafts, whatever their date, and articles dated after "now". Never a
 * publication: such a build writes a preview folder, and records nothing as published.
 */
export interface Preview {
  drafts?: boolean
  future?: boolean
}

/** How a preview marks an article shown before its time: a draft, or scheduled for its date. */
export type PreviewState = 'draft' | 'scheduled'

/** How `preview` shows `article` at `now`: as a draft, as scheduled, or not at all (it is published, or not previewed). */
export function previewState(article: Pick<Article, 'draft' | 'date'>, now: Date, preview: Preview | undefined): PreviewState | undefined {
  if (article.draft) return preview?.drafts ? 'draft' : undefined
  return preview?.future && article.date > now ? 'scheduled' : undefined
}

/** Whether `article` is shown at `now`: published (as `isPublished` in src/analyse.ts says), or previewed. */
export function isShown(article: Pick<Article, 'draft' | 'date'>, now: Date, preview?: Preview): boolean {
  return (!article.draft && article.date <= now) || previewState(article, now, preview) !== undefined
}

/** The body of a shown article as safe HTML (see `renderBody`). */
export type BodyOf = (article: ShownArticle) => string

/** `article` as readers see it, taking `readingTime` minutes to read; marked when a preview shows it before its time. */
export function shown(article: Article, readingTime: number, preview?: PreviewState): ShownArticle {
  const picked: Record<string, unknown> = { readingTime }
  if (preview) picked.preview = preview
  // Assigned in place: every rebuild makes one per article, and `Object.assign` of a new object per field took twice as long (10,000: 20 ms against 6–12).
  for (const field of shownFields) if (article[field] !== undefined) picked[field] = article[field]
  return picked as ShownArticle
}
