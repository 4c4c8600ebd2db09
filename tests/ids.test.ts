import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { VFile } from 'vfile'
import { checkIdentity, nextLedger, type Ledger } from '../src/ids.ts'
import { validateArticle, type Article } from '../src/validate.ts'
import { config, source } from './helpers.ts'

const settings = config()

function article(file: VFile): Article {
  const result = validateArticle(file, settings)
  assert.ok(result, String(file.messages))
  return result.article
}

const rules = (files: VFile[]) => files.flatMap((file) => file.messages.map((m) => `${file.path} ${m.ruleId}`))

test('rejects two articles with the same id, and two with the same URL', () => {
  const a = article(source({ id: 'tag:x.org,2026-01-01:a' }, 'x', 'articles/a.md'))
  const b = article(source({ id: 'tag:x.org,2026-01-01:a', slug: 'a' }, 'x', 'articles/b.md'))
  checkIdentity([a, b], [a, b], settings, undefined)
  assert.deepEqual(rules([a.file, b.file]), ['articles/b.md duplicate-id', 'articles/b.md duplicate-url'])
})

test('records published ids in a sorted ledger that only grows', () => {
  const a = article(source({}, 'x', 'articles/zeta.md'))
  const b = article(source({}, 'x', 'articles/alpha.md'))
  const first = nextLedger(undefined, [a], settings)
  const second = nextLedger(first, [b], settings)
  assert.deepEqual(
    second.entries.map((e) => e.id),
    ['tag:news.example.org,2026-01-06:alpha', 'tag:news.example.org,2026-01-06:zeta'],
  )
})

test('fails when a published article changes its id, naming the id to restore', () => {
  const before = article(source({}, 'x', 'articles/story.md'))
  const ledger = nextLedger(undefined, [before], settings)
  const after = article(source({ slug: 'renamed' }, 'x', 'articles/story.md'))
  checkIdentity([after], [after], settings, ledger)
  assert.deepEqual(rules([after.file]), ['articles/story.md id-changed'])
  assert.equal(after.file.messages[0]?.note, `add \`id: ${before.id}\` to the front matter to keep the published id`)
})

test('fails when a published id vanishes, unless it is retracted', () => {
  const gone = article(source({}, 'x', 'articles/gone.md'))
  const ledger: Ledger = nextLedger(undefined, [gone], settings)
  const extra = checkIdentity([], [], settings, ledger)
  assert.deepEqual(rules(extra), ['articles/gone.md id-vanished'])

  const withdrawn = config({ retracted: [gone.id] })
  assert.deepEqual(checkIdentity([], [], withdrawn, ledger), [])
  assert.equal(nextLedger(ledger, [], withdrawn).entries[0]?.retracted, true)
})

test('treats a published article turned draft as vanished', () => {
  const live = article(source({}, 'x', 'articles/story.md'))
  const ledger = nextLedger(undefined, [live], settings)
  const draft = article(source({ draft: true }, 'x', 'articles/story.md'))
  const extra = checkIdentity([draft], [], settings, ledger)
  assert.deepEqual(rules(extra), ['articles/story.md id-vanished'])
})

test('refuses to publish a retracted id again', () => {
  const a = article(source({}, 'x', 'articles/story.md'))
  checkIdentity([a], [a], config({ retracted: [a.id] }), undefined)
  assert.deepEqual(rules([a.file]), ['articles/story.md id-retracted'])
})

test('keeps the id when title and slug change if the id is pinned in front matter', () => {
  const id = 'tag:news.example.org,2026-01-06:story'
  const before = article(source({ id }, 'x', 'articles/story.md'))
  const ledger = nextLedger(undefined, [before], settings)
  const after = article(source({ id, title: 'New headline', slug: 'new-slug' }, 'x', 'articles/story.md'))
  assert.equal(after.id, before.id)
  assert.notEqual(after.url, before.url)
  assert.deepEqual(checkIdentity([after], [after], settings, ledger), [])
  assert.deepEqual(rules([after.file]), [])
})

test('lets a published id keep its URL under a file moved, or its file under a new URL', () => {
  const id = 'tag:news.example.org,2026-01-06:story'
  const ledger = nextLedger(undefined, [article(source({ id }, 'x', 'articles/story.md'))], settings)
  const moved = article(source({ id }, 'x', 'articles/2026/story.md'))
  checkIdentity([moved], [moved], settings, ledger)
  assert.deepEqual(rules([moved.file]), [])
})

test('refuses an id given to another article: another file at another URL', () => {
  const gone = article(source({}, 'x', 'articles/gone.md'))
  const ledger = nextLedger(undefined, [gone], settings)
  const thief = article(source({ id: gone.id, slug: 'elsewhere' }, 'x', 'articles/new.md'))
  checkIdentity([thief], [thief], settings, ledger)
  assert.deepEqual(rules([thief.file]), ['articles/new.md id-moved'])
  assert.match(thief.file.messages[0]?.reason ?? '', /was published for another article \(https:\/\/news\.example\.org\/2026\/01\/gone\/, from articles\/gone\.md\)/)
})

test('refuses two articles that traded ids when their slugs were swapped, naming the ids to give back', () => {
  const [a, b] = [article(source({}, 'x', 'articles/a.md')), article(source({}, 'x', 'articles/b.md'))]
  const ledger = nextLedger(undefined, [a, b], settings)
  const swappedA = article(source({ slug: 'b' }, 'x', 'articles/a.md'))
  const swappedB = article(source({ slug: 'a' }, 'x', 'articles/b.md'))
  checkIdentity([swappedA, swappedB], [swappedA, swappedB], settings, ledger)
  assert.deepEqual(rules([swappedA.file, swappedB.file]), ['articles/a.md id-swapped', 'articles/b.md id-swapped'])
  assert.equal(swappedA.file.messages[0]?.note, `give each its id back: add \`id: ${a.id}\` here and \`id: ${b.id}\` to articles/b.md`)
})
