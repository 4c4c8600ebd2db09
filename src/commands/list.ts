import { DateTime } from 'luxon'
import type { Options } from '../cli/flags.ts'
import type { Io } from '../cli/io.ts'
import type { Config } from '../config.ts'
import { build } from '../engine/index.ts'
import { formatReport, printable } from '../report.ts'
import type { Article } from '../validate.ts'
import { buildRequest } from './build.ts'

/** list: one line per valid article, what state it is in and when. */
export async function listCommand(config: Config, options: Options, io: Io): Promise<number> {
  const request = buildRequest(config, options, io, false)
  if (typeof request === 'number') return request
  const { files, site } = await build(request)
  io.stderr(formatReport(files, 'text', { color: options.color, warnings: 'none' }))
  const when = (article: Article) => DateTime.fromJSDate(article.date, { zone: config.timeZone }).toFormat('yyyy-MM-dd HH:mm ZZ')
  const line = (state: string) => (article: Article) => `${state.padEnd(9)}  ${when(article)}  ${printable(article.file.path)}  ${printable(article.title)}\n`
  const newestFirst = (a: Article, b: Article) => b.date.getTime() - a.date.getTime()
  io.stdout(
    [
      ...(site?.scheduled ?? []).map(line('scheduled')),
      ...[...(site?.published ?? [])].sort(newestFirst).map(line('published')),
      ...[...(site?.drafts ?? [])].sort(newestFirst).map(line('draft')),
    ].join(''),
  )
  return files.some((file) => file.messages.some((message) => message.fatal)) ? 1 : 0
}
