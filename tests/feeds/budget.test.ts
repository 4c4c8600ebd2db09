// Issue #20: partners cap feeds in bytes. A profile's document, and the
// site's own subscription documents, hold the newest items that fit, whole.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { fillToBudget } from '../../src/feeds/budget.ts'
import { feedDocuments, profileFill } from '../../src/feeds/documents.ts'
import { config, contents, readFeed, rendered, source } from '../helpers.ts'
import { idsOf, readPage } from './documents.ts'

/** Eight long articles, a day apart, each body about 6 KB of Ukrainian (two bytes a letter), its end marked. */
function longArticles(fields: (index: number) => Record<string, unknown> = () => ({})) {
  return Array.from({ length: 8 }, (_, index) => {
    const slug = `long-${index}`
    const body = `${'Україна й світ сьогодні. '.repeat(130)}\n\nEND-${slug}.\n`
    return source({ title: `Long ${index}`, date: `2026-01-${String(10 + index).padStart(2, '0')}`, summary: `Standfirst ${index}.`, ...fields(index) }, body, `articles/${slug}.md`)
  })
}

const profiles = {
  google: { maxBytes: 30000, maxItems: 6, format: 'rss' },
  brief: { maxBytes: 16384, content: 'summary', format: 'json' },
  wide: { maxBytes: 25000, format: 'atom', minItems: 5 },
} as const

const settings = config({ profiles })

function build(files = longArticles(), at = settings) {
  const { articles, bodyOf } = rendered(files, at)
  return { articles, bodyOf, output: contents(feedDocuments(articles, at, bodyOf)) }
}

test('a profile is written to partners/<name>/ in its format, never over its byte budget, newest first, every item whole', async () => {
  const { articles, bodyOf, output } = build()
  const newest = idsOf(articles)
  for (const [name, path, format] of [
    ['google', 'partners/google/feed.xml', 'rss'],
    ['brief', 'partners/brief/feed.json', 'json'],
    ['wide', 'partners/wide/atom.xml', 'atom'],
  ] as const) {
    const text = output.get(path)
    assert.ok(text !== undefined, `${path} is written`)
    const profile = profiles[name]
    assert.ok(Buffer.byteLength(text) <= profile.maxBytes, `${path} is ${Buffer.byteLength(text)} bytes, over ${profile.maxBytes}`)
    const ids = readPage(format, text).ids
    assert.ok(ids.length > 0, `${path} holds items`)
    assert.deepEqual(ids, newest.slice(0, ids.length), `${path} holds the newest, newest first`)
    // Filled: the next item would not have fitted.
    const fill = profileFill(name, articles, settings, bodyOf)
    assert.equal(fill.text, text, 'check --profile sees what the build writes')
    assert.equal(fill.kept, ids.length)
    if (fill.kept < fill.candidates.length) assert.ok(fill.bytes + (fill.shares[fill.kept] ?? 0) > profile.maxBytes, `${path} could have held one more`)
  }
  // The full-text profile's budget bites: some items, not all, each whole.
  const google = output.get('partners/google/feed.xml') ?? ''
  const parsed = readFeed(google)
  assert.ok(parsed.items.length > 0 && parsed.items.length < 6, `google holds ${parsed.items.length} of 6`)
  for (const item of parsed.items) assert.match(item.content ?? '', /END-long-\d\./, `${item.title} is whole`)
  // Each kept article's end is there once; no dropped article begins.
  const kept = parsed.items.map((item) => item.title)
  for (const article of articles) {
    const marker = `END-${article.url.split('/').at(-2)}.`
    assert.equal(google.includes(marker), kept.includes(article.title), article.title)
  }
})

