import assert from 'node:assert/strict'
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { VFile } from 'vfile'
import { entryHtml, pruneCache, readCache, storeEntry } from '../src/cache.ts'
import { buildSite } from '../src/site.ts'
import { config, contents, source } from './helpers.ts'

const now = new Date('2026-02-01T00:00:00Z')
const settings = config()

function sources() {
  return [
    source({ title: 'One', date: '2026-01-05' }, 'First [link](http://example.org/).', 'articles/one.md'),
    source({ title: 'Two', date: '2026-01-06' }, 'Second.', 'articles/two.md'),
    source({ title: 'Later', date: '2026-03-01' }, 'Scheduled.', 'articles/later.md'),
  ]
}

test('a rebuild with nothing changed reuses every source and gives the same bytes and messages', () => {
  const cold = buildSite(sources(), settings, { now })
  assert.equal(cold.reused.size, 0)
  const warm = buildSite(sources(), settings, { now, cache: cold.cache })
  assert.equal(warm.reused.size, 3)
  assert.deepEqual(contents(warm.output), contents(cold.output))
  const messages = (result: typeof cold) => result.files.flatMap((file) => file.messages.map((m) => `${file.path}:${m.line}:${m.column} ${m.ruleId} ${m.reason}`))
  assert.deepEqual(messages(warm), messages(cold))
})

test('a rebuild with one article changed renders only that one', () => {
  const cold = buildSite(sources(), settings, { now })
  const changed = sources()
  changed[1] = source({ title: 'Two, updated', date: '2026-01-06' }, 'Second.', 'articles/two.md')
  const warm = buildSite(changed, settings, { now, cache: cold.cache })
  assert.equal(warm.reused.size, 2)
  assert.match(contents(warm.output).get('feed.xml') ?? '', /Two, updated/)
})

test('an edit to a body changes the keys of the documents that carry it, and not of the topic feeds, which carry teasers', () => {
  const tagged = (body: string, title = 'Two') => [
    ...sources().filter((file) => !file.path.endsWith('two.md')),
    source({ title, date: '2026-01-06', tags: ['Energy'] }, body, 'articles/two.md'),
  ]
  const keys = (files: VFile[], context = 'renderer 1') => {
    const site = buildSite(files, settings, { now, cacheContext: context })
    return new Map([...site.output].map((file) => [file.path, file.key]))
  }
  const before = keys(tagged('Second.'))
  const changed = (after: Map<string, string | undefined>) => [...after].filter(([path, key]) => key === undefined || before.get(path) !== key).map(([path]) => path)
  const made = ['2026/01/two/index.html', ...['', 'archive/2026/01/'].flatMap((folder) => ['feed.xml', 'atom.xml', 'feed.json'].map((name) => folder + name))]
  const unkeyed = changed(before)
  // A body edit: the article's page and the site's feed and archive, which carry the full text.
  assert.deepEqual(changed(keys(tagged('Second, corrected.'))).filter((path) => !unkeyed.includes(path)).sort(), made.sort())
  // A title edit shows in the teasers too.
  assert.ok(changed(keys(tagged('Second.', 'Two, retitled'))).includes('tags/energy/feed.xml'))
  // Another renderer may render teasers differently: every key changes.
  assert.deepEqual(changed(keys(tagged('Second.'), 'renderer 2')).sort(), [...before.keys()].sort())
})

test('a config or renderer change invalidates every entry', () => {
  const cold = buildSite(sources(), settings, { now, cacheContext: 'renderer 1' })
  assert.equal(buildSite(sources(), settings, { now, cache: cold.cache, cacheContext: 'renderer 2' }).reused.size, 0)
  assert.equal(buildSite(sources(), config({ title: 'Other' }), { now, cache: cold.cache, cacheContext: 'renderer 1' }).reused.size, 0)
})

