import { parse } from 'yaml'

/**
 * How often a reader should fetch a document again: RSS 2.0's `<ttl>` (in
 * minutes) and the RSS 1.0 Syndication module's `sy:updatePeriod` and
 * `sy:updateFrequency` (so many times a period), which readers that ignore
 * one may read the other of.
 */
export interface PollingHint {
  ttl: number
  period: 'hourly' | 'daily' | 'weekly' | 'monthly' | 'yearly'
  frequency: number
}

/**
 * The hint of an archive of a past month. RFC 5005 §4 has archive documents
 * keep their contents, so readers may keep a copy for good; wirefeed changes
 * one only for a correction, a retraction or a back-dated article in its
 * month, which readers of the subscription documents learn of there. A year
 * is the longest period `sy:updatePeriod` has.
 */
export const pastArchivePolling: PollingHint = { ttl: 365 * 24 * 60, period: 'yearly', frequency: 1 }

/**
 * Where the build reads the publish schedule from, relative to the project
 * root: the workflow that publishes is the one source of truth about when
 * the site changes (see `publishSchedule`; src/api.ts `readConfig` puts its
 * cron in the config as `schedule`).
 */
export const publishWorkflowFile = '.github/workflows/publish.yml'

/**
 * The cron expression of a GitHub Actions workflow's `on.schedule`, or the
 * most frequent one if it has several; undefined when it has none (the site
 * then changes only when someone pushes, which no hint can foresee), or when
 * the text is not a workflow this reads.
 */
export function publishSchedule(workflow: string): string | undefined {
  let data: unknown
  try {
    // The core schema (YAML 1.2): `on` stays a key, not `true` as YAML 1.1 would read it.
    data = parse(workflow, { schema: 'core' })
  } catch {
    return undefined
  }
  const on = data !== null && typeof data === 'object' ? (data as Record<string, unknown>).on : undefined
  const schedule = on !== null && typeof on === 'object' ? (on as Record<string, unknown>).schedule : undefined
  if (!Array.isArray(schedule)) return undefined
  const crons = schedule.flatMap((entry: unknown) =>
    entry !== null && typeof entry === 'object' && typeof (entry as { cron?: unknown }).cron === 'string' ? [(entry as { cron: string }).cron] : [],
  )
  let best: { cron: string; runs: number } | undefined
  for (const cron of crons) {
    const runs = runsInYear(cron)
    if (runs !== undefined && (best === undefined || runs > best.runs)) best = { cron, runs }
  }
  return best?.cron
}

/**
 * The hint for a feed published on `cron` (UTC, as GitHub Actions reads it):
 * the mean time between runs over a year, so `*\/15 * * * *` gives a `ttl` of
 * 15 and four times `hourly`, `7 * * * *` 60 and once `hourly`, `7 6 * * *`
 * 1440 and once `daily`. A push publishes too, at any time: the hint is how
 * long an embargoed article may wait, not a promise that nothing comes sooner.
 */
export function pollingHint(cron: string | undefined): PollingHint | undefined {
  if (cron === undefined) return undefined
  const runs = runsInYear(cron)
  if (runs === undefined) return undefined
  const ttl = Math.max(1, Math.round(minutesInYear / runs))
  // The shortest period with about one run or more in it: 52 Mondays are once a week, though a year has 52 weeks and a day.
  const periods = [
    ['hourly', 365 * 24],
    ['daily', 365],
    ['weekly', 365 / 7],
    ['monthly', 12],
  ] as const
  for (const [period, perYear] of periods) {
    if (runs / perYear >= 0.9) return { ttl, period, frequency: Math.round(runs / perYear) }
  }
  return { ttl, period: 'yearly', frequency: Math.max(1, runs) }
}

const minutesInYear = 365 * 24 * 60

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']

/**
 * The values one field of a cron expression matches (POSIX cron, as GitHub
 * Actions takes it: `*`, numbers, `a-b`, `/step`, lists, and month and
 * weekday names), or undefined for anything else. `restricted` is false for
 * a bare `*`, which matters for the day fields.
 */
function field(text: string, min: number, max: number, names: readonly string[] = []): { values: Set<number>; restricted: boolean } | undefined {
  const values = new Set<number>()
  const number = (part: string) => {
    const named = names.indexOf(part.toLowerCase())
    if (named !== -1) return named + (names === months ? 1 : 0)
    return /^\d+$/.test(part) ? Number(part) : Number.NaN
  }
  for (const item of text.split(',')) {
    const [range = '', stepText] = item.split('/')
    const step = stepText === undefined ? 1 : Number(stepText)
    if (!Number.isInteger(step) || step < 1) return undefined
    let [from, to] = [min, max]
    if (range !== '*') {
      const [start = '', end] = range.split('-')
      from = number(start)
      to = end === undefined ? (stepText === undefined ? from : max) : number(end)
    }
    // Sunday is 0 or 7.
    const top = names === weekdays ? 7 : max
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < min || to > top || from > to) return undefined
    for (let value = from; value <= to; value += step) values.add(names === weekdays ? value % 7 : value)
  }
  return { values, restricted: text !== '*' }
}

/** How many times `cron` runs in a common year (2026), or undefined if it is not one this reads or never runs. */
function runsInYear(cron: string): number | undefined {
  const parts = cron.trim().split(/\s+/)
  if (parts.length !== 5) return undefined
  const [minute, hour, day, month, weekday] = [
    field(parts[0] ?? '', 0, 59),
    field(parts[1] ?? '', 0, 23),
    field(parts[2] ?? '', 1, 31),
    field(parts[3] ?? '', 1, 12, months),
    field(parts[4] ?? '', 0, 6, weekdays),
  ]
  if (!minute || !hour || !day || !month || !weekday) return undefined
  let days = 0
  for (let date = new Date(Date.UTC(2026, 0, 1)); date.getUTCFullYear() === 2026; date.setUTCDate(date.getUTCDate() + 1)) {
    if (!month.values.has(date.getUTCMonth() + 1)) continue
    const byDay = day.values.has(date.getUTCDate())
    const byWeekday = weekday.values.has(date.getUTCDay())
    // Cron's rule: with both day fields restricted, either matches; with one, that one must.
    const runs = day.restricted && weekday.restricted ? byDay || byWeekday : byDay && byWeekday
    if (runs) days++
  }
  const runs = days * minute.values.size * hour.values.size
  return runs === 0 ? undefined : runs
}
