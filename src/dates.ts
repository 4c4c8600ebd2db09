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
