// npm run bench [-- --corpora news:10000,real:2000,news:50000 --runs 3]
// Against the floor (floor.ts: remark-parse → remark-rehype → rehype-stringify on
// one thread over the same files), measured in the same invocation, alternating
// with the builds so the machine's drift cancels: a cold build, a cold check, a
// rebuild with nothing changed and one with one article changed, each as its own
// process like a user's. Medians; ratios to the floor's median; peak memory and
// CPU (all threads) of each process; the size of the output. Then "save → served"
// (served.ts): `serve --watch` on the built site, one article saved seven times a
// round with a sentence more in its body, then seven times with its headline
// changed (which every list shows), each save timed until the server answers with
// the new page. See docs/performance.md.
import { spawnSync } from 'node:child_process'
import { appendFile, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { article, generate, type Shape } from './generate.ts'
import { saveToServed } from './served.ts'

const { values } = parseArgs({ options: { corpora: { type: 'string', default: 'news:10000,real:2000' }, runs: { type: 'string', default: '3' } } })
// A real-shaped corpus is twice the text of a news one per article, and parsing link lists is slow: fewer of them.
const corpora = values.corpora.split(',').map((spec) => {
  const [shape, count] = spec.split(':')
  if ((shape !== 'news' && shape !== 'real') || !Number.isInteger(Number(count))) throw new Error(`--corpora takes shape:count pairs such as news:10000, not ${spec}`)
  return { shape: shape as Shape, count: Number(count) }
})
const runs = Number(values.runs)
/** Saves timed in each round of "save → served". */
const saves = 7
const bin = fileURLToPath(new URL('../../lib/cli/bin.js', import.meta.url))
const usageHook = fileURLToPath(new URL('./usage.mjs', import.meta.url))
const floorScript = fileURLToPath(new URL('./floor.ts', import.meta.url))
// The floor is TypeScript, run from the site's folder: tsx by its own address.
const tsx = import.meta.resolve('tsx')
const now = '2030-01-01T00:00:00Z'

interface Measure {
  seconds: number
  cpu: number
  maxRssMb: number
}

function median(list: number[]) {
  const sorted = [...list].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

/** Run node with `args` in `cwd`, as a process of its own: its wall time, CPU time and peak memory. */
async function measure(args: string[], cwd: string): Promise<Measure> {
  const usageFile = join(tmpdir(), `wirefeed-usage-${process.pid}`)
  const started = performance.now()
  const child = spawnSync(process.execPath, ['--import', usageHook, ...args], {
    cwd,
    env: { ...process.env, WIREFEED_BENCH_USAGE: usageFile, CI: 'true' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  const seconds = (performance.now() - started) / 1000
  if (child.status !== 0) throw new Error(`${args.join(' ')} failed:\n${child.stderr}`)
  const { cpu, maxRssMb } = JSON.parse(await readFile(usageFile, 'utf8')) as Omit<Measure, 'seconds'>
  return { seconds, cpu, maxRssMb }
}

/** The bytes of every file under `dir`. */
async function size(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const sizes = await Promise.all(entries.filter((entry) => entry.isFile()).map(async (entry) => (await stat(join(entry.parentPath, entry.name))).size))
  return sizes.reduce((a, b) => a + b, 0)
}

const kinds = ['floor', 'cold', 'check', 'unchanged', 'oneChanged'] as const
const rows: string[] = []
for (const { shape, count } of corpora) {
  const site = await mkdtemp(join(tmpdir(), `wirefeed-bench-${shape}-${count}-`))
  const articles = join(site, 'articles')
  await generate(articles, count, shape)
  const build = (command: string, ...more: string[]) => [bin, command, '--articles', 'articles', '--out', 'dist', '--cache', '.cache', '--now', now, '--quiet', ...more]
  const results = Object.fromEntries(kinds.map((kind) => [kind, [] as Measure[]])) as Record<(typeof kinds)[number], Measure[]>
  const victimPath = article(Math.floor(count / 2), 1, shape).path
  const victim = join(articles, victimPath)
  const served: number[] = []
  const servedMemory: number[] = []
  const retitled: number[] = []
  const original = await readFile(victim, 'utf8')
  let bytes = 0
  const rounds = count >= 50_000 ? 1 : runs
  for (let run = 0; run < rounds; run++) {
    results.floor.push(await measure(['--import', tsx, floorScript, articles], site))
    await rm(join(site, 'dist'), { recursive: true, force: true })
    await rm(join(site, '.cache'), { recursive: true, force: true })
    results.cold.push(await measure(build('build'), site))
    bytes = await size(join(site, 'dist'))
    results.unchanged.push(await measure(build('build'), site))
    await writeFile(victim, `${original}\nOne more sentence, run ${run}.\n`)
    results.oneChanged.push(await measure(build('build'), site))
    await writeFile(victim, original)
    await rm(join(site, '.cache'), { recursive: true, force: true })
    results.check.push(await measure(build('check'), site))
    await measure(build('build'), site)
    const round = await saveToServed(site, victimPath, saves, now)
    served.push(...round.seconds)
    servedMemory.push(round.maxRssMb)
    retitled.push(...(await saveToServed(site, victimPath, saves, now, 'reload', 'headline')).seconds)
  }
  const floor = median(results.floor.map((m) => m.seconds))
  const floorCpu = median(results.floor.map((m) => m.cpu))
  const cell = (kind: (typeof kinds)[number], cpu = false) => {
    const seconds = median(results[kind].map((m) => m.seconds))
    const memory = median(results[kind].map((m) => m.maxRssMb))
    const used = median(results[kind].map((m) => m.cpu))
    return `${seconds.toFixed(2)} s (${(seconds / floor).toFixed(2)}×)${cpu ? `, CPU ${used.toFixed(0)} s (${(used / floorCpu).toFixed(2)}×)` : ''}, ${memory.toFixed(0)} MB`
  }
  const spread = (seconds: number[]) => `${median(seconds).toFixed(2)} s (${Math.min(...seconds).toFixed(2)}–${Math.max(...seconds).toFixed(2)})`
  rows.push(
    `| ${shape} | ${count.toLocaleString('en')} | ${floor.toFixed(2)} s, CPU ${floorCpu.toFixed(0)} s | ${cell('cold', true)} | ${cell('check')} | ${cell('unchanged')} | ${cell('oneChanged')} | ${spread(served)}, ${median(servedMemory).toFixed(0)} MB | ${spread(retitled)} | ${(bytes / 2 ** 20).toFixed(0)} MB |`,
  )
  console.log(rows.at(-1))
  await rm(site, { recursive: true, force: true })
}

// The code measured: a commit, and whether the working tree differs from it (then say so, the figures are not the commit's).
const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout?.trim()
const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).stdout?.trim()
const commit = head ? `${head}${dirty ? ' with uncommitted changes' : ''}` : 'unknown (not a git checkout)'
const table = [
  `Commit ${commit}; medians of ${runs} runs (1 at 50,000) on ${process.arch}, Node ${process.version}, ${availableParallelism()} cores; ratios to the floor in the same run; save → served: the median of ${saves} saves a run (the fastest and slowest), each from the write to the page fetched on the preview's reload event, and the server's peak memory; a body edited (a sentence more), then the headline.`,
  '',
  '| corpus | articles | floor | cold build | cold check | nothing changed | one article changed | save → served, body | save → served, headline | output |',
  '|---|---|---|---|---|---|---|---|---|---|',
  ...rows,
].join('\n')
console.log(`\n${table}`)
if (process.env.BENCH_OUT) await appendFile(process.env.BENCH_OUT, `${table}\n`)
