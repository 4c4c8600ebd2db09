import type { VFile } from 'vfile'
import type { Config } from './config.ts'
import { lintArticle } from './lint.ts'
import { checkPlaceholders } from './placeholders.ts'
import { renderBody, type RenderedBody } from './render.ts'
import { isShown, type Preview } from './shown.ts'
import { report } from './messages.ts'
import { maxNesting, validateArticle, type Article } from './validate.ts'

/**
 * What one source gives: its article when it is valid, and its body
 * rendered when the article is published at the build's "now" (a draft or
 * an embargoed article is not rendered yet). Problems are messages on the file.
 */
export interface Analysis {
  article?: Article
  body?: RenderedBody
}

/** Whether `article` is out at `now`: not a draft, and dated at or before it. */
export function isPublished(article: Pick<Article, 'draft' | 'date'>, now: Date): boolean {
  return !article.draft && article.date <= now
}

/**
 * Validate, lint and render one source. The unit of work of a build,
 * whichever thread does it: it reads only its arguments and returns plain
 * data (and messages on `file`).
 */
export function analyseSource(file: VFile, config: Config, now: Date, preview?: Preview): Analysis {
  try {
    const valid = validateArticle(file, config)
    if (!valid) return {}
    const { article, tree } = valid
    checkPlaceholders(article, tree)
    lintArticle(article, tree)
    // A preview (`preview`) renders the drafts and scheduled articles it shows too.
    return isShown(article, now, preview) ? { article, body: renderBody(tree, article.url, file) } : { article }
  } catch (error) {
    // The nesting limit keeps every known source well within the stack; should one still exhaust
    // it, the verdict is the same, whatever thread (and so whatever stack) analysed it.
    if (!(error instanceof RangeError && /call stack/.test(error.message))) throw error
    report(file, 'too-deeply-nested', { line: 1, column: 1 }, { limit: maxNesting })
    return {}
  }
}
