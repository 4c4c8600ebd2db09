import type { Root as HastRoot } from 'hast'
import type { Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import rehypeRaw from 'rehype-raw'
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import remarkRehype from 'remark-rehype'
import { unified, type Processor } from 'unified'
import { EXIT, visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import rehypeAbsoluteUrls from './plugins/rehype-absolute-urls.ts'

/** An article's body, rendered. */
export interface RenderedBody {
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

/**
 * Drop every attribute whose text could break out of a raw-text context, as
 * DOMPurify does. Attribute text comes from the source as it is, or from a
 * character reference (`&lt;`): a source without `<`, `&` or `-->` has none.
 */
function rehypeDropBreakouts() {
  return (tree: HastRoot, file: VFile) => {
    if (!/[<&]|-->/.test(String(file.value))) return
    visit(tree, 'element', (node) => {
      for (const [name, value] of Object.entries(node.properties)) {
        if (breakout.test(Array.isArray(value) ? value.join(' ') : String(value))) delete node.properties[name]
      }
    })
  }
}

/**
 * Raw HTML is parsed into real nodes so the sanitizer judges it, instead of
 * passing it through. Re-parsing the whole tree costs as much as rendering
 * it, and most articles have no raw HTML: only run it when there is some,
 * which there cannot be in a source without `<`.
 */
function rehypeRawWhenNeeded(this: Processor) {
  const raw = rehypeRaw.call(this as never) as (tree: HastRoot, file: VFile) => HastRoot
  return (tree: HastRoot, file: VFile) => {
    if (!String(file.value).includes('<')) return undefined
    let found = false
    visit(tree, 'raw', () => {
      found = true
      return EXIT
    })
    return found ? raw(tree, file) : undefined
  }
}

const toHtml = unified()
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRawWhenNeeded)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeDropBreakouts)
  .use(rehypeAbsoluteUrls)
  .use(rehypeStringify)
  .freeze()

/**
 * Render an article's body (`tree`, from `file`) to safe HTML whose links
 * are absolute against `url`, the article's own, and count its reading
 * time. Pure: no disk, no clock.
 */
export function renderBody(tree: Root, url: string, file: VFile): RenderedBody {
  // The base for relative links travels with the file: one frozen processor serves every article.
  file.data.base = url
  // remark-rehype builds a new tree: the validated mdast is read, never changed.
  const hast = toHtml.runSync(tree, file) as HastRoot
  return { html: toHtml.stringify(hast), readingTime: readingTime(tree) }
}

/** Words per minute used for reading time; a common figure for news prose. */
const wordsPerMinute = 230

/**
 * A word is a run of letters or digits; in scripts written without spaces
 * (Chinese, Japanese) each character counts as one. (Intl.Segmenter is exact
 * but took three quarters of the rendering time.)
 */
const word = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}][\p{L}\p{M}\p{N}'’]*/gu

export function readingTime(tree: Root): number {
  const count = toString(tree).match(word)?.length ?? 0
  return Math.max(1, Math.round(count / wordsPerMinute))
}
