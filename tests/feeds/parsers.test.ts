// Independent readers see in our output exactly the items of the model.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { toAtom } from '../../src/feeds/atom.ts'
import { toJsonFeed } from '../../src/feeds/json.ts'
import { toRss } from '../../src/feeds/rss.ts'
import { model, parseXml, readFeed, source } from '../helpers.ts'
import { all, ns, type JsonFeed } from './outputs.ts'

const sources = () => [
  source({ title: 'Привіт, світе: новини дня', date: '2026-01-05T08:00:00+02:00' }, 'Текст.\n', 'articles/pryvit.md'),
  source(
    {
      title: `Q&A: "5 < 6" — it's <b>true</b> 🎉`,
      author: ['Ann Writer', 'Bob Reporter'],
      tags: ['Politics', 'R&D'],
      image: { src: '/images/lead.jpg', alt: 'The minister, left' },
      date: '2026-01-06T09:30:00+01:00',
      updated: '2026-01-07T12:00:00+00:00',
    },
    'Questions & answers.\n',
    'articles/q-and-a.md',
  ),
  source({ title: 'Markets close higher', date: '2026-01-07T18:00:00+00:00' }, 'Shares rose.\n', 'articles/markets.md'),
]

const m = model(sources())
const text = { rss: toRss(m), atom: toAtom(m), json: toJsonFeed(m) }

/** What every reader must agree on, per item. */
const expected = m.items.map((item) => ({
  id: item.id,
  title: item.title,
  url: item.url,
  published: item.published.getTime(),
  authors: item.authors,
  tags: item.tags,
}))

function seenBy(xml: string) {
  return readFeed(xml).items.map((item) => ({
    id: item.id,
    title: item.title,
    url: item.url,
    published: item.published?.getTime(),
    authors: item.authors.map((author) => author.name),
    tags: item.categories.map((category) => category.term),
  }))
}

describe('what parsers read from our feeds', () => {
  test('builds a model that exercises the hard cases', () => {
    assert.deepEqual(
      m.items.map((item) => item.title),
      ['Markets close higher', `Q&A: "5 < 6" — it's <b>true</b> 🎉`, 'Привіт, світе: новини дня'],
    )
    assert.notEqual(m.items[1]?.updated.getTime(), m.items[1]?.published.getTime())
  })

  test('writes RSS and Atom that a strict XML parser accepts, with one item per model item', () => {
    assert.equal(all(parseXml(text.rss), 'item').length, 3)
    assert.equal(all(parseXml(text.atom), 'entry', ns.atom).length, 3)
  })

  test('lets feed-parser read from RSS the ids, titles, links, dates, authors and tags of the model', () => {
    assert.deepEqual(seenBy(text.rss), expected)
  })

  test('lets feed-parser read from Atom the ids, titles, links, dates, authors and tags of the model', () => {
    assert.deepEqual(seenBy(text.atom), expected)
    assert.deepEqual(
      readFeed(text.atom).items.map((item) => item.updated?.getTime()),
      m.items.map((item) => item.updated.getTime()),
    )
  })

  test('gives JSON Feed items the ids, urls, titles and dates of the model', () => {
    const json = JSON.parse(text.json) as JsonFeed
    assert.deepEqual(
      json.items.map(({ id, url, title, date_published }) => ({ id, url, title, date_published })),
      m.items.map((item) => ({ id: item.id, url: item.url, title: item.title, date_published: item.published.toISOString() })),
    )
  })

  test('serialises the same model to the same bytes every time', () => {
    assert.equal(toRss(m), text.rss)
    assert.equal(toAtom(m), text.atom)
    assert.equal(toJsonFeed(m), text.json)
  })

  test('serialises the same sources, read again, to the same bytes', () => {
    const again = model(sources().reverse())
    assert.deepEqual([toRss(again), toAtom(again), toJsonFeed(again)], [text.rss, text.atom, text.json])
  })
})

