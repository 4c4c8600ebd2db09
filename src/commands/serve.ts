import { statSync } from 'node:fs'
import type { Server } from 'node:http'
import { buildWithConfig, Refused, type Report } from '../api.ts'
import type { Options } from '../cli/flags.ts'
import type { Io } from '../cli/io.ts'
import type { Config } from '../config.ts'
import { recoverOutput } from '../engine/commit.ts'
import { openSession, type Session } from '../engine/index.ts'
import { LiveReload } from '../preview/live-reload.ts'
import { sitePath } from '../preview/rewrite.ts'
import { watchSite, type Changes } from '../preview/watch.ts'
import { formatReport, printable } from '../report.ts'
import { listen, type PreviewOptions } from '../server.ts'
import { buildOptions, previewNote } from './build.ts'

/**
 * serve: the output folder on 127.0.0.1, as the site (src/server.ts); with
 * --watch, rebuilt on every change (src/preview/watch.ts), one line a
 * rebuild, the pages open reloaded, and the last good build kept when one
 * fails (src/preview/live-reload.ts shows its errors on the page). With
 * --drafts or --future it serves (and builds) the preview folder, drafts and
 * scheduled articles shown, marked; "now" is the clock's at each rebuild
 * unless --now or SOURCE_DATE_EPOCH fixed it, and a rebuild comes by itself
 * when a scheduled article's time does.
 */
export async function serveCommand(config: Config, options: Options, io: Io): Promise<number> {
  recoverOutput(options.out)
  if (options.watch) return watchAndServe(config, options, io)
  if (!statSync(options.out, { throwIfNoEntry: false })?.isDirectory()) {
    const flags = `${options.drafts ? ' --drafts' : ''}${options.future ? ' --future' : ''}`
    io.stderr(`wirefeed: there is no \`${options.out}\` folder to serve; run \`wirefeed build${flags}\` first.\n`)
    return 1
  }
  const server = await start(options, io, { site: () => config.url })
  if (typeof server === 'number') return server
  io.stdout(`Serving ${options.out}/${previewNote(options)} at ${addressOf(server, config.url)} (Ctrl+C stops)\n`)
  await stopped(server)
  await close(server)
  return 0
}

/** What changed since the last build: paths under the articles folder (or all of them), the config, and scheduled articles whose time came. */
interface Pending {
  paths: Set<string>
  all: boolean
  config: boolean
  /** The sources of scheduled articles that went live, by the clock. */
  due: string[]
}

const nothingPending = (): Pending => ({ paths: new Set(), all: false, config: false, due: [] })

/**
 * serve --watch. The watch starts first, so no change made while the first
 * build runs is missed; the port is taken next, so a busy one is said at
 * once; then the first build, then the address. Every build is of a
 * session (src/engine/session.ts), told what the watch saw, so a rebuild
 * reads only what changed.
 */
