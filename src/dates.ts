import { DateTime } from 'luxon'

/**
 * A time as editors and the archives they bring write it: a date
 * (`2026-01-06`), or an RFC 3339 date-time (section 5.6) in any of its forms,
 * loosened as real archives write it:
 * - `T`, `t` or a space between date and time (RFC 3339 §5.6, note);
 * - seconds optional, and fractions of a second of any length;
 * - an offset `Z`, `z` or `±hh:mm`, or `±hhmm` as Jekyll writes it, a space
 *   before it allowed (`2013-09-14 20:46:50 -0400`, Ruby's `Time#to_s`);
 * - or no offset: the time is then read in the site's time zone, as a date is.
 * Whether the calendar has such a day is `calendarProblem`'s question.
 */
export const timePattern =
  /^(?<year>\d{4})-(?<month>\d\d)-(?<day>\d\d)(?:[Tt ](?<hour>\d\d):(?<minute>\d\d)(?::(?<second>\d\d)(?:\.(?<fraction>\d+))?)?(?: ?(?<offset>[Zz]|(?<sign>[+-])(?<offsetHour>\d\d):?(?<offsetMinute>\d\d)))?)?$/

/** The numbers a text of `timePattern`'s shape names, or `undefined` for another shape. */
function partsOf(text: string) {
  const groups = timePattern.exec(text)?.groups
  if (!groups) return undefined
  const number = (part: string | undefined) => (part === undefined ? 0 : Number(part))
  return {
    fields: {
      year: number(groups.year),
      month: number(groups.month),
      day: number(groups.day),
      hour: number(groups.hour),
      minute: number(groups.minute),
      second: number(groups.second),
      // As far as `Date` holds them: further digits are cut, never rounded up into the next second.
      millisecond: number(`${groups.fraction ?? ''}000`.slice(0, 3)),
    },
    /** Minutes east of UTC, or `undefined` for the site's time zone. */
    offset:
      groups.offset === undefined
        ? undefined
        : (groups.sign === '-' ? -1 : 1) * (number(groups.offsetHour) * 60 + number(groups.offsetMinute)),
    groups,
  }
}

/**
 * The instant an editor meant by a text of `timePattern`'s shape, already
 * validated by the schema: with an offset, as written; without one (a date
 * is its midnight), the wall-clock time in the site's time zone.
 */
export function toInstant(value: string, timeZone: string): Date {
  const parts = partsOf(value)
  if (!parts) throw new TypeError(`not a date or date-time the schema lets through: ${JSON.stringify(value)}`)
  if (parts.offset !== undefined) return new Date(DateTime.fromObject(parts.fields, { zone: 'utc' }).toMillis() - parts.offset * 60_000)
  // Around a change of offset, luxon moves a skipped time forward by the gap
  // (02:30 on a night the clocks jump from 02:00 to 03:00 is 03:30) and reads
  // a repeated one in the offset after the change.
  return DateTime.fromObject(parts.fields, { zone: timeZone }).toJSDate()
}

/** Calendar parts of an instant in a time zone: what the URL path and tag id use. */
export function calendarDate(instant: Date, timeZone: string) {
  // One format, not three: the listing asks twice an article, 20,000 times a rebuild at 10,000 articles.
  const day = DateTime.fromJSDate(instant, { zone: timeZone }).toISODate() ?? ''
  return { year: day.slice(0, 4), month: day.slice(5, 7), day }
}

/**
 * Why the date or time a text of `timePattern`'s shape names is not one the
 * calendar and clock have (`February 2026 has 28 days`), or `undefined` when
 * it is, or the text is not of that shape. `Date` would roll 30 February
 * over into March without a word.
 */
export function calendarProblem(text: string): string | undefined {
  const parts = partsOf(text)
  if (!parts) return undefined
  const { fields: { year, month, day, hour, minute, second }, groups } = parts
  if (month < 1 || month > 12) return `there is no month ${groups.month}`
  const first = DateTime.utc(year, month)
  if (day < 1 || day > (first.daysInMonth ?? 31)) return `${first.setLocale('en').toFormat('MMMM yyyy')} has ${first.daysInMonth} days`
  if (hour > 23) return `there is no hour ${groups.hour}`
  if (minute > 59) return `there is no minute ${groups.minute}`
  if (second > 59) return `there is no second ${groups.second}`
  // RFC 3339 §5.6: an offset's hours are a time-hour (00–23), its minutes a time-minute (00–59).
  if (Number(groups.offsetHour ?? 0) > 23 || Number(groups.offsetMinute ?? 0) > 59) return `there is no offset ${groups.offset}`
  return undefined
}
