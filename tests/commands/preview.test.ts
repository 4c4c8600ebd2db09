// Drafts and the future in a preview (#18): `build --drafts --future` into a
// preview folder, `serve --watch --drafts --future`, "now" as the clock's in a
// preview, and the refusals that keep previews out of what is published.
// Subprocesses on copies of the fixture newsroom, as a user runs them.
import assert from 'node:assert/strict'
import { readdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test } from 'node:test'
import { preview, type Preview } from '../preview/process.ts'
import { site, wirefeed } from '../run-cli.ts'

const now = '2026-01-06T12:00:00+02:00'
const draft = '2026/01/unfinished/index.html'
const later = '2026/01/later/index.html'
const draftMark = '<p class="preview-mark" role="note"><strong>Draft — not published</strong></p>'
// later.md goes live at 18:00 Kyiv time (16:00Z); the site's zone is Europe/Kyiv.
const scheduledMark = '<p class="preview-mark" role="note"><strong>Scheduled for <time datetime="2026-01-06T16:00:00.000Z">6 January 2026 at 18:00</time></strong></p>'

const exists = async (path: string) => readFile(path).then(() => true, () => false)

/** Every file under `dir` with its bytes, for comparing two outputs. */
async function files(dir: string): Promise<Map<string, string>> {
  const names = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile())
  return new Map(await Promise.all(names.map(async (entry) => [join(entry.parentPath, entry.name).slice(dir.length + 1), await readFile(join(entry.parentPath, entry.name), 'utf8')] as [string, string])))
}

test('build --drafts --future writes preview/, drafts and scheduled articles marked; dist/ untouched, and a later build sees no trace of it', async () => {
  const dir = await site('newsroom')
  const run = await wirefeed(['build', '--drafts', '--future', '--now', now], dir)
  assert.equal(run.code, 0, run.stderr)
  assert.match(run.stdout, /^Wrote preview\/ \(RSS, Atom, JSON Feed, a preview with drafts and the future\): 2 published, 1 scheduled, 1 draft\.\n$/)
  assert.equal(await exists(join(dir, 'dist')), false, 'a preview writes nothing to dist/')
  // The pages of the draft and of the scheduled article, each opening with its mark.
  assert.ok((await readFile(join(dir, 'preview', draft), 'utf8')).includes(`<main id="main">${draftMark}<article>`))
  assert.ok((await readFile(join(dir, 'preview', later), 'utf8')).includes(`<main id="main">${scheduledMark}<article>`))
  // The home page lists them, marked in their headlines; a published one is not marked.
  const home = await readFile(join(dir, 'preview/index.html'), 'utf8')
  assert.ok(home.includes(`${draftMark}<h3><a href="2026/01/unfinished/">A draft never published</a></h3>`))
  assert.ok(home.includes(`${scheduledMark}<h3><a href="2026/01/later/">Embargoed until the evening</a></h3>`))
  assert.equal(home.match(/class="preview-mark"/g)?.length, 2)
  // Feeds show them as published: the preview is the site as it would be.
  const feed = JSON.parse(await readFile(join(dir, 'preview/feed.json'), 'utf8')) as { items: { title: string }[] }
  const titles = feed.items.map((item) => item.title)
  assert.equal(titles.length, 4)
  assert.ok(titles.includes('A draft never published') && titles.includes('Embargoed until the evening'), titles.join('\n'))

  // A plain build afterwards: dist/ as if no preview had been made, the ledger recording no draft.
  const plain = await wirefeed(['build', '--now', now], dir)
  assert.equal(plain.code, 0, plain.stderr)
  assert.doesNotMatch(plain.stderr, / error |id-vanished/)
  assert.equal(await exists(join(dir, 'dist', draft)), false)
  assert.equal(await exists(join(dir, 'dist', later)), false)
  assert.doesNotMatch(await readFile(join(dir, 'dist/index.html'), 'utf8'), /preview-mark/)
  // What the preview's ledger.json says is published is what the build's says: no draft, nothing scheduled.
  assert.equal(await readFile(join(dir, 'preview/ledger.json'), 'utf8'), await readFile(join(dir, 'dist/ledger.json'), 'utf8'))
  // The draft deleted after its preview: still no trace, no vanished id.
  await unlink(join(dir, 'articles/2026/01/unfinished.md'))
  const after = await wirefeed(['build', '--now', now], dir)
  assert.equal(after.code, 0, after.stderr)
  assert.doesNotMatch(after.stderr, / error |id-vanished/)
  await rm(dir, { recursive: true, force: true })
})