async function watchAndServe(first: Config, options: Options, io: Io): Promise<number> {
  const live = new LiveReload()
  const session = openSession()
  // The site's URL of the output being served: it moves with the config only once a build with it succeeded.
  let site = first.url
  let pending = nothingPending()
  let built = false
  let timer: NodeJS.Timeout | undefined
  /**
   * With "now" the clock's, a rebuild when the next scheduled article's
   * time comes, so the preview shows it go live with no edit to prompt it.
   */
  const untilDue = (scheduled: Report['scheduled']) => {
    clearTimeout(timer)
    if (options.nowGiven || scheduled.length === 0) return
    const next = Math.min(...scheduled.map((entry) => Date.parse(entry.goesLive)))
    // setTimeout takes at most 2^31 - 1 ms (about 24 days): a later time is waited for in steps.
    const wait = Math.min(Math.max(next - io.clock().getTime(), 0) + 10, 2 ** 31 - 1)
    timer = setTimeout(() => {
      const now = io.clock().getTime()
      const due = scheduled.filter((entry) => Date.parse(entry.goesLive) <= now).map((entry) => entry.file)
      if (due.length === 0) return untilDue(scheduled)
      pending.due.push(...due)
      void rebuild.run()
    }, wait)
  }
  const rebuild = serialised(async () => {
    const changes = pending
    pending = nothingPending()
    // Asked again for changes a build that began later already saw.
    if (built && !changes.all && !changes.config && changes.paths.size === 0 && changes.due.length === 0) return
    const before = sitePath(site)
    const outcome = await rebuildOnce(built ? changes : undefined, session, options, io, live, site)
    site = outcome.site
    if (outcome.scheduled) untilDue(outcome.scheduled)
    built = true
    if (server && sitePath(site) !== before) io.stdout(`Serving ${options.out}/ at ${addressOf(server, site)} now\n`)
  })
  const watch = watchSite({
    articles: options.articles,
    config: options.config,
    onChange(changes: Changes) {
      if (changes.paths === 'all') pending.all = true
      else for (const path of changes.paths) pending.paths.add(path)
      pending.config ||= changes.config
      void rebuild.run()
    },
    onError(error) {
      io.stderr(`wirefeed: ${error.message}; the next rebuild lists every file.\n`)
    },
  })
  let server: Server | undefined
  try {
    const started = await start(options, io, { site: () => site, live })
    if (typeof started === 'number') return started
    server = started
    await rebuild.run()
    io.stdout(`Serving ${options.out}/${previewNote(options)} at ${addressOf(server, site)} (Ctrl+C stops)\n`)
    await stopped(server)
    return 0
  } finally {
    watch.close()
    clearTimeout(timer)
    await rebuild.idle()
    live.close()
    await Promise.all([session.close(), server && close(server)])
  }
}

/** A date's time of day, local, as a rebuild's line starts: `12:04:31`. */
function timeOfDay(date: Date): string {
  return [date.getHours(), date.getMinutes(), date.getSeconds()].map((part) => String(part).padStart(2, '0')).join(':')
}

/**
 * One rebuild (the first build, without `changes`), said in one line on
 * stdout (a failure's errors in full on stderr, as `build` prints them),
 * and told to the pages open. Resolves to the site's URL of the output now
 * served (the new config's when the build succeeded, else `site`) and, when
 * it succeeded, what is scheduled.
 */
async function rebuildOnce(
  changes: Pending | undefined,
  session: Session,
  options: Options,
  io: Io,
  live: LiveReload,
  site: string,
): Promise<{ site: string; scheduled?: Report['scheduled'] }> {
  const started = performance.now()
  const what = changes ? `${changed(changes, options)}, ` : ''
  const seconds = () => `(${((performance.now() - started) / 1000).toFixed(2)} s)`
  const line = (text: string) => `${timeOfDay(io.clock())} ${text}\n`
  // What the preview goes on serving when a build fails: the last good build, or at the start, whatever the output holds.
  const kept = changes ? 'still serving the last good build' : `serving ${options.out}/ as it was`
  if (changes) session.changed(changes.all ? 'all' : changes.paths)
  let outcome: { report: Report; config?: Config }
  try {
    // "Now" as the CLI settled it, or when not given, the clock's at this rebuild: a scheduled article goes live in the preview when its time comes.
    const now = options.nowGiven ? options.now : io.clock()
    // As `wirefeed build` would build (src/api.ts), the config read again (it may have changed), within the session.
    outcome = await buildWithConfig({ ...buildOptions(options.configGiven ? options.config : undefined, options), now, session })
  } catch (error) {
    // The last good build is still being served: say why this one did not replace it, and go on watching.
    const known = error instanceof Refused
    const reason = known ? (error as Error).message : `the build failed: ${(error as Error).message}`
    if (options.verbose && !known) io.stderr(`${(error as Error).stack}\n`)
    io.stderr(`wirefeed: ${printable(reason)}.\n`)
    io.stdout(line(`failed: ${what}${kept} ${seconds()}`))
    live.built({ problems: [{ file: '', line: 1, column: 1, severity: 'error', rule: 'build-failed', message: reason }] })
    return { site }
  }
  const { problems } = outcome.report
  const errors = problems.filter((problem) => problem.severity === 'error')
  // Every error; the warnings of what was just saved (after the first build, as `build` prints them: ten).
  const saved = new Set(changes?.paths)
  const shown = changes && !options.verbose ? problems.filter((problem) => problem.severity === 'error' || saved.has(problem.file)) : problems
  io.stderr(formatReport(shown, 'text', { color: options.color, mostWarnings: options.quiet ? 0 : changes || options.verbose ? Infinity : 10 }))
  const { report, config } = outcome
  if (!report.ok || !config) {
    const files = [...new Set(errors.map((problem) => problem.file))]
    const where = files.length === 1 ? ` in ${printable(files[0] as string)}` : files.length > 1 ? ` in ${files.length} files` : ''
    io.stdout(line(`failed: ${what}${count(errors.length, 'error')}${where}; ${kept} ${seconds()}`))
    live.built({ problems: errors })
    return { site }
  }
  const { output } = report
  const counts = [`${report.published} published`, ...(report.scheduled.length ? [`${report.scheduled.length} scheduled`] : []), ...(report.drafts ? [count(report.drafts, 'draft')] : [])]
  const same = !changes || output === 'written' ? '' : '; the site is the same'
  if (!options.quiet) io.stdout(line(`${changes ? 'rebuilt' : 'built'}: ${what}${counts.join(', ')}${same} ${seconds()}`))
  live.built({ changed: output === 'written' })
  return { site: config.url, scheduled: report.scheduled }
}

