import { createHash } from 'node:crypto'

/**
 * One file of the site, made only when the writer asks for it: the site is
 * a stream of these, so memory holds one document at a time, never the
 * whole archive.
 */
export interface OutputFile {
  /** Relative to the output folder. */
  path: string
  /**
   * A hash of everything the content is made from, when its maker can name
   * that (an article page: its article; an archive: its feed, links and
   * articles). A file whose key is the one the last build wrote it under is
   * the same file: the writer keeps it and never calls `content`.
   */
  key?: string
  content: () => string
}

/** An output file from its content, made now or when asked for. */
export function outputFile(path: string, content: string | (() => string), key?: string): OutputFile {
  return { path, content: typeof content === 'string' ? () => content : content, ...(key !== undefined && { key }) }
}

/**
 * The key of a file made from `articles` and `parts`. Revisions carry the
 * config and the renderer's version, so a key needs at least one: with no
 * articles, or one without a revision (not made by a build, as in some
 * tests), there is no key and the file is always made.
 */
export function keyFrom(articles: readonly { revision?: string }[], ...parts: unknown[]): string | undefined {
  if (articles.length === 0) return undefined
  const hash = createHash('sha256').update(JSON.stringify(parts))
  for (const article of articles) {
    if (article.revision === undefined) return undefined
    hash.update(`\0${article.revision}`)
  }
  return hash.digest('hex')
}
