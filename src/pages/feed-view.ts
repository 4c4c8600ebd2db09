import { feedViewScript } from './feed-view-script.ts'
import { feedViewStyle } from './feed-view-style.ts'

/**
 * Feeds that read as a page in a browser, and as before in a news reader.
 *
 * The classic way, an XSLT `xml-stylesheet`, is being removed from browsers
 * (https://chromestatus.com/feature/4709671889534976); Chromium 156 still
 * applies it but injects a red deprecation banner. Instead each feed gets:
 *
 * - a CSS `xml-stylesheet` processing instruction, which every browser
 *   supports and nobody is removing: with JavaScript off it styles the
 *   feed's own elements into a legible list;
 * - an XHTML `<script>` element, which browsers run in any XML document (the
 *   way Chrome's own XSLT polyfill is loaded), and which turns the feed into
 *   an HTML page explaining what a feed is and how to subscribe. It builds
 *   that page with DOM methods and text nodes only: nothing from the feed is
 *   ever parsed as markup in the page.
 *
 * RSS 2.0 allows namespaced elements in `<channel>`, and Atom allows foreign
 * markup among the feed's metadata (RFC 4287 §6.4), so readers skip the
 * element; items are untouched. Both are relative references, resolved
 * against the feed's own URL, so the view works on any host.
 *
 * Browsers only do this for a feed served as XML (`application/xml`,
 * `text/xml`, as GitHub Pages serves `.xml`): Chromium shows
 * `application/rss+xml` and `application/atom+xml` as plain text, and
 * Firefox downloads them.
 */
export const feedViewFiles = { style: 'feed-view.css', script: 'feed-view.js' } as const

/** The files the processing instruction and the script element load, for the output folder. */
export function feedViewAssets(): Map<string, string> {
  return new Map([
    [feedViewFiles.style, feedViewStyle],
    [feedViewFiles.script, feedViewScript],
  ])
}

const declaration = '<?xml version="1.0" encoding="utf-8"?>\n'

/** Where the script element goes: before the first item, or, in a feed with none, at the end of the metadata. */
const anchors = {
  rss: { first: '<item>', end: '</channel>' },
  atom: { first: '<entry>', end: '</feed>' },
} as const

/**
 * `xml` (as `toRss` or `toAtom` wrote it, or as they pass it to their `edit`
 * before filling in its text) with the stylesheet instruction and the view
 * script added. `up` leads from the document's folder to the site's
 * root, where the view's files are: `''` at the root, `'../../../'` from
 * `archive/2026/01/`.
 */
export function withFeedView(xml: string, format: keyof typeof anchors, up = ''): string {
  if (!xml.startsWith(declaration)) throw new Error(`withFeedView: expected a feed starting with ${declaration.trim()}`)
  const { first, end } = anchors[format]
  // Every text in our feeds is escaped, or still a slot marker, so a literal `<item>` or `</channel>` can only be markup.
  const beforeItem = xml.indexOf(first)
  const at = beforeItem === -1 ? xml.lastIndexOf(end) : beforeItem
  if (at === -1) throw new Error(`withFeedView: no ${first} or ${end} in the ${format} feed`)
  const lineStart = xml.lastIndexOf('\n', at) + 1
  const indent = xml.slice(lineStart, at) + (beforeItem === -1 ? '    ' : '')
  const script = `${indent}<script xmlns="http://www.w3.org/1999/xhtml" src="${up}${feedViewFiles.script}"/>\n`
  const instruction = `<?xml-stylesheet type="text/css" href="${up}${feedViewFiles.style}"?>\n`
  return declaration + instruction + xml.slice(declaration.length, lineStart) + script + xml.slice(lineStart)
}
