import type { Element, Nodes, Root } from 'xast'
import { fromXml } from 'xast-util-from-xml'
import type { VFile } from 'vfile'
import { VFileMessage } from 'vfile-message'
import { report } from './messages.ts'

/** Elements that run code or embed another document: nothing an image needs. */
const refusedElements = new Set(['script', 'foreignobject', 'iframe', 'embed', 'object', 'handler', 'listener'])

/** Attributes naming a resource: an image may point inside itself (`#id`), or embed a raster image, and nothing else. */
const referenceAttributes = new Set(['href', 'xlink:href', 'src'])
const allowedReference = /^#|^data:image\/(?:png|jpeg|gif|webp|avif);/i

/** CSS that loads something or runs script: a `url()` outside the image, `@import`, old IE's `expression()`. */
const refusedCss = /url\(\s*['"]?\s*(?!#)|@import|expression\s*\(/i

/**
 * Check an SVG image the site would publish. An SVG is a document, not just
 * a picture: opened at its own address on the site's origin (a GitHub Pages
 * site shares its owner's), its scripts run. wirefeed publishes an SVG only
 * when nothing in it runs, embeds a document or loads anything from outside;
 * anything else is refused (no attempt is made to clean it), with a message
 * at the offending node. Pure: the text is read from `file`, problems go on it.
 */
export function checkSvg(file: VFile): void {
  let tree: Root
  try {
    tree = fromXml(String(file.value))
  } catch (error) {
    const place = error instanceof VFileMessage ? error.place : undefined
    report(file, 'invalid-svg', place, { detail: error instanceof Error ? error.message : String(error) })
    return
  }
  const problems: Array<[Nodes, string]> = []
  const walk = (node: Nodes) => {
    if (node.type === 'doctype') problems.push([node, 'a document type, which may declare entities'])
    // The XML declaration (`<?xml version="1.0"?>`) is one too, and harmless.
    if (node.type === 'instruction' && node.name !== 'xml') problems.push([node, `the processing instruction \`<?${node.name}?>\``])
    if (node.type !== 'element' && node.type !== 'root') return
    if (node.type === 'element') problems.push(...elementProblems(node).map((reason): [Nodes, string] => [node, reason]))
    for (const child of node.children) walk(child)
  }
  walk(tree)
  for (const [node, what] of problems) report(file, 'unsafe-svg', node.position?.start, { what })
}

/** What in `element` itself an image may not hold. */
function elementProblems(element: Element): string[] {
  const name = element.name.toLowerCase()
  const problems: string[] = []
  if (refusedElements.has(name.replace(/^.*:/, ''))) problems.push(`a \`<${element.name}>\` element`)
  for (const [attribute, value] of Object.entries(element.attributes)) {
    const key = attribute.toLowerCase()
    if (/^on/.test(key.replace(/^.*:/, ''))) problems.push(`an event handler (\`${attribute}\`)`)
    if (referenceAttributes.has(key) && value !== undefined && value !== null && !allowedReference.test(String(value).trim())) {
      problems.push(`a reference outside the image (\`${attribute}="${value}"\`)`)
    }
    if (key === 'style' && refusedCss.test(String(value))) problems.push('a style that loads something')
    if (key === 'attributename' && /href|src/i.test(String(value))) problems.push(`an animation of \`${value}\``)
  }
  if (name === 'style' && element.children.some((child) => child.type === 'text' && refusedCss.test(child.value))) {
    problems.push('a stylesheet that loads something')
  }
  return problems
}
