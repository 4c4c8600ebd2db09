import assert from 'node:assert/strict'
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { golden, site, wirefeed } from '../run-cli.ts'

const now = '2026-01-06T12:00:00+02:00'
const reads = fileURLToPath(new URL('./reads.mjs', import.meta.url))

test('list shows what is scheduled, published and draft, one line each', async () => {
  const run = await wirefeed(['list', '--now', now], await site('newsroom'))
  assert.equal(run.code, 0, run.stderr)
  await golden(run.stdout, 'newsroom/expected/list.txt')
  assert.deepEqual(run.stdout.split('\n').filter(Boolean).map((line) => line.split(' ')[0]), ['scheduled', 'published', 'published', 'draft'])
})

test('check prints every warning; build the first ten and counts the rest, unless --verbose', async () => {
  const dir = await site('newsroom')
  // Ten more articles without a lead image: thirteen warnings in all.
  for (let n = 1; n <= 10; n++) {
    await writeFile(join(dir, `articles/2026/01/brief-${n}.md`), `---\ntitle: Brief ${n}\nsummary: A brief.\nauthor: Desk\ndate: 2026-01-02\n---\n\nText.\n`)
  }
  const check = await wirefeed(['check', '--now', now], dir)
  assert.equal(check.code, 0)
  assert.equal(check.stderr.match(/ warning /g)?.length, 13)
  const build = await wirefeed(['build', '--now', now], dir)
  assert.equal(build.stderr.match(/ warning /g)?.length, 10)
  assert.match(build.stderr, /\n⚠ 13 warnings in 13 files\nand 3 more warnings: run `wirefeed check` to see them all\.\n/)
  const verbose = await wirefeed(['build', '--now', now, '--verbose'], dir)
  assert.equal(verbose.stderr.match(/ warning /g)?.length, 13)
})

test('--quiet prints nothing but errors', async () => {
  const dir = await site('newsroom')
  const quiet = await wirefeed(['build', '--now', now, '--quiet'], dir)
  assert.deepEqual([quiet.code, quiet.stdout, quiet.stderr], [0, '', ''])
  await writeFile(join(dir, 'articles/broken.md'), '---\ntitle: [\n---\n')
  const failed = await wirefeed(['check', '--now', now, '--quiet'], dir)
  assert.equal(failed.code, 1)
  assert.match(failed.stderr, /^articles\/broken\.md:\d+:\d+ {2}error /)
  assert.equal(failed.stdout, '')
})

