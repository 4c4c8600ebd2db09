// Text that breaks naive XML writers, in every plain-text field: each feed
// stays well-formed and valid, and each value reads back unchanged, but for
// the characters XML 1.0 cannot carry, which are removed.
import assert from 'node:assert/strict'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test } from 'node:test'
import { findAll, parseXml, readFeed, type XmlElement } from '../helpers.ts'
import { build, site } from './run.ts'
import { findDangers, htmlToText } from './scan.ts'

const long = 'Київ—'.repeat(60)

/** Each title as written in the file (raw, or as a YAML double-quoted string), and as readers must get it. */
const titles: Array<{ slug: string; yaml: string; expected: string }> = [
  { slug: 'markup', yaml: JSON.stringify(`Tom & Jerry's <b>"bold"</b> R&D &amp; more`), expected: `Tom & Jerry's <b>"bold"</b> R&D &amp; more` },
  { slug: 'cdata', yaml: 'CDATA ]]> ends ]]> twice <![CDATA[ x', expected: 'CDATA ]]> ends ]]> twice <![CDATA[ x' },
  { slug: 'script', yaml: JSON.stringify('<script>alert(1)</script> & <img src=x onerror=alert(1)>'), expected: '<script>alert(1)</script> & <img src=x onerror=alert(1)>' },
  { slug: 'entities', yaml: JSON.stringify('&lt;not a tag&gt; &#x26; &nbsp; &bogus;'), expected: '&lt;not a tag&gt; &#x26; &nbsp; &bogus;' },
  // Raw in the file: C0 controls are valid UTF-8 (only NUL makes a file binary); DEL is legal XML.
  { slug: 'raw-controls', yaml: 'Bell\u0007 vt\u000B ff\u000C esc\u001B del\u007F end', expected: 'Bell vt ff esc del\u007F end' },
  // YAML escapes reach what no UTF-8 file can hold: NUL, non-characters, lone surrogates.
  { slug: 'escaped-illegal', yaml: '"nul\\0 bs\\b us\\x1F nonchars \\uFFFE\\uFFFF lone \\uD800 and \\uDC00 end"', expected: 'nul bs us nonchars  lone  and  end' },
  { slug: 'bidi', yaml: 'مرحبا بالعالم — שלום עולם \u202Eevil\u202C and \u200Fmarks\u200E', expected: 'مرحبا بالعالم — שלום עולם \u202Eevil\u202C and \u200Fmarks\u200E' },
  { slug: 'combining', yaml: 'Cafe\u0301 Z\u0336a\u0337l\u0338g\u0335o n\u0303 \u0915\u094D\u0937', expected: 'Cafe\u0301 Z\u0336a\u0337l\u0338g\u0335o n\u0303 \u0915\u094D\u0937' },
  { slug: 'emoji', yaml: '🇺🇦 👩🏽‍💻 👨‍👩‍👧‍👦 🏳️‍🌈 news', expected: '🇺🇦 👩🏽‍💻 👨‍👩‍👧‍👦 🏳️‍🌈 news' },
  { slug: 'longest', yaml: long, expected: long },
]

/** One article carries the same trouble in every other plain-text field. */
const sink = {
  summary: { yaml: JSON.stringify('A < B & C ]]> "q" \'a\' \u0007\uFFFE 🇺🇦 \u202Eend'), expected: 'A < B & C ]]> "q" \'a\'  🇺🇦 \u202Eend' },
  authors: { yaml: `[${JSON.stringify('Zoë <Editor> & Sons ]]>')}, ${JSON.stringify('\u05D3\u05E0\u05D9 \uD83D')}]`, expected: ['Zoë <Editor> & Sons ]]>', '\u05D3\u05E0\u05D9'] },
  tags: { yaml: `[${JSON.stringify('R&D')}, ${JSON.stringify('<tag> "x"')}, ${JSON.stringify('a]]>b\u0001')}, ${JSON.stringify('🇺🇦')}]`, expected: ['R&D', '<tag> "x"', 'a]]>b', '🇺🇦'] },
  alt: { yaml: JSON.stringify('A <b>map</b> & "key" ]]>\u000C'), expected: 'A <b>map</b> & "key" ]]>' },
}

const id = (slug: string) => `tag:news.example.org,2026-01-20:${slug}`

const child = (element: XmlElement | undefined, name: string) => element?.children.find((c) => c.name === name)

