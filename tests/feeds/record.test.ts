// The record over time, on the record newsroom (tests/fixtures/record/): a
// corrected article, an updated one, one changed without a word, and one
// retracted, published over the live ledger of the build before. What each
// reader gets, read back by independent parsers.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { tombstonesNamespace } from '../../src/feeds/xml/edit.ts'
import { all, first, ns, type JsonFeed } from './outputs.ts'
import { findAll, parseXml, readFeed } from '../helpers.ts'
import { fixtureOutput } from './fixture-site.ts'

const { site, output } = await fixtureOutput('record', new Date('2026-01-10T00:00:00Z'))
const text = (path: string) => output.get(path) ?? assert.fail(`the build writes no ${path}`)
const id = (slug: string, day: string) => `tag:news.example.org,${day}:${slug}`
const budget = id('budget', '2025-12-18')
const metro = id('metro', '2026-01-05')
const grain = id('grain', '2026-01-06')
const withdrawn = id('withdrawn', '2025-12-15')
const longGone = id('long-gone', '2025-11-20')

interface RecordItem {
  id: string
  date_published: string
  date_modified: string
  content_html: string
  _wirefeed?: { corrections: { date: string; kind: string; note: string }[] }
}
type RecordFeed = Omit<JsonFeed, 'items'> & { items: RecordItem[]; _wirefeed?: { retractions: { id: string; url?: string; date: string; reason?: string }[] } }
const json = (path: string) => JSON.parse(text(path)) as RecordFeed

test('builds, warning of the one silent change and of nothing else about the record', () => {
  assert.ok(site.ok)
  const record = site.files.flatMap((file) => file.messages.filter((m) => m.ruleId !== 'missing-image').map((m) => `${file.path} ${m.ruleId} ${m.fatal ? 'error' : 'warning'}`))
  assert.deepEqual(record, ['articles/2026/01/grain.md silent-change warning'])
})

describe('every reader sees the update time', () => {
  const updated = { [budget]: '2026-01-07T08:00:00.000Z', [metro]: '2026-01-06T10:30:00.000Z' }

  test('Atom `updated`, read by feed-parser; the clarification after the update moves nothing', () => {
    const items = readFeed(text('atom.xml')).items
    for (const [item, time] of Object.entries(updated)) assert.equal(items.find((entry) => entry.id === item)?.updated?.toISOString(), time, item)
    // The typo fixed in grain moves nothing either: it does not come back to readers as new.
    assert.equal(items.find((entry) => entry.id === grain)?.updated?.toISOString(), '2026-01-06T07:00:00.000Z')
  })

  test('JSON Feed `date_modified`', () => {
    const items = json('feed.json').items
    for (const [item, time] of Object.entries(updated)) assert.equal(items.find((entry) => entry.id === item)?.date_modified, time, item)
  })

  test('RSS `atom:updated` in the item, only where it differs from pubDate (feed-parser reads neither it nor dcterms:modified)', () => {
    const items = findAll(parseXml(text('feed.xml')), 'item')
    const times = Object.fromEntries(
      items.map((item) => [all(item, 'guid')[0]?.text, item.children.find((child) => child.name === 'updated' && child.uri === ns.atom)?.text]),
    )
    assert.deepEqual(times, { [id('weather', '2026-01-07')]: undefined, [grain]: undefined, ...updated })
  })
})

describe('the corrections\' text where readers see it', () => {
  const budgetNote = 'Correction, 7 January 2026:</strong> An earlier version said transport spending rose by a quarter; it rose by a fifth.'

  test('after the article in every format\'s content, dated in the site\'s time zone, oldest first', () => {
    const rss = readFeed(text('feed.xml')).items.find((item) => item.id === metro)?.content ?? ''
    const atom = readFeed(text('atom.xml')).items.find((item) => item.id === metro)?.content ?? ''
    const jsonContent = json('feed.json').items.find((item) => item.id === metro)?.content_html ?? ''
    for (const content of [rss, atom, jsonContent]) {
      const update = content.indexOf('<strong>Update, 6 January 2026:</strong> The city now says the line reopens on 19 January, a day earlier.')
      const clarification = content.indexOf('<strong>Clarification, 6 January 2026:</strong> Buses replace the trains between the closed stations only.')
      assert.ok(update > content.indexOf('reopens on 19 January.</p>') && clarification > update, content)
    }
  })

  test('in the teasers of topic feeds and archives too', () => {
    for (const path of ['archive/2025/12/feed.json', 'tags/kyiv/feed.json', 'authors/ann-writer/feed.json']) {
      const item = json(path).items.find((entry) => entry.id === budget)
      assert.ok(item?.content_html.includes(budgetNote), path)
    }
  })

  test('as data in JSON Feed\'s `_wirefeed` extension', () => {
    const items = json('feed.json').items
    assert.deepEqual(items.find((item) => item.id === metro)?._wirefeed, {
      corrections: [
        { date: '2026-01-06T10:30:00.000Z', kind: 'update', note: 'The city now says the line reopens on 19 January, a day earlier.' },
        { date: '2026-01-06T13:00:00.000Z', kind: 'clarification', note: 'Buses replace the trains between the closed stations only.' },
      ],
    })
    assert.equal(items.find((item) => item.id === grain)?._wirefeed, undefined)
  })
})

