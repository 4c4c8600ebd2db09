import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { analyseJobs, startPool, type AnalyseJob } from '../src/pool.ts'
import { entryHtml, readCache, type CacheEntry } from '../src/cache.ts'
import { loadArticles } from '../src/load.ts'
import { analyseSource, buildSite } from '../src/site.ts'
import { filesIn, writeOutput } from '../src/write.ts'
import { VFile } from 'vfile'
import { config, source } from './helpers.ts'

const now = new Date('2026-02-01T00:00:00Z')
const settings = config()

/** `copies` of one source of each kind the analysis tells apart, each with its own path and key. */
function jobs(copies = 1): AnalyseJob[] {
  return Array.from({ length: copies }, (_, n) => [
    source({ title: 'Published' }, 'A [relative link](../other/) and **bold** text.', `articles/published-${n}.md`),
    source({ title: 'Draft', draft: true }, 'Not yet.', `articles/draft-${n}.md`),
    source({ title: 'Later', date: '2026-03-01' }, 'Embargoed.', `articles/later-${n}.md`),
    source({ titel: 'Misspelt' }, 'Invalid front matter.', `articles/invalid-${n}.md`),
    source({ title: 'Raw' }, '<figure><img src="x.jpg" alt="A"><figcaption>Cap</figcaption></figure>\n\n<script>alert(1)</script>\n', `articles/raw-${n}.md`),
    source({ title: 'Саміт у Києві', author: 'Олена Коваленко' }, 'Міністри заявили. 東京で会議。', `articles/kyiv-${n}.md`),
  ]).flat().map((file, index) => ({ path: file.path, text: String(file.value), key: `key-${index}` }))
}

const inThread = (list: readonly AnalyseJob[], using = settings) =>
  list.map((job) => analyseSource(job.path, String(job.text), using, job.key, now))

/** What became of a source: it tells that the fixtures really are of different kinds. */
const kind = (entry: CacheEntry) =>
  !entry.article ? 'invalid' : entry.article.draft ? 'draft' : entry.html === undefined ? 'scheduled' : 'published'

/**
 * How many worker threads this process runs now: started ones (a thread still
 * starting is not counted), tsx's module-hooks thread included.
 */
const threads = () => (process.report.getReport() as { workers: unknown[] }).workers.length

test('the fixtures are a published article, a draft, a scheduled one, an invalid one, raw HTML and non-Latin text', () => {
  const expected = inThread(jobs())
  assert.deepEqual(expected.map(kind), ['published', 'draft', 'scheduled', 'invalid', 'published', 'published'])
  assert.match(expected[4]?.html ?? '', /<figcaption>Cap<\/figcaption>/)
  assert.doesNotMatch(expected[4]?.html ?? '', /<script/)
})

test('gives the entries analysing in-thread gives, in job order, on this thread, on one worker and on two', async () => {
  const list = jobs(12) // 72 jobs: three batches, so two threads interleave
  for (const count of [0, 1, 2]) {
    assert.deepEqual(await analyseJobs(list, settings, now, { threads: count }), inThread(list), `${count} threads`)
  }
})

test('with a cache folder, each thread stores its entries and sends back only where their HTML is', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'wirefeed-pool-'))
  // Keys as the cache names its files: 64 hex digits.
  const list = jobs(6).map((job, index) => ({ ...job, key: String(index).padStart(64, '0') }))
  const stored = await analyseJobs(list, settings, now, { threads: 2, cache: dir })
  const expected = inThread(list)
  assert.deepEqual(stored.map((entry) => entry.html), expected.map(() => undefined))
  assert.deepEqual(stored.map(entryHtml), expected.map((entry) => entry.html))
  assert.deepEqual(readCache(dir), new Map(stored.map((entry) => [entry.key, entry])))
})

test('a job with only a digest reads its source again, on this thread or another, and fails if it changed since', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'wirefeed-pool-'))
  const list = jobs(6)
  for (const job of list) await writeFile(join(dir, basename(job.path)), String(job.text))
  const files = await loadArticles(dir, { digestOnly: true })
  const byName = new Map(files.map((file) => [basename(file.path), file]))
  const light = list.map((job) => {
    const file = byName.get(basename(job.path))
    assert.ok(file?.data.digest !== undefined && file.value === undefined)
    return { ...job, path: file.path, text: { digest: file.data.digest } }
  })
  const expected = inThread(list.map((job, index) => ({ ...job, path: light[index]?.path ?? '' })))
  for (const count of [0, 2]) assert.deepEqual(await analyseJobs(light, settings, now, { threads: count }), expected, `${count} threads`)
  await writeFile(join(dir, 'draft-3.md'), 'Edited meanwhile.')
  for (const count of [0, 2]) {
    await assert.rejects(analyseJobs(light, settings, now, { threads: count }), /draft-3\.md.*changed while the build was reading it; build again/)
  }
})

test('starts no more threads than there are batches', async () => {
  const list = jobs()
  const before = threads()
  const running: number[] = []
  const entries = await analyseJobs(list, settings, now, { threads: 8, onProgress: () => running.push(threads()) })
  assert.deepEqual(entries, inThread(list))
  assert.deepEqual(running, [before + 1])
})

