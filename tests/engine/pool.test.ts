import assert from 'node:assert/strict'
import { mkdir, mkdtemp, readFile, realpath, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { test } from 'node:test'
import { BodyReader, fromEntry, PackWriter, type Entry } from '../../src/engine/cache.ts'
import { filesIn, stageOutput } from '../../src/engine/commit.ts'
import { startPool, threadsFor } from '../../src/engine/pool.ts'

/** No job is given up: a budget no test reaches. */
const limits = { budget: () => 600_000, slow: (job: Job): Done => ({ path: job.path }) }
import { work, type Done, type Job, type WorkSettings } from '../../src/engine/work.ts'
import { assembleSite, siteFiles } from '../../src/site.ts'
import { config, source } from '../helpers.ts'

const now = new Date('2026-02-01T00:00:00Z')

/** A folder of `copies` of one source of each kind the analysis tells apart, and the jobs and settings to analyse them. */
async function sources(copies = 1, settings = config()) {
  const root = await mkdtemp(join(tmpdir(), 'wirefeed-pool-'))
  await mkdir(join(root, 'articles'))
  const files = Array.from({ length: copies }, (_, n) => [
    source({ title: 'Published' }, 'A [relative link](../other/) and **bold** text.', `published-${n}.md`),
    source({ title: 'Draft', draft: true }, 'Not yet.', `draft-${n}.md`),
    source({ title: 'Later', date: '2026-03-01' }, 'Embargoed.', `later-${n}.md`),
    source({ titel: 'Misspelt' }, 'Invalid front matter.', `invalid-${n}.md`),
    source({ title: 'Raw' }, '<figure><img src="x.jpg" alt="A"><figcaption>Cap</figcaption></figure>\n\n<script>alert(1)</script>\n', `raw-${n}.md`),
    source({ title: 'Саміт у Києві', author: 'Олена Коваленко' }, 'Міністри заявили. 東京で会議。', `kyiv-${n}.md`),
  ]).flat()
  for (const file of files) await writeFile(join(root, 'articles', file.path), String(file.value))
  const jobs: Job[] = files.map((file) => ({ path: relative(process.cwd(), join(root, 'articles', file.path)), bytes: String(file.value).length }))
  const work: WorkSettings = { config: settings, now, context: 'context', root: await realpath(join(root, 'articles')), known: new Set() }
  return { root, jobs, settings: work, cache: join(root, 'cache') }
}

/** What a job gave, but where its body was appended, which depends on the thread. */
function comparable(done: Done, cache: string) {
  const { entry, ...rest } = done
  if (!entry) return rest
  const reader = new BodyReader(cache)
  try {
    const { body, ...data } = entry
    return { ...rest, entry: data, ...(body && { html: reader.read(body), minutes: body.minutes }) }
  } finally {
    reader.close()
  }
}

const inThread = (jobs: readonly Job[], settings: WorkSettings, cache: string) => {
  const pack = new PackWriter(cache)
  try {
    return jobs.map((job) => work(job, settings, pack))
  } finally {
    pack.flush()
  }
}

/** What became of a source: it tells that the fixtures really are of different kinds. */
const kind = (entry: Entry | undefined) => (!entry?.article ? 'invalid' : entry.article.draft ? 'draft' : entry.body === undefined ? 'scheduled' : 'published')

/**
 * How many worker threads this process runs now: started ones (a thread still
 * starting is not counted), tsx's module-hooks thread included.
 */
const threads = () => (process.report.getReport() as { workers: unknown[] }).workers.length

test('the fixtures are a published article, a draft, a scheduled one, an invalid one, raw HTML and non-Latin text', async () => {
  const { jobs, settings, cache } = await sources()
  const done = inThread(jobs, settings, cache)
  assert.deepEqual(done.map((result) => kind(result.entry)), ['published', 'draft', 'scheduled', 'invalid', 'published', 'published'])
  const raw = comparable(done[4] as Done, cache)
  assert.match('html' in raw ? String(raw.html) : '', /<figcaption>Cap<\/figcaption>/)
  assert.doesNotMatch('html' in raw ? String(raw.html) : '', /<script/)
})

test('gives what analysing on this thread gives, in job order, on one worker and on two; each thread appends to its own pack', async () => {
  const { jobs, settings, cache } = await sources(12) // 72 jobs: three batches, so two threads interleave
  const expected = inThread(jobs, settings, cache).map((done) => comparable(done, cache))
  for (const count of [1, 2]) {
    const pool = startPool(count, settings, cache, 128)
    try {
      const done = await pool.analyse(jobs, limits)
      assert.deepEqual(done.map((result) => comparable(result, cache)), expected, `${count} threads`)
      const packs = new Set(done.flatMap((result) => (result.entry?.body ? [result.entry.body.pack] : [])))
      assert.equal(packs.size, count)
    } finally {
      await pool.close()
    }
  }
})

test('leaves a source whose analysis the cache holds alone: only read, and digested', async () => {
  const { jobs, settings, cache } = await sources(2)
  const first = inThread(jobs, settings, cache)
  const known = new Set(first.slice(0, 6).flatMap((done) => (done.key ? [done.key] : [])))
  const pool = startPool(2, { ...settings, known }, cache, 128)
  try {
    const again = await pool.analyse(jobs, limits)
    assert.deepEqual(again.map((done) => [done.key, done.entry === undefined]), first.map((done, index) => [done.key, index < 6 && done.key !== undefined]))
  } finally {
    await pool.close()
  }
})

test('starts no more threads than there are batches, one below the threshold unless asked, and none without jobs', () => {
  assert.equal(threadsFor(6, 8), 1)
  assert.equal(threadsFor(100, 2), 2)
  assert.equal(threadsFor(100, 1), 1)
  assert.equal(threadsFor(100), 1)
  assert.equal(threadsFor(0, 4), 0)
})

test('gives a job up when it takes longer than its budget, and does the rest of its batch on a fresh thread', async () => {
  const { jobs, settings, cache } = await sources(12)
  const expected = inThread(jobs, settings, cache).map((done) => comparable(done, cache))
  // A source that takes micromark about ten seconds, amid sixty that take milliseconds.
  const slowPath = jobs[40]?.path ?? assert.fail('no job 40')
  await writeFile(slowPath, `---\ntitle: x\n---\n\n${'['.repeat(30_000)}x${']'.repeat(30_000)}\n`)
  const pool = startPool(2, settings, cache, 128)
  try {
    const given: string[] = []
    const done = await pool.analyse(jobs, { budget: () => 1500, slow: (job) => (given.push(job.path), { path: job.path }) })
    assert.deepEqual(given, [slowPath])
    assert.deepEqual(done.map((result, index) => (index === 40 ? expected[40] : comparable(result, cache))), expected)
  } finally {
    await pool.close()
  }
})

test('a thread that runs out of heap is replaced by one with twice the limit, which does its batch again', async () => {
  const { jobs, settings, cache } = await sources(12)
  const expected = inThread(jobs, settings, cache).map((done) => comparable(done, cache))
  // 16 MB cannot even hold the pipeline's code: each thread must grow before its first batch.
  const pool = startPool(2, settings, cache, 16)
  try {
    assert.deepEqual((await pool.analyse(jobs, limits)).map((done) => comparable(done, cache)), expected)
    assert.ok(pool.heaps().every((heap) => heap >= 32 && Number.isInteger(Math.log2(heap / 16))), `${pool.heaps()}`)
  } finally {
    await pool.close()
  }
})

test('makes and stages the output on its threads, each from its own reading of it: the bytes and records made here', async () => {
  const { root, jobs, settings, cache } = await sources(4)
  const done = inThread(jobs, settings, cache).filter((result) => result.entry?.body)
  const results = done.map((result) => fromEntry(result.entry as Entry, result.path))
  const bodies = new Map(done.map((result, index) => [results[index]?.article?.id, result.entry?.body]))
  const assembled = assembleSite(results, settings.config, { now })
  assert.ok(assembled.ok && assembled.ledger !== undefined && assembled.shown.length === 12, `${assembled.ok} ${assembled.shown.length}`)
  const reader = new BodyReader(cache)
  const place = (id: string) => bodies.get(id) ?? assert.fail(`no body for ${id}`)
  const files = siteFiles(assembled.shown, settings.config, () => assembled.ledger ?? '', (article) => reader.read(place(article.id)), now)
  const here = await stageOutput(join(root, 'here'), files)
  here.commit()
  // Small heaps again: the threads grow while making files too, and what they made before is made again.
  const pool = startPool(2, settings, cache, 16)
  try {
    const setup = { type: 'output', articles: assembled.shown, bodies: assembled.shown.map((article) => place(article.id)), ledger: assembled.ledger, now } as const
    const there = await stageOutput(join(root, 'there'), files, { maker: pool.maker(setup) })
    there.commit()
    const records = (written: typeof here.written) => [...written].map(([path, { key, sha256, size }]) => [path, key, sha256, size])
    assert.deepEqual(records(there.written), records(here.written))
  } finally {
    await pool.close()
    reader.close()
  }
  const paths = filesIn(join(root, 'here')).sort()
  assert.ok(paths.length > 30, `${paths.length} files`)
  assert.deepEqual(filesIn(join(root, 'there')).sort(), paths)
  for (const path of paths) assert.ok((await readFile(join(root, 'there', path))).equals(await readFile(join(root, 'here', path))), path)
})

test('names the output file a thread failed on, and leaves nothing behind', async () => {
  const { root, jobs, settings, cache } = await sources()
  const done = inThread(jobs.slice(0, 1), settings, cache)
  const site = assembleSite(done.map((result) => fromEntry(result.entry as Entry, result.path)), settings.config, { now })
  assert.ok(site.ledger !== undefined)
  const pool = startPool(1, settings, cache, 128)
  try {
    // Articles the thread cannot make: a page needs a date, and this one has none.
    const broken = site.shown.map(({ date: _date, ...rest }) => rest) as unknown as typeof site.shown
    const body = done[0]?.entry?.body ?? assert.fail('no body')
    const files = siteFiles(site.shown, settings.config, () => site.ledger ?? '', () => '', now)
    await assert.rejects(stageOutput(join(root, 'dist'), files, { maker: pool.maker({ type: 'output', articles: broken, bodies: [body], ledger: site.ledger, now }) }), /^Error: Making feed\.xml on a worker thread failed: /)
  } finally {
    await pool.close()
  }
  assert.deepEqual(filesIn(root).filter((path) => !path.startsWith('articles/') && !path.startsWith('cache/')), [])
})

test('reports progress as batches finish, ending at the number of jobs', async () => {
  const { jobs, settings, cache } = await sources(12)
  const done: number[] = []
  const pool = startPool(2, settings, cache, 128)
  try {
    await pool.analyse(jobs, limits, (count) => done.push(count))
  } finally {
    await pool.close()
  }
  assert.ok(done.length > 1 && done.every((count, n) => n === 0 || count > (done[n - 1] ?? 0)), `${done}`)
  assert.equal(done.at(-1), jobs.length)
})

test('a source the analysis throws on rejects with its path, and no thread is left running', async () => {
  // A time zone the schema would refuse: every valid article then has an invalid date, which
  // the entry cannot store, while a source with invalid front matter never gets that far.
  const { jobs, settings, cache } = await sources(12, { ...config(), timeZone: 'Nowhere/Invalid' })
  const list = jobs.filter((job) => job.path.includes('invalid-'))
  const published = jobs.find((job) => job.path.endsWith('published-0.md')) as Job
  list.splice(7, 0, published)
  assert.throws(() => inThread(list, settings, cache), /Invalid time value/)
  const before = threads()
  const pool = startPool(2, settings, cache, 128)
  try {
    await assert.rejects(pool.analyse(list, limits), { message: `Analysing ${published.path} on a worker thread failed: Invalid time value` })
  } finally {
    await pool.close()
  }
  assert.equal(threads(), before)
})
