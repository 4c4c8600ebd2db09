// addFeedHistory: RFC 5005 elements added to what feed@6 wrote, escaped like every other value.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { FeedModel } from '../../src/feeds/build.ts'
import { addFeedHistory } from '../../src/feeds/history.ts'
import { createSlots } from '../../src/feeds/xml-slots.ts'
import { config, model, parseXml, readFeed, source } from '../helpers.ts'
import { historyNs, readPage } from './documents.ts'
import { outputs } from './outputs.ts'

const urls = (base: string) => ({ rss: `${base}feed.xml`, atom: `${base}atom.xml`, json: `${base}feed.json` })
const odd = 'https://news.example.org/a&b/"q"/'

function withHistory(m: FeedModel, history: FeedModel['history']) {
  return outputs({ ...m, ...(history && { history }) })
}

describe('addFeedHistory', () => {
  const m = model([source({ title: 'One' }, 'Body.\n', 'articles/one.md'), source({ title: 'Two', date: '2026-01-05' }, 'Body.\n', 'articles/two.md')])

  test('writes nothing for a document without history, so a feed without archives is as before', () => {
    const { slot } = createSlots()
    const xml = '<?xml version="1.0"?>\n<rss>\n    <channel>\n        <item/>\n    </channel>\n</rss>'
    assert.equal(addFeedHistory(xml, 'rss', undefined, slot), xml)
    assert.equal(addFeedHistory(xml, 'rss', {}, slot), xml)
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
    const empty = model([], config())
    const { text } = withHistory(empty, { current: urls('https://news.example.org/') })
    const channel = parseXml(text.rss).children[0]
    assert.equal(channel?.children.at(-1)?.name, 'archive')
    assert.equal(parseXml(text.atom).children.at(-1)?.name, 'archive')
  })

  test('refuses a document it does not recognise, rather than guess', () => {
    const { slot } = createSlots()
    assert.throws(() => addFeedHistory('<rss/>', 'rss', { current: urls('https://x.example/') }, slot), /no <item> or <\/channel>/)
  })
})
