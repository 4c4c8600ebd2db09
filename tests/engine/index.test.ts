// The engine as a whole, in this process: what a rebuild reuses, remakes and keeps.
import assert from 'node:assert/strict'
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { test } from 'node:test'
import type { Config } from '../../src/config.ts'
import { build as buildWith, type BuildRequest } from '../../src/engine/index.ts'
import type { BuildRecord } from '../../src/engine/record.ts'
import { readSource } from '../../src/load.ts'
import { config, source } from '../helpers.ts'

const now = new Date('2026-02-01T00:00:00Z')

/** A site folder with `files` (path under articles/ → source text), and a request to build it. */
async function site(files: Record<string, string>, settings: Config = config()) {
  const root = relative(process.cwd(), await mkdtemp(join(tmpdir(), 'wirefeed-engine-')))
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(root, 'articles', path, '..'), { recursive: true })
    await writeFile(join(root, 'articles', path), text)
  }
  const request: BuildRequest = { articles: join(root, 'articles'), config: settings, now, write: true, out: join(root, 'dist'), cache: join(root, 'cache') }
  return { root, request }
}

/** Build as a publish does, guarded by the ledger the last one published. */
function build(request: BuildRequest) {
  const ledger = readSource(join(request.out, 'ledger.json'))
  return buildWith({ ...request, ...(ledger && { ledger }) })
}

const text = (fields: Record<string, unknown>, body = 'Body.\n') => String(source(fields, body).value)

const three = {
  'one.md': text({ title: 'One', date: '2026-01-05', tags: ['Energy'] }, 'First [link](http://example.org/).'),
  'two.md': text({ title: 'Two', date: '2026-01-06', tags: ['Energy'] }, 'Second.'),
  'later.md': text({ title: 'Later', date: '2026-03-01' }, 'Scheduled.'),
}

/** Each output file's content by path. */
async function output(dir: string): Promise<Map<string, string>> {
  const paths = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name)))
  return new Map(await Promise.all(paths.sort().map(async (path) => [path, await readFile(join(dir, path), 'utf8')] as const)))
}

const record = async (cache: string) => JSON.parse(await readFile(join(cache, 'last-build.json'), 'utf8')) as BuildRecord
const messages = (files: { path: string; messages: { line?: number | undefined; ruleId?: string | undefined; reason: string }[] }[]) =>
  files.flatMap((file) => file.messages.map((m) => `${file.path}:${m.line} ${m.ruleId} ${m.reason}`))

test('a rebuild with nothing changed analyses nothing, touches nothing, and reports what the first build did', async () => {
  const { request } = await site(three)
  const cold = await build(request)
  assert.deepEqual([cold.ok, cold.analysed, cold.output], [true, 3, 'written'])
  const before = await output(request.out)
  const warm = await build(request)
  assert.deepEqual([warm.analysed, warm.output, warm.summary], [0, 'unchanged', cold.summary])
  assert.deepEqual(messages(warm.files), messages(cold.files))
  assert.deepEqual(await output(request.out), before)
})

test('a rebuild with one article changed analyses only that one, and gives the bytes a cold build gives', async () => {
  const { root, request } = await site(three)
  await build(request)
  await writeFile(join(request.articles, 'two.md'), text({ title: 'Two, updated', date: '2026-01-06', tags: ['Energy'] }, 'Second.'))
  const warm = await build(request)
  assert.deepEqual([warm.analysed, warm.output], [1, 'written'])
  const cold = { ...request, out: join(root, 'cold'), cache: join(root, 'cold-cache') }
  assert.equal((await build(cold)).analysed, 3)
  assert.deepEqual(await output(request.out), await output(cold.out))
  assert.match((await output(request.out)).get('feed.xml') ?? '', /Two, updated/)
})

test('a body edit changes the keys of the files that show it whole, and not of the topic feeds, which show teasers', async () => {
  const { request } = await site(three)
  await build(request)
  const keys = async () => new Map((await record(request.cache)).written.map(([path, file]) => [path, file.key]))
  const before = await keys()
  await writeFile(join(request.articles, 'two.md'), text({ title: 'Two', date: '2026-01-06', tags: ['Energy'] }, 'Second, corrected.'))
  await build(request)
  const after = await keys()
  const changed = [...after].filter(([path, key]) => key !== undefined && before.get(path) !== key).map(([path]) => path).sort()
  assert.deepEqual(changed, ['2026/01/two/index.html', 'atom.xml', 'feed.json', 'feed.xml'])
  await writeFile(join(request.articles, 'two.md'), text({ title: 'Two, retitled', date: '2026-01-06', tags: ['Energy'] }, 'Second, corrected.'))
  await build(request)
  assert.notEqual((await keys()).get('tags/energy/feed.xml'), after.get('tags/energy/feed.xml'))
})

