import { imageTypes } from '../../schema.ts'
import type { FeedHistory } from '../model.ts'
import { escapeXml } from './slots.ts'

/** RFC 5005's namespace, for `fh:archive`. */
export const historyNamespace = 'http://purl.org/syndication/history/1.0'

/** The feed view's files, at the site's root (src/pages/feed-view/ makes them). */
export const feedViewFiles = { style: 'feed-view.css', script: 'feed-view.js' } as const

/** What we add to an RSS or Atom document `feed` wrote, each for something `feed` cannot write. */
export interface XmlAdditions {
  /** Attributes of the root element: namespaces `feed` leaves out, Atom's `xml:lang`. Ones already there are kept. */
  root: Record<string, string>
  /** RFC 5005 links (src/feeds/archives.ts says which documents get which). */
  history?: FeedHistory
  /**
   * The way from the document's folder to the site's root (`''`, `'../../'`),
   * where the feed view's files are: when given, the document reads as a
   * page in a browser (see below).
   */
  view?: string
}

const formats = {
  rss: { root: 'rss', link: 'atom:link', first: '<item>', end: '</channel>' },
  atom: { root: 'feed', link: 'link', first: '<entry>', end: '</feed>' },
} as const

const declaration = '<?xml version="1.0" encoding="utf-8"?>\n'

/**
 * The one place that edits the text `feed`@6 writes, which has no option
 * for any of this. Called before the slots are filled (src/feeds/xml/slots.ts),
 * so every free text is still a marker: a literal `<item>`, `<entry>` or
 * `</channel>` can only be markup, and each `href` added goes through `slot`
 * to be escaped like any other value. In this order:
 *
 * 1. The root element gets `additions.root`, and `xmlns:fh` on an archive.
 * 2. The channel's metadata gets, after `feed`'s own (before the first item,
 *    or with none, at the channel's end): RFC 5005's `current` and
 *    `prev-archive` links and `fh:archive`; then, with `view`, an XHTML
 *    `<script>` element (RSS 2.0 allows namespaced elements in `<channel>`,
 *    Atom foreign markup among the feed's metadata, RFC 4287 §6.4, so readers
 *    skip it).
 * 3. Image links get their media type: `feed` writes `image/` and the file's
 *    extension (`image/jpg`, `image/svg`), which are not media types.
 * 4. With `view`, a CSS `xml-stylesheet` instruction follows the declaration.
 *
 * The view: the classic way, an XSLT stylesheet, is being removed from
 * browsers (https://chromestatus.com/feature/4709671889534976). Instead the
 * CSS styles the feed's own elements into a legible list, and the script,
 * which browsers run in any XML document, turns the document into a page
 * that explains what a feed is and how to follow it (src/pages/feed-view/).
 * Both are relative references, so the view works on any host. Browsers
 * only do this for a feed served as XML (`application/xml`, as GitHub Pages
 * serves `.xml`).
 */
export function editFeedXml(xml: string, format: keyof typeof formats, slot: (value: string) => string, additions: XmlAdditions): string {
  if (!xml.startsWith(declaration)) throw new Error(`editFeedXml: expected a document starting with ${declaration.trim()}`)
  const { root, link, first, end } = formats[format]
  const { history, view } = additions
  const archive = history?.current !== undefined
  let text = addRootAttributes(xml, root, { ...additions.root, ...(archive && { 'xmlns:fh': historyNamespace }) })

  const channel = [
    ...(history?.current ? [`<${link} rel="current" href="${slot(history.current[format])}"/>`] : []),
    ...(history?.prevArchive ? [`<${link} rel="prev-archive" href="${slot(history.prevArchive[format])}"/>`] : []),
    ...(archive ? ['<fh:archive/>'] : []),
    ...(view === undefined ? [] : [`<script xmlns="http://www.w3.org/1999/xhtml" src="${slot(view + feedViewFiles.script)}"/>`]),
  ]
  if (channel.length > 0) {
    const beforeItem = text.indexOf(first)
    const at = beforeItem === -1 ? text.lastIndexOf(end) : beforeItem
    if (at === -1) throw new Error(`editFeedXml: no ${first} or ${end} in the ${format} document`)
    const lineStart = text.lastIndexOf('\n', at) + 1
    const indent = text.slice(lineStart, at) + (beforeItem === -1 ? '    ' : '')
    text = text.slice(0, lineStart) + channel.map((element) => `${indent}${element}\n`).join('') + text.slice(lineStart)
  }

  text = text.replace(/ type="image\/([^"]*)"/g, (whole, extension: string) => {
    const type = imageTypes[extension.toLowerCase() as keyof typeof imageTypes]
    return type ? ` type="${type}"` : whole
  })

  if (view === undefined) return text
  const instruction = `<?xml-stylesheet type="text/css" href="${escapeXml(view + feedViewFiles.style, true)}"?>\n`
  return declaration + instruction + text.slice(declaration.length)
}

/** `xml` with `attributes` added to the root element's start tag, but for those it has. */
function addRootAttributes(xml: string, root: string, attributes: Record<string, string>): string {
  const start = xml.indexOf(`<${root}`)
  const end = xml.indexOf('>', start)
  const tag = xml.slice(start, end)
  const added = Object.entries(attributes)
    .filter(([name]) => !tag.includes(` ${name}=`))
    .map(([name, value]) => ` ${name}="${escapeXml(value, true)}"`)
    .join('')
  return xml.slice(0, end) + added + xml.slice(end)
}