test('no colour and no progress bar when piped or in CI', async () => {
  const run = await wirefeed(['build', '--now', now, '--verbose'], await site('newsroom'))
  assert.doesNotMatch(run.stdout + run.stderr, /\u001B\[|\r/)
})

test('an option a command does not take is a usage error with that command\'s help', async () => {
  const run = await wirefeed(['list', '--port', '3'], await site('newsroom'))
  assert.equal(run.code, 2)
  assert.match(run.stderr, /^wirefeed: `list` does not take --port\.\n\nUsage: wirefeed list \[options\]/)
})

test('an unexpected failure is one sentence, the stack only with --verbose', async () => {
  const dir = await site('newsroom')
  // An output folder below a plain file cannot be created: writing fails for a reason outside wirefeed.
  await writeFile(join(dir, 'blocker'), 'a file, not a folder')
  await wirefeed(['build', '--now', now], dir)
  const out = ['--out', 'blocker/dist', '--ledger', 'dist/ledger.json']
  const plain = await wirefeed(['build', '--now', now, ...out], dir)
  assert.equal(plain.code, 1)
  assert.match(plain.stderr, /^wirefeed: .+\nRun again with --verbose for details\.\n$/m)
  assert.doesNotMatch(plain.stderr, /\n\s+at /)
  assert.doesNotMatch(plain.stderr, /^Error: /m)
  const verbose = await wirefeed(['build', '--now', now, '--verbose', ...out], dir)
  // fs errors carry no frames: the stack is the error's own line.
  assert.match(verbose.stderr, /^Error: ENOTDIR: not a directory/m)
})

test('refuses an output folder that overlaps the articles', async () => {
  const dir = await site('newsroom')
  for (const out of ['articles', 'articles/2026', '.']) {
    const run = await wirefeed(['build', '--now', now, '--out', out], dir)
    assert.equal(run.code, 2, out)
    assert.match(run.stderr, /overlaps the articles folder `articles`; a build would replace sources/)
  }
})

test('publishes images from the articles folder and warns about one that is not there', async () => {
  const dir = await site('newsroom')
  const path = join(dir, 'articles/2026/01/symbols.md')
  await writeFile(path, (await readFile(path, 'utf8')).replace('Body with', '![A chart](/desk/images/chart.png) Body with'))
  const check = await wirefeed(['check', '--now', now], dir)
  assert.match(check.stderr, /^articles\/2026\/01\/symbols\.md:9:1 {2}warning {2}The image images\/chart\.png is not in the articles folder, so the site will not have it {2}\[missing-image-file\]$/m)
  assert.doesNotMatch(check.stderr, /summit\.jpg/)
  await writeFile(join(dir, 'articles/images/chart.png'), 'not really a png, but bytes to publish')
  const build = await wirefeed(['build', '--now', now, '--verbose'], dir)
  assert.doesNotMatch(build.stderr, /missing-image-file/)
  assert.equal(await readFile(join(dir, 'dist/images/chart.png'), 'utf8'), 'not really a png, but bytes to publish')
  const manifest = await readFile(join(dir, 'dist/build.json'), 'utf8')
  await writeFile(join(dir, 'articles/images/chart.png'), 'other bytes')
  await wirefeed(['build', '--now', now], dir)
  assert.notEqual(await readFile(join(dir, 'dist/build.json'), 'utf8'), manifest, 'a changed image changes the manifest')
  assert.equal(await readFile(join(dir, 'dist/images/chart.png'), 'utf8'), 'other bytes')

  // A rebuild hashes only the images whose file metadata changed, as it reads only such sources.
  await writeFile(join(dir, 'articles/images/map.png'), 'a second image')
  const log = join(dir, 'reads.log')
  await writeFile(log, '')
  const traced = await wirefeed(['build', '--now', now], dir, { NODE_OPTIONS: `--import ${reads}`, WIREFEED_TEST_READS: log })
  assert.equal(traced.code, 0, traced.stderr)
  const read = (await readFile(log, 'utf8')).split('\n').filter((path) => path.startsWith('articles'))
  // And the config's icon and logo, read with the config on every build (src/site-images.ts).
  assert.deepEqual(read.sort(), ['articles/images/icon.png', 'articles/images/logo.png', 'articles/images/map.png'])
  assert.equal(await readFile(join(dir, 'dist/images/map.png'), 'utf8'), 'a second image')
})

test('a rebuild with nothing changed replays the last report and touches nothing; any change, a go-live or a lost file rebuilds', async () => {
  const dir = await site('newsroom')
  const first = await wirefeed(['build', '--now', now], dir)
  // The second build reads the ledger the first wrote: still nothing changed, so nothing is redone.
  await rename(join(dir, '.cache/wirefeed'), join(dir, 'cache-aside'))
  await mkdir(join(dir, '.cache/wirefeed'), { recursive: true })
  await cp(join(dir, 'cache-aside/last-build.json'), join(dir, '.cache/wirefeed/last-build.json'))
  const again = await wirefeed(['build', '--now', now], dir)
  assert.equal(again.stdout, first.stdout.replace('Wrote', 'Unchanged:'))
  assert.equal(again.stderr, first.stderr)
  assert.deepEqual(await readdir(join(dir, '.cache/wirefeed')), ['last-build.json'], 'no cache entry was read or written')
  const replayed = await wirefeed(['build', '--now', now, '--format', 'json'], dir)
  assert.equal(JSON.parse(replayed.stdout).problems.length, 3)

  // The embargoed article goes live at 18:00 Kyiv time: a build after that publishes it.
  const live = await wirefeed(['build', '--now', '2026-01-06T18:00:00+02:00'], dir)
  assert.match(live.stdout, /^Wrote dist\/ .*: 3 published, 0 scheduled/)

  await rename(join(dir, 'dist/sitemap.xml'), join(dir, 'sitemap.xml'))
  const restored = await wirefeed(['build', '--now', '2026-01-06T18:00:00+02:00'], dir)
  assert.match(restored.stdout, /^Wrote dist\//)
  assert.ok((await readdir(join(dir, 'dist'))).includes('sitemap.xml'))
})

/** Every file under `dir`, by relative path: its bytes and its inode. */
async function tree(dir: string) {
  const files = new Map<string, { text: string; ino: number }>()
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    files.set(path.slice(dir.length + 1), { text: await readFile(path, 'utf8'), ino: (await stat(path)).ino })
  }
  return files
}

test('a rebuild after each kind of edit reads only the edited source, gives the bytes a cold build gives, and rewrites only what the edit touched', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'wirefeed-incremental-'))
  const story = (n: number, date: string, tags: string[], body = `Story ${n}.`) =>
    writeFile(
      join(dir, 'articles', `story-${n}.md`),
      `---\nid: tag:example.org,2025:story-${n}\ntitle: Story ${n}\nsummary: About ${n}.\nauthor: ${n % 2 ? 'Ann Writer' : 'Bo Reporter'}\ndate: ${date}\ntags: [${tags.join(', ')}]\n---\n\n${body}\n`,
    )
  await mkdir(join(dir, 'articles'))
  const dates = ['2025-11-03', '2025-11-20', '2025-12-01', '2025-12-15', '2026-01-02', '2026-01-03', '2026-01-04', '2026-01-05']
  for (const [n, date] of dates.entries()) await story(n, date, n % 3 ? ['Europe'] : ['Europe', 'Energy'])
  const log = join(dir, 'reads.log')
  // The sources the build read, by name (a source analysed is read twice: hashed, then parsed).
  const build = async () => {
    await writeFile(log, '')
    const run = await wirefeed(['build', '--now', now, '--quiet'], dir, { NODE_OPTIONS: `--import ${reads}`, WIREFEED_TEST_READS: log })
    assert.equal(run.code, 0, run.stderr)
    // Not the output's own files (`icon.svg`, which a build makes again and compares).
    const sources = (await readFile(log, 'utf8')).split('\n').filter((path) => path !== '' && !/(^|\/)dist\//.test(path))
    return [...new Set(sources.map((path) => basename(path)))].sort()
  }
  assert.equal((await build()).length, dates.length)

  const all = [...dates.keys()].map((n) => `story-${n}.md`).concat('story-8.md').sort()
  const edits: Array<[string, () => Promise<unknown>, string[]]> = [
    ['one body changed', () => story(2, dates[2] as string, ['Europe'], 'Story 2, corrected.'), ['story-2.md']],
    ['a new article', () => story(8, '2026-01-06', ['Energy']), ['story-8.md']],
    ['an article moved to a month the feeds had none in', () => story(1, '2025-09-10', ['Europe']), ['story-1.md']],
    ['tags changed', () => story(3, dates[3] as string, ['Defence']), ['story-3.md']],
    // Every cached result depends on the config: all are made again, so all are read.
    ['the config changed', () => writeFile(join(dir, 'wirefeed.config.yaml'), 'title: Another title\n'), all],
  ]
  for (const [edit, apply, read] of edits) {
    const before = await tree(join(dir, 'dist'))
    const ledger = join(dir, 'ledger-before.json')
    await cp(join(dir, 'dist/ledger.json'), ledger)
    await apply()
    assert.deepEqual(await build(), read, `${edit}: the sources read`)
    const cold = await wirefeed(['build', '--now', now, '--quiet', '--out', 'cold', '--cache', '.cold-cache', '--ledger', ledger], dir)
    assert.equal(cold.code, 0, cold.stderr)
    const [warm, fresh] = [await tree(join(dir, 'dist')), await tree(join(dir, 'cold'))]
    const paths = [...new Set([...warm.keys(), ...fresh.keys()])]
    assert.deepEqual(paths.filter((path) => warm.get(path)?.text !== fresh.get(path)?.text), [], `${edit}: files that differ from a cold build`)
    // Whatever kept its bytes kept its file: nothing was rewritten that did not change.
    for (const [path, file] of warm) {
      if (before.get(path)?.text === file.text) assert.equal(file.ino, before.get(path)?.ino, `${edit}: ${path} was rewritten`)
    }
    await rm(join(dir, 'cold'), { recursive: true })
    await rm(join(dir, '.cold-cache'), { recursive: true })
  }
})