test('a partner profile’s document is remade when an article it may hold changes, the summary one only when its teaser does; the rebuild is a cold build’s bytes', async () => {
  const profiles = { whole: { maxBytes: 20000, maxItems: 1 }, brief: { maxBytes: 20000, content: 'summary', format: 'json' } } as const
  const { root, request } = await site(three, config({ profiles }))
  await build(request)
  const keys = async () => new Map((await record(request.cache)).written.map(([path, file]) => [path, file.key]))
  const before = await keys()
  assert.ok(before.get('partners/whole/feed.xml') !== undefined && before.get('partners/brief/feed.json') !== undefined, 'both say what they are made of')
  // One's body: the whole profile holds only the newest, Two.
  await writeFile(join(request.articles, 'one.md'), text({ title: 'One', date: '2026-01-05', tags: ['Energy'] }, 'First, corrected.'))
  await build(request)
  const afterOne = await keys()
  assert.equal(afterOne.get('partners/whole/feed.xml'), before.get('partners/whole/feed.xml'))
  assert.equal(afterOne.get('partners/brief/feed.json'), before.get('partners/brief/feed.json'))
  await writeFile(join(request.articles, 'two.md'), text({ title: 'Two', date: '2026-01-06', tags: ['Energy'] }, 'Second, corrected.'))
  await build(request)
  const afterTwo = await keys()
  assert.notEqual(afterTwo.get('partners/whole/feed.xml'), afterOne.get('partners/whole/feed.xml'))
  assert.equal(afterTwo.get('partners/brief/feed.json'), afterOne.get('partners/brief/feed.json'))
  const cold = { ...request, out: join(root, 'cold'), cache: join(root, 'cold-cache') }
  await build(cold)
  const [warm, fresh] = [await output(request.out), await output(cold.out)]
  assert.deepEqual(warm, fresh)
  assert.match(warm.get('partners/whole/feed.xml') ?? '', /Second, corrected\./)
})

test('a body image gets its size on its article’s page; replaced by one of another size, it remakes that page and the documents that carry the body, no other', async () => {
  const { pngHeader } = await import('../helpers.ts')
  const { request } = await site({
    ...three,
    'two.md': text({ title: 'Two', date: '2026-01-06', tags: ['Energy'] }, 'Second.\n\n![A chart](/images/chart.png)\n'),
    'images/chart.png': '',
  })
  await writeFile(join(request.articles, 'images/chart.png'), pngHeader(800, 600))
  const first = await build(request)
  assert.ok(first.ok, messages(first.files).join('\n'))
  const page = async () => (await output(request.out)).get('2026/01/two/index.html') ?? ''
  assert.match(await page(), /<img src="[^"]*\/images\/chart\.png" alt="A chart" width="800" height="600">/)
  const keys = async () => new Map((await record(request.cache)).written.map(([path, file]) => [path, file.key]))
  const before = await keys()
  await writeFile(join(request.articles, 'images/chart.png'), pngHeader(640, 480))
  const again = await build(request)
  assert.deepEqual([again.analysed, again.output], [0, 'written'])
  assert.match(await page(), /width="640" height="480"/)
  const after = await keys()
  const changed = [...after].filter(([path, key]) => key !== undefined && before.get(path) !== key).map(([path]) => path).sort()
  // The page and the site's feeds, which carry the body whole (their bytes the same: feeds give body images no size); not the topic feeds' teasers.
  assert.deepEqual(changed, ['2026/01/two/index.html', 'atom.xml', 'feed.json', 'feed.xml', 'images/chart.png'])
  assert.equal((await build(request)).output, 'unchanged')
})

test('a config change analyses every source again', async () => {
  const { request } = await site(three)
  await build(request)
  assert.equal((await build({ ...request, config: config({ title: 'Another title' }) })).analysed, 3)
})

