// "Save → served": `wirefeed serve --watch` on a built site, one article saved
// several times, and for each save the time from the write to the moment the
// server first answers with the new page. What an editor waits for.
//
//     node --import tsx tests/bench/served.ts <site folder> <article path under articles/> [saves] [now] [reload|poll] [body|headline]
import { spawn } from 'node:child_process'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { livePaths } from '../../src/preview/live-reload.ts'

const bin = fileURLToPath(new URL('../../lib/cli/bin.js', import.meta.url))
const usageHook = fileURLToPath(new URL('./usage.mjs', import.meta.url))

export interface Served {
  /** Seconds from each write to the first answer with the new page. */
  seconds: number[]
  /** The serving process's peak memory, once stopped. */
  maxRssMb: number
}

/** Where the output holds the page of the source `articles/<path>`: its folder, found by the file's name. */
async function pagePath(dist: string, path: string): Promise<string> {
  const slug = path.replace(/^.*\//, '').replace(/\.(md|markdown)$/, '')
  for (const entry of await readdir(dist, { recursive: true, withFileTypes: true })) {
    if (entry.isDirectory() && entry.name === slug) return `${join(entry.parentPath, entry.name).slice(dist.length + 1)}/`
  }
  throw new Error(`no page for ${path} in ${dist}`)
}

/**
 * How a save is seen served. `reload`: as the page open in the editor's
 * browser sees it, the server's event that the output changed (the preview's
 * live reload, src/preview/live-reload.ts), then the page asked for once.
 * `poll`: the page asked for every 5 ms until it shows the save, which also
 * loads the server with a request every few milliseconds while it builds
 * (the measure before 2026-12-03).
 */
export type Watching = 'reload' | 'poll'

/** What each save changes: a sentence added to the body, or the headline (which lists, feeds and the checks across articles show). */
export type Edit = 'body' | 'headline'

const edits: Record<Edit, (source: string, marker: string) => string> = {
  body: (source, marker) => `${source}\n${marker}.\n`,
  headline: (source, marker) => source.replace(/^title: /m, `title: ${marker} `),
}

/** The preview's live-reload events, read as its pages' script does: the generation of the output being served. */
async function reloadEvents(url: string) {
  const controller = new AbortController()
  const response = await fetch(url, { signal: controller.signal })
  const reader = response.body?.getReader()
  if (!reader) throw new Error(`no event stream at ${url}`)
  const state = { generation: 0 }
  let text = ''
  const decoder = new TextDecoder()
  void (async () => {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      text += decoder.decode(value, { stream: true })
      // One event a blank line; its data, one JSON line (`LiveState`).
      let end: number
      while ((end = text.indexOf('\n\n')) >= 0) {
        const data = /^data: (.*)$/m.exec(text.slice(0, end))?.[1]
        text = text.slice(end + 2)
        if (data) state.generation = (JSON.parse(data) as { generation: number }).generation
      }
    }
  })().catch(() => {})
  return {
    get generation() {
      return state.generation
    },
    /** Resolves once the output's generation is past `generation`. */
    async after(generation: number, waited: () => void) {
      while (state.generation <= generation) {
        waited()
        await pause(1)
      }
    },
    close() {
      controller.abort()
    },
  }
}

/**
 * Start `serve --watch` in `site` (built already, into dist/ with .cache/),
 * save `articles/<path>` `saves` times (each time as `edit` says: a sentence
 * more, or a new headline), and time each save until the page shows it; the
 * source is put back at the end.
 */
