// Test support: our HTML read back by a real HTML5 parser (parse5, through rehype-raw), and lookups into it.
import type { Element, Nodes, Root } from 'hast'
import rehypeRaw from 'rehype-raw'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'

const parser = unified().use(rehypeRaw).freeze()

/** Parse a whole document as a browser would (a leading doctype node puts parse5 in document mode). */
export function parseHtml(html: string): Root {
  return parser.runSync({ type: 'root', children: [{ type: 'doctype' }, { type: 'raw', value: html }] }) as Root
}

/** Every element named `tagName` matching `where`, in document order. */
export function all(tree: Nodes, tagName: string, where: (element: Element) => boolean = () => true): Element[] {
  const found: Element[] = []
  visit(tree, 'element', (element: Element) => {
    if (element.tagName === tagName && where(element)) found.push(element)
  })
  return found
}

/** The one element named `tagName` matching `where`; throws unless there is exactly one. */
export function one(tree: Nodes, tagName: string, where?: (element: Element) => boolean): Element {
  const found = all(tree, tagName, where)
  if (found.length !== 1) throw new Error(`expected one <${tagName}>, found ${found.length}`)
  return found[0] as Element
}

/** An element's text content, as `textContent` gives it. */
export function text(node: Nodes): string {
  if (node.type === 'text') return node.value
  return 'children' in node ? node.children.map((child) => text(child)).join('') : ''
}

/** `<meta property|name=key>`'s content, or undefined. */
export function meta(tree: Root, key: string): string | undefined {
  const found = all(tree, 'meta', (element) => element.properties.property === key || element.properties.name === key)
  return found[0]?.properties.content as string | undefined
}

/** Whether an element has a class. */
export function hasClass(element: Element, name: string): boolean {
  return ((element.properties.className as string[] | undefined) ?? []).includes(name)
}
