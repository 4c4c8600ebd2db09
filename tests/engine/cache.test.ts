import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { VFile } from 'vfile'
import { analyseSource } from '../../src/analyse.ts'
import { BodyReader, DamagedCache, entryServes, fromEntry, PackWriter, readIndex, toEntry, writeIndex, type Entry } from '../../src/engine/cache.ts'
import { config, source } from '../helpers.ts'

const now = new Date('2026-02-01T00:00:00Z')

async function scratch() {
  return mkdtemp(join(tmpdir(), 'wirefeed-cache-'))
}

/** An entry for `file` as a build makes one, its body appended to `pack`. */
function entryOf(file: VFile, pack: PackWriter, at = now): Entry {
  return toEntry(file, analyseSource(file, config(), at), 'context', pack)
}

test('an entry gives back the article, its messages and its body as they were analysed', async () => {
  const dir = await scratch()
  const pack = new PackWriter(dir)
  const file = source({ title: 'One', tags: ['Energy'] }, 'See [this](http://example.org/).', 'articles/one.md')
  const analysis = analyseSource(source({ title: 'One', tags: ['Energy'] }, 'See [this](http://example.org/).', 'articles/one.md'), config(), now)
  const entry = entryOf(file, pack)
  pack.flush()
  const back = fromEntry(JSON.parse(JSON.stringify(entry)) as Entry, 'articles/one.md')
  const { file: _file, ...article } = back.article ?? assert.fail('no article')
  const { file: _original, ...expected } = analysis.article ?? assert.fail('no article')
  assert.deepEqual(article, expected)
  assert.deepEqual(back.file.messages.map(String), file.messages.map(String))
  assert.equal(back.readingTime, analysis.body?.readingTime)
  const reader = new BodyReader(dir)
  assert.equal(reader.read(entry.body ?? assert.fail('no body')), analysis.body?.html)
  reader.close()
})

test('holds what a build at a given time needs: a scheduled article has no body until it is out', async () => {
  const pack = new PackWriter(await scratch())
  const later = entryOf(source({ date: '2026-03-01' }), pack)
  assert.equal(later.body, undefined)
  assert.equal(entryServes(later, now), true)
  assert.equal(entryServes(later, new Date('2026-03-02T00:00:00Z')), false)
  const invalid = entryOf(source({ titel: 'x' }), pack)
  assert.equal(entryServes(invalid, now), true)
  pack.flush()
})

test('a body that is not what the index recorded is refused, never published', async () => {
  const dir = await scratch()
  const pack = new PackWriter(dir)
  const entry = entryOf(source({}, 'The body, as rendered.'), pack)
  pack.flush()
  const body = entry.body ?? assert.fail('no body')
  const path = join(dir, body.pack)
  const bytes = await readFile(path)
  await writeFile(path, Buffer.from(bytes.toString().replace('rendered', 'RENDERED')))
  const reader = new BodyReader(dir)
  assert.throws(() => reader.read(body), DamagedCache)
  await writeFile(path, bytes.subarray(0, bytes.length - 3))
  assert.throws(() => reader.read(body), DamagedCache)
  reader.close()
})

test('the index round-trips, and one cut short or edited by hand is no index at all', async () => {
  const dir = await scratch()
  const pack = new PackWriter(dir)
  const entries = new Map([
    ['a'.repeat(64), entryOf(source({ title: 'One' }), pack)],
    ['b'.repeat(64), entryOf(source({ titel: 'x' }), pack)],
  ])
  pack.flush()
  writeIndex(dir, entries)
  assert.deepEqual(readIndex(dir), new Map([...entries].map(([key, entry]) => [key, JSON.parse(JSON.stringify(entry))])))
  const index = join(dir, 'index.json')
  const text = await readFile(index, 'utf8')
  await writeFile(index, text.replace('One', 'Won'))
  assert.equal(readIndex(dir).size, 0)
  await writeFile(index, text.slice(0, text.length / 2))
  assert.equal(readIndex(dir).size, 0)
  assert.equal(readIndex(join(dir, 'missing')).size, 0)
})

test('keeps the packs its entries name and those a running build may be writing; removes the rest', async () => {
  const dir = await scratch()
  const pack = new PackWriter(dir)
  const kept = entryOf(source(), pack)
  pack.flush()
  const dead = spawnSync(process.execPath, ['-e', '']).pid
  await writeFile(join(dir, `${dead}-1.pack`), 'left by a killed build')
  await writeFile(join(dir, `${process.ppid}-1.pack`), 'a running build is writing this')
  await writeFile(join(dir, `${process.pid}-7.pack`), 'no longer named')
  writeIndex(dir, new Map([['c'.repeat(64), kept]]))
  assert.deepEqual((await readdir(dir)).sort(), [`${process.pid}-0.pack`, `${process.ppid}-1.pack`, 'index.json'].sort())
})

test('copies the bodies still named into a pack of their own once most of what the packs hold is not', async () => {
  const dir = await scratch()
  const pack = new PackWriter(dir)
  // Many versions of one long article, as many edits leave them: only the last is named.
  const versions = Array.from({ length: 40 }, (_, n) => entryOf(source({}, `Version ${n}. ${'Words and more words. '.repeat(2000)}`), pack))
  pack.flush()
  const last = versions.at(-1) as Entry
  writeIndex(dir, new Map([['d'.repeat(64), last]]))
  const [entry] = readIndex(dir).values()
  const body = entry?.body ?? assert.fail('no body')
  assert.notEqual(body.pack, last.body?.pack)
  assert.deepEqual((await readdir(dir)).sort(), [body.pack, 'index.json'].sort())
  const reader = new BodyReader(dir)
  assert.match(reader.read(body), /^<p>Version 39\./)
  reader.close()
})
