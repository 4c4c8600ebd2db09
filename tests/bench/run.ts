// npm run bench [-- --sizes 1000,10000,50000 --runs 3]
// Cold build, rebuild with nothing changed, rebuild with one article changed, and
// peak memory, at each size, against the plain unified pipeline on one thread over
// the same files, measured in the same invocation. Medians; ratios to the baseline.
// Also measured: the floor of any cold build, our parsing alone on every core (floor.ts).
import { spawnSync } from 'node:child_process'
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { article, generate } from './generate.ts'

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1000,10000' }, runs: { type: 'string', default: '3' } } })
const sizes = values.sizes.split(',').map(Number)
const runs = Number(values.runs)
const bin = fileURLToPath(new URL('../../src/cli/bin.js', import.meta.url))
const rssHook = fileURLToPath(new URL('./max-rss.mjs', import.meta.url))
const baselineScript = fileURLToPath(new URL('./baseline.ts', import.meta.url))
const floorScript = fileURLToPath(new URL('./floor.ts', import.meta.url))
const now = '2030-01-01T00:00:00Z'

interface Measure {
  seconds: number
  maxRssMb: number
}

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

/** Run a command as a child process; its wall time and peak memory. */
async function measure(args: string[], cwd: string): Promise<Measure> {
  const rssFile = join(tmpdir(), `wirefeed-rss-${process.pid}`)
  const started = performance.now()
  const child = spawnSync(process.execPath, ['--import', rssHook, ...args], {
    cwd,
    env: { ...process.env, WIREFEED_BENCH_RSS: rssFile, CI: 'true' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  const seconds = (performance.now() - started) / 1000
  if (child.status !== 0) throw new Error(`${args.join(' ')} failed:\n${child.stderr}`)
  return { seconds, maxRssMb: Number(await readFile(rssFile, 'utf8')) }
}

const rows: string[] = []
for (const size of sizes) {
  const site = await mkdtemp(join(tmpdir(), `wirefeed-bench-${size}-`))
  const articles = join(site, 'articles')
  await generate(articles, size)
  const build = [bin, 'build', '--articles', 'articles', '--out', 'dist', '--cache', '.cache', '--now', now, '--quiet']
  const results: Record<'baseline' | 'floor' | 'cold' | 'unchanged' | 'oneChanged', Measure[]> = { baseline: [], floor: [], cold: [], unchanged: [], oneChanged: [] }
  const victim = join(articles, article(Math.floor(size / 2)).path)
  const original = await readFile(victim, 'utf8')
  const n = size >= 50_000 ? 1 : runs
  for (let run = 0; run < n; run++) {
    for (const [name, script] of [['baseline', baselineScript], ['floor', floorScript]] as const) {
      const measured = spawnSync(process.execPath, ['--import', 'tsx', script, articles], { encoding: 'utf8', maxBuffer: 1 << 24 })
      if (measured.status !== 0) throw new Error(measured.stderr)
      results[name].push(JSON.parse(measured.stdout) as Measure)
    }
    await rm(join(site, 'dist'), { recursive: true, force: true })
    await rm(join(site, '.cache'), { recursive: true, force: true })
    results.cold.push(await measure(build, site))
    results.unchanged.push(await measure(build, site))
    await writeFile(victim, `${original}\nOne more sentence, run ${run}.\n`)
    results.oneChanged.push(await measure(build, site))
    await writeFile(victim, original)
    await measure(build, site)
  }
  const base = median(results.baseline.map((r) => r.seconds))
  const cell = (name: keyof typeof results) => {
    const seconds = median(results[name].map((r) => r.seconds))
    const memory = median(results[name].map((r) => r.maxRssMb))
    return `${seconds.toFixed(2)} s (${(seconds / base).toFixed(2)}×), ${memory.toFixed(0)} MB`
  }
  rows.push(`| ${size.toLocaleString('en')} | ${cell('baseline')} | ${cell('floor')} | ${cell('cold')} | ${cell('unchanged')} | ${cell('oneChanged')} |`)
  await rm(site, { recursive: true, force: true })
  console.log(rows.at(-1))
}

const table = [
  `Medians of ${runs} runs (1 at 50,000) on ${process.arch}, Node ${process.version}; ratios to the baseline in the same run.`,
  '',
  '| articles | baseline: unified, one thread | floor: our parsing alone, all cores | cold build | rebuild, nothing changed | rebuild, one article changed |',
  '|---|---|---|---|---|---|',
  ...rows,
].join('\n')
console.log(`\n${table}`)
if (process.env.BENCH_OUT) await appendFile(process.env.BENCH_OUT, `${table}\n`)
