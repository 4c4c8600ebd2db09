// editFeedXml: what we add to the documents feed@6 writes (RFC 5005 history, the
// view, namespaces, image types), each escaped like every other value.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { toAtom } from '../../../src/feeds/atom.ts'
import type { FeedModel } from '../../../src/feeds/model.ts'
import { toRss } from '../../../src/feeds/rss.ts'
import { editFeedXml, feedViewFiles, syndicationNamespace, tombstonesNamespace } from '../../../src/feeds/xml/edit.ts'
import { createSlots } from '../../../src/feeds/xml/slots.ts'
import { config, model, parseXml, readFeed, source, type XmlElement } from '../../helpers.ts'
import { historyNs, readPage } from '../documents.ts'
import { ns, outputs } from '../outputs.ts'

const urls = (base: string) => ({ rss: `${base}feed.xml`, atom: `${base}atom.xml`, json: `${base}feed.json` })
const odd = 'https://news.example.org/a&b/"q"/'
const xhtml = 'http://www.w3.org/1999/xhtml'

function withHistory(m: FeedModel, history: FeedModel['history']) {
  return outputs({ ...m, ...(history && { history }) })
}

const m = model([
  source({ title: 'A < B & "C"', tags: ['R&D'], image: { src: '/lead.png', alt: 'Alt' } }, 'Body.\n', 'articles/one.md'),
  source({ title: 'Two', date: '2026-01-05' }, 'Body.\n', 'articles/two.md'),
])
const empty = model([], config())

describe('RFC 5005 history', () => {
  test('writes nothing for a document without history, so a feed without archives is as before', () => {
    for (const history of [undefined, {}]) {
      const { text } = withHistory(m, history)
      assert.doesNotMatch(text.rss + text.atom, /fh:archive|rel="current"|rel="prev-archive"/)
    }
  })

  test('adds next-archive to an archive with a newer one, in RSS and Atom; JSON Feed has no link to newer items', () => {
    const { text } = withHistory(m, { current: urls('https://news.example.org/'), nextArchive: urls('https://news.example.org/archive/2026/02/') })
    assert.equal(readPage('rss', text.rss).nextArchive, 'https://news.example.org/archive/2026/02/feed.xml')
    assert.equal(readPage('atom', text.atom).nextArchive, 'https://news.example.org/archive/2026/02/atom.xml')
    assert.doesNotMatch(text.json, /2026\/02/)
  })

  test('adds current, prev-archive and fh:archive to an archive, among the metadata before the first item', () => {
    const { text } = withHistory(m, { current: urls('https://news.example.org/'), prevArchive: urls('https://news.example.org/archive/2025/12/') })
    const rss = readPage('rss', text.rss)
    assert.deepEqual([rss.current, rss.prevArchive, rss.archive], ['https://news.example.org/feed.xml', 'https://news.example.org/archive/2025/12/feed.xml', true])
    const atom = readPage('atom', text.atom)
    assert.deepEqual([atom.current, atom.prevArchive, atom.archive], ['https://news.example.org/atom.xml', 'https://news.example.org/archive/2025/12/atom.xml', true])
    for (const xml of [text.rss, text.atom]) {
      assert.equal(parseXml(xml).attributes['xmlns:fh'], historyNs)
      assert.ok(xml.indexOf('<fh:archive/>') < xml.search(/<item>|<entry>/))
      assert.equal(readFeed(xml).items.length, 2)
    }
    assert.equal(JSON.parse(text.json).next_url, 'https://news.example.org/archive/2025/12/feed.json')
  })

  test('gives a subscription document prev-archive only: no fh:archive, no namespace, no current', () => {
    const { text } = withHistory(m, { prevArchive: urls('https://news.example.org/archive/2026/01/') })
    for (const [format, xml] of [['rss', text.rss], ['atom', text.atom]] as const) {
      const page = readPage(format, xml)
      assert.deepEqual([page.archive, page.current, page.prevArchive], [false, undefined, `https://news.example.org/archive/2026/01/${format === 'rss' ? 'feed.xml' : 'atom.xml'}`])
      assert.doesNotMatch(xml, /xmlns:fh|fh:archive/)
    }
  })

  test('escapes the URLs it writes, as every other attribute value', () => {
    const { text } = withHistory(m, { current: urls(odd), prevArchive: urls(odd) })
    assert.equal(readPage('rss', text.rss).prevArchive, `${odd}feed.xml`)
    assert.equal(readPage('atom', text.atom).current, `${odd}atom.xml`)
    assert.match(text.atom, /href="https:\/\/news\.example\.org\/a&amp;b\/&quot;q&quot;\/atom\.xml"/)
  })

  test('puts the elements at the end of the metadata of a document with no items', () => {
    const { text } = withHistory(empty, { current: urls('https://news.example.org/') })
    const channel = parseXml(text.rss).children[0]
    assert.equal(channel?.children.at(-1)?.name, 'archive')
    assert.equal(parseXml(text.atom).children.at(-1)?.name, 'archive')
  })
})