test('every feed stays well-formed and valid, and every plain-text field reads back unchanged but for illegal characters', async () => {
  const dir = await site()
  for (const [index, { slug, yaml }] of titles.entries()) {
    const extra = index === 0
      ? `summary: ${sink.summary.yaml}\nauthor: ${sink.authors.yaml}\ntags: ${sink.tags.yaml}\nimage:\n  src: /images/steady.jpg\n  alt: ${sink.alt.yaml}\n`
      : 'summary: Plain.\nauthor: Ann Writer\n'
    const time = `2026-01-20T${String(10 + index).padStart(2, '0')}:00:00Z`
    await writeFile(join(dir, 'articles', `${slug}.md`), `---\ntitle: ${yaml}\n${extra}date: ${time}\n---\n\nBody.\n`)
  }
  const output = await build(dir)
  const text = (name: string) => output.get(name)?.toString() ?? ''
  const [rssText, atomText] = [text('feed.xml'), text('atom.xml')]
  const json = JSON.parse(text('feed.json'))

  // Strict XML 1.0 parser: any well-formedness error throws.
  const rss = parseXml(rssText)
  const atom = parseXml(atomText)
  const rssItems = new Map(findAll(rss, 'item').map((item) => [child(item, 'guid')?.text, item]))
  const atomEntries = new Map(findAll(atom, 'entry').map((entry) => [child(entry, 'id')?.text, entry]))
  const jsonItems = new Map(json.items.map((item: { id: string }) => [item.id, item]))
  const readerRss = new Map(readFeed(rssText).items.map((item) => [item.id, item]))
  const readerAtom = new Map(readFeed(atomText).items.map((item) => [item.id, item]))

  for (const { slug, expected } of titles) {
    const rssItem = rssItems.get(id(slug))
    const atomEntry = atomEntries.get(id(slug))
    assert.equal(child(rssItem, 'title')?.text, expected, `RSS title of ${slug}`)
    // Plain text, and said to be: `type="text"` (src/feeds/xml/edit.ts).
    const atomTitle = child(atomEntry, 'title')
    assert.equal(atomTitle?.attributes.type, 'text')
    assert.equal(atomTitle?.text, expected, `Atom title of ${slug}`)
    assert.equal((jsonItems.get(id(slug)) as { title?: string })?.title, expected, `JSON Feed title of ${slug}`)
    // feed-parser, like many readers, decodes character references in RSS titles once more (RSS 2.0
    // never said whether a title is text or HTML). RSS text is written with hexadecimal references
    // (src/feeds/xml/slots.ts), which its XML parser leaves to that one decoding: so even a literal
    // "&amp;" reads back as written; and so in Atom, whose plain text is written the same way.
    assert.equal(readerRss.get(id(slug))?.title, expected, `feed-parser's RSS title of ${slug}`)
    assert.equal(readerAtom.get(id(slug))?.title, expected, `feed-parser's Atom title of ${slug}`)
  }

  const [first] = titles
  const rssItem = rssItems.get(id(first?.slug ?? ''))
  const atomEntry = atomEntries.get(id(first?.slug ?? ''))
  const jsonItem = jsonItems.get(id(first?.slug ?? '')) as { summary: string; authors: { name: string }[]; tags: string[] }
  const description = child(rssItem, 'description')?.text ?? ''
  assert.equal(htmlToText(description), sink.summary.expected)
  assert.deepEqual(findDangers(description), [])
  assert.equal(child(atomEntry, 'summary')?.text, sink.summary.expected)
  assert.equal(child(atomEntry, 'summary')?.attributes.type, 'text')
  assert.equal(jsonItem.summary, sink.summary.expected)
  assert.deepEqual(findAll(rssItem!, 'creator').map((e) => e.text), sink.authors.expected)
  assert.deepEqual(findAll(atomEntry!, 'author').map((a) => child(a, 'name')?.text), sink.authors.expected)
  assert.deepEqual(jsonItem.authors.map((a) => a.name), sink.authors.expected)
  assert.deepEqual(findAll(rssItem!, 'category').map((e) => e.text), sink.tags.expected)
  assert.deepEqual(findAll(atomEntry!, 'category').map((e) => e.attributes.term), sink.tags.expected)
  assert.deepEqual(jsonItem.tags, sink.tags.expected)
  assert.equal(findAll(rssItem!, 'description').find((e) => e.uri === 'http://search.yahoo.com/mrss/')?.text, sink.alt.expected)

  // Valid, not just well-formed: what each format requires of a feed and its items.
  assert.equal(rss.name, 'rss')
  assert.equal(rss.attributes.version, '2.0')
  const channel = child(rss, 'channel')
  for (const name of ['title', 'link', 'description']) assert.ok(child(channel, name)?.text, `RSS channel ${name}`)
  for (const item of rssItems.values()) {
    for (const name of ['title', 'link', 'guid', 'pubDate']) assert.ok(child(item, name)?.text, `RSS item ${name}`)
    assert.ok(!Number.isNaN(Date.parse(child(item, 'pubDate')?.text ?? '')), 'RSS pubDate is a date')
  }
  assert.equal(atom.uri, 'http://www.w3.org/2005/Atom')
  for (const name of ['id', 'title', 'updated']) assert.ok(child(atom, name)?.text, `Atom feed ${name}`)
  for (const entry of atomEntries.values()) {
    for (const name of ['id', 'title', 'updated']) assert.ok(child(entry, name)?.text, `Atom entry ${name}`)
    assert.ok(entry.children.some((c) => c.name === 'link' && (c.attributes.rel ?? 'alternate') === 'alternate'), 'Atom entry link')
  }
  assert.equal(json.version, 'https://jsonfeed.org/version/1.1')
  for (const item of json.items) assert.ok(item.id && typeof item.content_html === 'string', 'JSON Feed item id and content')
  assert.equal(rssItems.size, titles.length + 1)
  assert.equal(atomEntries.size, titles.length + 1)
  assert.equal(jsonItems.size, titles.length + 1)

  // Nothing XML 1.0 forbids, anywhere in the output. A lone surrogate would have been written as U+FFFD.
  for (const [name, content] of output) {
    if (/\.(jpe?g|png|gif|webp|avif)$/.test(name)) continue
    const decoded = new TextDecoder('utf-8', { fatal: true }).decode(content)
    assert.doesNotMatch(decoded, /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFD\uFFFE\uFFFF]/, name)
  }
})
