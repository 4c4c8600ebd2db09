import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import type { Root } from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { VFile } from 'vfile'
import { gfmLeftOut, parseSource } from '../src/parse.ts'

// What parseSource must always give: the tree of the whole of GFM.
const reference = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze()

/** The tree as data (positions included), front matter node removed as parseSource does. */
function expected(text: string): unknown {
  const tree = reference.parse(text) as Root
  if (tree.children[0]?.type === 'yaml') tree.children.shift()
  return JSON.parse(JSON.stringify(tree))
}

function parsed(text: string): unknown {
  return JSON.parse(JSON.stringify(parseSource(new VFile({ path: 'a.md', value: text })).tree))
}

test('leaves out the email autolink without an `@`, and tables without a `|`, `:-` or `-:`', () => {
  assert.deepEqual(gfmLeftOut('Plain words, www.example.org and https://example.org/a: b - c.'), ['emailAutolink', 'table'])
  assert.deepEqual(gfmLeftOut('Write to desk@example.org.'), ['table'])
  assert.deepEqual(gfmLeftOut('a | b'), ['emailAutolink'])
  assert.deepEqual(gfmLeftOut('a\n:-'), ['emailAutolink'])
  assert.deepEqual(gfmLeftOut('a\n-:'), ['emailAutolink'])
})

test('still finds emails, tables (a one-column table has no `|`), and www and protocol autolinks', () => {
  const cases = [
    'Write to desk@example.org.', 'a | b\n-|-\n1 | 2', 'a\n:-\nb', 'a\n--:\nb', 'See www.example.org or https://example.org/x.',
    // No `@` or `www.` in the source, yet links: character references make them, which the transform finds.
    'Write to desk&#64;example.org.', 'See &#119;ww.example.org or http&#x3A;//example.org.',
    // Nor `www.` or `https://` in the source: backslash escapes write them (found by the property test below).
    'www\\.', 'See www\\.example.org or https\\:\\/\\/example.org.',
    // Addresses only in a link's destination, and in an image's description.
    'See [the report](https://example.org/r) and ![www.example.org](a.png).',
  ]
  for (const text of cases) assert.deepEqual(parsed(text), expected(text), text)
  const types = (text: string) => JSON.stringify(parsed(text)).match(/"type":"(table|link)"/g)
  assert.deepEqual(types('a\n:-\nb'), ['"type":"table"'])
  assert.deepEqual(types('Write to desk@example.org.'), ['"type":"link"'])
})

// Markdown made of the pieces these constructs are made of, and of what ends or nests them.
const pieces = [
  'a', 'word', 'www', 'www.example.org', 'http', 'https://', 'example.org', 'mailto:', 'desk', '@', '.', ':', '-', '|', ':-', '-:', '_', '+', '~',
  '*', '`', '[', ']', '(', ')', '<', '>', '\\', '&#124;', '1.', '#', '!', ' ', '  ', '\t', '\n', '\n\n', '\n> ', '\n- ', '\n  ', '\n---\n', 'я',
]

/** Sources of up to `maxLength` pieces, long ones as often as short ones. */
const sources = (from: readonly string[], maxLength: number) => fc.array(fc.constantFrom(...from), { maxLength, size: 'max' }).map((list) => list.join(''))

test('gives the same tree as the whole of GFM, whatever is left out', () => {
  fc.assert(
    fc.property(sources(pieces, 60), (text) => assert.deepEqual(parsed(text), expected(text))),
    { numRuns: 1500 },
  )
})

// Pieces that come close to an email autolink or a table without being one, and what spans
// lines (lazy lines, quotes, list items, fences), where a table is tried across a line ending.
const nearMisses = [
  ...pieces.filter((piece) => !/@|\||:-|-:/.test(piece)),
  ': -', '- :', '&#64;', '\r\n', 'WWW.x.org', 'HTTP://a.b', '](x)', '1)', '\n* ', '\n```\n', '[^1]', '[x] ', '\n:', '-\n',
]

/** A `:` against a `-`, pieces apart: a space between makes the near miss `: -`. */
const apart = (text: string) => text.replaceAll('-:', '- :').replaceAll(':-', ': -')

test('gives the same tree as the whole of GFM on sources that leave both out', () => {
  fc.assert(
    fc.property(sources(nearMisses, 80).map(apart), (text) => {
      assert.deepEqual(gfmLeftOut(text), ['emailAutolink', 'table'])
      assert.deepEqual(parsed(text), expected(text))
    }),
    { numRuns: 1500 },
  )
})

// Pieces that put URLs where autolinks never form (link destinations, titles, definitions, code,
// HTML, autolinks of CommonMark's own) and where they do (text, link text, image descriptions).
const urlPlaces = [
  'https://example.org/a', 'HTTP://x.y', 'www.example.org', 'WWW.x', 'www', 'http:/', '[', ']', '](', ')', '![', '[x]: ', ' "t"', '`', '``',
  '<', '>', '<https://example.org>', '<a href="', '">', '</a>', '*', '_', '~', '\\', '&amp;', '&#119;', '&#64;', '&#x3A;', '@', 'desk', ' ', '\n', '\n\n', '\n> ', '\n- ', 'a', '.', '(', '?',
]

test('gives the same tree as the whole of GFM wherever a URL stands, linked or not', () => {
  fc.assert(
    fc.property(sources(urlPlaces, 60), (text) => assert.deepEqual(parsed(text), expected(text))),
    { numRuns: 3000 },
  )
})

test('gives the same tree with front matter, positions true to the file', () => {
  const text = '---\ntitle: A story\n---\n\nSee www.example.org | desk\n:-\nx\n'
  assert.deepEqual(parsed(text), expected(text))
})
