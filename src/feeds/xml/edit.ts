import { imageTypes } from '../../schema.ts'
import type { FeedHistory, Tombstone } from '../model.ts'
import type { PollingHint } from '../polling.ts'
import { escapeXml } from './slots.ts'

/** RFC 5005's namespace, for `fh:archive`. */
export const historyNamespace = 'http://purl.org/syndication/history/1.0'

/** RFC 6721's namespace, for `at:deleted-entry`. */
export const tombstonesNamespace = 'http://purl.org/atompub/tombstones/1.0'

/** The RSS 1.0 Syndication module's namespace, for `sy:updatePeriod` and `sy:updateFrequency`. */
export const syndicationNamespace = 'http://purl.org/rss/1.0/modules/syndication/'

/** The feed view's file, at the site's root (src/pages/ makes it): a stylesheet alone, no script. */
export const feedViewFiles = { style: 'feed-view.css' } as const

/**
 * The view's stylesheet, at the site's root: the site's, or for a feed whose
 * interface is another language's (`FeedModel.viewLanguage`), that one's,
 * `feed-view.en.css`, so its view speaks the feed's language.
 */
export function feedViewStyleFile(language?: string): string {
  return language === undefined ? feedViewFiles.style : `feed-view.${language.toLowerCase()}.css`
}

/** What we add to an RSS or Atom document `feed` wrote, each for something `feed` cannot write. */
export interface XmlAdditions {
  /** Attributes of the root element: namespaces `feed` leaves out, Atom's `xml:lang`. Ones already there are kept. */
  root: Record<string, string>
  /** RFC 5005 links (src/feeds/archives.ts says which documents get which). */
  history?: FeedHistory
  /** RFC 6721 tombstones; Atom only, as RSS has no such element. */
  tombstones?: readonly Tombstone[]
  /** RSS only: `<ttl>` and the Syndication module's period and frequency. */
  polling?: PollingHint
  /**
   * The way from the document's folder to the site's root (`''`, `'../../'`),
   * where the feed view's stylesheet is: when given, the document reads as a
   * list in a browser (see below).
   */
  view?: string
  /** The language of the view's stylesheet when it is not the site's (`feedViewStyleFile`). */
  viewLanguage?: string
  /**
   * Atom only: each entry's `xml:lang`, in the order of the entries, where
   * it differs from the document's (`undefined` where it does not).
   */
  entryLanguages?: readonly (string | undefined)[]
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
 * `</channel>` can only be markup, and each value added goes through `slot`
 * to be escaped like any other. In this order:
 *
 * 1. The root element gets `additions.root`, and the namespaces of what
 *    follows, only in a document that uses them: `xmlns:fh` on an archive,
 *    `xmlns:at` with a tombstone, `xmlns:sy` with a polling hint.
 * 2. The channel's metadata gets, after `feed`'s own (before the first item,
 *    or with none, at the channel's end): RSS's `ttl` and `sy:` hint; RFC
 *    5005's `current`, `prev-archive` and `next-archive` links and
 *    `fh:archive`; then Atom's `at:deleted-entry` elements (RFC 6721 §3
 *    puts them among a feed's children).
 * 3. Image links get their media type: `feed` writes `image/` and the file's
 *    extension (`image/jpg`, `image/svg`), which are not media types.
 * 4. Atom entries' titles and summaries are `type="text"`, not the `type="html"`
 *    `feed` writes: they are plain text (src/feeds/model.ts), so no reader
 *    need decode them twice, a stylesheet shows them as they read (not
 *    `R&amp;D`), and the validator does not parse them as HTML.
 * 5. Atom entries in another language than the document's get `xml:lang`
 *    (RFC 4287 §2, XML 1.0 §2.12), so a reader of a site in two languages
 *    knows which each entry is in.
 * 6. With `view`, a CSS `xml-stylesheet` instruction follows the declaration.
 *
 * The view: the classic way, an XSLT stylesheet, is being removed from
 * browsers (https://chromestatus.com/feature/4709671889534976). The CSS
 * styles the feed's own elements into a legible list (src/pages/ makes it).
 * There is no script any more: an XHTML `<script>` in a feed is reported by
 * the W3C Feed Validation Service (`MisplacedXHTMLContent`), and a feed must
 * pass it without a warning; a processing instruction is not reported. The
 * reference is relative, so the view works on any host. Browsers only do
 * this for a feed served as XML (`application/xml`, as GitHub Pages serves `.xml`).
 */
export function editFeedXml(xml: string, format: keyof typeof formats, slot: (value: string) => string, additions: XmlAdditions): string {
  if (!xml.startsWith(declaration)) throw new Error(`editFeedXml: expected a document starting with ${declaration.trim()}`)
  const { root, link, first, end } = formats[format]
  const { history, view, viewLanguage } = additions
  const archive = history?.current !== undefined
  const tombstones = format === 'atom' ? (additions.tombstones ?? []) : []
  const polling = format === 'rss' ? additions.polling : undefined
  let text = addRootAttributes(xml, root, {
    ...additions.root,
    ...(archive && { 'xmlns:fh': historyNamespace }),
    ...(tombstones.length > 0 && { 'xmlns:at': tombstonesNamespace }),
    ...(polling && { 'xmlns:sy': syndicationNamespace }),
  })

  const channel = [
    ...(polling
      ? [`<ttl>${polling.ttl}</ttl>`, `<sy:updatePeriod>${polling.period}</sy:updatePeriod>`, `<sy:updateFrequency>${polling.frequency}</sy:updateFrequency>`]
      : []),
    ...(history?.current ? [`<${link} rel="current" href="${slot(history.current[format])}"/>`] : []),
    ...(history?.prevArchive ? [`<${link} rel="prev-archive" href="${slot(history.prevArchive[format])}"/>`] : []),
    ...(history?.nextArchive ? [`<${link} rel="next-archive" href="${slot(history.nextArchive[format])}"/>`] : []),
    ...(archive ? ['<fh:archive/>'] : []),
    ...tombstones.map(
      (tombstone) =>
        `<at:deleted-entry ref="${slot(tombstone.id)}" when="${tombstone.when.toISOString()}">` +
        (tombstone.reason === undefined ? '' : `<at:comment>${slot(tombstone.reason)}</at:comment>`) +
        (tombstone.url === undefined ? '' : `<link rel="alternate" type="text/html" href="${slot(tombstone.url)}"/>`) +
        '</at:deleted-entry>',
    ),
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

  if (format === 'atom') text = text.replace(/<(title|summary) type="html">/g, '<$1 type="text">')

  const languages = format === 'atom' ? (additions.entryLanguages ?? []) : []
  if (languages.some((language) => language !== undefined)) {
    let index = 0
    text = text.replace(/<entry>/g, () => {
      const language = languages[index++]
      return language === undefined ? '<entry>' : `<entry xml:lang="${escapeXml(language, true)}">`
    })
  }

  if (view === undefined) return text
  const instruction = `<?xml-stylesheet type="text/css" href="${escapeXml(view + feedViewStyleFile(viewLanguage), true)}"?>\n`
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
