import type { ElementContent } from 'hast'
import type { CorrectionKind } from '../schema.ts'
import { fill, pluralForm, templateParts, type StringKey, type Strings } from './index.ts'

/**
 * How pages show a time: the calendar date in the site's time zone, in the
 * site's language ("6 January 2026" for `en-GB`, "6 січня 2026 р." for
 * `uk`). The same instant, zone and language always give the same text, so
 * output stays reproducible.
 */
export function displayDate(instant: Date, language: string, timeZone: string): string {
  return formatter(`date\0${language}\0${timeZone}`, () => new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone })).format(instant)
}

/**
 * One formatter per language and zone, made once. Each holds ICU data outside
 * the JavaScript heap, where the collector does not see it: one made per page
 * held 25 KB of memory until a collection that never came, about 250 MB over
 * 10,000 article pages. Making them was most of a page's date's cost too.
 */
const formatters = new Map<string, { format: (value: never) => string }>()

function formatter<F extends { format: (value: never) => string }>(key: string, make: () => F): F {
  let made = formatters.get(key) as F | undefined
  if (!made) formatters.set(key, (made = make()))
  return made
}

/**
 * The names a browser's script may know the site's zone by: as configured,
 * then, for a zone renamed since 2016, its old name, which browsers older
 * than the rename know it by (IANA's `backward` file). Scripts that show
 * dates (the feed view, `embed.js`) try them in turn. A table, not the
 * runtime's ICU, so the output is the same bytes on every Node version.
 */
export function timeZoneNames(timeZone: string): string[] {
  const old = renamedZones[timeZone]
  return old === undefined ? [timeZone] : [timeZone, old]
}

const renamedZones: Readonly<Record<string, string>> = {
  'Europe/Kyiv': 'Europe/Kiev', // tzdata 2022b
  'Pacific/Kanton': 'Pacific/Enderbury', // 2021b
  'America/Nuuk': 'America/Godthab', // 2020a
  'Asia/Yangon': 'Asia/Rangoon', // 2016b
}

/** "2 min read", "2 хвилини читання": reading time in the site's words, its plural form by the language's rules. */
export function readingTimeLabel(minutes: number, strings: Strings, language: string): string {
  const number = formatter(`number\0${language}`, () => new Intl.NumberFormat(language)).format(minutes)
  return fill(pluralForm(strings.readingTime, language, minutes), { minutes: number })
}

/** "Ann Writer and Bo Reporter", "A, B and C" (`en-GB`), "А, Б і В" (`uk`): names as a list in the site's language. */
export function bylineNames(names: readonly string[], language: string): string {
  return formatter(`list\0${language}`, () => new Intl.ListFormat(language, { style: 'long', type: 'conjunction' })).format(names)
}

/**
 * "By Ann Writer and Bo Reporter" as page content, each name the node
 * `nameNode` makes of it (a link to the author's page), the list's words
 * ("and", ", ", "і") between them as the language writes them.
 */
export function bylineContent(names: readonly string[], strings: Strings, language: string, nameNode: (name: string) => ElementContent): ElementContent[] {
  const list = formatter(`list\0${language}`, () => new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }))
  let index = 0
  const parts = list.formatToParts(names).map((part): ElementContent => {
    if (part.type === 'literal') return { type: 'text', value: part.value }
    return nameNode(names[index++] ?? part.value)
  })
  return fillContent(names.length === 1 ? strings.byline : strings.bylineSeveral, { names: parts })
}

/**
 * "January 2026", "січень 2026 р.": a month of the archive (`2026/01`) as
 * its page names it, in the site's language. The month is a calendar month
 * already (in the site's zone), so it is read in UTC.
 */
export function displayMonth(month: string, language: string): string {
  const [year, number] = month.split('/').map(Number)
  const format = formatter(`month\0${language}`, () => new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', timeZone: 'UTC' }))
  return format.format(new Date(Date.UTC(year ?? 1970, (number ?? 1) - 1, 15)))
}

/** A whole number as the language writes it: "1,234", "1 234". */
export function displayNumber(value: number, language: string): string {
  return formatter(`number\0${language}`, () => new Intl.NumberFormat(language)).format(value)
}

/** "By Ann Writer", "Автори: А і Б": the byline in the site's words. */
export function byline(names: readonly string[], strings: Strings, language: string): string {
  return fill(names.length === 1 ? strings.byline : strings.bylineSeveral, { names: bylineNames(names, language) })
}

/**
 * A template as page content: its text as text nodes (escaped when the page
 * is written), each placeholder replaced by the node given for it, such as
 * a link or a `<time>`.
 */
export function fillContent(template: string, values: Readonly<Record<string, ElementContent | readonly ElementContent[]>>): ElementContent[] {
  return templateParts(template).flatMap((part): ElementContent[] => {
    if (typeof part === 'string') return [{ type: 'text', value: part }]
    const value = values[part.name]
    if (value === undefined) return [{ type: 'text', value: `{${part.name}}` }]
    return Array.isArray(value) ? [...value] : [value as ElementContent]
  })
}

const correctionLabels = {
  correction: 'correctionLabel',
  update: 'updateLabel',
  clarification: 'clarificationLabel',
} as const satisfies Record<CorrectionKind, StringKey>

/** "Correction", "Уточнення": what pages and feeds call a kind of `corrections` entry, in the site's words. */
export function correctionLabel(kind: CorrectionKind, strings: Strings): string {
  return strings[correctionLabels[kind]]
}
