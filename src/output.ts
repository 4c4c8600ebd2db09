import type { ShownArticle } from './shown.ts'

/**
 * One file of the site, made only when the writer asks for it: the site is
 * a stream of these, so memory holds one document at a time, never the
 * whole archive.
 */
export interface OutputFile {
  /** Relative to the output folder, with `/`. */
  path: string
  content: () => string
  /** What the content is made of, when its maker can say. */
  madeOf?: MadeOf
}

/**
 * Everything a file's content depends on: two files made of the same are
 * the same file. A build that knows what each article was made from can so
 * tell, without making it again, that a file is the one it wrote last time
 * (src/engine/).
 */
export interface MadeOf {
  /** The articles it shows. */
  articles: readonly ShownArticle[]
  /** Whether it shows them whole, or as teasers (all but the body). */
  whole: boolean
  /** Everything else it is made from, as JSON data: its path, its feed, its links. */
  with: unknown
}

/**
 * The manifest, the output's last file: a hash of all the others, which the
 * publish job compares with the live site's (src/engine/commit.ts makes it).
 */
export const manifestFile = 'build.json'

/** An output file from its content, made now or when asked for. */
export function outputFile(path: string, content: string | (() => string), madeOf?: MadeOf): OutputFile {
  return { path, content: typeof content === 'string' ? () => content : content, ...(madeOf && { madeOf }) }
}