test('an embargoed article is analysed again, and rendered, when it goes live', async () => {
  const { request } = await site(three)
  await build(request)
  const live = await build({ ...request, now: new Date('2026-03-02T00:00:00Z') })
  assert.deepEqual([live.analysed, live.summary.published], [1, 3])
  assert.match((await output(request.out)).get('feed.json') ?? '', /Scheduled\./)
})

test('an invalid source is cached with its errors, which come back on the next build', async () => {
  const { request } = await site({ ...three, 'bad.md': '---\ntitel: x\n---\n' })
  const cold = await build(request)
  assert.equal(cold.ok, false)
  const warm = await build(request)
  assert.deepEqual([warm.ok, warm.analysed], [false, 0])
  assert.deepEqual(messages(warm.files), messages(cold.files))
})

test('check keeps the cache too, so the build after it analyses nothing, and writes no output', async () => {
  const { request } = await site(three)
  const checked = await build({ ...request, write: false })
  assert.deepEqual([checked.analysed, checked.output], [3, undefined])
  await assert.rejects(stat(request.out))
  assert.equal((await build(request)).analysed, 0)
})

test('the same bytes under new file times (a checkout, a touch) are read again but not analysed, and nothing is written', async () => {
  const { request } = await site(three)
  await build(request)
  const before = await stat(join(request.out, 'feed.xml'))
  for (const name of Object.keys(three)) await writeFile(join(request.articles, name), three[name as keyof typeof three])
  const again = await build(request)
  assert.deepEqual([again.analysed, again.output], [0, 'unchanged'])
  assert.equal((await stat(join(request.out, 'feed.xml'))).mtimeMs, before.mtimeMs)
})

test('an output edited, deleted or added to by hand since is made whole again, as a cold build would', async () => {
  const { request } = await site(three)
  await build(request)
  const good = await output(request.out)
  await writeFile(join(request.out, 'index.html'), 'edited by hand')
  await rm(join(request.out, 'feed.json'))
  await writeFile(join(request.out, 'stray.html'), 'put there by hand')
  const again = await build(request)
  assert.deepEqual([again.analysed, again.output], [0, 'written'])
  assert.deepEqual(await output(request.out), good)
})

test('a damaged cache is never published: a body edited in its pack makes the build start again without the cache', async () => {
  const { request } = await site(three)
  await build(request)
  const good = await output(request.out)
  for (const name of (await readdir(request.cache)).filter((file) => file.endsWith('.pack'))) {
    const path = join(request.cache, name)
    await writeFile(path, (await readFile(path, 'utf8')).replaceAll('Second.', 'Forged!'))
  }
  await writeFile(join(request.articles, 'one.md'), text({ title: 'One', date: '2026-01-05', tags: ['Energy'] }, 'First, edited.'))
  const again = await build(request)
  assert.equal(again.analysed, 3)
  const now = await output(request.out)
  assert.doesNotMatch([...now.values()].join(''), /Forged!/)
  assert.deepEqual([...now.keys()], [...good.keys()])
})

test('a build whose record cannot be written fails, and leaves the output as it was', async () => {
  const { request } = await site(three)
  await build(request)
  const good = await output(request.out)
  await writeFile(join(request.articles, 'two.md'), text({ title: 'Two, updated', date: '2026-01-06' }))
  // The record's place taken by a folder: writing it fails as a full or read-only disk would.
  await rm(join(request.cache, 'last-build.json'))
  await mkdir(join(request.cache, 'last-build.json'))
  await assert.rejects(build(request), /EISDIR|illegal operation on a directory/)
  assert.deepEqual(await output(request.out), good)
  assert.deepEqual((await readdir(join(request.out, '..'))).filter((name) => name.startsWith('dist')), ['dist'])
})

test('the cache holds what the site needs and little else, however many builds it has seen', async () => {
  const { request } = await site(three)
  for (let n = 0; n < 40; n++) {
    await writeFile(join(request.articles, 'two.md'), text({ title: 'Two', date: '2026-01-06' }, `Version ${n}. ${'Words. '.repeat(6000)}`))
    await build(request)
  }
  const files = await readdir(request.cache)
  const packs = files.filter((name) => name.endsWith('.pack'))
  const bytes = (await Promise.all(packs.map(async (name) => (await stat(join(request.cache, name))).size))).reduce((a, b) => a + b, 0)
  // 40 versions of a 42 KB body have been made: the packs are compacted before they hold a megabyte.
  assert.ok(bytes < 1.1 * 2 ** 20, `${bytes} bytes in ${packs.length} packs`)
  assert.deepEqual(files.filter((name) => !name.endsWith('.pack')).sort(), ['index.json', 'last-build.json'])
})