export async function saveToServed(site: string, path: string, saves = 7, now = '2030-01-01T00:00:00Z', watching: Watching = 'reload', edit: Edit = 'body'): Promise<Served> {
  const source = join(site, 'articles', path)
  const original = await readFile(source, 'utf8')
  const page = await pagePath(join(site, 'dist'), path)
  const usageFile = join(site, '.served-usage.json')
  const child = spawn(
    process.execPath,
    // WIREFEED_BENCH_NODE_ARGS: flags for the serving process's Node, such as `--cpu-prof --cpu-prof-dir=/tmp/prof` (which NODE_OPTIONS refuses).
    [...(process.env.WIREFEED_BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []), '--import', usageHook, bin, 'serve', '--watch', '--port', '0', '--articles', 'articles', '--out', 'dist', '--cache', '.cache', '--now', now, '--quiet'],
    { cwd: site, env: { ...process.env, WIREFEED_BENCH_USAGE: usageFile, CI: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const deadline = (seconds: number, what: string) => {
    const end = performance.now() + seconds * 1000
    return () => {
      if (performance.now() > end) throw new Error(`timed out after ${seconds} s waiting for ${what}\n${output}`)
    }
  }
  try {
    const started = deadline(600, 'the server to start')
    let base: string | undefined
    while (!(base = /Serving \S+ at (http:\S+)/.exec(output)?.[1])) {
      started()
      await pause(20)
    }
    // The site may be served under its URL's path: the page's address is the site's root address and the page's path.
    const url = new URL(page, base).href
    /** Wait until the page holds `marker` (or, with `gone`, no longer does); the seconds since `from`. */
    const served = async (marker: string, from: number, gone = false) => {
      const waited = deadline(60, `the page to ${gone ? 'drop' : 'show'} "${marker}"`)
      for (;;) {
        const response = await fetch(url)
        if ((await response.text()).includes(marker) !== gone) return (performance.now() - from) / 1000
        waited()
        await pause(5)
      }
    }
    const reloads = watching === 'reload' ? await reloadEvents(new URL(livePaths.events, base).href) : undefined
    /** As the preview's open page does: wait for the server's event that the output changed, then ask for the page once. */
    const reloaded = async (marker: string, from: number, generation: number) => {
      await reloads?.after(generation, deadline(60, `the reload event after the save "${marker}"`))
      const page = await (await fetch(url)).text()
      if (!page.includes(marker)) throw new Error(`the page reloaded after the save "${marker}" does not show it`)
      return (performance.now() - from) / 1000
    }
    const seconds: number[] = []
    let marker = ''
    for (let save = 0; save < saves; save++) {
      marker = `Saved ${save} at ${Date.now()}`
      // An editor's pause between saves, not measured (the server writes its cache back after 5 s of quiet, so not in between).
      await pause(2000)
      const generation = reloads?.generation ?? 0
      const from = performance.now()
      await writeFile(source, edits[edit](original, marker))
      seconds.push(reloads ? await reloaded(marker, from, generation) : await served(marker, from))
    }
    reloads?.close()
    await writeFile(source, original)
    await served(marker, performance.now(), true)
    child.kill('SIGINT')
    await Promise.race([exited, pause(10_000)])
    let maxRssMb = 0
    try {
      maxRssMb = (JSON.parse(await readFile(usageFile, 'utf8')) as { maxRssMb: number }).maxRssMb
    } catch {
      // A server that does not stop on SIGINT writes no usage: memory unknown.
    }
    return { seconds, maxRssMb }
  } finally {
    child.kill('SIGKILL')
    await writeFile(source, original)
  }
}

function pause(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [site, path, saves = '7', now, watching = 'reload', edit = 'body'] = process.argv.slice(2)
  if (!site || !path || (watching !== 'reload' && watching !== 'poll') || !(edit in edits)) throw new Error('usage: served.ts <site folder> <article path under articles/> [saves] [now] [reload|poll] [body|headline]')
  const result = await saveToServed(site, path, Number(saves), now, watching, edit as Edit)
  const sorted = [...result.seconds].sort((a, b) => a - b)
  console.log(`save → served: ${result.seconds.map((s) => s.toFixed(3)).join(', ')} s; median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(3)} s; peak ${result.maxRssMb.toFixed(0)} MB`)
}
