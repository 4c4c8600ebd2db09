import { DateTime } from 'luxon'
import type { Options } from '../cli/flags.ts'
import type { Io } from '../cli/io.ts'
import { check, type Listing } from '../api.ts'
import type { Config } from '../config.ts'
import { formatReport, printable } from '../report.ts'
import { buildOptions, refusing } from './build.ts'

/** list: one line per valid article, what state it is in and when. */
export async function listCommand(config: Config, options: Options, io: Io): Promise<number> {
  const report = await refusing(io, () => check(buildOptions(config, options)))
  if (typeof report === 'number') return report
  io.stderr(formatReport(report.problems, 'text', { color: options.color, mostWarnings: 0 }))
  const when = (article: Listing) => DateTime.fromISO(article.date, { zone: config.timeZone }).toFormat('yyyy-MM-dd HH:mm ZZ')
  const newestFirst = (a: Listing, b: Listing) => byTime(b) - byTime(a)
  const byTime = (article: Listing) => Date.parse(article.date)
  // Scheduled first, soonest first (as the engine gives them); then published and drafts, newest first.
  const order = ['scheduled', 'published', 'draft'] as const
  const lines = order.flatMap((state) => {
    const articles = report.articles.filter((article) => article.state === state)
    return state === 'scheduled' ? articles : articles.sort(newestFirst)
  })
  io.stdout(lines.map((article) => `${article.state.padEnd(9)}  ${when(article)}  ${printable(article.file)}  ${printable(article.title)}\n`).join(''))
  return report.ok ? 0 : 1
}