test('a thread that runs out of heap is replaced by one with twice the limit, which does its batch again', async () => {
  const list = jobs(12)
  // 16 MB cannot even hold the pipeline's code: each thread must grow before its first batch.
  const pool = startPool(settings, now, { threads: 2, heap: 16 })
  try {
    assert.deepEqual(await pool.analyse(list), inThread(list))
    assert.ok(pool.heaps().every((heap) => heap >= 32 && Number.isInteger(Math.log2(heap / 16))), `${pool.heaps()}`)
  } finally {
    await pool.close()
  }
})

test('makes and stages the output on its threads, each from its own reading of it: the bytes and records made here', async () => {
  const sources = jobs(4)
    .filter((job) => !job.path.startsWith('articles/invalid-'))
    .map((job) => new VFile({ path: job.path, value: String(job.text) }))
  const site = buildSite(sources, settings, { now })
  assert.ok(site.ok && site.ledger !== undefined && site.shown.length === 12, `${site.ok} ${site.shown.length}`)
  const root = await mkdtemp(join(tmpdir(), 'wirefeed-pool-'))
  const here = await writeOutput(join(root, 'here'), site.output)
  // Small heaps again: the threads grow while making files too, and what they made before is made again.
  const pool = startPool(settings, now, { threads: 2, heap: 16 })
  try {
    const there = await writeOutput(join(root, 'there'), site.output, { maker: pool.maker(site.shown, site.ledger) })
    const records = (written: typeof here.written) => [...written].map(([path, { key, sha256, size }]) => [path, key, sha256, size])
    assert.deepEqual(records(there.written), records(here.written))
  } finally {
    await pool.close()
  }
  const paths = filesIn(join(root, 'here')).sort()
  assert.ok(paths.length > 40, `${paths.length} files`)
  assert.deepEqual(filesIn(join(root, 'there')).sort(), paths)
  for (const path of paths) assert.ok((await readFile(join(root, 'there', path))).equals(await readFile(join(root, 'here', path))), path)
})

test('names the output file a thread failed on', async () => {
  const site = buildSite([source({}, 'Body.', 'articles/one.md')], settings, { now })
  const root = await mkdtemp(join(tmpdir(), 'wirefeed-pool-'))
  const pool = startPool(settings, now, { threads: 1 })
  try {
    // Articles the same thread cannot make: a page needs a date, and this one has none.
    const broken = site.shown.map(({ date: _date, ...rest }) => rest) as unknown as typeof site.shown
    await assert.rejects(writeOutput(join(root, 'dist'), site.output, { maker: pool.maker(broken, site.ledger ?? '') }), /^Error: Making feed\.xml on a worker thread failed: /)
  } finally {
    await pool.close()
  }
  assert.deepEqual(filesIn(root), [])
})

test('gives no entries for no jobs', async () => {
  assert.deepEqual(await analyseJobs([], settings, now), [])
})

test('reports progress as batches finish, ending at the number of jobs', async () => {
  const list = jobs(12)
  const done: number[] = []
  await analyseJobs(list, settings, now, { threads: 2, onProgress: (count) => done.push(count) })
  assert.ok(done.length > 1 && done.every((count, n) => n === 0 || count > (done[n - 1] ?? 0)), `${done}`)
  assert.equal(done.at(-1), list.length)
})

test('a source the analysis throws on rejects with its path, and no thread is left running', async () => {
  // A time zone the schema would refuse: every valid article then has an invalid date, which
  // toEntry cannot write, while a source with invalid front matter never gets that far.
  const broken = { ...settings, timeZone: 'Nowhere/Invalid' }
  const list = jobs(12).filter((job) => job.path.startsWith('articles/invalid-'))
  list.splice(7, 0, jobs().find((job) => job.path === 'articles/published-0.md') as AnalyseJob)
  assert.throws(() => inThread(list, broken), /Invalid time value/)
  assert.doesNotThrow(() => inThread(list.filter((job) => job.path !== 'articles/published-0.md'), broken))
  const before = threads()

  await assert.rejects(analyseJobs(list, broken, now, { threads: 2 }), {
    message: 'Analysing articles/published-0.md on a worker thread failed: Invalid time value',
  })
  assert.equal(threads(), before)
})

test('loads its TypeScript on the threads whether tsx came from --import (then registered twice) or, as in src/bin.js, from its API', async () => {
  const root = fileURLToPath(new URL('..', import.meta.url))
  // CommonJS: `--input-type=module` would be inherited by the threads, which refuse it.
  const script = `import('tsx/esm/api').then(async ({ register }) => {
    register()
    const { analyseJobs } = await import('./src/pool.ts')
    const { resolveConfig } = await import('./src/config.ts')
    const [jobs, config, now] = JSON.parse(process.env.JOBS)
    process.stdout.write(JSON.stringify(await analyseJobs(jobs, resolveConfig(config), new Date(now), { threads: 2 })))
  })`
  const list = jobs(6)
  const env = { ...process.env, NODE_OPTIONS: '', JOBS: JSON.stringify([list, settings, now]) }
  const expected = JSON.parse(JSON.stringify(inThread(list))) // as stdout carries it: no undefined properties
  for (const flags of [['--import', 'tsx'], []]) {
    const run = await promisify(execFile)(process.execPath, [...flags, '-e', script], { cwd: root, env })
    assert.deepEqual([JSON.parse(run.stdout), run.stderr], [expected, ''], `node ${flags.join(' ')}`)
  }
})
