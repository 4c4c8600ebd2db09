import type { Element } from 'hast'
import { h } from 'hastscript'
import type { Config } from '../config.ts'
import type { PreviewState } from '../shown.ts'
import { siteStrings } from '../strings/index.ts'
import { fillContent } from '../strings/format.ts'

/** What a page marks: an article a preview (`--drafts`, `--future`) shows before its time, and its date. */
export interface Marked {
  preview?: PreviewState | undefined
  date: Date
}

/**
 * The mark of an article shown before its time, on its page and in the home
 * page's headlines: "Draft — not published", or "Scheduled for 6 January
 * 2026 at 09:00" (date and time in the site's zone and language, as the time
 * matters to an embargo). Nothing for a published article, so a build that
 * is not a preview has no mark anywhere.
 */
export function previewMark(article: Marked, config: Config): Element[] {
  if (!article.preview) return []
  const strings = siteStrings(config)
  const text =
    article.preview === 'draft'
      ? [{ type: 'text' as const, value: strings.previewDraft }]
      : fillContent(strings.previewScheduled, { date: h('time', { dateTime: article.date.toISOString() }, dateAndTime(article.date, config)) })
  return [h('p.preview-mark', { role: 'note' }, [h('strong', text)])]
}

/** The marks' look, added to a page's head only when it has one: the accent colour, which meets WCAG AA in both schemes. */
export const previewStyle: Element = h(
  'style',
  '.preview-mark{display:inline-block;margin:0 0 .5rem;padding:0 .5rem;border:2px solid var(--accent);border-radius:.25rem;color:var(--accent)}',
)

const formats = new Map<string, Intl.DateTimeFormat>()

/** A date and a time of day in the site's zone and language, one formatter per both. */
function dateAndTime(instant: Date, config: Config): string {
  const key = `${config.language}\0${config.timeZone}`
  let format = formats.get(key)
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(config.language, { dateStyle: 'long', timeStyle: 'short', timeZone: config.timeZone })))
  return format.format(instant)
}
