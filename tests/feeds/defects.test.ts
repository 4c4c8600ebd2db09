// Each defect of `feed`@6 twice: (a) the raw package has it, (b) our writers do not.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { Feed, type FeedOptions, type Item } from 'feed'
import type { ConfigInput } from '../../src/config.ts'
import { validateArticle } from '../../src/validate.ts'
import { config, model, parseXml, readFeed, source } from '../helpers.ts'
import { all, first, ns, outputs } from './outputs.ts'

const site = 'https://news.example.org/'
const when = new Date('2026-01-06T09:00:00Z')

/** The raw `feed` package with one item; `item` and `options` add the input under test. */
function raw(item: Partial<Item> = {}, options: Partial<FeedOptions> = {}) {
  const feed = new Feed({ id: site, title: 'News', link: site, updated: when, ...options })
  feed.addItem({ title: 'A story', link: `${site}a/`, date: when, ...item })
  return feed
}

/** Our three outputs for one article with `fields` in its front matter. */
function ours(fields: Record<string, unknown> = {}, body?: string, settings: ConfigInput = {}) {
  const m = model([source(fields, body)], config(settings))
  return { model: m, item: m.items[0]!, ...outputs(m) }
}

describe('feed@6 defects, and our writers without them', () => {
  test('feed writes well-formed XML for plain input, so each failure below is the defect\'s', () => {
    assert.equal(first(first(parseXml(raw().rss2()), 'item'), 'title').text, 'A story')
    assert.equal(first(first(parseXml(raw().atom1()), 'entry', ns.atom), 'title', ns.atom).text, 'A story')
  })

  test('json1() writes JSON Feed 1 where we write 1.1 with authors and language', () => {
    const legacy = JSON.parse(raw({ author: [{ name: 'Ann' }, { name: 'Bob' }] }, { language: 'uk' }).json1())
    assert.equal(legacy.version, 'https://jsonfeed.org/version/1')
    assert.deepEqual(legacy.items[0].author, { name: 'Ann' })
    assert.equal(legacy.items[0].authors, undefined)
    assert.equal(legacy.language, undefined)

    const { json, model: m } = ours({ author: ['Ann', 'Bob'] }, undefined, { language: 'uk' })
    assert.equal(json.version, 'https://jsonfeed.org/version/1.1')
    assert.equal(json.language, 'uk')
    assert.equal(json.home_page_url, site)
    assert.equal(json.feed_url, `${site}feed.json`)
    assert.deepEqual(json.items[0]?.authors, [{ name: 'Ann' }, { name: 'Bob' }])
    assert.equal(json.items[0]?.author, undefined)
    assert.deepEqual(
      json.items.map((item) => item.id),
      m.items.map((item) => item.id),
    )
  })

  test('a relative link makes feed throw, while every link ours gives it is absolute', () => {
    assert.throws(() => raw({ link: '/a/' }).rss2(), TypeError)
    assert.throws(() => raw({ link: '/a/' }).atom1(), TypeError)

    const own = ours().item.url
    const canonical = 'https://other.example.com/world/story'
    assert.equal(own, `${site}2026/01/a-story/`)
    for (const url of [own, canonical]) {
      const { rss, atom, json } = ours(url === own ? {} : { canonical })
      assert.equal(first(first(rss, 'item'), 'link').text, url)
      assert.equal(first(first(atom, 'entry', ns.atom), 'link', ns.atom).attributes.href, url)
      assert.equal(json.items[0]?.url, url)
    }
  })

  test('feed rewrites an Atom id through new URL(), while ours publishes the same id in all three formats', () => {
    const rewritten = raw({ id: 'https://Example.org/a' })
    assert.equal(first(parseXml(rewritten.rss2()), 'guid').text, 'https://Example.org/a')
    assert.equal(first(first(parseXml(rewritten.atom1()), 'entry', ns.atom), 'id', ns.atom).text, 'https://example.org/a')

    assert.equal(validateArticle(source({ id: 'https://Example.org/a' }), config()), undefined)
    for (const id of ['https://example.org/a?x=1&y=&amp;', 'tag:news.example.org,2026-01-06:a-story']) {
      const { rss, atom, json } = ours({ id })
      assert.equal(first(rss, 'guid').text, id)
      assert.equal(first(first(atom, 'entry', ns.atom), 'id', ns.atom).text, id)
      assert.equal(json.items[0]?.id, id)
    }
  })

  test('feed escapes only the first ]]> in CDATA, while ours keeps every ]]> well-formed', () => {
    const title = 'Markets ]]> forecasts ]]> again'
    assert.throws(() => parseXml(raw({ title }).rss2()), /"]]>" is disallowed/)
    assert.throws(() => parseXml(raw({ title }).atom1()), /"]]>" is disallowed/)

    const { rss, atom, item, text } = ours({ title }, 'Code: `a ]]> b ]]> c`\n')
    assert.equal(first(first(rss, 'item'), 'title').text, title)
    assert.equal(first(rss, 'encoded', ns.content).text, item.contentHtml)
    assert.match(item.contentHtml, /]]>.*]]>/)
    assert.equal(first(first(atom, 'entry', ns.atom), 'content', ns.atom).text, item.contentHtml)
    assert.equal(readFeed(text.atom).items[0]?.title, title)
  })

  test('feed passes XML-illegal control characters through, while ours strips them', () => {
    const title = 'Breaking\u0001 news\u0008\uFFFF'
    assert.throws(() => parseXml(raw({ title }).rss2()), /disallowed character/)
    assert.throws(() => parseXml(raw({ title }).atom1()), /disallowed character/)

    const { rss, atom, json } = ours({ title, summary: 'What\u001B happened.' })
    assert.equal(first(first(rss, 'item'), 'title').text, 'Breaking news')
    assert.equal(first(first(rss, 'item'), 'description').text, 'What happened.')
    assert.equal(first(first(atom, 'entry', ns.atom), 'title', ns.atom).text, 'Breaking news')
    assert.equal(json.items[0]?.title, 'Breaking news')
  })

  test('feed writes < in a category and & in an enclosure title unescaped, while ours round-trips them', () => {
    const category = raw({ category: [{ name: 'x<y', term: 'x<y' }] }).atom1()
    assert.match(category, /term="x<y"/)
    assert.throws(() => parseXml(category), /disallowed character/)
    const image = { url: `${site}images/a.jpg`, title: 'Q&A' }
    for (const xml of [raw({ image }).rss2(), raw({ image }).atom1()]) {
      assert.match(xml, /title="Q&A"/)
      assert.throws(() => parseXml(xml))
    }

    const tags = ['x<y', 'R&D']
    const { rss, atom } = ours({ tags, image: { src: '/images/a.jpg', alt: 'Q&A <live>' } })
    const entry = first(atom, 'entry', ns.atom)
    assert.deepEqual(
      all(entry, 'category', ns.atom).map((category) => category.attributes.term),
      tags,
    )
    assert.deepEqual(
      all(first(rss, 'item'), 'category').map((category) => category.text),
      tags,
    )
    const enclosure = all(entry, 'link', ns.atom).find((link) => link.attributes.rel === 'enclosure')
    assert.equal(enclosure?.attributes.title, 'Q&A <live>')
    assert.equal(first(rss, 'description', ns.media).text, 'Q&A <live>')
  })

  test('xml-js turns &amp; in text into &, while ours keeps "Use &amp; in HTML" whole', () => {
    const headline = 'Use &amp; in HTML'
    const legacy = raw({}, { title: headline })
    assert.equal(first(parseXml(legacy.rss2()), 'title').text, 'Use & in HTML')
    assert.equal(first(parseXml(legacy.atom1()), 'title', ns.atom).text, 'Use & in HTML')

    const { rss, atom, json, text } = ours({ title: headline, tags: ['&amp;'] }, undefined, { title: headline })
    assert.equal(first(rss, 'title').text, headline)
    assert.equal(first(first(rss, 'item'), 'title').text, headline)
    assert.equal(first(first(rss, 'item'), 'category').text, '&amp;')
    assert.equal(first(atom, 'title', ns.atom).text, headline)
    assert.equal(readFeed(text.atom).items[0]?.title, headline)
    assert.equal(json.items[0]?.title, headline)
  })

  test('feed dates the channel by the wall clock, while ours uses the newest item', (t) => {
    t.mock.timers.enable({ apis: ['Date'], now: new Date('2031-02-03T04:05:06Z') })
    const undated = raw({}, { updated: undefined })
    assert.equal(first(parseXml(undated.rss2()), 'lastBuildDate').text, 'Mon, 03 Feb 2031 04:05:06 GMT')
    assert.equal(first(parseXml(undated.atom1()), 'updated', ns.atom).text, '2031-02-03T04:05:06.000Z')

    const { rss, atom } = ours({ date: '2026-01-05T08:00:00+00:00', updated: '2026-01-06T10:30:00+00:00' })
    assert.equal(first(rss, 'lastBuildDate').text, 'Tue, 06 Jan 2026 10:30:00 GMT')
    assert.equal(atom.children.find((child) => child.name === 'updated')?.text, '2026-01-06T10:30:00.000Z')
  })

  test('the feed option sends Atom readers to the RSS URL, while ours links each format to itself', () => {
    const feedLinks = { rss: `${site}feed.xml`, atom: `${site}atom.xml` }
    const legacy = parseXml(raw({}, { feed: feedLinks.rss, feedLinks }).atom1())
    const selfOf = (root: typeof legacy, uri: string) =>
      all(root, 'link', uri).find((link) => link.attributes.rel === 'self')?.attributes.href
    assert.equal(selfOf(legacy, ns.atom), `${site}feed.xml`)

    const { rss, atom } = ours()
    assert.equal(selfOf(rss, ns.atom), `${site}feed.xml`)
    assert.equal(selfOf(atom, ns.atom), `${site}atom.xml`)
  })

  test('feed gives a category made from a name no Atom term, while ours always has one', () => {
    const legacy = first(parseXml(raw({ category: [{ name: 'Politics' }] }).atom1()), 'category', ns.atom)
    assert.equal(legacy.attributes.label, 'Politics')
    assert.equal(legacy.attributes.term, undefined)

    const { atom } = ours({ tags: ['Politics'] })
    assert.equal(first(atom, 'category', ns.atom).attributes.term, 'Politics')
  })

  test('feed puts a byline in RSS <author>, which must be an e-mail, while ours writes one dc:creator per author', () => {
    const legacy = first(parseXml(raw({ author: [{ name: 'Ann Writer' }] }).rss2()), 'item')
    assert.equal(first(legacy, 'author').text, 'Ann Writer')

    const { rss } = ours({ author: ['Ann Writer', 'Bob Reporter'] })
    const item = first(rss, 'item')
    assert.deepEqual(
      all(item, 'creator', ns.dc).map((creator) => creator.text),
      ['Ann Writer', 'Bob Reporter'],
    )
    assert.equal(rss.attributes['xmlns:dc'], ns.dc)
    assert.deepEqual(all(item, 'author'), [])
  })

  test('feed writes Atom without xml:lang, while ours declares the site language', () => {
    assert.equal(parseXml(raw({}, { language: 'uk' }).atom1()).attributes['xml:lang'], undefined)

    const { atom } = ours({}, undefined, { language: 'uk' })
    assert.equal(atom.attributes['xml:lang'], 'uk')
  })

  test('feed has no media: namespace, while ours gives the lead image as media:content', () => {
    const legacy = parseXml(raw({ image: `${site}images/a.jpg` }).rss2())
    assert.equal(legacy.attributes['xmlns:media'], undefined)
    assert.equal(first(legacy, 'enclosure').attributes.type, 'image/jpg')

    const { rss } = ours({ image: { src: '/images/a.jpg', alt: 'Crowds at the station' } })
    assert.equal(rss.attributes['xmlns:media'], ns.media)
    const media = first(rss, 'content', ns.media)
    assert.equal(media.attributes.url, `${site}images/a.jpg`)
    assert.equal(media.attributes.type, 'image/jpeg')
    assert.equal(first(media, 'description', ns.media).text, 'Crowds at the station')
  })

  test('feed puts plain text in an Atom html title, while ours writes it as what it is, type="text"', () => {
    const title = 'A < B & C'
    const legacy = first(parseXml(raw({ title }).atom1()), 'entry', ns.atom)
    assert.equal(first(legacy, 'title', ns.atom).attributes.type, 'html')
    assert.equal(first(legacy, 'title', ns.atom).text, title)

    const { rss, atom, json, text } = ours({ title })
    assert.equal(first(first(rss, 'item'), 'title').text, title)
    assert.equal(json.items[0]?.title, title)
    const atomTitle = first(first(atom, 'entry', ns.atom), 'title', ns.atom)
    assert.equal(atomTitle.attributes.type, 'text')
    assert.equal(atomTitle.text, title)
    assert.equal(readFeed(text.atom).items[0]?.title, title)
  })
})