test('a build at an earlier "now" than the last one is never a replay: it publishes what was out then', async () => {
  const { request } = await site(three)
  await build(request)
  const earlier = await build({ ...request, now: new Date('2026-01-05T12:00:00Z') })
  assert.notEqual(earlier.output, 'unchanged')
  // Two was published at the last build; at this "now" it is not out yet, and the ledger knows its id.
  assert.equal(earlier.ok, false)
  assert.ok(messages(earlier.files).some((line) => / id-vanished /.test(line)), messages(earlier.files).join('\n'))
})

test('a rebuild with nothing changed is no replay once an article has aged out of the news sitemap: the scheduled publish drops it', async () => {
  const { request } = await site(three)
  const fresh = { ...request, now: new Date('2026-01-06T12:00:00Z') }
  await build(fresh)
  const news = async () => (await output(request.out)).get('news-sitemap.xml') ?? ''
  assert.match(await news(), /2026\/01\/two\//)
  // One was published at midnight in Kyiv, 2026-01-04T22:00Z: it ages out two days later.
  assert.equal((await record(request.cache)).changesAt, '2026-01-06T22:00:00.000Z')
  // Before that, nothing changed: the same output, replayed.
  assert.equal((await build({ ...fresh, now: new Date('2026-01-06T21:59:59Z') })).output, 'unchanged')
  const later = await build({ ...fresh, now: new Date('2026-01-06T22:00:00Z') })
  assert.deepEqual([later.analysed, later.output], [0, 'written'])
  assert.doesNotMatch(await news(), /2026\/01\/one\//)
  assert.match(await news(), /2026\/01\/two\//)
  assert.equal((await record(request.cache)).changesAt, '2026-01-07T22:00:00.000Z')
  await build({ ...fresh, now: new Date('2026-01-07T22:00:00Z') })
  assert.doesNotMatch(await news(), /<url>/)
  assert.equal((await record(request.cache)).changesAt, undefined)
})

test('an image replaced by one of another size remakes the files that state its size, and a rebuild after reads it no more', async () => {
  const { pngHeader } = await import('../helpers.ts')
  const { request } = await site({
    ...three,
    'two.md': text({ title: 'Two', date: '2026-01-06', tags: ['Energy'], image: { src: 'images/two.png', alt: 'A chart' } }, 'Second.'),
    'images/two.png': '',
  })
  await writeFile(join(request.articles, 'images/two.png'), pngHeader(1600, 900))
  const first = await build(request)
  assert.ok(first.ok, messages(first.files).join('\n'))
  const page = async () => (await output(request.out)).get('2026/01/two/index.html') ?? ''
  assert.match(await page(), /width="1600" height="900"/)
  assert.equal((await build(request)).output, 'unchanged')
  const keys = async () => new Map((await record(request.cache)).written.map(([path, file]) => [path, file.key]))
  const before = await keys()
  await writeFile(join(request.articles, 'images/two.png'), pngHeader(1200, 800))
  const again = await build(request)
  assert.deepEqual([again.analysed, again.output], [0, 'written'])
  assert.match(await page(), /width="1200" height="800"/)
  assert.match((await output(request.out)).get('feed.xml') ?? '', /fileSize="33" width="1200" height="800"/)
  const after = await keys()
  const changed = [...after].filter(([path, key]) => key !== undefined && before.get(path) !== key).map(([path]) => path).sort()
  // The image, its article's page, every feed that lists it (topic feeds too: a teaser shows the image) and every list
  // page showing its thumbnail; not One's page. The sitemap is keyed by every teaser, so it is made again (to the same bytes).
  assert.deepEqual(changed, [
    '2026/01/two/index.html',
    'archive/2026/01/index.html',
    'atom.xml',
    'authors/ann-writer/atom.xml',
    'authors/ann-writer/feed.json',
    'authors/ann-writer/feed.xml',
    'authors/ann-writer/index.html',
    'feed.json',
    'feed.xml',
    'images/two.png',
    'sitemap.xml',
    'tags/energy/atom.xml',
    'tags/energy/feed.json',
    'tags/energy/feed.xml',
    'tags/energy/index.html',
  ])
  assert.equal((await build(request)).output, 'unchanged')
})

test('an edited headline rewrites only the pages that show it: its own, its page of the home page, its topics\' and their months\', and its month\'s', async () => {
  // Five articles over two months, two to a page: the home page has three pages, Energy two; World (A and B) one.
  const five = {
    'a.md': text({ title: 'A', date: '2025-12-20', tags: ['Energy'], section: 'World' }),
    'b.md': text({ title: 'B', date: '2026-01-02', tags: ['Energy'], author: 'Bo Reporter', section: 'World' }),
    'c.md': text({ title: 'C', date: '2026-01-03', tags: ['Grain'] }),
    'd.md': text({ title: 'D', date: '2026-01-04', tags: ['Energy'] }),
    'e.md': text({ title: 'E', date: '2026-01-05', tags: ['Energy'] }),
  }
  const { request } = await site(five, config({ feedItems: 2, sections: ['World', 'Sport'] }))
  await build(request)
  // A file rewritten has new bytes or a new modification time; the others are left as they were.
  const hashes = async () => new Map((await record(request.cache)).written.map(([path, file]) => [path, `${file.sha256} ${file.mtimeMs}`]))
  const before = await hashes()
  // A is the oldest: on the last page of the home page and of Energy, on World's one page, in December's archive
  // (the site's, Energy's, Ann Writer's and World's: each has two months), by Ann Writer.
  await writeFile(join(request.articles, 'a.md'), text({ title: 'A, retitled', date: '2025-12-20', tags: ['Energy'], section: 'World' }))
  const again = await build(request)
  assert.deepEqual([again.analysed, again.output], [1, 'written'])
  const after = await hashes()
  const pages = [...after].filter(([path, hash]) => path.endsWith('.html') && before.get(path) !== hash).map(([path]) => path).sort()
  assert.deepEqual(pages, [
    '2025/12/a/index.html',
    'archive/2025/12/index.html',
    'authors/ann-writer/archive/2025/12/index.html',
    'authors/ann-writer/page/2/index.html',
    'page/3/index.html',
    'sections/world/archive/2025/12/index.html',
    'sections/world/index.html',
    'tags/energy/archive/2025/12/index.html',
    'tags/energy/page/2/index.html',
  ])
})

test('a new translation remakes its original’s page, which links it, and the rebuild gives a cold build’s bytes (#21)', async () => {
  const two = {
    'budget.md': text({ title: 'Budget', date: '2026-01-05', language: 'en' }),
    'metro.md': text({ title: 'Metro', date: '2026-01-06', language: 'uk' }),
  }
  const { request } = await site(two)
  await build(request)
  const hashes = async () => new Map((await record(request.cache)).written.map(([path, file]) => [path, `${file.sha256} ${file.mtimeMs}`]))
  const before = await hashes()
  await writeFile(join(request.articles, 'budget-uk.md'), text({ title: 'Бюджет', date: '2026-01-07', language: 'uk', translationOf: 'tag:news.example.org,2026-01-05:budget' }))
  const again = await build(request)
  assert.deepEqual([again.analysed, again.output], [1, 'written'])
  const after = await hashes()
  const changed = [...after].filter(([path, hash]) => path.endsWith('/index.html') && /^2026\/01\//.test(path) && before.get(path) !== hash).map(([path]) => path).sort()
  // The metro page has no translation: left as it was.
  assert.deepEqual(changed, ['2026/01/budget-uk/index.html', '2026/01/budget/index.html'])
  assert.match(await readFile(join(request.out, '2026/01/budget/index.html'), 'utf8'), /<link rel="alternate" hreflang="uk" href="https:\/\/news\.example\.org\/2026\/01\/budget-uk\/">/)
  const cold = await site({ ...two, 'budget-uk.md': await readFile(join(request.articles, 'budget-uk.md'), 'utf8') })
  await build(cold.request)
  const [warm, fresh] = [await output(request.out), await output(cold.request.out)]
  assert.deepEqual([...warm.keys()], [...fresh.keys()])
  for (const [path, content] of fresh) if (path !== 'build.json' && path !== 'ledger.json') assert.equal(warm.get(path), content, path)
})
