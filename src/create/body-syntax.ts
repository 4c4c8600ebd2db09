import type { Root } from 'mdast'
import { visit } from 'unist-util-visit'

/** Syntax of the old site's build in a body: what it ran, and wirefeed will not. */
export interface Found {
  kind: 'template' | 'shortcode' | 'mdx' | 'more'
  /** The text as written. */
  text: string
  /** Offsets in the body. */
  start: number
  end: number
}

/** Hugo shortcodes: `{{< figure … >}}`, `{{% alert %}}`, and their closing forms. */
const shortcode = /\{\{<[\s\S]*?>\}\}|\{\{%[\s\S]*?%\}\}/g
/** Liquid, Nunjucks and Tera tags (`{% include x %}`) and output (`{{ page.title }}`). */
const template = /\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g
/** MDX: an `import` or `export` line, or a component (a capitalised tag). */
const mdx = /^(?:import|export)\s.*$|<[A-Z][\w.]*(?=[\s/>])/gm
/** The excerpt marker of Jekyll, Hugo, Eleventy and Zola: `<!--more-->`, `<!-- more -->`. */
const more = /<!--\s*more\s*-->/gi

/**
 * Every place in `body` (parsed as `tree`) that only the old site's build
 * understood, in order, outside code (where it is shown, not run). MDX is
 * looked for in MDX files only; there, `{{` is JavaScript, not a template.
 */
export function findBuildSyntax(body: string, tree: Root, isMdx: boolean): Found[] {
  const code: Array<[number, number]> = []
  visit(tree, (node) => {
    if ((node.type === 'code' || node.type === 'inlineCode') && node.position) {
      code.push([node.position.start.offset ?? 0, node.position.end.offset ?? 0])
    }
  })
  let text = blank(body, code)
  const found: Found[] = []
  const take = (pattern: RegExp, kind: Found['kind']) => {
    for (const match of text.matchAll(pattern)) {
      const start = match.index ?? 0
      found.push({ kind, text: body.slice(start, start + match[0].length), start, end: start + match[0].length })
    }
    // Blank what was found, so a shortcode is not also taken for a template tag.
    text = blank(text, found.map((item) => [item.start, item.end]))
  }
  take(more, 'more')
  take(shortcode, 'shortcode')
  if (isMdx) take(mdx, 'mdx')
  else take(template, 'template')
  return found.sort((a, b) => a.start - b.start)
}

/** `text` with the ranges replaced by spaces, keeping every offset and line. */
function blank(text: string, ranges: ReadonlyArray<readonly [number, number]>): string {
  let result = ''
  let at = 0
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (end <= at) continue
    const from = Math.max(start, at)
    result += text.slice(at, from) + text.slice(from, end).replace(/[^\n]/g, ' ')
    at = end
  }
  return result + text.slice(at)
}
