// Property-based: for arbitrary titles, summaries, bylines, tags and Markdown
// bodies, the whole pipeline (validate → render → feeds, pages, widget) keeps
// its promises. In process, through buildSite, so a run costs milliseconds.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { stringify } from 'yaml'
import { VFile } from 'vfile'
import { renderBody } from '../../src/render.ts'
import { buildSite } from '../../src/site.ts'
import { validateArticle } from '../../src/validate.ts'
import { config, contents, findAll, parseXml, readFeed, source, type XmlElement } from '../helpers.ts'
import { findDangers, inlineScripts, scanOutput } from './scan.ts'

const settings = config()
const now = new Date('2026-02-01T00:00:00Z')

/** Text that has broken feed writers before, mixed with anything Unicode has. */
const trouble = [
  '&', '<', '>', ']]>', ']]', '"', "'", '&amp;', '&lt;', '&#0;', '&#xD800;', '<script>', '</script>', '<b>', '<!--', '-->',
  '<![CDATA[', 'javascript:alert(1)', 'JaVaScRiPt:', '\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u001B', '\u001F',
  '\u007F', '\u0085', '\u00A0', '\u2028', '\u2029', '\uFEFF', '\uFFFE', '\uFFFF', '\uFFFD', '\uD800', '\uDBFF', '\uDC00', '\uDFFF',
  '\u202E', '\u200F', '\u0301', '\u0336', 'Київ', 'مرحبا', 'שלום', '日本語', '🇺🇦', '👩🏽‍💻', '\t', '\n', '\r', '\r\n', ' ', '  ',
  '%', '\\', '{{x}}', '${x}', '---', '#', '*', '_', '`', '|', '[x]', '![x](y)', '@', ':', '- ', '? ', '!!js/function', '&x',
]
const piece = fc.oneof(fc.constantFrom(...trouble), fc.string({ unit: 'binary', maxLength: 6 }), fc.string({ maxLength: 8 }))
const anyText = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''))

/**
 * What a reader must get back from `text`: without the characters XML 1.0's
 * `Char` production excludes (written out here from the spec, independently
 * of src/xml-safe.ts), then trimmed, as the schema trims.
 */
function expectedText(text: string) {
  const allowed = (c: number) =>
    c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff)
  // Array.from splits by code point; a lone surrogate comes out alone, in the excluded D800–DFFF.
  // Line breaks become one space: headlines, bylines and tags are one line.
  return Array.from(text)
    .filter((char) => allowed(char.codePointAt(0) ?? 0))
    .join('')
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .trim()
}

/** Arbitrary text that is still a valid value: something left after cleaning, within the field's limit. */
const field = (max: number) =>
  anyText.filter((text) => {
    const kept = expectedText(text)
    return kept.length >= 1 && kept.length <= max
  })

/** Markdown that exercises raw HTML, links, code and the sanitizer, mixed with anything at all. */
const markdownPiece = fc.oneof(
  fc.constantFrom(
    '# Heading', '## Sub *emphasis* and **strong**', '> quoted', '- item\n- item', '1. first', '| a | b |\n|---|---|\n| 1 | 2 |',
    '```\ncode ]]> <script>alert(1)</script>\n```', '`inline <b>`', '[link](https://example.org/?a=1&b=2)', '[rel](../other/)',
    '[js](javascript:alert(1))', '[js2](JAVASCRIPT:alert(1))', '[ent](&#106;avascript:alert(1))', '<javascript:alert(1)>',
    '![img](https://example.org/x.png "t")', '![js](javascript:alert(1))', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>', '<svg onload=alert(1)>', '<iframe src="javascript:alert(1)"></iframe>',
    '<style>*{color:red}</style>', '<form action="https://evil.example/"><input name=p></form>', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">', '<details open ontoggle=alert(1)>', '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<p style="background:url(javascript:alert(1))">s</p>', '<a href="data:text/html,<script>alert(1)</script>">d</a>',
    '<!-- comment -->', '<![CDATA[ x ]]>', '&#0;', '&#xD800;', '&#x1F600;', '&nbsp;&amp;&lt;', 'Footnote[^1]\n\n[^1]: note',
    '- [ ] task\n- [x] done', '~~gone~~', 'line  \nbreak', '***', '<figure><img src="a.jpg" alt="A"><figcaption>c</figcaption></figure>',
  ),
  anyText,
)
const markdown = fc.array(markdownPiece, { maxLength: 8 }).chain((pieces) =>
  fc.array(fc.constantFrom('\n\n', '\n', ' ', ''), { minLength: pieces.length, maxLength: pieces.length }).map((gaps) =>
    pieces.map((piece, index) => piece + (gaps[index] ?? '')).join(''),
  ),
)

