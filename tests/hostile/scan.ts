// Test support: read what a build wrote the way a browser and a feed reader
// would, and list everything that could run script, load style, submit a
// form or navigate to a script URL. Shared by the XSS and property tests.
import { readdir, readFile } from 'node:fs/promises'
import { extname, join, relative } from 'node:path'
import type { Element, Root, RootContent } from 'hast'
import rehypeRaw from 'rehype-raw'
import { unified } from 'unified'
import { parseXml, type XmlElement } from '../helpers.ts'

const htmlParser = unified().use(rehypeRaw)

/**
 * Parse HTML as a browser does (parse5, the WHATWG algorithm, via rehype-raw),
 * so what the scan sees is what a reader's web view would build, mutations included.
 */
export function parseHtml(html: string): Root {
  const tree: Root = { type: 'root', children: [{ type: 'raw', value: html } as unknown as RootContent] }
  return htmlParser.runSync(tree) as Root
}

/** Elements that run script, load style, submit, redirect or change where links go. */
const dangerousElements = new Set([
  'applet', 'base', 'bgsound', 'embed', 'form', 'frame', 'frameset', 'iframe', 'isindex',
  'link', 'math', 'meta', 'object', 'script', 'style', 'svg', 'template', 'xml',
])

/** Attributes whose value a browser loads or navigates to (lower-cased hast property names). */
const urlAttributes = new Set([
  'action', 'archive', 'background', 'cite', 'classid', 'codebase', 'data', 'dynsrc', 'formaction',
  'href', 'icon', 'longdesc', 'lowsrc', 'manifest', 'ping', 'poster', 'profile', 'src', 'srcset', 'usemap', 'xlinkhref',
])

const safeSchemes = new Set(['http:', 'https:', 'mailto:'])

export interface ScanOptions {
  /**
   * A whole document (a page, or a feed a browser opens) rather than HTML
   * from an article: its template may load its own style and script, so
   * there `<style>`, `<meta>`, `<link>` count only when they carry `marker`,
   * and a `<script>` only when it is not the site's own (see `foreignScript`).
   */
  page?: boolean
  /** Text every hostile payload carries; found in a dangerous element, or as markup in an attribute, it leaked. */
  marker?: string
  /** The inline scripts of a build of plain articles: the template's own code (see `inlineScripts`). */
  known?: ReadonlySet<string>
}

/** Every dangerous construct in `html`, each as one readable line; empty when it is safe. */
export function findDangers(html: string, options: ScanOptions = {}): string[] {
  const found: string[] = []
  const visit = (nodes: readonly RootContent[]) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue
      inspect(node, options, found)
      visit(node.children)
      // A template's content is a separate tree in hast.
      const content = (node as Element & { content?: Root }).content
      if (content) visit(content.children)
    }
  }
  visit(parseHtml(html).children)
  return found
}

function carrier(marker: string | undefined) {
  return (text: string) => marker !== undefined && text.toLowerCase().includes(marker.toLowerCase())
}

/**
 * Why a `<script>` in a page or feed is not the site's own, or `undefined`
 * when it is. Ours load a file by relative URL and hold no text; or hold JSON
 * data (`application/ld+json`) that still parses, which article text could
 * only break by ending the element early; or hold template code: with a
 * `marker`, any code without it; else only code in `known`, the inline
 * scripts of a plain build, so nothing from the articles made it into one.
 */
function foreignScript(attributes: Record<string, string>, text: string, options: ScanOptions) {
  const carries = carrier(options.marker)
  if (carries(text) || Object.values(attributes).some(carries)) return 'carries the payload'
  const src = attributes.src
  if (src !== undefined) {
    if (URL.canParse(src) || src.startsWith('//')) return `loads ${src} from elsewhere`
    return text.trim() === '' ? undefined : 'has both a src and inline code'
  }
  if (/^application\/(ld\+)?json$/i.test(attributes.type ?? '')) {
    try {
      JSON.parse(text)
      return undefined
    } catch {
      return 'holds JSON data broken by its content'
    }
  }
  if (options.known ? options.known.has(text) : options.marker !== undefined) return undefined
  return 'holds inline code that is not the template\'s'
}

function inspect(element: Element, options: ScanOptions, found: string[]) {
  const { page = false, marker } = options
  const carries = carrier(marker)
  const tag = element.tagName.toLowerCase()
  const attributes = Object.fromEntries(
    Object.entries(element.properties).map(([name, value]) => [name.toLowerCase(), Array.isArray(value) ? value.join(' ') : String(value)]),
  )
  if (tag === 'script' && page) {
    const why = foreignScript(attributes, textOf(element), options)
    if (why) found.push(`<script> element that ${why}`)
  } else if (dangerousElements.has(tag) && (!page || carries(textOf(element)) || Object.values(attributes).some(carries))) {
    found.push(`<${tag}> element`)
  }
  for (const [key, value] of Object.entries(attributes)) {
    if (key.startsWith('on') && (!page || carries(value))) found.push(`<${tag} ${key}> event handler`)
    else if (key === 'style' && (!page || carries(value))) found.push(`<${tag} style="${value}">`)
    else if (key === 'srcdoc') found.push(`<${tag} srcdoc>`)
    else if (urlAttributes.has(key)) {
      const scheme = schemeOf(value)
      const scriptUrl = scheme === 'javascript:' || scheme === 'vbscript:' || scheme === 'livescript:'
      if (scriptUrl || (!safeSchemes.has(scheme) && (!page || carries(value)))) found.push(`<${tag} ${key}="${value}">`)
    } else if (carries(value) && value.includes('<')) {
      // Plain attribute text is inert (`<br size="&{wfxss()}">`), unless it holds markup a reader could re-parse.
      found.push(`<${tag} ${key}="${value}"> carries markup from the payload`)
    }
  }
}