/**
 * What a rebuild was for: `1 changed (articles/2026/01/summit.md)`, `wirefeed.config.yaml changed`,
 * `12 changed`; `articles/2026/01/launch.md went live`, when a scheduled article's time came.
 */
function changed(changes: Pending, options: Options): string {
  const edited = changes.all || changes.config || changes.paths.size > 0 ? [edits(changes, options)] : []
  const due = changes.due.length === 1 ? printable(changes.due[0] as string) : `${changes.due.length} scheduled`
  return [...edited, ...(changes.due.length > 0 ? [`${due} went live`] : [])].join('; ')
}

/** What the files changed were. */
function edits(changes: Pending, options: Options): string {
  const names = [...(changes.config ? [options.config] : []), ...changes.paths].map(printable)
  if (changes.all) return names.length > 0 ? `${names.slice(0, 2).join(', ')} and more changed` : 'every file listed again'
  if (names.length === 1 && changes.config) return `${names[0]} changed`
  if (names.length <= 2) return `${names.length} changed (${names.join(', ')})`
  return `${names.length} changed`
}

function count(n: number, word: string) {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** Listen, or say in one sentence why the port cannot be had: exit code 1. */
async function start(options: Options, io: Io, preview: PreviewOptions): Promise<Server | number> {
  try {
    return await listen(options.out, options.port, preview)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE') {
      io.stderr(`wirefeed: port ${options.port} is in use; choose another with --port <n> (0 picks a free one).\n`)
      return 1
    }
    if (code === 'EACCES') {
      io.stderr(`wirefeed: port ${options.port} needs privileges this user does not have; choose another with --port <n> (0 picks a free one).\n`)
      return 1
    }
    throw error
  }
}

/** The preview's address: 127.0.0.1, the port listened on, and the site's path. */
function addressOf(server: Server, site: string): string {
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return `http://127.0.0.1:${port}${sitePath(site)}`
}

/** Until Ctrl+C (SIGINT), SIGTERM, or the server closing; a second Ctrl+C ends the process at once, as Node does. */
function stopped(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      server.off('close', stop)
      resolve()
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
    server.once('close', stop)
  })
}

/** Close the server, and the connections browsers keep open. */
function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections()
  })
}

/**
 * `task`, never run twice at once: asked again while it runs, it runs once
 * more when it ends, however many times it was asked meanwhile. Two builds
 * writing one output at once would fail each other.
 */
function serialised(task: () => Promise<void>) {
  let running: Promise<void> | undefined
  let again = false
  return {
    run(): Promise<void> {
      if (running) {
        again = true
        return running
      }
      running = (async () => {
        try {
          do {
            again = false
            await task()
          } while (again)
        } finally {
          running = undefined
        }
      })()
      return running
    },
    /** Once no run is going on. */
    async idle() {
      while (running) await running.catch(() => {})
    },
  }
}