test('switching between preview and plain builds never serves stale output, in one output folder and one cache or in their own', async () => {
  const dir = await site('newsroom')
  const plain = await site('newsroom')
  const expected = await wirefeed(['build', '--now', now, '--out', 'reference'], plain)
  assert.equal(expected.code, 0, expected.stderr)
  const reference = await files(join(plain, 'reference'))
  const marks = async (out: string) => (await readFile(join(dir, out, 'index.html'), 'utf8')).match(/class="preview-mark"/g)?.length ?? 0
  for (const shared of [['--out', 'site', '--cache', 'cache'], ['--out', 'preview']]) {
    for (const [flags, count] of [[[], 0], [['--drafts'], 1], [['--future'], 1], [['--drafts', '--future'], 2], [[], 0], [['--drafts', '--future'], 2]] as const) {
      const run = await wirefeed(['build', '--now', now, ...shared, ...flags], dir)
      assert.equal(run.code, 0, run.stderr)
      assert.equal(await marks(shared[1] as string), count, `${[...shared, ...flags].join(' ')}: ${count} marks`)
    }
    const last = await wirefeed(['build', '--now', now, ...shared], dir)
    assert.equal(last.code, 0, last.stderr)
    // Back to a plain build: byte for byte what a build that never saw a preview makes (but the manifest's own name).
    assert.deepEqual(await files(join(dir, shared[1] as string)), reference)
  }
  await Promise.all([rm(dir, { recursive: true, force: true }), rm(plain, { recursive: true, force: true })])
})

test('a preview never writes the folder a build publishes: --out dist is refused, exit code 2, one sentence', async () => {
  const dir = await site('newsroom')
  for (const out of ['dist', './dist/', `${dir}/dist`]) {
    for (const args of [['build', '--drafts'], ['build', '--future'], ['serve', '--watch', '--drafts']]) {
      const run = await wirefeed([...args, '--out', out, '--now', now], dir)
      assert.equal(run.code, 2, `${args.join(' ')} --out ${out}`)
      assert.equal(run.stderr.split('\n')[0], `wirefeed: \`${out}\` is the output folder a build publishes; a preview with drafts or the future writes to another (by default \`preview\`).`)
      assert.equal(await exists(join(dir, 'dist')), false)
    }
  }
  await rm(dir, { recursive: true, force: true })
})

test('the publish job can never use --drafts or --future: refused where GITHUB_ACTIONS=true, exit code 2, a plain build still runs', async () => {
  const dir = await site('newsroom')
  for (const args of [['build', '--drafts'], ['build', '--future'], ['build', '--drafts', '--future', '--out', 'elsewhere'], ['serve', '--watch', '--drafts']]) {
    const run = await wirefeed([...args, '--now', now], dir, { GITHUB_ACTIONS: 'true' })
    assert.equal(run.code, 2, args.join(' '))
    assert.equal(
      run.stderr.split('\n')[0],
      'wirefeed: --drafts and --future make a preview, never a publication, so they are refused on GitHub Actions (GITHUB_ACTIONS=true), where the publish job runs.',
    )
    assert.equal(run.stdout, '')
  }
  assert.deepEqual((await readdir(dir)).sort(), ['articles', 'wirefeed.config.yaml'])
  const publish = await wirefeed(['build', '--now', now], dir, { GITHUB_ACTIONS: 'true' })
  assert.equal(publish.code, 0, publish.stderr)
  assert.doesNotMatch(await readFile(join(dir, 'dist/index.html'), 'utf8'), /preview-mark|A draft never published/)
  await rm(dir, { recursive: true, force: true })
})

/** Run `body` with `serve --watch` and `args` on a fresh copy of the newsroom, stopped afterwards whatever happens. */
async function withPreview(args: string[], body: (server: Preview, dir: string) => Promise<void>, prepare?: (dir: string) => Promise<void>) {
  const dir = await site('newsroom')
  await prepare?.(dir)
  const server = await preview(dir, args)
  try {
    await body(server, dir)
  } finally {
    await server.stop()
    await rm(dir, { recursive: true, force: true })
  }
}

test('serve --watch --drafts --future serves preview/, the draft and the scheduled article marked', async () => {
  await withPreview(['--drafts', '--future', '--now', now], async (server, dir) => {
    assert.match(server.stdout(), /^Serving preview\/, a preview with drafts and the future at http:\/\/127\.0\.0\.1:\d+\/desk\/ \(Ctrl\+C stops\)$/m)
    assert.match(server.stdout(), /built: 2 published, 1 scheduled, 1 draft \(\d+\.\d\d s\)/)
    const home = await server.get('')
    assert.ok(home.text.includes(draftMark) && home.text.includes(scheduledMark), home.text)
    assert.ok((await server.get('2026/01/unfinished/')).text.includes(draftMark))
    assert.ok((await server.get('2026/01/later/')).text.includes(scheduledMark))
    assert.doesNotMatch((await server.get('2026/01/summit/')).text, /preview-mark/)
    assert.equal(await exists(join(dir, 'dist')), false)
  })
})

