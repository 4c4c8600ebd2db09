import { resolve, sep } from 'node:path'
import { DateTime } from 'luxon'
import { isDirectory, type Io, type Options } from '../cli.ts'
import type { Config } from '../config.ts'
import { loadArticles, loadAssets, readSource } from '../load.ts'
import { readCache, rendererVersion, writeCache } from '../cache.ts'
import { createProgress } from '../progress.ts'
import { formatReport } from '../report.ts'
import { buildSite, type SiteResult } from '../site.ts'
import type { Article } from '../validate.ts'
import { recoverOutput, writeOutput } from '../write.ts'

/** Read the sources and ledger and run the pure pipeline; an exit code when the folders are wrong. */
async function runSite(config: Config, options: Options, io: Io): Promise<SiteResult | number> {
  if (!(await isDirectory(options.articles))) {
    io.stderr(`wirefeed: the articles folder \`${options.articles}\` does not exist; pass --articles <dir>.\n`)
    return 2
  }
  const [out, articles] = [resolve(options.out), resolve(options.articles)]
  if (out === articles || out.startsWith(articles + sep) || articles.startsWith(out + sep)) {
    io.stderr(`wirefeed: the output folder \`${options.out}\` overlaps the articles folder \`${options.articles}\`; a build would replace sources.\n`)
    return 2
  }
  // A build killed between its two renames left the last good output aside: put it back first,
  // so even a build that then fails validation leaves it in place.
  await recoverOutput(options.out)
  const ledger = await readSource(options.ledger)
  if (!ledger && options.ledgerGiven) {
    io.stderr(`wirefeed: the ledger \`${options.ledger}\` does not exist; omit --ledger only on a site's very first build.\n`)
    return 2
  }
  const sources = await loadArticles(options.articles)
  const progress = options.progress && options.command === 'build' ? createProgress(io.stderr) : undefined
  const cache = await readCache(options.cache)
  const site = buildSite(sources, config, {
    now: options.now,
    ledger,
    onProgress: progress?.update,
    cache,
    cacheContext: await rendererVersion(),
    assets: await loadAssets(options.articles),
  })
  progress?.done()
  // Keep what this build learnt, even when it failed: fixing one article then re-renders only it.
  // `check` and `list` write nothing, the cache included.
  if (options.command === 'build') await writeCache(options.cache, site.cache, site.reused)
  return site
}

/** build and check: validate everything, report, and (build only) write. */
export async function buildCommand(config: Config, options: Options, io: Io): Promise<number> {
  const site = await runSite(config, options, io)
  if (typeof site === 'number') return site
  const scheduled = site.scheduled.map((article) => ({ file: article.file.path, goesLive: article.date.toISOString() }))
  const counts = `${site.published.length} published, ${site.scheduled.length} scheduled, ${site.drafts.length} ${site.drafts.length === 1 ? 'draft' : 'drafts'}`

  if (options.format === 'json') {
    io.stdout(formatReport(site.files, 'json', { summary: { published: site.published.length, scheduled } }))
  } else if (options.format === 'github') {
    io.stdout(formatReport(site.files, 'github'))
  } else {
    // A build shows its errors; warnings in full only from `check` or with --verbose.
    const warnings = options.quiet ? 'none' : options.command === 'check' || options.verbose ? 'full' : 'count'
    io.stderr(formatReport(site.files, 'text', { color: options.color, warnings }))
    if (!options.quiet) {
      io.stderr(scheduled.map((entry) => `scheduled  ${entry.file}  goes live ${entry.goesLive}\n`).join(''))
    }
  }
  if (!site.ok) {
    if (options.command === 'build' && options.format !== 'json') io.stderr(`Nothing was written; ${options.out}/ is as it was.\n`)
    return 1
  }
  if (options.command === 'check') {
    if (options.format !== 'json' && !options.quiet) io.stdout(`Checked ${options.articles}/: ${counts}.\n`)
    return 0
  }
  const changed = await writeOutput(options.out, site.output, site.assets)
  if (options.format !== 'json' && !options.quiet) {
    io.stdout(`${changed ? 'Wrote' : 'Unchanged:'} ${options.out}/ (RSS, Atom, JSON Feed): ${counts}.\n`)
  }
  return 0
}

/** list: one line per valid article, what state it is in and when. */
export async function listCommand(config: Config, options: Options, io: Io): Promise<number> {
  const site = await runSite(config, options, io)
  if (typeof site === 'number') return site
  io.stderr(formatReport(site.files, 'text', { color: options.color, warnings: 'none' }))
  const when = (article: Article) =>
    DateTime.fromJSDate(article.date, { zone: config.timeZone }).toFormat('yyyy-MM-dd HH:mm ZZ')
  const line = (state: string) => (article: Article) => `${state.padEnd(9)}  ${when(article)}  ${article.file.path}  ${article.title}\n`
  const newestFirst = (a: Article, b: Article) => b.date.getTime() - a.date.getTime()
  io.stdout(
    [
      ...site.scheduled.map(line('scheduled')),
      ...[...site.published].sort(newestFirst).map(line('published')),
      ...[...site.drafts].sort(newestFirst).map(line('draft')),
    ].join(''),
  )
  return site.files.some((file) => file.messages.some((message) => message.fatal)) ? 1 : 0
}
