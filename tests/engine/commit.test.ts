import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { outputHolds, recoverOutput, stageOutput, type StageOptions } from '../../src/engine/commit.ts'
import { manifestFile, outputFile, type OutputFile } from '../../src/output.ts'

async function scratch() {
  return mkdtemp(join(tmpdir(), 'wirefeed-write-'))
}

const files = (entries: Record<string, string>) => Object.entries(entries).map(([path, content]) => outputFile(path, content))

/** Stage and commit, as a build does. */
async function writeOutput(out: string, made: Iterable<OutputFile>, options: StageOptions = {}) {
  const staged = await stageOutput(out, made, options)
  staged.commit()
  return staged
}

/** A file keyed as the engine keys one, by what its maker says it is made of. */
const keyed = (path: string, content: string | (() => string), key: string): OutputFile => ({ ...outputFile(path, content), madeOf: { articles: [], whole: true, with: key } })
const keyOf = (file: OutputFile) => (file.madeOf ? String(file.madeOf.with) : undefined)

test('writes exactly the given files, replacing what was there', async () => {
  const out = join(await scratch(), 'dist')
  await writeOutput(out, files({ 'feed.xml': 'one', 'old.txt': 'x' }))
  assert.equal((await writeOutput(out, files({ 'feed.xml': 'two', 'sub/feed.json': '{}' }))).changed, true)
  assert.deepEqual((await readdir(out, { recursive: true })).sort(), ['build.json', 'feed.xml', 'sub', 'sub/feed.json'])
  assert.equal(await readFile(join(out, 'feed.xml'), 'utf8'), 'two')
})

test('leaves an unchanged output untouched, modification times included', async () => {
  const out = join(await scratch(), 'dist')
  await writeOutput(out, files({ 'feed.xml': 'same' }))
  const before = (await stat(join(out, 'feed.xml'))).mtimeMs
  await new Promise((resolve) => setTimeout(resolve, 20))
  assert.equal((await writeOutput(out, files({ 'feed.xml': 'same' }))).changed, false)
  assert.equal((await stat(join(out, 'feed.xml'))).mtimeMs, before)
})

test('keeps the previous output, and no debris, when writing fails midway', async () => {
  const root = await scratch()
  const out = join(root, 'dist')
  await writeOutput(out, files({ 'feed.xml': 'good' }))
  // A file where a folder must go makes the write fail after it has started.
  await assert.rejects(writeOutput(out, files({ 'a.txt': 'x', 'a.txt/b.txt': 'y' })))
  assert.equal(await readFile(join(out, 'feed.xml'), 'utf8'), 'good')
  assert.deepEqual((await readdir(out)).sort(), ['build.json', 'feed.xml'])
  assert.deepEqual(await readdir(root), ['dist'])
})

test('deletes what is no longer output, and the folders it leaves empty', async () => {
  const out = join(await scratch(), 'dist')
  await writeOutput(out, files({ 'feed.xml': 'one', 'gone/story/index.html': 'x', 'kept/a.html': 'a', 'kept/b.html': 'b' }))
  await writeFile(join(out, 'stray.txt'), 'put there by hand')
  assert.equal((await writeOutput(out, files({ 'feed.xml': 'one', 'kept/a.html': 'a' }))).changed, true)
  assert.deepEqual((await readdir(out, { recursive: true })).sort(), ['build.json', 'feed.xml', 'kept', 'kept/a.html'])
})

