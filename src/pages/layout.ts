import type { ElementContent, Root } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { h } from 'hastscript'
import type { Config } from '../config.ts'
import { defaultIconFile } from '../site-images.ts'
import { archiveRoot } from '../feeds/archives.ts'
import { siteStrings } from '../strings/index.ts'
import { feedList } from './feed-list.ts'
import { previewMark, previewStyle, type Marked } from './preview-mark.ts'
import { fillContent } from '../strings/format.ts'
import { pageStyle } from './style.ts'
import { relativeUrl } from './urls.ts'

/** What differs between our pages; the layout supplies the rest. */
export interface PageOptions {
  /** The page's own public URL: links from it are made relative to it. */
  url: string
  /** Document title, as tabs and search results show it. */
  title: string
  /** One or two plain sentences, for search results and link previews. */
  description: string
  /** The feeds of what the page shows, offered to readers' autodiscovery before the site's (they take the first). */
  alternates?: ElementContent[]
  /** Extra `<head>` content: canonical link, social cards, structured data. */
  head?: ElementContent[]
  /** The page's main content. */
  main: ElementContent[]
  /**
   * Write links as absolute URLs. For a page served at many addresses,
   * such as the 404 page, where relative links would resolve wrongly.
   */
  absoluteLinks?: boolean
  /**
   * The front page: the masthead is the page's `h1` (the site's name, shown
   * once) with the site's description under it, its link marked as the
   * current page.
   */
  isHome?: boolean
  /** Lay the page out wider, for columns side by side on a large screen (the front page). */
  wide?: boolean
  /** In a preview, the article the page shows, when shown before its time: the page opens with its mark (src/pages/preview-mark.ts). */
  preview?: Marked
  /** Whether the page shows preview marks of its own (the home page's headlines): their style is added. */
  hasMarks?: boolean
}

/** A way to write links from one page: relative, or absolute for `absoluteLinks` pages. */
export type LinkTo = (target: string) => string

export function linkFrom(options: Pick<PageOptions, 'url' | 'absoluteLinks'>): LinkTo {
  return (target) => (options.absoluteLinks ? new URL(target).href : relativeUrl(options.url, target))
}

/**
 * A complete HTML document in the site's language, its interface text from
 * the site's strings: inline style, feed autodiscovery, masthead, main
 * content and colophon with the subscribe links. No scripts: every page
 * works without JavaScript. `raw` nodes in `main` are written as they are,
 * so they must already be safe HTML (the rendered, sanitised article body).
 */
export function renderPage(config: Config, options: PageOptions): string {
  const link = linkFrom(options)
  const feeds = feedList(config)
  const strings = siteStrings(config)
  const archive = new URL(archiveRoot, config.url).href
  const wide = options.wide ? '.wide' : ''
  return htmlDocument(config.language, options.title, [
    h('meta', { name: 'description', content: options.description }),
    h('meta', { name: 'color-scheme', content: 'light dark' }),
    ...(options.alternates ?? []),
    ...feeds.map((feed) => h('link', { rel: 'alternate', type: feed.type, title: feed.title, href: link(feed.url) })),
    ...iconLinks(config, link),
    ...(options.head ?? []),
    h('style', pageStyle),
    ...(options.preview?.preview || options.hasMarks ? [previewStyle] : []),
  ], [
    h('a.skip', { href: '#main' }, strings.skipToContent),
    h(`header.masthead${wide}`, options.isHome
      ? [h('h1.title', [h('a.brand', { href: link(config.url), ariaCurrent: 'page' }, config.title)]), h('p.tagline', config.description)]
      : [h('a.brand', { href: link(config.url) }, config.title)]),
    h(`main${wide}`, { id: 'main' }, [...(options.preview ? previewMark(options.preview, config) : []), ...options.main]),
    h(`footer.colophon${wide}`, [
      h(
        'p',
        fillContent(strings.followInReader, {
          feeds: feeds.flatMap((feed, index) => [
            ...(index > 0 ? [{ type: 'text' as const, value: ' · ' }] : []),
            h('a', { href: link(feed.url), type: feed.type }, feed.format),
          ]),
        }),
      ),
      h('p', [h('a', { href: link(archive), ...(options.url === archive && { ariaCurrent: 'page' }) }, strings.archiveLink)]),
      ...(config.copyright === undefined ? [] : [h('p', config.copyright)]),
    ]),
  ])
}

/**
 * The favicon links, so no browser asks for `/favicon.ico` (which on a
 * project site is the host's, not ours): the config's `icon`, also as the
 * apple-touch icon when it is a PNG (what iOS takes), or else the icon made
 * from the site's initials (src/site-images.ts).
 */
export function iconLinks(config: Config, link: LinkTo): ElementContent[] {
  const icon = config.siteImages?.icon
  if (!icon) return [h('link', { rel: 'icon', type: 'image/svg+xml', href: link(new URL(defaultIconFile, config.url).href) })]
  return [
    h('link', { rel: 'icon', type: icon.type, sizes: `${icon.width}x${icon.height}`, href: link(icon.url) }),
    ...(icon.type === 'image/png' ? [h('link', { rel: 'apple-touch-icon', href: link(icon.url) })] : []),
  ]
}

/**
 * The document every HTML file we publish shares: doctype, language,
 * charset, a phone-friendly viewport and a title, then `head` and `body`.
 * `raw` nodes are written as they are: only ever sanitised article HTML.
 */
export function htmlDocument(lang: string, title: string, head: ElementContent[], body: ElementContent[]): string {
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang }, [
        h('head', [
          h('meta', { charset: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('title', title),
          ...head,
        ]),
        h('body', body),
      ]),
    ],
  }
  return toHtml(tree, { allowDangerousHtml: true }) + '\n'
}