test('a summary profile carries the standfirst and a link, no body', () => {
  const { output } = build()
  const json = JSON.parse(output.get('partners/brief/feed.json') ?? '{}') as { items: { content_html: string; url: string }[]; feed_url: string }
  assert.equal(json.feed_url, 'https://news.example.org/partners/brief/feed.json')
  assert.ok(json.items.length === 8, 'teasers are small: every candidate fits')
  for (const item of json.items) {
    assert.doesNotMatch(item.content_html, /Україна|END-/)
    assert.match(item.content_html, /Standfirst \d\./)
    assert.ok(item.content_html.includes(item.url))
  }
})

test('an article that says `feed: summary` is a teaser in a full-text profile too', () => {
  const { output } = build(longArticles((index) => (index === 7 ? { feed: 'summary' } : {})))
  const google = output.get('partners/google/feed.xml') ?? ''
  assert.doesNotMatch(google, /END-long-7\./)
  assert.match(google, /Standfirst 7\./)
})

test('a profile whose minItems do not fit still never passes its budget; the fill says how many fit', () => {
  const { articles, bodyOf, output } = build()
  const fill = profileFill('wide', articles, settings, bodyOf)
  assert.ok(fill.kept < fill.profile.minItems, `${fill.kept} of ${fill.profile.minItems} fit`)
  assert.ok(Buffer.byteLength(output.get('partners/wide/atom.xml') ?? '') <= 25000)
})

test('the site’s feed.xml, atom.xml and feed.json keep to feedBytes, the newest items whole; topic feeds and archives are not cut', () => {
  const small = config({ feedBytes: 20000, feedItems: 8 })
  const { articles, output } = build(longArticles(() => ({ tags: ['Kyiv'] })), small)
  const newest = idsOf(articles)
  for (const [path, format] of [
    ['feed.xml', 'rss'],
    ['atom.xml', 'atom'],
    ['feed.json', 'json'],
  ] as const) {
    const text = output.get(path) ?? ''
    assert.ok(Buffer.byteLength(text) <= 20000, `${path} is ${Buffer.byteLength(text)} bytes`)
    const ids = readPage(format, text).ids
    assert.ok(ids.length > 0 && ids.length < 8, `${path} holds ${ids.length}`)
    assert.deepEqual(ids, newest.slice(0, ids.length))
  }
  assert.equal(readPage('rss', output.get('tags/kyiv/feed.xml') ?? '').ids.length, 8)
  // No profiles, no partners folder; and feeds.opml never lists one.
  assert.deepEqual([...output.keys()].filter((path) => path.startsWith('partners/')), [])
  assert.doesNotMatch(build().output.get('feeds.opml') ?? '', /partners/)
})

test('fillToBudget writes the document once alone per candidate, not once per prefix', () => {
  const { articles } = rendered(longArticles(), settings)
  let writes = 0
  const write = (list: readonly unknown[]) => {
    writes++
    return `<feed>${list.map((_, index) => `<item>${'x'.repeat(1000 + index)}</item>`).join('')}</feed>`
  }
  const fill = fillToBudget(articles, write, 4000)
  assert.equal(fill.kept, 3)
  assert.ok(fill.bytes <= 4000)
  assert.ok(writes <= 1 + 4 + 2, `${writes} writes`)
})

test('fillToBudget measures alone only the candidates whose share it is not told, and fills the same', () => {
  const { articles } = rendered(longArticles(), settings)
  let writes = 0
  const write = (list: readonly { id: string }[]) => {
    writes++
    return `<feed>${list.map((article) => `<item>${'x'.repeat(1000 + article.id.length)}</item>`).join('')}</feed>`
  }
  const measured = fillToBudget(articles, write, 4000)
  writes = 0
  // The newest's share is not known (it was edited); the others' are.
  const known = new Map(articles.slice(1).map((article, index) => [article.id, measured.shares[index + 1] as number]))
  const again = fillToBudget(articles, write, 4000, (article) => known.get(article.id))
  assert.deepEqual(again, measured)
  // The empty document, the newest alone, and the document of what fits.
  assert.equal(writes, 3)
})
