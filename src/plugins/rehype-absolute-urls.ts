import type { Element, Root } from 'hast'
import { visit } from 'unist-util-visit'

export interface Options {
  /** The absolute URL relative references are resolved against: the article's own URL. */
  base: string
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
export default function rehypeAbsoluteUrls(options: Options) {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      for (const property of urlProperties[node.tagName] ?? []) {
        const value = node.properties[property]
        if (typeof value !== 'string') continue
        node.properties[property] = URL.canParse(value, options.base) ? new URL(value, options.base).href : undefined
      }
    })
  }
}
