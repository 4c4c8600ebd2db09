import { h } from 'hastscript'
import type { Config } from '../config.ts'
import { siteStrings } from '../strings/index.ts'
import { fillContent } from '../strings/format.ts'
import { renderPage } from './layout.ts'

/**
 * `404.html`, which static hosts (GitHub Pages among them) send for any
 * missing path. It is served at whatever address was asked for, so its links
 * are absolute.
 */
export function notFoundPage(config: Config): string {
  const strings = siteStrings(config)
  return renderPage(config, {
    url: new URL('404.html', config.url).href,
    title: `${strings.notFoundTitle} – ${config.title}`,
    description: strings.notFoundDescription,
    absoluteLinks: true,
    head: [h('meta', { name: 'robots', content: 'noindex' })],
    main: [
      h('h1', strings.notFoundTitle),
      h('p', fillContent(strings.notFoundText, { link: h('a', { href: config.url }, strings.notFoundHomeLink) })),
    ],
  })
}