describe('a retraction', () => {
  const when = '2026-01-08T07:00:00.000Z'
  const reason = 'The study it reported on was retracted by its authors.'
  const url = 'https://news.example.org/record/2025/12/withdrawn/'

  const tombstones = (path: string) => {
    const root = parseXml(text(path))
    return root.children
      .filter((child) => child.name === 'deleted-entry' && child.uri === tombstonesNamespace)
      .map((entry) => ({
        ref: entry.attributes.ref,
        when: entry.attributes.when,
        comment: entry.children.find((child) => child.name === 'comment')?.text,
        link: entry.children.find((child) => child.name === 'link' && child.uri === ns.atom)?.attributes.href,
      }))
  }

  test('is a tombstone (RFC 6721) in the main Atom feed, the archive of the month that held it and the partner profiles that can say so, and in no other document', () => {
    const expected = [{ ref: withdrawn, when, comment: reason, link: url }]
    assert.deepEqual(tombstones('atom.xml'), expected)
    assert.deepEqual(tombstones('archive/2025/12/atom.xml'), expected)
    // The profiles announce it as the site's feed does (issue #20); the RSS one (`google`) has no way to.
    assert.deepEqual(tombstones('partners/headlines/atom.xml'), expected)
    const holders = [...output].filter(([, content]) => content.includes('deleted-entry') || content.includes('"retractions"')).map(([path]) => path).sort()
    assert.deepEqual(holders, ['archive/2025/12/atom.xml', 'archive/2025/12/feed.json', 'atom.xml', 'feed.json', 'partners/app/feed.json', 'partners/headlines/atom.xml'])
    // The namespace only where a tombstone is.
    for (const [path, content] of output) if (path.endsWith('atom.xml')) assert.equal(content.includes(tombstonesNamespace), holders.includes(path), path)
  })

  test('is `_wirefeed.retractions` in JSON Feed, beside the same documents', () => {
    for (const path of ['feed.json', 'archive/2025/12/feed.json']) {
      assert.deepEqual(json(path)._wirefeed, { retractions: [{ id: withdrawn, url, date: when, reason }] }, path)
    }
  })

  test('dates the feed: a retraction changes it as an update does', () => {
    assert.equal(first(parseXml(text('atom.xml')), 'updated', ns.atom).text, when)
  })

  test('of an id alone (the earlier form) removes it with no tombstone, for want of a time', () => {
    for (const content of output.values()) assert.ok(!content.includes(`ref="${longGone}"`))
    assert.deepEqual(
      site.retracted.map((retraction) => [retraction.id, retraction.url, retraction.at?.toISOString(), retraction.reason]),
      [
        [withdrawn, url, when, reason],
        [longGone, 'https://news.example.org/record/2025/11/long-gone/', undefined, undefined],
      ],
    )
    assert.equal(site.retracted[0]?.published?.toISOString(), '2025-12-15T08:00:00.000Z')
  })

  test('takes the article out of every item list: feeds, sitemap and headlines', () => {
    for (const [path, content] of output) {
      if (/(\.xml|\.json)$/.test(path) && path !== 'ledger.json') assert.ok(!content.includes('/2025/12/withdrawn/') || content.includes('deleted-entry') || content.includes('"retractions"'), path)
    }
    for (const path of ['sitemap.xml', 'headlines.json', 'index.html']) assert.ok(!text(path).includes('withdrawn'), path)
    for (const format of ['feed.xml', 'atom.xml']) assert.ok(readFeed(text(format)).items.every((item) => item.id !== withdrawn))
    assert.ok(json('feed.json').items.every((item) => item.id !== withdrawn))
  })

  test('stays in the ledger, marked retracted', () => {
    const ledger = JSON.parse(text('ledger.json')) as { version: number; entries: { id: string; retracted?: boolean }[] }
    assert.equal(ledger.version, 2)
    assert.deepEqual(ledger.entries.filter((entry) => entry.retracted).map((entry) => entry.id), [longGone, withdrawn])
  })
})