test('without --now, each rebuild of a preview reads the clock: a scheduled article goes live when its time comes, with no edit', async () => {
  // Seconds ahead: after the first build, well before the test's deadline.
  const goesLive = new Date(Math.ceil(Date.now() / 1000) * 1000 + 6000).toISOString().replace('.000Z', 'Z')
  const soon = `---\ntitle: Goes live in seconds\nsummary: Scheduled a few seconds ahead.\nauthor: Desk\ndate: ${goesLive}\n---\n\nSoon.\n`
  await withPreview(
    ['--future'],
    async (server) => {
      // Its URL is of its date's month: found through the home page's link.
      const page = /<a href="([^"]*\/soon\/)">/.exec((await server.get('')).text)?.[1] ?? 'soon/'
      const before = await server.get(page)
      assert.equal(before.status, 200, server.stdout())
      assert.match(before.text, /<p class="preview-mark" role="note"><strong>Scheduled for <time/)
      assert.ok(Date.now() < Date.parse(goesLive), 'the first build came before the time it tests')
      await server.until(() => /rebuilt: articles\/soon\.md went live, \d+ published/.test(server.stdout()), 'the rebuild when its time came')
      const after = await server.get(page)
      assert.equal(after.status, 200)
      assert.doesNotMatch(after.text, /preview-mark/)
      assert.ok(Date.now() >= Date.parse(goesLive))
    },
    async (dir) => writeFile(join(dir, 'articles/soon.md'), soon),
  )
})

test('the editor loop: new, preview with drafts, save by rename, publish and re-draft, delete, build: no spurious error', async () => {
  const dir = await site('newsroom')
  const created = await wirefeed(['new', 'Mayor opens the bridge'], dir)
  assert.equal(created.code, 0, created.stderr)
  const source = /^Created (\S+\.md) /.exec(created.stdout)?.[1]
  assert.ok(source, created.stdout)
  const path = join(dir, source)
  const server = await preview(dir, ['--drafts'])
  try {
    /** The new article's page in the preview: found through the home page's link. */
    const page = async () => {
      const home = (await server.get('')).text
      const href = /<a href="([^"]*mayor-opens-the-bridge\/)">/.exec(home)?.[1]
      return href === undefined ? undefined : (await server.get(href)).text
    }
    const shows = (what: string, test: (text: string) => boolean) => server.until(async () => test((await page()) ?? ''), what)
    await shows('the new draft, marked', (text) => text.includes(draftMark) && text.includes('Mayor opens the bridge'))

    // Saved as many editors save: a temporary file renamed over the source.
    const save = async (text: string) => {
      await writeFile(`${path}.tmp`, text)
      await rename(`${path}.tmp`, path)
    }
    const written = (await readFile(path, 'utf8'))
      .replace(/^summary: .*$/m, 'summary: The new bridge opened to traffic on Monday.')
      .replace(/\n---\n[\s\S]*$/, '\n---\n\nThe mayor cut the ribbon at nine.\n')
    await save(written)
    await shows('the edit', (text) => text.includes('The mayor cut the ribbon at nine.') && text.includes(draftMark))
    // Published in the preview (its date is the clock's when `new` made it, so it is out)…
    await save(written.replace('draft: true\n', ''))
    await shows('it published, unmarked', (text) => text.includes('The mayor cut the ribbon at nine.') && !text.includes('preview-mark'))
    // …and made a draft again before any publication: marked again.
    await save(written)
    await shows('it a draft again', (text) => text.includes(draftMark))
    await unlink(path)
    await server.until(async () => (await page()) === undefined, 'the deleted draft gone from the home page')
    assert.doesNotMatch(server.stdout(), /failed/)
    assert.doesNotMatch(server.stderr(), / error /)
  } finally {
    await server.stop()
  }
  const build = await wirefeed(['build'], dir)
  assert.equal(build.code, 0, build.stderr)
  assert.doesNotMatch(build.stderr, / error |id-vanished|placeholder/)
  assert.equal(await exists(join(dir, 'dist/index.html')), true)
  await rm(dir, { recursive: true, force: true })
})