test('--threads: worker threads give the bytes and the report one thread gives', async () => {
  const dir = await site('newsroom')
  const run = (threads: string) => wirefeed(['build', '--now', now, '--verbose', '--threads', threads, '--out', `out-${threads}`, '--cache', `cache-${threads}`], dir)
  const [one, two] = [await run('1'), await run('2')]
  assert.equal(one.code, 0, one.stderr)
  assert.deepEqual([two.code, two.stderr, two.stdout], [one.code, one.stderr, one.stdout.replace('out-1', 'out-2')])
  const [single, threaded] = [await tree(join(dir, 'out-1')), await tree(join(dir, 'out-2'))]
  assert.deepEqual([...threaded].map(([path, file]) => [path, file.text]), [...single].map(([path, file]) => [path, file.text]))
  const zero = await wirefeed(['build', '--threads', '0'], dir)
  assert.equal(zero.code, 2)
  assert.match(zero.stderr, /^wirefeed: --threads takes a whole number from 1 to 256, not `0`\./)
})

test('a rebuild tells nothing changed from file metadata, is not fooled by a restored modification time, and re-stamps touched files', async () => {
  const dir = await site('newsroom')
  const record = async () => JSON.parse(await readFile(join(dir, '.cache/wirefeed/last-build.json'), 'utf8')) as { quick: string }
  assert.match((await wirefeed(['build', '--now', now], dir)).stdout, /^Wrote/)
  const path = join(dir, 'articles/2026/01/summit.md')
  const before = await stat(path)
  // Touched, bytes unchanged: read and found the same, and the new metadata noted.
  await utimes(path, before.atime, new Date(before.mtimeMs + 60_000))
  const stamped = (await record()).quick
  assert.match((await wirefeed(['build', '--now', now], dir)).stdout, /^Unchanged:/)
  assert.notEqual((await record()).quick, stamped)
  // Edited to the same size with its old modification time put back: the change time still tells.
  const text = await readFile(path, 'utf8')
  await writeFile(path, text.replace('title: Allies draft', 'title: Allies sign!'))
  await utimes(path, before.atime, new Date(before.mtimeMs + 60_000))
  assert.equal((await stat(path)).size, before.size)
  assert.match((await wirefeed(['build', '--now', now], dir)).stdout, /^Wrote/)
  assert.match(await readFile(join(dir, 'dist/feed.json'), 'utf8'), /Allies sign!/)
})
