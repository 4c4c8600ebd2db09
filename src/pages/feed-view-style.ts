import type { Config } from '../config.ts'
import { defaultIconFile } from '../site-images.ts'
import { fill, siteStrings } from '../strings/index.ts'

/**
 * `feed-view.css`, the feeds' `xml-stylesheet`: what a person who opens
 * `feed.xml` or `atom.xml` in a browser sees. CSS alone lays the feed's own
 * elements out as a page: what kind of feed it is (`feedKicker`), the site's
 * icon and the feed's title, its description, a note on what a feed is and
 * how to follow it (`feedWithoutScript`, `feedReaderHelp`), then its items
 * (`latestArticles`), each with its headline, standfirst and address.
 *
 * Why CSS alone: Chrome is removing XSLT (deprecated in Chrome 143, off from
 * Chrome 155 in November 2026: developer.chrome.com/docs/web-platform/deprecating-xslt),
 * and an XHTML `<script>` in a feed is a W3C Feed Validation Service warning
 * (src/feeds/xml/edit.ts). So nothing runs, and what CSS cannot do is not done:
 * links are shown as text (an XML element is not a link), and dates are not
 * shown, since RSS's are English ("Fri, 09 Jan 2026 … GMT") and both formats'
 * are in UTC, a day off for an article published after midnight in the
 * site's zone; the article pages date everything.
 *
 * Every text the view shows besides the feed's own is one of the site's
 * strings, put in `content:` at build time: the view speaks the site's
 * language, whatever the visitor's; a language's feeds have their own view
 * in that language when wirefeed has its strings (`feed-view.en.css`, made
 * with `inLanguage`'s config).
 */
export function feedViewStyle(config: Config): string {
  const strings = siteStrings(config)
  // The site's icon before the feed's title: the config's, or the one made from the initials. Relative to
  // this stylesheet, at the site's root, so it loads from wherever the site is served.
  const icon = config.siteImages?.icon ? config.siteImages.icon.url.slice(config.url.length) : defaultIconFile
  const texts: Record<string, string> = {
    RSS_KICKER: cssString(fill(strings.feedKicker, { format: 'RSS' })),
    ATOM_KICKER: cssString(fill(strings.feedKicker, { format: 'Atom' })),
    NOTE: `${cssString(strings.feedWithoutScript)} "\\a\\a" ${cssString(strings.feedReaderHelp)}`,
    LATEST: cssString(strings.latestArticles),
  }
  return template
    .replace(/content:([A-Z_]+);/g, (whole, name: string) => (name in texts ? `content:${texts[name]};` : whole))
    .replace('url(ICON)', () => `url(${cssString(icon)})`)
}

/**
 * Text as a CSS string, every character outside printable ASCII (and `"`,
 * `\\`) as a hex escape: it cannot end the string, and reads the same
 * whatever charset the host sends the stylesheet with.
 */
export function cssString(text: string): string {
  const escaped = [...text].map((character) =>
    /^[\x20-\x7e]$/.test(character) && character !== '"' && character !== '\\'
      ? character
      : `\\${(character.codePointAt(0) ?? 0).toString(16)} `,
  )
  return `"${escaped.join('')}"`
}

// The pages' colours (src/pages/style.ts), which meet WCAG AA in both schemes.
// `rss|` is RSS's elements (no namespace), `atom|` Atom's; nothing else is shown.
// An item is a column whose address (`order:1`) comes after its standfirst.
const template = `@namespace rss "";
@namespace atom url(http://www.w3.org/2005/Atom);
:root{color-scheme:light dark;--fg:#1b1b1b;--bg:#fff;--muted:#555;--rule:#d8d8d8;--accent:#b3261e}
@media (prefers-color-scheme:dark){:root{--fg:#ececec;--bg:#141414;--muted:#b0b0b0;--rule:#3a3a3a;--accent:#f2b8b5}}
rss|rss,atom|feed{display:block;max-width:42rem;margin:0 auto;padding:1rem;background:var(--bg);color:var(--fg);font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;overflow-wrap:break-word}
rss|channel{display:block}
rss|channel>*|*,atom|feed>*|*,rss|item>*|*,atom|entry>*|*{display:none}
rss|channel::before,atom|feed::before{display:block;margin:1rem 0 .25rem;color:var(--accent);font-size:.8125rem;font-weight:700;letter-spacing:.06em;text-transform:uppercase}
rss|channel::before{content:RSS_KICKER;}
atom|feed::before{content:ATOM_KICKER;}
rss|channel>rss|title,atom|feed>atom|title{display:block;margin:0 0 .5rem;font-size:2rem;font-weight:700;line-height:1.2}
rss|channel>rss|title::before,atom|feed>atom|title::before{content:"";display:inline-block;width:2.5rem;height:2.5rem;margin-right:.75rem;vertical-align:-.375rem;border-radius:.375rem;background:url(ICON) center/contain no-repeat}
rss|channel>rss|description,atom|feed>atom|subtitle{display:block;font-size:1.25rem}
rss|channel>rss|description::after,atom|feed>atom|subtitle::after{display:block;content:NOTE;white-space:pre-line;margin:1.5rem 0;padding:1rem;border:1px solid var(--rule);border-radius:.5rem;font-size:1rem}
rss|channel>rss|item,atom|feed>atom|entry{display:flex;flex-direction:column;padding:1rem 0;border-bottom:1px solid var(--rule)}
rss|channel>rss|item:first-of-type::before,atom|feed>atom|entry:first-of-type::before{display:block;content:LATEST;margin:0 0 1rem;font-size:1.5rem;font-weight:700;line-height:1.2}
rss|item>rss|title,atom|entry>atom|title{display:block;font-size:1.25rem;font-weight:700;line-height:1.3}
rss|item>rss|description,atom|entry>atom|summary{display:block;margin:.25rem 0}
rss|item>rss|link{display:block;order:1;color:var(--muted);font-size:.9375rem;overflow-wrap:anywhere}
atom|entry>atom|link:not([rel]),atom|entry>atom|link[rel=alternate]{display:block;order:1;color:var(--muted);font-size:.9375rem;overflow-wrap:anywhere}
atom|entry>atom|link:not([rel])::after,atom|entry>atom|link[rel=alternate]::after{content:attr(href)}
`
