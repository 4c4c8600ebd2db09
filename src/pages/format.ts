/**
 * How pages show a time: the calendar date in the site's time zone, in the
 * site's language ("6 January 2026" for `en-GB`). The same instant, zone and
 * language always give the same text, so output stays reproducible.
 */
export function displayDate(instant: Date, language: string, timeZone: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone }).format(instant)
}

/** "2 min read": reading time as news sites label it. */
export function readingTimeLabel(minutes: number): string {
  return `${minutes} min read`
}

/** "Ann Writer", "Ann Writer and Bo Reporter", "A, B, and C": the UI text is English. */
export function bylineNames(names: readonly string[]): string {
  return new Intl.ListFormat('en', { style: 'long', type: 'conjunction' }).format(names)
}
