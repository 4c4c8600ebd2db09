/**
 * How pages show a time: the calendar date in the site's time zone, in the
 * site's language ("6 January 2026" for `en-GB`). The same instant, zone and
 * language always give the same text, so output stays reproducible.
 */
export function displayDate(instant: Date, language: string, timeZone: string): string {
  return formatter(`${language}\0${timeZone}`, () => new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone })).format(instant)
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

/** "2 min read": reading time as news sites label it. */
export function readingTimeLabel(minutes: number): string {
  return `${minutes} min read`
}

/** "Ann Writer", "Ann Writer and Bo Reporter", "A, B, and C": the UI text is English. */
export function bylineNames(names: readonly string[]): string {
  return formatter('list', () => new Intl.ListFormat('en', { style: 'long', type: 'conjunction' })).format(names)
}