test('gives the site description as text in every format: RSS readers, which read it as HTML, see the characters as written', async () => {
  const { config } = await import('../helpers.ts')
  const written = 'News <b>bold</b> & "quoted" <script>x</script>'
  const hostile = model(sources(), config({ description: written }))
  const channel = parseXml(toRss(hostile)).children.find((child) => child.name === 'channel')
  const description = channel?.children.find((child) => child.name === 'description')?.text ?? ''
  // Read as HTML: no tag, and the character references stand for the text as written.
  assert.doesNotMatch(description, /</)
  const decoded = description.replace(/&(lt|gt|amp|quot|#x([0-9a-f]+));/gi, (_, name: string, hex?: string) =>
    hex ? String.fromCodePoint(Number.parseInt(hex, 16)) : ({ lt: '<', gt: '>', amp: '&', quot: '"' } as Record<string, string>)[name.toLowerCase()] ?? '',
  )
  assert.equal(decoded, written)
  assert.equal(JSON.parse(toJsonFeed(hostile)).description, written)
})

test('carries the site icon and logo as each format names them, and readers find them there', async () => {
  const { config } = await import('../helpers.ts')
  const icon = { url: 'https://news.example.org/images/icon.png', width: 512, height: 512, type: 'image/png' }
  const logo = { url: 'https://news.example.org/images/logo.png', width: 600, height: 200, type: 'image/png' }
  const branded = model(sources(), { ...config(), siteImages: { icon, logo } })
  const rss = toRss(branded)
  const atom = toAtom(branded)
  const json = JSON.parse(toJsonFeed(branded))
  // RSS 2.0: <image> with the channel's title and link; no width or height, which may not pass 144 and 400.
  const channel = parseXml(rss).children.find((child) => child.name === 'channel')
  const image = channel?.children.find((child) => child.name === 'image' && child.uri === '')
  assert.deepEqual(Object.fromEntries(image?.children.map((child) => [child.name, child.text]) ?? []), { title: 'wirefeed', url: icon.url, link: 'https://news.example.org/' })
  assert.deepEqual(readFeed(rss).image, { title: 'wirefeed', url: icon.url })
  // Atom: `icon` square, `logo` wide (RFC 4287 §4.2.5, §4.2.14); feed-parser takes the logo first.
  const root = parseXml(atom)
  assert.deepEqual(['icon', 'logo'].map((name) => root.children.find((child) => child.name === name && child.uri === ns.atom)?.text), [icon.url, logo.url])
  assert.equal(readFeed(atom).image?.url, logo.url)
  // JSON Feed 1.1: `icon` and `favicon`, both square.
  assert.deepEqual([json.icon, json.favicon], [icon.url, icon.url])
  // Without them, none of it.
  const plain = model(sources())
  assert.doesNotMatch(toRss(plain) + toAtom(plain), /<image>|<icon>|<logo>/)
  assert.equal(JSON.parse(toJsonFeed(plain)).icon, undefined)
})

test('carries the lead image\'s caption and credit: Media RSS description and credit, JSON Feed `_wirefeed.image`', () => {
  const captioned = model([
    source({ image: { src: '/images/lead.jpg', alt: 'The minister, left', caption: 'The minister <arrives> in Kyiv.', credit: 'Photo: Ann & Bo' } }),
  ])
  const item = all(parseXml(toRss(captioned)), 'item')[0]
  assert.ok(item)
  const content = all(item, 'content', ns.media)[0]
  assert.ok(content)
  assert.deepEqual(content.attributes, { url: 'https://news.example.org/images/lead.jpg', type: 'image/jpeg', medium: 'image' })
  assert.deepEqual(
    content.children.map((child) => [child.uri === ns.media && child.name, child.text]),
    [
      ['description', 'The minister <arrives> in Kyiv.'],
      ['credit', 'Photo: Ann & Bo'],
      // The image is its own thumbnail (no size: the model has no file to read it from).
      ['thumbnail', ''],
    ],
  )
  assert.equal(readFeed(toRss(captioned)).items[0]?.media[0]?.url, 'https://news.example.org/images/lead.jpg')
  const json = JSON.parse(toJsonFeed(captioned)).items[0]
  assert.equal(json.image, 'https://news.example.org/images/lead.jpg')
  assert.deepEqual(json._wirefeed, { image: { alt: 'The minister, left', caption: 'The minister <arrives> in Kyiv.', credit: 'Photo: Ann & Bo', mime_type: 'image/jpeg' } })
})