test('finishes a commit that a write killed halfway through applying left, and finds none the second time', async () => {
  const root = await scratch()
  const out = join(root, 'dist')
  await writeOutput(out, files({ 'feed.xml': 'old', 'same.html': 'same', 'gone.html': 'gone', 'a/b.html': 'b' }))
  // What a write killed halfway through applying its commit leaves: `feed.xml` already moved in,
  // `new/page.html` not yet, and the deletions not yet made.
  const commit = `${out}.commit`
  await mkdir(join(commit, 'files', 'new'), { recursive: true })
  await writeFile(join(commit, 'files', 'new', 'page.html'), 'new page')
  await writeFile(join(commit, 'files', 'a'), 'a file where a folder was')
  await writeFile(join(commit, 'deletions.json'), JSON.stringify(['gone.html', 'a/b.html']))
  await writeFile(join(out, 'feed.xml'), 'new')
  recoverOutput(out)
  const finished = async () => [
    (await readdir(root)).sort(),
    (await readdir(out, { recursive: true })).sort(),
    await Promise.all(['feed.xml', 'new/page.html', 'a'].map((path) => readFile(join(out, path), 'utf8'))),
  ]
  const expected = [['dist'], ['a', 'build.json', 'feed.xml', 'new', 'new/page.html', 'same.html'], ['new', 'new page', 'a file where a folder was']]
  assert.deepEqual(await finished(), expected)
  // And a write finds no commit to finish when there is none.
  recoverOutput(out)
  assert.deepEqual(await finished(), expected)
})

test('refuses to commit over a commit another build made while it staged, leaving the output and no debris', async () => {
  const root = await scratch()
  const out = join(root, 'dist')
  await writeOutput(out, files({ 'feed.xml': 'good' }))
  // Another process commits (its commit folder appears) while this write is making its files.
  const intruder = outputFile('feed.xml', () => {
    mkdirSync(join(`${out}.commit`, 'files'), { recursive: true })
    writeFileSync(join(`${out}.commit`, 'files', 'feed.xml'), 'theirs')
    writeFileSync(join(`${out}.commit`, 'deletions.json'), '[]')
    return 'ours'
  })
  await assert.rejects(writeOutput(out, [intruder]), /another build is writing `.*dist` at this moment; build again/)
  assert.equal(await readFile(join(out, 'feed.xml'), 'utf8'), 'good')
  assert.deepEqual((await readdir(root)).sort(), ['dist', 'dist.commit'])
  // The next write finishes their commit, then makes its own.
  await writeOutput(out, files({ 'feed.xml': 'ours' }))
  assert.deepEqual(await readdir(root), ['dist'])
  assert.equal(await readFile(join(out, 'feed.xml'), 'utf8'), 'ours')
})

test('refuses output paths that would leave the output folder, and leaves the output as it was', async () => {
  const root = await scratch()
  const out = join(root, 'site', 'dist')
  await writeOutput(out, files({ 'feed.xml': 'good' }))
  for (const path of ['../escaped.txt', 'a/../../escaped.txt', join(root, 'escaped.txt'), '', '.', 'a\0b']) {
    await assert.rejects(writeOutput(out, files({ 'feed.xml': 'new', [path]: 'x' })), /output paths must stay inside/, JSON.stringify(path))
  }
  assert.deepEqual(await readdir(join(root, 'site')), ['dist'])
  assert.deepEqual(await readdir(root), ['site'])
  assert.equal(await readFile(join(out, 'feed.xml'), 'utf8'), 'good')
  // A name that merely starts with two dots is inside.
  await writeOutput(out, files({ '..feed.xml': 'fine' }))
  assert.deepEqual((await readdir(out)).sort(), ['..feed.xml', 'build.json'])
})

test('refuses an output folder that holds the working directory, whose files writing it would delete', async (t) => {
  const root = await scratch()
  await mkdir(join(root, 'project', 'articles'), { recursive: true })
  const cwd = process.cwd()
  process.chdir(join(root, 'project'))
  t.after(() => process.chdir(cwd))
  for (const out of ['.', '..', root, '/']) {
    await assert.rejects(writeOutput(out, files({ 'feed.xml': 'x' })), /holds the working directory/, out)
  }
  assert.deepEqual(await readdir(join(root, 'project')), ['articles'])
  assert.deepEqual(await readdir(root), ['project'])
})

