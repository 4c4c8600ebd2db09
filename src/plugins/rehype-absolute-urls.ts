import type { Element, Root } from 'hast'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'

export interface Options {
  /** The absolute URL relative references are resolved against; default: `file.data.base`, the article's own URL. */
  base?: string
}

declare module 'vfile' {
  interface DataMap {
    /** The article's URL, which its relative links are resolved against. */
    base: string
  }
}

/** URL-valued properties, by element: what a reader fetches or follows. */
const urlProperties: Record<string, readonly string[]> = {
  a: ['href'],
  area: ['href'],
  audio: ['src'],
  blockquote: ['cite'],
  del: ['cite'],
  img: ['src'],
  ins: ['cite'],
  q: ['cite'],
  source: ['src'],
  track: ['src'],
  video: ['src', 'poster'],
}

/**
 * Make every relative `href`/`src` absolute against `base`: feed readers show
 * content away from our site, where a relative link leads nowhere.
 * A value that cannot be resolved is dropped rather than published broken.
 */
export default function rehypeAbsoluteUrls(options: Options = {}) {
  return (tree: Root, file?: VFile) => {
    const base = options.base ?? file?.data.base
    if (base === undefined) throw new Error('rehype-absolute-urls needs a base URL: options.base or file.data.base')
    visit(tree, 'element', (node: Element) => {
      for (const property of urlProperties[node.tagName] ?? []) {
        const value = node.properties[property]
        if (typeof value !== 'string') continue
        node.properties[property] = URL.canParse(value, base) ? new URL(value, base).href : undefined
      }
    })
  }
}