/** The scheme a browser would see, after the URL parser strips controls and spaces; `invalid:` when it cannot parse. */
export function schemeOf(url: string): string {
  if (!URL.canParse(url, 'https://relative.invalid/')) return 'invalid:'
  return new URL(url, 'https://relative.invalid/').protocol
}

function textOf(element: Element): string {
  return element.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? textOf(child) : '')).join('')
}

/** The HTML as text, the way a reader shows an Atom `type="html"` title. */
export function htmlToText(html: string): string {
  const collect = (nodes: readonly RootContent[]): string =>
    nodes.map((node) => (node.type === 'text' ? node.value : node.type === 'element' ? collect(node.children) : '')).join('')
  return collect(parseHtml(html).children)
}

/** Every file under `dir`, by path relative to it. */
export async function readOutput(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const output = new Map<string, string>()
  for (const entry of entries.filter((entry) => entry.isFile())) {
    const path = join(entry.parentPath, entry.name)
    output.set(relative(dir, path), await readFile(path, 'utf8'))
  }
  return output
}

/** Atom elements with `type="html"` and RSS `description`/`content:encoded` carry HTML; the rest is text. */
function carriesHtml(element: XmlElement) {
  const type = element.attributes.type
  if (type === 'html' || type === 'xhtml') return true
  return element.uri !== 'http://www.w3.org/2005/Atom' && (element.name === 'description' || element.name === 'encoded')
}

/**
 * Scan every output file by what it is: XML (feeds) through a strict parser,
 * its HTML-bearing elements as article HTML and the document itself like a
 * page; JSON through JSON.parse, `*html` values as article HTML and URL-like
 * values by scheme; pages as whole HTML documents; any other file must not
 * contain `marker` at all. Returns `path: problem` lines. A new kind of output
 * is covered by the last rule until it gets its own.
 */
export function scanOutput(output: ReadonlyMap<string, string>, options: Omit<ScanOptions, 'page'> = {}): string[] {
  const problems: string[] = []
  const { marker } = options
  const carries = carrier(marker)
  for (const [path, content] of output) {
    const report = (problem: string) => problems.push(`${path}: ${problem}`)
    const extension = extname(path).toLowerCase()
    if (extension === '.xml') {
      const walk = (element: XmlElement) => {
        for (const [name, value] of Object.entries(element.attributes)) {
          if (carries(value)) report(`attribute ${element.name}@${name} carries the payload`)
          if (/^(href|url|src|uri)$/i.test(name) && !safeSchemes.has(schemeOf(value))) report(`${element.name}@${name}="${value}"`)
        }
        // A browser runs a script element in any XML document.
        const why = element.name === 'script' && foreignScript(element.attributes, element.text, options)
        if (why) report(`<script> element that ${why}`)
        // RSS links and sitemap locations are element text, not attributes.
        if ((element.name === 'link' || element.name === 'loc') && element.text.trim() !== '' && !safeSchemes.has(schemeOf(element.text.trim()))) {
          report(`${element.name} "${element.text.trim()}"`)
        }
        if (carriesHtml(element)) for (const danger of findDangers(element.text, { marker })) report(`${element.name}: ${danger}`)
        else if (element.name !== 'script' && carries(element.text)) report(`text of ${element.name} carries the payload`)
        element.children.forEach(walk)
      }
      walk(parseXml(content))
    } else if (extension === '.json') {
      const walk = (value: unknown, key: string) => {
        if (typeof value === 'string') {
          if (/html$/i.test(key)) for (const danger of findDangers(value, { marker })) report(`${key}: ${danger}`)
          else if (/(url|href|link|src|image|icon|avatar)$/i.test(key)) {
            if (!safeSchemes.has(schemeOf(value))) report(`${key}: "${value}"`)
          } else if (carries(value)) report(`${key} carries the payload`)
        } else if (Array.isArray(value)) value.forEach((item) => walk(item, key))
        else if (value && typeof value === 'object') for (const [name, item] of Object.entries(value)) walk(item, name)
      }
      walk(JSON.parse(content), '')
    } else if (extension === '.html' || extension === '.htm') {
      for (const danger of findDangers(content, { ...options, page: true })) report(danger)
    } else if (carries(content)) {
      report('carries the payload in a file this scan cannot parse; teach scanOutput its format')
    }
  }
  return problems
}

/** The text of every inline `<script>` in the pages and feeds of `output`: a plain build's are the template's own. */
export function inlineScripts(output: ReadonlyMap<string, string>): Set<string> {
  const found = new Set<string>()
  const collect = (nodes: readonly RootContent[]) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue
      if (node.tagName === 'script' && node.properties.src === undefined) found.add(textOf(node))
      collect(node.children)
    }
  }
  for (const [path, content] of output) {
    const extension = extname(path).toLowerCase()
    if (extension === '.html' || extension === '.htm') collect(parseHtml(content).children)
    if (extension === '.xml') {
      const walk = (element: XmlElement) => {
        if (element.name === 'script' && element.attributes.src === undefined) found.add(element.text)
        element.children.forEach(walk)
      }
      walk(parseXml(content))
    }
  }
  return found
}