const articleArbitrary = fc.record({
  title: field(300),
  summary: field(1000),
  author: fc.oneof(field(200), fc.array(field(200), { minLength: 1, maxLength: 3 })),
  tags: fc.array(field(50), { maxLength: 4 }),
  body: markdown,
})
type Generated = typeof articleArbitrary extends fc.Arbitrary<infer T> ? T : never

/** A source file the way an editor writes one: YAML front matter (quoted by the yaml package as needed), then Markdown. */
function toSource(article: Generated, index: number) {
  const fields = { title: article.title, summary: article.summary, author: article.author, date: `2026-01-${String(index + 1).padStart(2, '0')}`, tags: article.tags }
  return new VFile({ path: `articles/p${index}.md`, value: `---\n${stringify(fields)}---\n\n${article.body}` })
}

const child = (element: XmlElement | undefined, name: string) => element?.children.find((c) => c.name === name)

// The site's own inline scripts (the feed view, the widget frame), from a build of one plain article.
const baseline = buildSite([source()], settings, { now })
assert.ok(baseline.ok)
const known = inlineScripts(contents(baseline.output))

test('for arbitrary articles, all three feeds parse and carry the same items, titles and links, and nothing unsafe', () => {
  fc.assert(
    fc.property(fc.array(articleArbitrary, { minLength: 1, maxLength: 3 }), (articles) => {
      const result = buildSite(articles.map(toSource), settings, { now })
      const output = contents(result.output)
      const problems = result.files.flatMap((file) => file.messages.filter((m) => m.fatal).map((m) => `${file.path}:${m.line}:${m.column} ${m.reason}`))
      assert.deepEqual(problems, [], 'every generated article is valid')

      // Newest first: p2 (3 January), p1, p0.
      const expected = articles
        .map((article, index) => ({
          title: expectedText(article.title),
          url: `https://news.example.org/2026/01/p${index}/`,
          authors: (typeof article.author === 'string' ? [article.author] : article.author).map(expectedText),
          tags: article.tags.map(expectedText),
        }))
        .reverse()

      const rssText = output.get('feed.xml') ?? ''
      const atomText = output.get('atom.xml') ?? ''
      const rss = parseXml(rssText)
      const atom = parseXml(atomText)
      const json = JSON.parse(output.get('feed.json') ?? '')

      const rssItems = findAll(rss, 'item').map((item) => ({
        title: child(item, 'title')?.text,
        url: child(item, 'link')?.text,
        authors: findAll(item, 'creator').map((e) => e.text),
        tags: findAll(item, 'category').map((e) => e.text),
      }))
      const atomItems = findAll(atom, 'entry').map((entry) => ({
        // Plain text, `type="text"` (src/feeds/xml/edit.ts).
        title: child(entry, 'title')?.attributes.type === 'text' ? child(entry, 'title')?.text : undefined,
        url: entry.children.find((c) => c.name === 'link' && (c.attributes.rel ?? 'alternate') === 'alternate')?.attributes.href,
        authors: findAll(entry, 'author').map((a) => child(a, 'name')?.text),
        tags: findAll(entry, 'category').map((e) => e.attributes.term),
      }))
      const jsonItems = json.items.map((item: { title: string; url: string; authors: { name: string }[]; tags?: string[] }) => ({
        title: item.title,
        url: item.url,
        authors: item.authors.map((a) => a.name),
        tags: item.tags ?? [],
      }))
      assert.deepEqual(rssItems, expected, 'RSS, read by a strict XML parser')
      assert.deepEqual(atomItems, expected, 'Atom, read by a strict XML parser, titles as text')
      assert.deepEqual(jsonItems, expected, 'JSON Feed, read by JSON.parse')

      // An independent, lenient reader sees the same items and links.
      const ids = json.items.map((item: { id: string }) => item.id)
      for (const [name, text] of [['RSS', rssText], ['Atom', atomText]] as const) {
        const items = readFeed(text).items
        assert.deepEqual(items.map((item) => item.id), ids, `${name} ids, read by feed-parser`)
        assert.deepEqual(items.map((item) => item.url), expected.map((item) => item.url), `${name} links, read by feed-parser`)
      }
      assert.deepEqual(readFeed(atomText).items.map((item) => item.title), expected.map((item) => item.title), 'Atom titles, read by feed-parser')

      // No script and no script URL from the articles anywhere: feeds, pages, headlines, widget.
      // "No `<script`" means no script element: in the XML feeds any `<script` is one, and the only one
      // is the template's; HTML fields are parsed as HTML. A plain-text JSON field may hold the text
      // "<script" (a headline about HTML), which JSON readers show as text, never run.
      assert.deepEqual(scanOutput(output, { known }), [])
    }),
    { numRuns: 120 },
  )
})

