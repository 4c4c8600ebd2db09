import { h } from 'hastscript'
import type { Config } from '../config.ts'
import { renderPage } from './layout.ts'

/**
 * `404.html`, which static hosts (GitHub Pages among them) send for any
 * missing path. It is served at whatever address was asked for, so its links
 * are absolute.
 */
export function notFoundPage(config: Config): string {
  return renderPage(config, {
    url: new URL('404.html', config.url).href,
    title: `Page not found – ${config.title}`,
    description: 'There is no page at this address.',
    absoluteLinks: true,
    head: [h('meta', { name: 'robots', content: 'noindex' })],
    main: [
      h('h1', 'Page not found'),
      h('p', [
        'There is no page at this address. It may have moved, or the link may be mistyped. ',
        'The ',
        h('a', { href: config.url }, 'home page'),
        ' lists the latest articles.',
      ]),
    ],
  })
}
