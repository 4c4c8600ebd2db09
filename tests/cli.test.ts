import assert from 'node:assert/strict'
import { readdir, readFile, rm, stat, writeFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { test } from 'node:test'
import { commands } from '../src/cli/commands.ts'
import { fileURLToPath } from 'node:url'
import type { AddressInfo } from 'node:net'
import { listen } from '../src/server.ts'
import { findAll, parseXml, readFeed, type XmlElement } from './helpers.ts'
import { stubServer } from './stub-server.ts'
import { golden, site, wirefeed } from './run-cli.ts'

const repo = fileURLToPath(new URL('..', import.meta.url))

const now = '2026-01-06T12:00:00+02:00'

test('builds the fixture newsroom into the reviewed feeds, which real parsers read', async () => {
  const dir = await site('newsroom')
  const run = await wirefeed(['build', '--now', now], dir)
  assert.equal(run.code, 0, run.stderr)
  assert.equal(run.stdout, 'Wrote dist/ (RSS, Atom, JSON Feed): 2 published, 1 scheduled, 1 draft.\n')
  assert.equal(run.stderr.match(/ warning /g)?.length, 3)
  assert.match(run.stderr, /\n⚠ 3 warnings in 3 files\nscheduled  articles\/2026\/01\/later\.md  goes live 2026-01-06T16:00:00\.000Z\n$/)
  const names = ['atom.xml', 'build.json', 'feed.json', 'feed.xml', 'ledger.json']
  // The pages and partner files beside the feeds are checked by tests/pages/golden.test.ts,
  // the archives, topic feeds and feeds.opml by tests/feeds/golden.test.ts.
  const pages = ['2026', '404.html', 'archive', 'embed', 'embed.js', 'feed-view.css', 'feed-view.uk.css', 'headlines.json', 'index.html', 'news-sitemap.xml', 'robots.txt', 'sitemap-index.xml', 'sitemap.xml']
  // One month of articles: no archive documents (the subscription feeds hold them all).
  // One article is in Ukrainian on an English site: a feed and a page for each language.
  const feeds = ['authors', 'feeds.opml', 'languages', 'tags']
  // Images under articles/ are published at the same path.
  const images = ['images']
  assert.deepEqual((await readdir(join(dir, 'dist'))).sort(), [...names, ...pages, ...feeds, ...images].sort())
  assert.deepEqual(await readFile(join(dir, 'dist/images/summit.jpg')), await readFile(join(dir, 'articles/images/summit.jpg')))
  for (const name of names) {
    await golden(await readFile(join(dir, 'dist', name), 'utf8'), `newsroom/expected/${name}`)
  }
  const rss = await readFile(join(dir, 'dist/feed.xml'), 'utf8')
  const atom = await readFile(join(dir, 'dist/atom.xml'), 'utf8')
  const json = JSON.parse(await readFile(join(dir, 'dist/feed.json'), 'utf8'))
  parseXml(rss)
  parseXml(atom)
  const titles = ['Allies draft "binding" guarantees at Paris summit', 'A < B & C ]]> and ]]> again: Київ']
  assert.deepEqual(readFeed(rss).items.map((item) => item.title), titles)
  assert.deepEqual(readFeed(atom).items.map((item) => item.title), titles)
  assert.deepEqual(json.items.map((item: { title: string }) => item.title), titles)
  for (const text of [rss, atom, JSON.stringify(json)]) {
    // No script at all: the browser view of a feed is a stylesheet (src/pages/feed-view-style.ts).
    assert.doesNotMatch(text, /<script|javascript:|onclick|unfinished|Embargoed/i)
  }
})

test('rebuilds an unchanged site byte for byte, leaving dist/ untouched', async () => {
  const dir = await site('newsroom')
  await wirefeed(['build', '--now', now], dir)
  const first = await readFile(join(dir, 'dist/atom.xml'))
  const mtime = (await stat(join(dir, 'dist/atom.xml'))).mtimeMs
  const again = await wirefeed(['build', '--now', '2026-01-06T12:30:00+02:00'], dir)
  assert.equal(again.code, 0)
  assert.match(again.stdout, /^Unchanged: dist\//)
  assert.deepEqual(await readFile(join(dir, 'dist/atom.xml')), first)
  assert.equal((await stat(join(dir, 'dist/atom.xml'))).mtimeMs, mtime)
})

test('releases an embargoed article at its time, not a second before', async () => {
  const dir = await site('newsroom')
  const count = async (when: string) => {
    const run = await wirefeed(['build', '--now', when, '--out', `out-${when.slice(11, 19).replaceAll(':', '')}`], dir)
    assert.equal(run.code, 0, run.stderr)
    return Number(run.stdout.match(/(\d+) published/)?.[1])
  }
  assert.equal(await count('2026-01-06T15:59:59Z'), 2)
  assert.equal(await count('2026-01-06T16:00:00Z'), 3)
  assert.equal(await count('2026-01-06T16:00:01Z'), 3)
})

test('takes "now" from SOURCE_DATE_EPOCH when --now is absent', async () => {
  const dir = await site('newsroom')
  const at = Date.parse('2026-01-06T16:00:00Z') / 1000
  const before = await wirefeed(['check'], dir, { SOURCE_DATE_EPOCH: String(at - 1) })
  const after = await wirefeed(['check'], dir, { SOURCE_DATE_EPOCH: String(at) })
  assert.equal(before.stdout, 'Checked articles/: 2 published, 1 scheduled, 1 draft.\n')
  assert.equal(after.stdout, 'Checked articles/: 3 published, 0 scheduled, 1 draft.\n')
})

test('reports every problem in every file at once, writes nothing, and keeps the last good dist/', async () => {
  const dir = await site('invalid')
  await mkdir(join(dir, 'dist'))
  await writeFile(join(dir, 'dist/feed.xml'), 'last good build')
  await writeFile(join(dir, 'dist/build.json'), `{"version": 2, "sha256": "${'0'.repeat(64)}"}\n`)
  const run = await wirefeed(['build', '--now', now], dir)
  assert.equal(run.code, 1)
  assert.equal(run.stdout, '')
  await golden(run.stderr, 'invalid/expected/stderr.txt')
  assert.deepEqual((await readdir(join(dir, 'dist'))).sort(), ['build.json', 'feed.xml'])
  assert.equal(await readFile(join(dir, 'dist/feed.xml'), 'utf8'), 'last good build')
  assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace')
})

test('check validates without writing any output, keeping only its cache, which the build then uses', async () => {
  const dir = await site('newsroom')
  const run = await wirefeed(['check', '--now', now], dir)
  assert.equal(run.code, 0)
  assert.deepEqual((await readdir(dir)).sort(), ['.cache', 'articles', 'wirefeed.config.yaml'])
  assert.deepEqual((await readdir(join(dir, '.cache/wirefeed'))).filter((name) => !name.endsWith('.pack')), ['index.json'])
})

/** What `wirefeed fetch` does after a publish: the live ledger in .live/, which guards the next build. */
async function published(dir: string) {
  await mkdir(join(dir, '.live'), { recursive: true })
  await writeFile(join(dir, '.live/ledger.json'), await readFile(join(dir, 'dist/ledger.json')))
}

test('keeps a published id through a title and slug change, and refuses a changed one', async () => {
  const dir = await site('newsroom')
  await wirefeed(['build', '--now', now], dir)
  await published(dir)
  const path = join(dir, 'articles/2026/01/summit.md')
  const text = await readFile(path, 'utf8')
  // The summit article pins its id: new headline and slug, same id, new URL.
  await writeFile(path, text.replace('title: Allies draft', 'title: Allies agree').replace('---\n\n', 'slug: summit-agreed\n---\n\n'))
  const renamed = await wirefeed(['build', '--now', now], dir)
  assert.equal(renamed.code, 0, renamed.stderr)
  const item = JSON.parse(await readFile(join(dir, 'dist/feed.json'), 'utf8')).items[0]
  assert.equal(item.id, 'tag:news.example.org,2026-01-06:summit')
  assert.equal(item.url, 'https://news.example.org/desk/2026/01/summit-agreed/')

  // The symbols article has a derived id: a new slug would change it, so the build stops.
  const symbols = join(dir, 'articles/2026/01/symbols.md')
  await writeFile(symbols, (await readFile(symbols, 'utf8')).replace('lang: uk', 'lang: uk\nslug: renamed'))
  const changed = await wirefeed(['build', '--now', now], dir)
  assert.equal(changed.code, 1)
  assert.match(changed.stderr, /symbols\.md:1:1 {2}error {2}.*published with the id `tag:news\.example\.org,2026-01-05:symbols`/)
  assert.match(changed.stderr, /fix: add `id: tag:news\.example\.org,2026-01-05:symbols` to the front matter/)
})

test('refuses a damaged ledger instead of trusting it', async () => {
  const dir = await site('newsroom')
  await wirefeed(['build', '--now', now], dir)
  await published(dir)
  await writeFile(join(dir, '.live/ledger.json'), '{"version": 1, "entries": [')
  const run = await wirefeed(['build', '--now', now], dir)
  assert.equal(run.code, 1)
  assert.match(run.stderr, /\.live\/ledger\.json:1:1 {2}error {2}The ledger of published ids is not valid/)
})

test('a local build is a preview, not a publication: deleting or re-drafting what was only built locally just works', async () => {
  const dir = await site('newsroom')
  assert.equal((await wirefeed(['build', '--now', now], dir)).code, 0)
  const symbols = join(dir, 'articles/2026/01/symbols.md')
  await writeFile(symbols, (await readFile(symbols, 'utf8')).replace('lang: uk', 'lang: uk\ndraft: true'))
  await rm(join(dir, 'articles/2026/01/summit.md'))
  const run = await wirefeed(['build', '--now', now], dir)
  assert.equal(run.code, 0, run.stderr)
  assert.match(run.stdout, /0 published, 1 scheduled, 2 drafts/)

  // Once live, the same deletion is refused, with what to do.
  const live = await site('newsroom')
  await wirefeed(['build', '--now', now], live)
  await published(live)
  await rm(join(live, 'articles/2026/01/summit.md'))
  const refused = await wirefeed(['build', '--now', now], live)
  assert.equal(refused.code, 1)
  assert.match(refused.stderr, /summit\.md:1:1 {2}error {2}The published id `tag:news\.example\.org,2026-01-06:summit` .* is in no article any more {2}\[id-vanished\]/)
  assert.match(refused.stderr, /fix: renamed or moved the file\? add `id: tag:news\.example\.org,2026-01-06:summit` to its front matter; .* list the id under `retracted`/)
})

test('an invalid article is reported once: its published id does not vanish as well', async () => {
  const dir = await site('newsroom')
  await wirefeed(['build', '--now', now], dir)
  await published(dir)
  const symbols = join(dir, 'articles/2026/01/symbols.md')
  await writeFile(symbols, (await readFile(symbols, 'utf8')).replace(/^date: .*$/m, 'date: 2026-02-30'))
  const run = await wirefeed(['build', '--now', now], dir)
  assert.equal(run.code, 1)
  assert.match(run.stderr, /symbols\.md:\d+:7 {2}error {2}.*February 2026 has 28 days/)
  assert.doesNotMatch(run.stderr, /id-vanished/)
})

test('a config file that is not YAML is called a file, not front matter', async () => {
  const dir = await site('newsroom')
  await writeFile(join(dir, 'broken.yaml'), 'title: Desk\nurl: [https://news.example.org/\n')
  const run = await wirefeed(['check', '--config', 'broken.yaml'], dir)
  assert.equal(run.code, 1)
  assert.match(run.stderr, /^broken\.yaml:\d+:\d+ {2}error {2}The file is not valid YAML: /)
})

test('exits 2 with one sentence and the usage on bad usage', async () => {
  const dir = await site('newsroom')
  const cases: Array<[string[], RegExp]> = [
    [[], /^wirefeed: no command given\.\n\nUsage: wirefeed/],
    [['publish'], /^wirefeed: unknown command `publish`\.\n/],
    [['biuld'], /^wirefeed: unknown command `biuld`; did you mean `build`\?\n/],
    [['build', '--now', 'yesterday'], /^wirefeed: --now takes an ISO 8601 date-time with offset/],
    [['build', '--articles', 'nope'], /^wirefeed: the articles folder `nope` does not exist/],
    [['build', '--bogus'], /^wirefeed: Unknown option '--bogus'/],
    [['build', '--ledger', 'missing.json'], /^wirefeed: the ledger `missing\.json` does not exist/],
    // Times the calendar does not have, which Date would roll over into others.
    [['build', '--now', '2026-02-30T00:00:00Z'], /^wirefeed: --now names no real time: February 2026 has 28 days, so `2026-02-30T00:00:00Z` does not exist\./],
  ]
  for (const [args, expected] of cases) {
    const run = await wirefeed(args, dir)
    assert.equal(run.code, 2, args.join(' '))
    assert.match(run.stderr, expected)
  }
  for (const epoch of ['99999999999999999999', '1.5', '-1']) {
    const run = await wirefeed(['build'], dir, { SOURCE_DATE_EPOCH: epoch })
    assert.equal(run.code, 2, epoch)
    assert.match(run.stderr, /^wirefeed: SOURCE_DATE_EPOCH must be whole seconds since 1970, at most 8640000000000, not `/)
  }
})

test('prints the help text, overall and for every command', async () => {
  const run = await wirefeed(['--help'], repo)
  assert.equal(run.code, 0)
  await golden(run.stdout, 'help/wirefeed.txt')
  for (const command of Object.keys(commands)) {
    const help = await wirefeed([command, '--help'], repo)
    assert.equal(help.code, 0)
    await golden(help.stdout, `help/${command}.txt`)
    assert.match(help.stdout, new RegExp(`^Usage: wirefeed ${command}`))
    assert.match(help.stdout, /\nExamples:\n {2}wirefeed /)
  }
})

test('builds the seed article, as the quick start does', async () => {
  const dir = await site('seed')
  const out = join(dir, 'dist')
  const run = await wirefeed(['build', '--now', '2026-11-27T00:00:00Z'], dir)
  assert.equal(run.code, 0, run.stderr)
  const json = JSON.parse(await readFile(join(out, 'feed.json'), 'utf8'))
  assert.equal(json.items.length, 1)
  assert.equal(json.items[0].title, 'Ukraine Security Guarantees to Include Binding Commitments, Draft Paris Summit Statement Reveals')
  assert.equal(json.items[0].authors[0].name, 'Raja Awais Ali')
  assert.equal(json.items[0].date_published, '2026-01-06T00:00:00.000Z')
  assert.match(json.items[0].content_html, /^<h2>Ukraine Security Guarantees to Include Binding Commitments: Draft Paris Summit Statement Signals Major Shift<\/h2>/)
})

test('check --format github prints workflow annotations, --format json a machine report', async () => {
  const dir = await site('invalid')
  const github = await wirefeed(['check', '--format', 'github'], dir)
  assert.equal(github.code, 1)
  const lines = github.stdout.trimEnd().split('\n')
  assert.equal(lines.length, 6)
  assert.equal(
    lines.find((line) => line.includes('unknown-field')),
    '::error file=articles/typo.md,line=2,col=1,title=wirefeed unknown-field::Unknown field `titel`: did you mean `title`?%0Afix: rename `titel` to `title`',
  )
  const json = await wirefeed(['check', '--format', 'json', '--now', now], dir)
  const report = JSON.parse(json.stdout)
  assert.equal(report.ok, false)
  assert.equal(report.problems.length, 6)
  assert.deepEqual(report.problems[0], {
    file: 'articles/No Front Matter.md',
    line: 1,
    column: 1,
    severity: 'error',
    rule: 'missing-front-matter',
    message: 'This article has no front matter',
    fix: 'start the file with a `---` line, the fields (title, summary, author, date), and another `---` line',
  })
  const good = JSON.parse((await wirefeed(['check', '--format', 'json', '--now', now], await site('newsroom'))).stdout)
  assert.equal(good.ok, true)
  assert.equal(good.published, 2)
  assert.deepEqual(good.scheduled, [{ file: 'articles/2026/01/later.md', goesLive: '2026-01-06T16:00:00.000Z' }])
  assert.deepEqual(
    good.problems.map((p: { severity: string; rule: string }) => `${p.severity} ${p.rule}`),
    ['warning missing-image', 'warning missing-image', 'warning missing-image'],
  )
})

test('advertises the WebSub hub in all three feeds, and ping notifies it', async () => {
  const hub = await stubServer((_, res) => res.writeHead(202).end())
  try {
    const dir = await site('newsroom')
    await writeFile(join(dir, 'wirefeed.config.yaml'), `${await readFile(join(dir, 'wirefeed.config.yaml'), 'utf8')}hub: ${hub.url}\n`)
    assert.equal((await wirefeed(['build', '--now', now], dir)).code, 0)
    const rss = parseXml(await readFile(join(dir, 'dist/feed.xml'), 'utf8'))
    const atom = parseXml(await readFile(join(dir, 'dist/atom.xml'), 'utf8'))
    const json = JSON.parse(await readFile(join(dir, 'dist/feed.json'), 'utf8'))
    const hubLinks = (root: XmlElement) => findAll(root, 'link').filter((l) => l.attributes.rel === 'hub').map((l) => l.attributes.href)
    assert.deepEqual(hubLinks(rss), [hub.url])
    assert.deepEqual(hubLinks(atom), [hub.url])
    assert.deepEqual(json.hubs, [{ type: 'WebSub', url: hub.url }])

    const ping = await wirefeed(['ping'], dir)
    assert.equal(ping.code, 0, ping.stderr)
    assert.deepEqual(
      hub.requests.map((r) => new URLSearchParams(r.body).get('hub.url')),
      ['feed.xml', 'atom.xml', 'feed.json'].map((name) => `https://news.example.org/desk/${name}`),
    )
  } finally {
    await hub.close()
  }
})

test('ping reports a failing hub with exit code 1, and is a no-op without a hub', async () => {
  const hub = await stubServer((_, res) => res.writeHead(500).end())
  try {
    const dir = await site('newsroom')
    await writeFile(join(dir, 'wirefeed.config.yaml'), `hub: ${hub.url}\n`)
    const failed = await wirefeed(['ping'], dir)
    assert.equal(failed.code, 1)
    assert.match(failed.stderr, /^failed {2}http:\/\/127\.0\.0\.1:\d+\/ {2}https:\/\/wirefeed\.example\.org\/feed\.xml {2}HTTP 500$/m)
  } finally {
    await hub.close()
  }
  const none = await wirefeed(['ping'], await site('newsroom'))
  assert.deepEqual([none.code, none.stdout], [0, 'No WebSub hub in the config; nothing to ping.\n'])
})

test('fetch downloads what is live, and a build guarded by that ledger refuses a vanished id', async () => {
  const published = await site('newsroom')
  assert.equal((await wirefeed(['build', '--now', now], published)).code, 0)
  const live = await listen(join(published, 'dist'), 0)
  try {
    const url = `http://127.0.0.1:${(live.address() as AddressInfo).port}/`
    // A fresh clone, as in the scheduled job: no dist/, one article deleted since the last publish.
    const clone = await site('newsroom')
    await writeFile(join(clone, 'wirefeed.config.yaml'), `${await readFile(join(clone, 'wirefeed.config.yaml'), 'utf8')}`.replace('url: https://news.example.org/desk/', `url: ${url}`))
    const fetched = await wirefeed(['fetch'], clone)
    assert.equal(fetched.code, 0, fetched.stderr)
    assert.equal(fetched.stdout, 'fetched  .live/ledger.json\nfetched  .live/build.json\n')
    await rm(join(clone, 'articles/2026/01/symbols.md'))
    const build = await wirefeed(['build', '--now', now, '--ledger', '.live/ledger.json'], clone)
    assert.equal(build.code, 1)
    assert.match(build.stderr, /^articles\/2026\/01\/symbols\.md:1:1 {2}error {2}The published id `tag:news\.example\.org,2026-01-05:symbols` .* is in no article any more {2}\[id-vanished\]/m)
  } finally {
    live.close()
  }
})
