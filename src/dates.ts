import { DateTime } from 'luxon'

/**
 * The instant an editor meant: a date-time with offset as written, a bare date
 * as midnight in the site's time zone. Input is already validated by the schema.
 */
export function toInstant(value: string, timeZone: string): Date {
  return DateTime.fromISO(value, { zone: timeZone }).toJSDate()
}

/** Calendar parts of an instant in a time zone: what the URL path and tag id use. */
export function calendarDate(instant: Date, timeZone: string) {
  const local = DateTime.fromJSDate(instant, { zone: timeZone })
  return { year: local.toFormat('yyyy'), month: local.toFormat('MM'), day: local.toISODate() ?? '' }
}

/**
 * Why the date a `yyyy-mm-dd` or `yyyy-mm-ddThh:mm[:ss]` text names is not one
 * the calendar has (`February 2026 has 28 days`), or `undefined` when it is,
 * or the text is not of that shape. `Date` would roll 30 February over into
 * March without a word.
 */
export function calendarProblem(text: string): string | undefined {
  const match = /^(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d)(?::(\d\d))?)?/.exec(text)
  if (!match) return undefined
  const [year, month, day, hour = 0, minute = 0, second = 0] = match.slice(1).map((part) => (part === undefined ? undefined : Number(part))) as number[]
  if (month === undefined || month < 1 || month > 12) return `there is no month ${match[2]}`
  const first = DateTime.utc(year as number, month)
  if (day === undefined || day < 1 || day > (first.daysInMonth ?? 31)) return `${first.setLocale('en').toFormat('MMMM yyyy')} has ${first.daysInMonth} days`
  if (hour > 23) return `there is no hour ${match[4]}`
  if (minute > 59) return `there is no minute ${match[5]}`
  if (second > 59) return `there is no second ${match[6]}`
  return undefined
}
