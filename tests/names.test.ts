// An archive brought over as it is: dotted and underscored file names, `.markdown`, Jekyll's dates.
import assert from 'node:assert/strict'
import { readdir, readFile, rename, writeFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { test } from 'node:test'
import { listen } from '../src/server.ts'
import { findAll, parseXml, readFeed } from './helpers.ts'
import { site, wirefeed } from './run-cli.ts'

const now = '2026-01-06T12:00:00+02:00'
const base = 'https://news.example.org/desk/2026/01/'

/** Each article: its folder, its id, and its first publication as the feeds state it. */
const expected = [
  // `date: '2026-01-06 09:30'`, no offset: 09:30 in Kyiv.
  { slug: 'weekly-update.2026-01-06', id: 'tag:news.example.org,2026-01-06:weekly-update.2026-01-06', published: '2026-01-06T07:30:00.000Z' },
  { slug: 'release-v0.4.10', id: 'tag:news.example.org,2026-01-05:release-v0.4.10', published: '2026-01-05T08:00:00.000Z' },
  // `_posts/My_Post.markdown`, `date: 2026-01-04 20:46:50 -0400` unquoted: already 5 January in Kyiv.
  { slug: 'my_post', id: 'tag:news.example.org,2026-01-05:my_post', published: '2026-01-05T00:46:50.000Z' },
]

test('builds an archive of dotted, underscored and .markdown names into pages at those names, linked from every feed', async () => {
  const dir = await site('names')
  const run = await wirefeed(['build', '--now', now], dir)
  assert.equal(run.code, 0, run.stderr)
  assert.equal(run.stdout, 'Wrote dist/ (RSS, Atom, JSON Feed): 3 published, 0 scheduled, 0 drafts.\n')
  assert.deepEqual((await readdir(join(dir, 'dist/2026/01'))).sort(), ['my_post', 'release-v0.4.10', 'weekly-update.2026-01-06'])
  for (const { slug } of expected) assert.deepEqual(await readdir(join(dir, 'dist/2026/01', slug)), ['index.html'])

  const rss = await readFile(join(dir, 'dist/feed.xml'), 'utf8')
  const atom = await readFile(join(dir, 'dist/atom.xml'), 'utf8')
  const json = JSON.parse(await readFile(join(dir, 'dist/feed.json'), 'utf8')) as { items: Array<{ id: string; url: string; date_published: string }> }
  const items = findAll(parseXml(rss), 'item')
  assert.deepEqual(
    items.map((item) => ['link', 'guid', 'pubDate'].map((name) => findAll(item, name)[0]?.text)),
    expected.map(({ slug, id, published }) => [`${base}${slug}/`, id, new Date(published).toUTCString()]),
  )
  const entries = findAll(parseXml(atom), 'entry')
  assert.deepEqual(
    entries.map((entry) => [findAll(entry, 'link')[0]?.attributes.href, findAll(entry, 'id')[0]?.text, findAll(entry, 'published')[0]?.text]),
    expected.map(({ slug, id, published }) => [`${base}${slug}/`, id, published]),
  )
  assert.deepEqual(
    json.items.map((item) => [item.url, item.id, item.date_published]),
    expected.map(({ slug, id, published }) => [`${base}${slug}/`, id, published]),
  )
  // An independent, lenient reader sees the same links.
  for (const feed of [rss, atom]) assert.deepEqual(readFeed(feed).items.map((item) => item.url), expected.map(({ slug }) => `${base}${slug}/`))
  // `updated: 2026-01-05t08:00:00z`, lower-case `t` and `z`.
  assert.deepEqual(entries.map((entry) => findAll(entry, 'updated')[0]?.text), [expected[0]?.published, expected[1]?.published, '2026-01-05T08:00:00.000Z'])

  const home = await readFile(join(dir, 'dist/index.html'), 'utf8')
  assert.deepEqual(
    [...home.matchAll(/href="(2026\/[^"]*)"/g)].map((match) => match[1]),
    expected.map(({ slug }) => `2026/01/${slug}/`),
  )
  const page = await readFile(join(dir, 'dist/2026/01/release-v0.4.10/index.html'), 'utf8')
  assert.match(page, /<link rel="canonical" href="https:\/\/news\.example\.org\/desk\/2026\/01\/release-v0\.4\.10\/">/)
  // `../release-v0.4.9/` from a folder whose name has dots: a sibling folder, not a file's neighbour.
  assert.match(page, /href="https:\/\/news\.example\.org\/desk\/2026\/01\/release-v0\.4\.9\/"/)
  const sitemap = await readFile(join(dir, 'dist/sitemap.xml'), 'utf8')
  // The articles' pages, among the site's others (the archive's, the tags' and authors').
  const articlePages = findAll(parseXml(sitemap), 'loc').map((loc) => loc.text).filter((url) => url.startsWith(base))
  assert.deepEqual(articlePages, expected.map(({ slug }) => `${base}${slug}/`).sort())
})

test('serves a folder whose name has dots as a folder, and sends its name without a slash there', async () => {
  const dir = await site('names')
  assert.equal((await wirefeed(['build', '--now', now], dir)).code, 0)
  const server = await listen(join(dir, 'dist'), 0)
  try {
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    for (const { slug } of expected) {
      const page = await fetch(`${origin}/2026/01/${slug}/`)
      assert.equal(page.status, 200, slug)
      assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8')
      assert.equal(await page.text(), await readFile(join(dir, 'dist/2026/01', slug, 'index.html'), 'utf8'))
      const bare = await fetch(`${origin}/2026/01/${slug}`, { redirect: 'manual' })
      assert.equal(bare.status, 301, slug)
      assert.equal(bare.headers.get('location'), `/2026/01/${slug}/`)
      await bare.body?.cancel()
    }
  } finally {
    server.close()
  }
})

test('keeps every id and URL when a .markdown source is renamed .md', async () => {
  const dir = await site('names')
  assert.equal((await wirefeed(['build', '--now', now], dir)).code, 0)
  const before = await readFile(join(dir, 'dist/feed.json'), 'utf8')
  await rename(join(dir, 'articles/_posts/My_Post.markdown'), join(dir, 'articles/_posts/My_Post.md'))
  const run = await wirefeed(['build', '--now', now], dir)
  assert.equal(run.code, 0, run.stderr)
  assert.equal(await readFile(join(dir, 'dist/feed.json'), 'utf8'), before)
})

test('refuses a file name no slug can be made of, saying where and suggesting one, and writes nothing', async () => {
  const dir = await site('names')
  await writeFile(join(dir, 'articles/Rust-1.0@0.md'), '---\ntitle: Rust\nsummary: S\nauthor: A\ndate: 2026-01-05\n---\n\nBody.\n')
  const run = await wirefeed(['build', '--now', now], dir)
  assert.equal(run.code, 1)
  assert.equal(run.stdout, '')
  for (const text of [
    'articles/Rust-1.0@0.md:2:1',
    '`slug` is not valid: the file name `Rust-1.0@0.md` gives no slug, as `@` at character 9 cannot be in a URL (only a to z, digits, `-`, `.` and `_` can)',
    'make `slug` explicit: add `slug: rust-1.0-0`, or rename the file `rust-1.0-0.md`',
  ]) {
    assert.ok(run.stderr.includes(text), `${text}\nnot in\n${run.stderr}`)
  }
  assert.equal((await readdir(dir)).includes('dist'), false)
})
