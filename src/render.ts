import type { Root as HastRoot } from 'hast'
import type { Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import rehypeRaw from 'rehype-raw'
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import rehypeAbsoluteUrls from './plugins/rehype-absolute-urls.ts'
import type { Article } from './validate.ts'

export interface RenderedArticle extends Article {
  /** The body as safe HTML with absolute URLs. */
  html: string
  /** Whole minutes at an adult reading pace, at least 1. */
  readingTime: number
}

/**
 * GitHub's sanitize schema (no scripts, styles, event handlers, iframes or
 * `javascript:` URLs) plus what news copy needs beyond it: figures.
 */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption'],
}

/**
 * Attribute text that opens or closes a raw-text element or a comment, as in
 * `<noscript><p title="</noscript><img src=x onerror=…>">`: inert where the
 * sanitizer leaves it, but hast-util-to-html writes `<` in attribute values
 * as is, so a reader that puts our HTML inside `<noscript>`, `<style>`,
 * `<textarea>` or a comment would see live markup (mutation XSS), and a
 * naive filter would see `<script` in our output. No real title or alt text
 * needs these sequences.
 */
const breakout = /<\/?(?:iframe|noembed|noframes|noscript|plaintext|script|style|template|textarea|title|xmp)|<!--|-->/i

/** Drop every attribute whose text could break out of a raw-text context, as DOMPurify does. */
function rehypeDropBreakouts() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node) => {
      for (const [name, value] of Object.entries(node.properties)) {
        if (breakout.test(Array.isArray(value) ? value.join(' ') : String(value))) delete node.properties[name]
      }
    })
  }
}

const toHtml = unified()
  // Raw HTML is parsed into real nodes so the sanitizer judges it, instead of passing it through.
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeDropBreakouts)
  .freeze()
const stringify = unified().use(rehypeStringify).freeze()

/** Words per minute used for reading time; a common figure for news prose. */
const wordsPerMinute = 230
const words = new Intl.Segmenter(undefined, { granularity: 'word' })

/** Render an article's body to safe HTML and compute its reading time. Pure: no disk, no clock. */
export function renderArticle(article: Article): RenderedArticle {
  const processor = toHtml().use(rehypeAbsoluteUrls, { base: article.url })
  // remark-rehype builds a new tree: the validated mdast is read, never changed.
  const hast = processor.runSync(article.tree, article.file) as HastRoot
  return { ...article, html: stringify.stringify(hast), readingTime: readingTime(article.tree) }
}

/** Count words with Intl's segmenter, so scripts without spaces count too. */
export function readingTime(tree: Root): number {
  let count = 0
  for (const segment of words.segment(toString(tree))) if (segment.isWordLike) count++
  return Math.max(1, Math.round(count / wordsPerMinute))
}
