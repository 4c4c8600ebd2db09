import assert from 'node:assert/strict'
import { mkdtemp, readdir, readFile, rename, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { writeOutput } from '../src/write.ts'

async function scratch() {
  return mkdtemp(join(tmpdir(), 'wirefeed-write-'))
}

const files = (entries: Record<string, string>) => new Map(Object.entries(entries))

test('writes exactly the given files, replacing what was there', async () => {
  const out = join(await scratch(), 'dist')
  await writeOutput(out, files({ 'feed.xml': 'one', 'old.txt': 'x' }))
  assert.equal(await writeOutput(out, files({ 'feed.xml': 'two', 'sub/feed.json': '{}' })), true)
  assert.deepEqual((await readdir(out, { recursive: true })).sort(), ['feed.xml', 'sub', 'sub/feed.json'])
  assert.equal(await readFile(join(out, 'feed.xml'), 'utf8'), 'two')
})

test('leaves an unchanged output untouched, modification times included', async () => {
  const out = join(await scratch(), 'dist')
  await writeOutput(out, files({ 'feed.xml': 'same' }))
  const before = (await stat(join(out, 'feed.xml'))).mtimeMs
  await new Promise((resolve) => setTimeout(resolve, 20))
  assert.equal(await writeOutput(out, files({ 'feed.xml': 'same' })), false)
  assert.equal((await stat(join(out, 'feed.xml'))).mtimeMs, before)
})

test('keeps the previous output, and no debris, when writing fails midway', async () => {
  const root = await scratch()
  const out = join(root, 'dist')
  await writeOutput(out, files({ 'feed.xml': 'good' }))
  // A file where a folder must go makes the write fail after it has started.
  await assert.rejects(writeOutput(out, files({ 'a.txt': 'x', 'a.txt/b.txt': 'y' })))
  assert.equal(await readFile(join(out, 'feed.xml'), 'utf8'), 'good')
  assert.deepEqual(await readdir(out), ['feed.xml'])
  assert.deepEqual(await readdir(root), ['dist'])
})

test('restores the previous output if a swap was interrupted between its renames', async () => {
  const root = await scratch()
  const out = join(root, 'dist')
  await writeOutput(out, files({ 'feed.xml': 'good' }))
  await rename(out, `${out}.old`)
  await writeOutput(out, files({ 'feed.xml': 'good' }))
  assert.deepEqual((await readdir(root)).sort(), ['dist'])
  assert.equal(await readFile(join(out, 'feed.xml'), 'utf8'), 'good')
})