test('removes the folders of killed builds, but not one a running build is still writing', async () => {
  const root = await scratch()
  const out = join(root, 'dist')
  // A pid that is certainly free: a process that has already ended.
  const dead = spawnSync(process.execPath, ['-e', '']).pid
  await mkdir(`${out}.new-${dead}`)
  await mkdir(`${out}.new-${process.ppid}`)
  await writeOutput(out, files({ 'feed.xml': 'good' }))
  assert.deepEqual((await readdir(root)).sort(), ['dist', `dist.new-${process.ppid}`])
})

test('rewrites only the files that changed; the others keep their inode and modification time', async () => {
  const out = join(await mkdtemp(join(tmpdir(), 'wirefeed-write-')), 'dist')
  await writeOutput(out, files({ 'same.xml': 'same', 'changed.xml': 'one' }))
  const before = await stat(join(out, 'same.xml'))
  await new Promise((resolve) => setTimeout(resolve, 20))
  assert.equal((await writeOutput(out, files({ 'same.xml': 'same', 'changed.xml': 'two' }))).changed, true)
  const after = await stat(join(out, 'same.xml'))
  assert.deepEqual([after.ino, after.mtimeMs], [before.ino, before.mtimeMs])
  assert.equal(await readFile(join(out, 'changed.xml'), 'utf8'), 'two')
})

test('keeps a file made under the same key as last time without making it, unless the output copy was edited since', async () => {
  const out = join(await scratch(), 'dist')
  const first = await writeOutput(out, [keyed('page.html', 'one', 'key-1'), outputFile('index.html', 'home')], { keyOf })
  const unmade = keyed('page.html', () => assert.fail('a file under an unchanged key was made again'), 'key-1')
  const again = await writeOutput(out, [unmade, outputFile('index.html', 'home, changed')], { previous: first.written, keyOf })
  assert.equal(again.changed, true)
  assert.equal(await readFile(join(out, 'page.html'), 'utf8'), 'one')
  assert.deepEqual(again.written.get('page.html'), first.written.get('page.html'))

  // Someone edits the published copy: its size and time no longer match the record, so it is made again.
  await new Promise((resolve) => setTimeout(resolve, 20))
  await writeFile(join(out, 'page.html'), 'edited by hand')
  let made = 0
  const counted = keyed('page.html', () => (made++, 'one'), 'key-1')
  await writeOutput(out, [counted, outputFile('index.html', 'home, changed')], { previous: again.written, keyOf })
  assert.equal(made, 1)
  assert.equal(await readFile(join(out, 'page.html'), 'utf8'), 'one')
})

test('seals the output with a manifest made from the path and SHA-256 of every other file, in path order', async () => {
  const out = join(await scratch(), 'dist')
  const { written, manifest } = await writeOutput(out, files({ 'b/c.json': 'c', 'a.xml': 'a' }))
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
  const expected = sha256(`a.xml\0${sha256('a')}\0b/c.json\0${sha256('c')}\0`)
  assert.equal(await readFile(join(out, manifestFile), 'utf8'), manifest)
  assert.deepEqual(JSON.parse(manifest), { version: 2, sha256: expected })
  assert.deepEqual([...written.keys()], ['b/c.json', 'a.xml', 'build.json'])
  // The same files in another order: the same manifest.
  assert.equal((await writeOutput(join(await scratch(), 'dist'), files({ 'a.xml': 'a', 'b/c.json': 'c' }))).manifest, manifest)
})

test('tells whether the output still holds what was written: a file edited, added or removed since, and it does not', async () => {
  const out = join(await scratch(), 'dist')
  const { written } = await writeOutput(out, files({ 'a.xml': 'a', 'b/c.json': 'c' }))
  assert.equal(outputHolds(out, written), true)
  await writeFile(join(out, 'stray.txt'), 'x')
  assert.equal(outputHolds(out, written), false)
  await rm(join(out, 'stray.txt'))
  assert.equal(outputHolds(out, written), true)
  await new Promise((resolve) => setTimeout(resolve, 20))
  await writeFile(join(out, 'a.xml'), 'A')
  assert.equal(outputHolds(out, written), false)
})

