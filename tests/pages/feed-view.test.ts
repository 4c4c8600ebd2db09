import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { Script } from 'node:vm'
import { toAtom } from '../../src/feeds/atom.ts'
import { toRss } from '../../src/feeds/rss.ts'
import { feedViewAssets, feedViewFiles, withFeedView } from '../../src/pages/feed-view.ts'
import { model, parseXml, readFeed, source } from '../helpers.ts'

const xhtml = 'http://www.w3.org/1999/xhtml'
const m = model([
  source({ title: 'A < B & "C"', tags: ['R&D'], image: { src: '/lead.png', alt: 'Alt' } }, 'Body.\n', 'articles/a.md'),
  source({ title: 'Second', date: '2026-01-05' }, 'Body.\n', 'articles/b.md'),
])
const empty = model([])
const feeds = {
  rss: { plain: toRss(m), viewed: withFeedView(toRss(m), 'rss'), item: 'item', parent: 'channel' },
  atom: { plain: toAtom(m), viewed: withFeedView(toAtom(m), 'atom'), item: 'entry', parent: 'feed' },
} as const

describe('feeds readable in a browser', () => {
  for (const [format, feed] of Object.entries(feeds)) {
    test(`${format}: adds a CSS stylesheet instruction and one XHTML script element, and changes nothing else`, () => {
      const lines = feed.viewed.split('\n')
      assert.equal(lines[1], `<?xml-stylesheet type="text/css" href="${feedViewFiles.style}"?>`)
      const added = lines.filter((line) => !feed.plain.split('\n').includes(line))
      assert.deepEqual(added.map((line) => line.trim()), [
        `<?xml-stylesheet type="text/css" href="${feedViewFiles.style}"?>`,
        `<script xmlns="${xhtml}" src="${feedViewFiles.script}"/>`,
      ])
      assert.equal(lines.filter((line) => !added.includes(line)).join('\n'), feed.plain)
    })

    test(`${format}: stays well-formed, with the script among the feed's metadata, before the first item`, () => {
      const root = parseXml(feed.viewed)
      const parent = feed.parent === 'feed' ? root : root.children.find((child) => child.name === 'channel')
      const names = parent?.children.map((child) => `${child.uri === xhtml ? 'xhtml:' : ''}${child.name}`) ?? []
      const script = names.indexOf('xhtml:script')
      assert.ok(script > 0, names.join(' '))
      assert.equal(names.indexOf(feed.item), script + 1)
      assert.equal(names.filter((name) => name === 'xhtml:script').length, 1)
    })

    test(`${format}: gives a feed reader exactly the items it had before`, () => {
      const before = readFeed(feed.plain)
      const after = readFeed(feed.viewed)
      assert.deepEqual(after.items.map((item) => item.toJSON()), before.items.map((item) => item.toJSON()))
      assert.equal(after.title, before.title)
      assert.equal(after.items.length, 2)
    })
  }

  test('puts the script at the end of the metadata of a feed with no items', () => {
    for (const [format, xml] of [['rss', toRss(empty)], ['atom', toAtom(empty)]] as const) {
      const viewed = withFeedView(xml, format)
      const root = parseXml(viewed)
      const parent = format === 'atom' ? root : root.children[0]
      assert.equal(parent?.children.at(-1)?.uri, xhtml, format)
    }
  })

  test('names the view\'s files from the document\'s folder: a month\'s archive climbs three', () => {
    const viewed = withFeedView(toRss(m), 'rss', '../../../')
    assert.ok(viewed.includes(`<?xml-stylesheet type="text/css" href="../../../${feedViewFiles.style}"?>`), viewed)
    assert.ok(viewed.includes(` src="../../../${feedViewFiles.script}"/>`), viewed)
  })

  test('refuses a document it does not recognise, rather than guess', () => {
    assert.throws(() => withFeedView('<rss/>', 'rss'), /expected a feed starting with/)
    assert.throws(() => withFeedView('<?xml version="1.0" encoding="utf-8"?>\n<rss/>', 'rss'), /no <item> or <\/channel>/)
  })

  test('ships the script and stylesheet it refers to: a script that compiles, a stylesheet with its namespaces first', () => {
    const assets = feedViewAssets()
    assert.deepEqual([...assets.keys()], [feedViewFiles.style, feedViewFiles.script])
    assert.doesNotThrow(() => new Script(assets.get(feedViewFiles.script) ?? '', { filename: feedViewFiles.script }))
    const style = assets.get(feedViewFiles.style) ?? ''
    assert.match(style, /^@namespace url\(http:\/\/www\.w3\.org\/1999\/xhtml\);\n@namespace rss "";\n@namespace atom url\(http:\/\/www\.w3\.org\/2005\/Atom\);\n/)
    assert.equal(style.match(/@namespace/g)?.length, 3, 'an @namespace after other rules is ignored')
  })

  test('never builds the page from markup: feed text goes into text nodes only', () => {
    const script = feedViewAssets().get(feedViewFiles.script) ?? ''
    assert.doesNotMatch(script, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/)
  })
})