test('an embargoed article cached before its time is rendered when it goes live', () => {
  const before = buildSite(sources(), settings, { now })
  const after = buildSite(sources(), settings, { now: new Date('2026-03-02T00:00:00Z'), cache: before.cache })
  assert.equal(after.reused.size, 2)
  assert.equal(after.published.length, 3)
  assert.match(contents(after.output).get('feed.json') ?? '', /Scheduled\./)
})

test('an invalid source is cached with its errors, which come back on the next build', () => {
  const bad = new VFile({ path: 'articles/bad.md', value: '---\ntitel: x\n---\n' })
  const cold = buildSite([bad], settings, { now })
  const again = new VFile({ path: 'articles/bad.md', value: '---\ntitel: x\n---\n' })
  const warm = buildSite([again], settings, { now, cache: cold.cache })
  assert.equal(warm.ok, false)
  assert.equal(warm.reused.size, 1)
  assert.deepEqual(again.messages.map(String), bad.messages.map(String))
})

test('the cache on disk: round trip with the HTML read when asked for, stale entries pruned, corrupt, cut-short or misnamed ones ignored', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'wirefeed-cache-'))
  const cold = buildSite(sources(), settings, { now })
  await writeFile(join(dir, `${'a'.repeat(64)}.entry`), '{"key": "stale", "messages": []}\n')
  await writeFile(join(dir, `${'b'.repeat(64)}.entry`), '{ not json\n')
  await writeFile(join(dir, `${'c'.repeat(64)}.json`), '{"key": "an older format", "messages": []}')
  assert.equal(readCache(dir).size, 0)
  const stored = [...cold.cache.values()].map((entry) => storeEntry(dir, entry))
  const published = stored.find((entry) => entry.readingTime !== undefined)
  assert.ok(published)
  // An entry cut short (a build killed while writing it, a full disk) is a miss, not half an article.
  const [cut, cutKey] = [join(dir, `${published.key}.entry`), published.key]
  const whole = await readFile(cut)
  await writeFile(cut, whole.subarray(0, whole.length - 5))
  assert.deepEqual([...readCache(dir).keys()].sort(), [...cold.cache.keys()].filter((key) => key !== cutKey).sort())
  await writeFile(cut, whole)
  const read = readCache(dir)
  assert.deepEqual([...read.keys()].sort(), [...cold.cache.keys()].sort())
  for (const [key, entry] of cold.cache) assert.equal(entryHtml(read.get(key) ?? { key, messages: [] }), entry.html)
  assert.equal(buildSite(sources(), settings, { now, cache: read }).reused.size, 3)
  await pruneCache(dir, new Set(cold.cache.keys()))
  assert.deepEqual((await readdir(dir)).sort(), [...cold.cache.keys()].map((key) => `${key}.entry`).sort())
  await pruneCache(dir, new Set([cutKey]))
  assert.deepEqual(await readdir(dir), [`${cutKey}.entry`])
})

test('a rebuild from the cache on disk gives the bytes of a cold build, and holds no HTML until a document asks for it', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'wirefeed-cache-'))
  const cold = buildSite(sources(), settings, { now })
  for (const entry of cold.cache.values()) storeEntry(dir, entry)
  const warm = buildSite(sources(), settings, { now, cache: readCache(dir) })
  assert.deepEqual(contents(warm.output), contents(cold.output))
  const reads = { count: 0 }
  // Each read of an entry's HTML asks where it is once.
  const counting = new Map([...readCache(dir)].map(([key, entry]) => {
    assert.equal(entry.html, undefined, 'an entry read holds no HTML')
    const place = entry.htmlAt
    const htmlAt = place && { ...place, get path() { return (reads.count++, place.path) } }
    return [key, { ...entry, ...(htmlAt && { htmlAt }) }]
  }))
  const site = buildSite(sources(), settings, { now, cache: counting })
  assert.equal(reads.count, 0, 'building the site read no HTML')
  const files = [...site.output]
  assert.equal(reads.count, 0, 'listing the output read no HTML')
  files.find((file) => file.path === 'feed.xml')?.content()
  assert.equal(reads.count, 2, 'the feed read the HTML of its two articles')
})