test('discards what it staged, leaving the output as it was', async () => {
  const root = await scratch()
  const out = join(root, 'dist')
  await writeOutput(out, files({ 'feed.xml': 'good' }))
  const staged = await stageOutput(out, files({ 'feed.xml': 'never committed' }))
  assert.equal(staged.changed, true)
  staged.discard()
  assert.deepEqual(await readdir(root), ['dist'])
  assert.equal(await readFile(join(out, 'feed.xml'), 'utf8'), 'good')
})

test('writes a file where the output had a folder of the same name', async () => {
  const out = join(await scratch(), 'dist')
  await writeOutput(out, files({ 'a/index.html': 'x' }))
  // As long as the folder's own size, so only its kind tells them apart.
  const content = 'y'.repeat((await stat(join(out, 'a'))).size)
  assert.equal((await writeOutput(out, files({ a: content }))).changed, true)
  assert.equal(await readFile(join(out, 'a'), 'utf8'), content)
})

test('makes folders at any depth, in any order', async () => {
  const out = join(await scratch(), 'dist')
  const paths = ['x/y/f', 'x/y/z/g', 'x/f2', 'a/b/c/d/e', 'a/b/f', 'a/g', 'h']
  await writeOutput(out, files(Object.fromEntries(paths.map((path) => [path, path]))))
  for (const path of paths) assert.equal(await readFile(join(out, path), 'utf8'), path)
})

test('finishes a commit killed at any step of applying it, however far it got, and gives the same output', async () => {
  const root = await scratch()
  const out = join(root, 'dist')
  const before = { 'feed.xml': 'old', 'gone.html': 'gone', 'a/b.html': 'b', 'same.html': 'same' }
  const after = { 'feed.xml': 'new', 'new/page.html': 'page', a: 'a file where a folder was', 'same.html': 'same' }
  // Every state applying the commit passes through, in order: none of it done, each deletion made,
  // each staged file moved, the staged folder removed, the list of deletions removed.
  const steps = ['nothing', 'deleted gone.html', 'deleted a/b.html', 'moved feed.xml', 'moved a', 'moved new/page.html', 'moved build.json', 'removed files', 'removed deletions.json']
  for (const [index, step] of steps.entries()) {
    await rm(out, { recursive: true, force: true })
    await rm(`${out}.commit`, { recursive: true, force: true })
    await writeOutput(out, files(before))
    const staged = await stageOutput(out, files(after))
    // The commit's rename, without applying it: what a kill right after leaves.
    const { renameSync } = await import('node:fs')
    renameSync(`${out}.new-${process.pid}`, `${out}.commit`)
    const commit = `${out}.commit`
    const done = steps.slice(1, index + 1)
    for (const taken of done) {
      const [verb, path] = taken.split(' ') as [string, string]
      if (verb === 'deleted') await rm(join(out, path), { recursive: true, force: true })
      if (verb === 'moved') {
        await rm(join(out, path), { recursive: true, force: true })
        await mkdir(join(out, path, '..'), { recursive: true })
        renameSync(join(commit, 'files', path), join(out, path))
      }
      if (verb === 'removed') await rm(join(commit, path), { recursive: true, force: true })
    }
    recoverOutput(out)
    assert.deepEqual(await readdir(root), ['dist'], step)
    const expected = Object.fromEntries([...Object.entries(after), ['build.json', staged.manifest]])
    const found = Object.fromEntries(await Promise.all((await readdir(out, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map(async (entry) => [join(entry.parentPath, entry.name).slice(out.length + 1), await readFile(join(entry.parentPath, entry.name), 'utf8')])))
    assert.deepEqual(found, expected, step)
  }
})
