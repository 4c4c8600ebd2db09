import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { VFile } from 'vfile'
import { checkIdentity, checkSilentChanges, ledgerSchema, nextLedger, retractionsOf, type Ledger } from '../src/ids.ts'
import { bodyDigest, validateArticle, type Article } from '../src/validate.ts'
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

describe('the ledger, version 2', () => {
  test('records each published article\'s publication time, body digest and last recorded revision', () => {
    const a = article(source({ date: '2026-01-06T09:00:00Z', corrections: [{ at: '2026-01-07T10:00:00Z', kind: 'clarification', note: 'x' }] }, 'Body.\n', 'articles/a.md'))
    const ledger = nextLedger(undefined, [a], settings)
    assert.equal(ledger.version, 2)
    assert.deepEqual(ledger.entries[0], {
      id: a.id,
      url: a.url,
      source: 'articles/a.md',
      date: '2026-01-06T09:00:00.000Z',
      digest: bodyDigest('Body.\n'),
      revised: '2026-01-07T10:00:00.000Z',
    })
    assert.deepEqual(ledgerSchema.parse(JSON.parse(JSON.stringify(ledger))), ledger)
  })

  test('reads a version 1 ledger, as it was written, as version 2 entries without a digest', () => {
    const v1 = { version: 1, entries: [{ id: 'tag:news.example.org,2026-01-06:a', url: 'https://news.example.org/2026/01/a/', source: 'articles/a.md' }] }
    assert.deepEqual(ledgerSchema.parse(v1), { version: 2, entries: v1.entries })
    assert.equal(ledgerSchema.safeParse({ version: 2, entries: [{ ...v1.entries[0], digest: 'not hex' }] }).success, false)
    assert.equal(ledgerSchema.safeParse({ version: 3, entries: [] }).success, false)
  })
})

describe('silent changes', () => {
  const published = (fields: object, body: string) => article(source({ date: '2026-01-06T09:00:00Z', ...fields }, body, 'articles/story.md'))
  const live = nextLedger(undefined, [published({}, 'The minister, Olha, said.\n')], settings)
  const warnings = (changed: Article, ledger: Ledger | undefined) => {
    checkSilentChanges([changed], ledger)
    return changed.file.messages.map((m) => `${m.ruleId} ${m.fatal ? 'error' : 'warning'}`)
  }

  test('warns of a published body changed with no correction recorded since, with the fix', () => {
    const changed = published({}, 'The minister, Olena, said.\n')
    assert.deepEqual(warnings(changed, live), ['silent-change warning'])
    assert.match(changed.file.messages[0]?.note ?? '', /add a `corrections` entry .*; a typo fixed needs nothing/)
  })

  test('says nothing when the change is recorded: a correction, an update, a clarification, or a later `updated`', () => {
    for (const fields of [
      { corrections: [{ at: '2026-01-07', kind: 'correction', note: 'The minister is Olena.' }] },
      { corrections: [{ at: '2026-01-07', kind: 'clarification', note: 'x' }] },
      { updated: '2026-01-07' },
    ]) {
      assert.deepEqual(warnings(published(fields, 'The minister, Olena, said.\n'), live), [], JSON.stringify(fields))
    }
  })

  test('warns again when the body changes after a recorded correction, with none newer', () => {
    const corrected = { corrections: [{ at: '2026-01-07', kind: 'correction', note: 'The minister is Olena.' }] }
    const ledger = nextLedger(live, [published(corrected, 'The minister, Olena, said.\n')], settings)
    assert.deepEqual(warnings(published(corrected, 'The minister, Olena, said it.\n'), ledger), ['silent-change warning'])
    assert.deepEqual(warnings(published(corrected, 'The minister, Olena, said.\n'), ledger), [])
  })

  test('says nothing for a body saved otherwise but the same, nor without a ledger, nor for entries of a version 1 ledger', () => {
    assert.deepEqual(warnings(published({}, 'The minister, Olha, said.  \r\n\r\n'), live), [])
    assert.deepEqual(warnings(published({}, 'Changed.\n'), undefined), [])
    const v1 = ledgerSchema.parse({ version: 1, entries: live.entries.map(({ id, url, source }) => ({ id, url, source })) })
    assert.deepEqual(warnings(published({}, 'Changed.\n'), v1), [])
  })
})

describe('retractions', () => {
  test('takes the config\'s objects and plain ids alike, and refuses an unknown key or a bad time', () => {
    const withdrawn = config({
      retracted: [{ id: 'tag:news.example.org,2026-01-02:gone', at: '2026-01-08 09:00', reason: 'Wrong.\nRetracted.' }, 'tag:news.example.org,2025-01-02:old'],
    })
    assert.deepEqual(withdrawn.retracted, [
      { id: 'tag:news.example.org,2026-01-02:gone', at: '2026-01-08 09:00', reason: 'Wrong. Retracted.' },
      { id: 'tag:news.example.org,2025-01-02:old' },
    ])
    assert.throws(() => config({ retracted: [{ id: 'tag:news.example.org,2026-01-02:gone', when: '2026-01-08' }] }), /when/)
    assert.throws(() => config({ retracted: [{ id: 'tag:news.example.org,2026-01-02:gone', at: '8 January' }] }), /not a date/)
  })

  test('gives each its URL and publication time from the ledger, and its time in the site\'s zone', () => {
    const gone = article(source({ date: '2026-01-02T10:00:00Z' }, 'x', 'articles/gone.md'))
    const withdrawn = config({ retracted: [{ id: gone.id, at: '2026-01-08 09:00', reason: 'Wrong.' }, 'tag:news.example.org,2025-01-02:unknown'] })
    const ledger = nextLedger(nextLedger(undefined, [gone], settings), [], withdrawn)
    assert.equal(ledger.entries.find((entry) => entry.id === gone.id)?.retracted, true)
    assert.deepEqual(retractionsOf(withdrawn, ledger), [
      { id: gone.id, url: gone.url, published: new Date('2026-01-02T10:00:00Z'), at: new Date('2026-01-08T07:00:00Z'), reason: 'Wrong.' },
      { id: 'tag:news.example.org,2025-01-02:unknown' },
    ])
    assert.deepEqual(checkIdentity([], [], withdrawn, ledger), [])
  })

  test('still refuses to publish a retracted id again, in the object form too', () => {
    const a = article(source({}, 'x', 'articles/story.md'))
    checkIdentity([a], [a], config({ retracted: [{ id: a.id, at: '2026-01-08', reason: 'x' }] }), undefined)
    assert.deepEqual(rules([a.file]), ['articles/story.md id-retracted'])
  })
})
