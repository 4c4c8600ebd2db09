import type { Config } from '../config.ts'
import { siteStrings } from '../strings/index.ts'
import { pageStyle } from './style.ts'

/**
 * `feed-view.css`, the feeds' `xml-stylesheet`. In an XML document an
 * unqualified selector would match feed elements too, so the default
 * namespace is XHTML: the page style below then applies only to the page
 * `feed-view.js` builds. The `rss|` and `atom|` rules are for when that script
 * does not run: they lay out the feed's own elements as a readable list,
 * under a note in the site's language (`feedWithoutScript`).
 */
export function feedViewStyle(config: Config): string {
  return template.replace('content:NOTE;', () => `content:${cssString(siteStrings(config).feedWithoutScript)};`)
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

const template = `@namespace url(http://www.w3.org/1999/xhtml);
@namespace rss "";
@namespace atom url(http://www.w3.org/2005/Atom);
${pageStyle}
.kicker{text-transform:uppercase;letter-spacing:.06em;font-size:.8125rem;font-weight:700;color:var(--accent);margin:0 0 .25rem}
.how{border:1px solid var(--rule);border-radius:.5rem;padding:0 1rem 1rem;margin:1.5rem 0}
.copy{display:flex;gap:.5rem;flex-wrap:wrap;align-items:center}
.copy input{flex:1 1 16rem;min-width:0;font:inherit;font-size:.9375rem;padding:.4rem .5rem;border:1px solid var(--muted);border-radius:.25rem;background:var(--bg);color:var(--fg)}
.copy button{font:inherit;padding:.4rem .9rem;border-radius:.25rem;border:1px solid var(--link);background:var(--link);color:var(--bg);cursor:pointer}
rss|rss,atom|feed{display:block;max-width:42rem;margin:0 auto;padding:1rem;font:1.0625rem/1.6 system-ui,sans-serif;color-scheme:light dark}
rss|channel,atom|feed{display:block}
rss|channel>*|*,atom|feed>*|*,rss|item>*|*,atom|entry>*|*{display:none}
rss|channel>rss|title,atom|feed>atom|title{display:block;font-size:2rem;font-weight:700;line-height:1.2;margin:1rem 0 .5rem}
rss|channel>rss|description,atom|feed>atom|subtitle{display:block}
rss|channel>rss|description::after,atom|feed>atom|subtitle::after{display:block;content:NOTE;margin:1rem 0;padding:1rem;border:1px solid #888;border-radius:.5rem}
rss|channel>rss|item,atom|feed>atom|entry{display:block;padding:1rem 0;border-top:1px solid #888}
rss|item>rss|title,atom|entry>atom|title{display:block;font-size:1.25rem;font-weight:700}
rss|item>rss|pubDate,atom|entry>atom|published{display:block;opacity:.8}
rss|item>rss|description,atom|entry>atom|summary{display:block}
rss|item>rss|link{display:block;overflow-wrap:anywhere}
atom|entry>atom|link:not([rel]),atom|entry>atom|link[rel=alternate]{display:block;overflow-wrap:anywhere}atom|entry>atom|link:not([rel])::after,atom|entry>atom|link[rel=alternate]::after{content:attr(href)}
`
