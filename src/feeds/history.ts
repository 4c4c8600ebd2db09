import type { FeedHistory } from './build.ts'
import { addRootAttributes } from './xml-slots.ts'

/** RFC 5005's namespace, for `fh:archive`. */
export const historyNamespace = 'http://purl.org/syndication/history/1.0'

/** Where the channel's metadata ends in each format: before the first item, or, with none, before the closing tag. */
const anchors = {
  rss: { root: 'rss', link: 'atom:link', first: '<item>', end: '</channel>' },
  atom: { root: 'feed', link: 'link', first: '<entry>', end: '</feed>' },
} as const

/**
 * Add RFC 5005's links (`current`, `prev-archive`) and `<fh:archive/>` to an
 * RSS or Atom document `feed`@6 wrote. `feed` has no option for custom
 * channel elements (in RSS it writes only the `atom:link`s it knows, in Atom
 * only its own `link`s), so, like `addRootAttributes`, this edits the document
 * it wrote: the elements go at the end of the channel's metadata, and the
 * `fh` namespace on the root of an archive.
 *
 * Call it before `fill`: every free text is still a slot marker, so the first
 * `<item>`/`<entry>` is the first item, and each `href` is passed through
 * `slot`, so `fill` escapes it like any other attribute value.
 */
export function addFeedHistory(
  xml: string,
  format: keyof typeof anchors,
  history: FeedHistory | undefined,
  slot: (value: string) => string,
): string {
  if (!history || (!history.current && !history.prevArchive)) return xml
  const { root, link, first, end } = anchors[format]
  const beforeItem = xml.indexOf(first)
  const at = beforeItem === -1 ? xml.lastIndexOf(end) : beforeItem
  if (at === -1) throw new Error(`addFeedHistory: no ${first} or ${end} in the ${format} document`)
  const lineStart = xml.lastIndexOf('\n', at) + 1
  const indent = xml.slice(lineStart, at) + (beforeItem === -1 ? '    ' : '')
  const elements = [
    ...(history.current ? [`<${link} rel="current" href="${slot(history.current[format])}"/>`] : []),
    ...(history.prevArchive ? [`<${link} rel="prev-archive" href="${slot(history.prevArchive[format])}"/>`] : []),
    ...(history.current ? ['<fh:archive/>'] : []),
  ]
  const added = xml.slice(0, lineStart) + elements.map((element) => `${indent}${element}\n`).join('') + xml.slice(lineStart)
  return history.current ? addRootAttributes(added, root, { 'xmlns:fh': historyNamespace }) : added
}