describe('the feed view', () => {
  const feeds = {
    rss: { plain: toRss(m), viewed: toRss(m, ''), item: 'item', parent: 'channel' },
    atom: { plain: toAtom(m), viewed: toAtom(m, ''), item: 'entry', parent: 'feed' },
  } as const

  for (const [format, feed] of Object.entries(feeds)) {
    test(`${format}: adds a CSS stylesheet instruction, and changes nothing else`, () => {
      const lines = feed.viewed.split('\n')
      assert.equal(lines[1], `<?xml-stylesheet type="text/css" href="${feedViewFiles.style}"?>`)
      const added = lines.filter((line) => !feed.plain.split('\n').includes(line))
      assert.deepEqual(added, [`<?xml-stylesheet type="text/css" href="${feedViewFiles.style}"?>`])
      assert.equal(lines.filter((line) => !added.includes(line)).join('\n'), feed.plain)
    })

    // The W3C Feed Validation Service reports any XHTML element in a feed (MisplacedXHTMLContent):
    // the view is the stylesheet alone, which it does not report.
    test(`${format}: puts no XHTML element, and no script, in the feed`, () => {
      const elements = (element: XmlElement): XmlElement[] => [element, ...element.children.flatMap(elements)]
      assert.deepEqual(elements(parseXml(feed.viewed)).filter((element) => element.uri === xhtml || element.name === 'script'), [])
      assert.doesNotMatch(feed.viewed, /<script|1999\/xhtml/)
    })

    test(`${format}: gives a feed reader exactly the items it had before`, () => {
      const before = readFeed(feed.plain)
      const after = readFeed(feed.viewed)
      assert.deepEqual(after.items.map((item) => item.toJSON()), before.items.map((item) => item.toJSON()))
      assert.equal(after.title, before.title)
      assert.equal(after.items.length, 2)
    })
  }

  test('names the view\'s stylesheet from the document\'s folder: a month\'s archive climbs three', () => {
    const viewed = toRss(m, '../../../')
    assert.ok(viewed.includes(`<?xml-stylesheet type="text/css" href="../../../${feedViewFiles.style}"?>`), viewed)
  })
})

describe('RFC 6721 tombstones', () => {
  const tombstone = { id: 'tag:news.example.org,2026-01-02:gone', when: new Date('2026-01-08T09:00:00Z'), url: 'https://news.example.org/2026/01/gone/', reason: 'A source <recanted> & we "withdrew" it' }

  test('writes at:deleted-entry in Atom with ref, when, the reason as a comment and the link, and declares the namespace only then', () => {
    const text = toAtom({ ...m, tombstones: [tombstone] })
    const root = parseXml(text)
    assert.equal(root.attributes['xmlns:at'], tombstonesNamespace)
    const deleted = root.children.filter((child) => child.name === 'deleted-entry' && child.uri === tombstonesNamespace)
    assert.equal(deleted.length, 1)
    assert.deepEqual(deleted[0]?.attributes, { ref: tombstone.id, when: '2026-01-08T09:00:00.000Z' })
    assert.equal(deleted[0]?.children.find((child) => child.name === 'comment')?.text, tombstone.reason)
    assert.equal(deleted[0]?.children.find((child) => child.name === 'link' && child.uri === ns.atom)?.attributes.href, tombstone.url)
    assert.ok(text.indexOf('<at:deleted-entry') < text.indexOf('<entry>'))
    assert.equal(readFeed(text).items.length, 2)
    assert.doesNotMatch(toAtom(m), /xmlns:at|deleted-entry/)
  })

  test('writes none in RSS, which has no way to say it', () => {
    assert.equal(toRss({ ...m, tombstones: [tombstone] }), toRss(m))
  })
})

describe('polling hints', () => {
  const polling = { ttl: 60, period: 'hourly', frequency: 1 } as const

  test('writes ttl, sy:updatePeriod and sy:updateFrequency in the RSS channel, declaring the namespace only then', () => {
    const root = parseXml(toRss({ ...m, polling }))
    assert.equal(root.attributes['xmlns:sy'], syndicationNamespace)
    const channel = root.children[0]
    const text = (name: string, uri = '') => channel?.children.find((child) => child.name === name && child.uri === uri)?.text
    assert.deepEqual([text('ttl'), text('updatePeriod', syndicationNamespace), text('updateFrequency', syndicationNamespace)], ['60', 'hourly', '1'])
    assert.doesNotMatch(toRss(m), /xmlns:sy|<ttl>/)
  })

  test('writes none in Atom, which has no such element', () => {
    assert.equal(toAtom({ ...m, polling }), toAtom(m))
  })
})

test('gives an image link its media type, not image/ and the extension', () => {
  const atom = parseXml(toAtom(model([source({ image: { src: '/lead.jpg', alt: 'Alt' } }, 'Body.\n', 'articles/one.md')])))
  const enclosure = atom.children.flatMap((child) => child.children).find((child) => child.name === 'link' && child.attributes.rel === 'enclosure')
  assert.equal(enclosure?.attributes.type, 'image/jpeg')
})

test('refuses a document it does not recognise, rather than guess', () => {
  const { slot } = createSlots()
  assert.throws(() => editFeedXml('<rss/>', 'rss', slot, { root: {} }), /expected a document starting with/)
  assert.throws(
    () => editFeedXml('<?xml version="1.0" encoding="utf-8"?>\n<rss/>', 'rss', slot, { root: {}, history: { current: urls('https://news.example.org/') } }),
    /no <item> or <\/channel>/,
  )
})