test('keeps tabs in an attribute value, which XML parsers would otherwise turn into spaces', () => {
  const result = buildSite([source({ tags: ['one\ttwo'] })], settings, { now })
  const atom = parseXml(contents(result.output).get('atom.xml') ?? '')
  assert.deepEqual(findAll(atom, 'category').map((e) => e.attributes.term), ['one\ttwo'])
})

test('rendering arbitrary Markdown never throws and never yields a script, a handler or a script URL', () => {
  fc.assert(
    fc.property(markdown, (body) => {
      const file = source({}, body, 'articles/2026/any.md')
      const valid = validateArticle(file, settings)
      assert.ok(valid)
      const { html } = renderBody(valid.tree, valid.article.url, file)
      assert.equal(typeof html, 'string')
      assert.doesNotMatch(html, /<script/i)
      assert.deepEqual(findDangers(html), [])
    }),
    { numRuns: 300 },
  )
})

test('for arbitrary correction notes and retraction reasons, every feed parses and carries them back as written, as text', () => {
  const retractedId = 'tag:news.example.org,2025-12-01:gone'
  fc.assert(
    fc.property(field(1000), field(1000), (note, reason) => {
      const file = source({ date: '2026-01-06T09:00:00Z', corrections: [{ at: '2026-01-07T09:00:00Z', kind: 'correction', note }] }, 'Body.\n', 'articles/p.md')
      const withdrawn = config({ retracted: [{ id: retractedId, at: '2026-01-08T09:00:00Z', reason }] })
      const result = buildSite([file], withdrawn, { now })
      assert.ok(result.ok, String(result.files.flatMap((f) => f.messages)))
      const output = contents(result.output)
      const json = JSON.parse(output.get('feed.json') ?? '')
      assert.equal(json.items[0]._wirefeed.corrections[0].note, expectedText(note))
      assert.equal(json._wirefeed.retractions[0].reason, expectedText(reason))
      assert.deepEqual(findDangers(json.items[0].content_html), [])
      const atom = parseXml(output.get('atom.xml') ?? '')
      const comment = findAll(atom, 'comment')[0]?.text
      assert.equal(comment, expectedText(reason))
      for (const xml of [output.get('feed.xml') ?? '', output.get('atom.xml') ?? '']) {
        const [item] = readFeed(xml).items
        assert.ok(item?.content?.includes('Correction, January 7, 2026:'), xml)
        assert.deepEqual(findDangers(item?.content ?? ''), [])
      }
      assert.deepEqual(scanOutput(output, { known }), [])
    }),
    { numRuns: 80 },
  )
})
