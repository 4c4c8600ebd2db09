// Where a build writes: never over files that are not a build's, never its cache
// into the site, never half a site, and never a site past its size limit.
import assert from 'node:assert/strict'
import { mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test } from 'node:test'
import { build, now, site, snapshot, wirefeed } from './run.ts'

test('refuses an output folder that holds files but is no output of a build, touching none of them', async () => {
  const dir = await site()
  await mkdir(join(dir, 'src'))
  await writeFile(join(dir, 'src', 'precious.ts'), 'export const precious = true\n')
  await mkdir(join(dir, '.git'))
  await writeFile(join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n')
  for (const out of ['src', '.git']) {
    const before = await snapshot(join(dir, out))
    const run = await wirefeed(['build', '--now', now, '--out', out], dir)
    assert.equal(run.code, 2, run.stderr)
    assert.match(run.stderr, new RegExp(`^wirefeed: \`${out.replace('.', '\\.')}\` holds files but no build\\.json a build wrote, so it is not a wirefeed output; build into an empty or new folder, or empty it first\\.\\n$`))
    assert.deepEqual(await snapshot(join(dir, out)), before)
  }
  // An empty folder, or one a build wrote, is fine.
  await mkdir(join(dir, 'empty'))
  assert.equal((await wirefeed(['build', '--now', now, '--out', 'empty'], dir)).code, 0)
  assert.equal((await wirefeed(['build', '--now', now, '--out', 'empty'], dir)).code, 0)
})

test('compares folders as the file system resolves them: an output linked to the articles, or to the project, is refused', async () => {
  const dir = await site()
  await symlink('articles', join(dir, 'linked'))
  await symlink('.', join(dir, 'here'))
  const articles = await snapshot(join(dir, 'articles'))
  for (const [out, message] of [
    ['linked', /overlaps the articles folder `articles`; a build would replace sources\.$/m],
    ['here', /overlaps the articles folder `articles`|holds the working directory/],
  ] as const) {
    const run = await wirefeed(['build', '--now', now, '--out', out], dir)
    assert.equal(run.code, 2, `${out}: ${run.stderr}`)
    assert.match(run.stderr, message)
  }
  assert.deepEqual(await snapshot(join(dir, 'articles')), articles)
})

test('refuses a cache inside the output, which would publish its record of embargoed articles', async () => {
  const dir = await site()
  const run = await wirefeed(['build', '--now', now, '--cache', 'dist/.cache'], dir)
  assert.equal(run.code, 2)
  assert.match(run.stderr, /^wirefeed: the cache `dist\/\.cache` is inside the output folder `dist`, which would publish it; put it elsewhere \(--cache\)\.$/m)
  await assert.rejects(readdir(join(dir, 'dist')))
})

test('refuses to publish a site heavier than its limit, and leaves the last one as it was', async () => {
  const dir = await site()
  const before = await build(dir)
  const config = join(dir, 'wirefeed.config.yaml')
  await writeFile(config, `${await readFile(config, 'utf8')}siteSizeLimit: 1\n`)
  await writeFile(join(dir, 'articles', 'heavy.md'), `---\ntitle: Heavy\nsummary: Long.\nauthor: Ann\ndate: 2026-01-06\n---\n\n${'A sentence of the long read. '.repeat(50_000)}\n`)
  const run = await wirefeed(['build', '--now', now], dir)
  assert.equal(run.code, 1, run.stderr)
  assert.match(run.stderr, /^wirefeed: the site would be \d+ MB, more than the 1 MB its config allows \(siteSizeLimit\); nothing was written\./m)
  assert.deepEqual(await snapshot(join(dir, 'dist')), before)
  assert.deepEqual((await readdir(dir)).filter((name) => name.startsWith('dist')), ['dist'])
})

test('a build whose record cannot be written exits 1 with the output as it was', async () => {
  const dir = await site()
  const before = await build(dir)
  await writeFile(join(dir, 'articles', 'new.md'), '---\ntitle: New\nsummary: S.\nauthor: A\ndate: 2026-01-06\n---\n\nBody.\n')
  // Its place taken by a folder: writing it fails as a full disk would.
  await rm(join(dir, '.cache/wirefeed/last-build.json'))
  await mkdir(join(dir, '.cache/wirefeed/last-build.json'))
  const run = await wirefeed(['build', '--now', now], dir)
  assert.equal(run.code, 1)
  assert.match(run.stderr, /^wirefeed: EISDIR|illegal operation on a directory/m)
  assert.deepEqual(await snapshot(join(dir, 'dist')), before)
})

test('of two builds with different configs on one output at once, each finishes or says to build again; the output is one of them, whole', async () => {
  const dir = await site()
  await build(dir)
  await writeFile(join(dir, 'other.yaml'), `${await readFile(join(dir, 'wirefeed.config.yaml'), 'utf8')}`.replace('Hostile Desk', 'Other Desk'))
  for (let round = 0; round < 3; round++) {
    const runs = await Promise.all([wirefeed(['build', '--now', now], dir), wirefeed(['build', '--now', now, '--config', 'other.yaml'], dir)])
    for (const run of runs) {
      assert.ok(run.code === 0 || /another build is writing `dist` at this moment; build again/.test(run.stderr), run.stderr)
      assert.doesNotMatch(run.stderr, /\n\s+at |ENOENT|ENOTEMPTY/)
    }
    assert.ok(runs.some((run) => run.code === 0))
    const feed = await readFile(join(dir, 'dist', 'feed.xml'), 'utf8')
    const index = await readFile(join(dir, 'dist', 'index.html'), 'utf8')
    const title = /<title>([^<]*)<\/title>/.exec(index)?.[1]
    assert.ok(title === 'Hostile Desk' || title === 'Other Desk', String(title))
    assert.ok(feed.includes(`<title>${title}</title>`), `feed.xml and index.html are of one build: ${title}`)
  }
  // Afterwards, a build of either config succeeds from what the cache holds.
  assert.equal((await wirefeed(['build', '--now', now], dir)).code, 0)
})
