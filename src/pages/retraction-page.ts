import { h } from 'hastscript'
import type { Config } from '../config.ts'
import type { Retraction } from '../ids.ts'
import { siteStrings } from '../strings/index.ts'
import { displayDate, fillContent } from '../strings/format.ts'
import { renderPage } from './layout.ts'

/**
 * The notice at a retracted article's URL (#19), where its page was, for
 * readers who follow an old link or a reader app's copy of the item: that
 * it was retracted, when (dated as pages date everything, in the site's
 * zone and language), why when the config says, and a link home. It names
 * neither the headline nor the text, which the newsroom withdrew.
 *
 * `noindex`, so search engines drop the URL rather than list the notice.
 * A static host serves it with status 200: GitHub Pages cannot send 410
 * Gone, and `noindex` is what removes the URL from results either way.
 */
export function retractionPage(retraction: Retraction & { url: string }, config: Config): string {
  const strings = siteStrings(config)
  const dated = retraction.at
    ? fillContent(strings.retractedOn, {
        date: h('time', { dateTime: retraction.at.toISOString() }, displayDate(retraction.at, config.language, config.timeZone)),
      })
    : [{ type: 'text' as const, value: strings.retractedUndated }]
  const reason = retraction.reason === undefined ? undefined : fillContent(strings.retractedReason, { reason: { type: 'text', value: retraction.reason } })
  return renderPage(config, {
    url: retraction.url,
    title: `${strings.retractedTitle} – ${config.title}`,
    description: strings.retractedUndated,
    head: [h('meta', { name: 'robots', content: 'noindex' })],
    main: [
      h('div.retraction', [
        h('h1', strings.retractedTitle),
        h('p', dated),
        ...(reason ? [h('p', reason)] : []),
      ]),
      h('p', fillContent(strings.retractedHome, { link: h('a', { href: config.url }, strings.notFoundHomeLink) })),
    ],
  })
}
