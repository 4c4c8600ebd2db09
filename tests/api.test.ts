import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { test } from 'node:test'
import { build, check, readConfig, Refused } from '../src/api.ts'
import { site } from './run-cli.ts'

const now = new Date('2026-01-06T12:00:00Z')
/** Paths in a report are relative to the working folder, as the CLI prints them. */
const shown = (path: string) => relative(process.cwd(), path)

test('build() writes the site and returns the report as data', async () => {
  const dir = await site('newsroom')
  const options = { articles: join(dir, 'articles'), out: join(dir, 'dist'), cache: join(dir, '.cache'), config: join(dir, 'wirefeed.config.yaml'), now }
  const report = await build(options)
  assert.equal(report.ok, true)
  assert.equal(report.output, 'written')
  assert.equal(report.published, 2)
  assert.deepEqual(report.scheduled.map((entry) => entry.file), [shown(join(dir, 'articles/2026/01/later.md'))])
  const feed = JSON.parse(await readFile(join(dir, 'dist', 'feed.json'), 'utf8')) as { title: string; items: unknown[] }
  assert.deepEqual([feed.title, feed.items.length], ['Kyiv & Paris Desk', 2])
  assert.equal((await build(options)).output, 'unchanged')
})

test('check() lists every valid article with its state, and writes no output', async () => {
  const dir = await site('newsroom')
  const report = await check({ articles: join(dir, 'articles'), out: join(dir, 'dist'), cache: join(dir, '.cache'), config: join(dir, 'wirefeed.config.yaml'), now })
  assert.equal(report.ok, true)
  assert.deepEqual(
    report.articles.map((article) => [relative(dir, article.file), article.state]),
    [
      ['articles/2026/01/summit.md', 'published'],
      ['articles/2026/01/symbols.md', 'published'],
      ['articles/2026/01/later.md', 'scheduled'],
      ['articles/2026/01/unfinished.md', 'draft'],
    ],
  )
  await assert.rejects(readFile(join(dir, 'dist', 'feed.json')), { code: 'ENOENT' })
})

test('problems come back with their place, rule and fix; an invalid config stops before any article', async () => {
  const dir = await site('invalid')
  const report = await check({ articles: join(dir, 'articles'), out: join(dir, 'dist'), cache: join(dir, '.cache'), config: {}, now })
  assert.equal(report.ok, false)
  const typo = report.problems.find((problem) => problem.rule === 'unknown-field')
  assert.deepEqual([typo?.file, typo?.line, typo?.column, typo?.fix], [shown(join(dir, 'articles/typo.md')), 2, 1, 'rename `titel` to `title`'])

  const config = readConfig(join(dir, 'articles/typo.md'))
  assert.ok('problems' in config && config.problems.length > 0)
  await assert.rejects(
    build({ articles: join(dir, 'articles'), config: { url: 'news.example.org', feedItems: 0 } }),
    (error: unknown) => error instanceof Refused && error.reason === 'config' && /`url`: .*; `feedItems`: /.test(error.message),
  )
})

test('a missing folder or named file is refused with a reason, before anything is read or written', async () => {
  const dir = await site('newsroom')
  await assert.rejects(build({ articles: join(dir, 'nowhere'), out: join(dir, 'dist') }), (error: unknown) => error instanceof Refused && error.reason === 'place' && /`.*nowhere` does not exist/.test(error.message))
  await assert.rejects(check({ articles: join(dir, 'articles'), config: join(dir, 'missing.yaml') }), (error: unknown) => error instanceof Refused && error.reason === 'place')
  await assert.rejects(check({ articles: join(dir, 'articles'), ledger: join(dir, 'no-ledger.json'), config: join(dir, 'wirefeed.config.yaml') }), /only a site's very first build goes without one/)
})
