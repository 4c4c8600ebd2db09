import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { test } from 'node:test'
import { VFile } from 'vfile'
import { importText, parseDateline } from '../../src/create/import-text.ts'
import { analyseSource } from '../../src/analyse.ts'
import { config, fixtures } from '../helpers.ts'

async function load(name: string) {
  return new VFile({ path: name, value: await readFile(new URL(`import/${name}`, fixtures), 'utf8') })
}

const settings = config({ timeZone: 'UTC' })

test('imports the seed faithfully: headline, standfirst, author, 6 January 2026, heading and body', async () => {
  const file = await load('seed.txt')
  const imported = importText(file, settings)
  assert.ok(imported)
  assert.deepEqual(file.messages, [])
  assert.equal(imported.path, '2026/ukraine-security-guarantees-to-include-binding-commitments.md')
  const { article, body } = analyseSource(new VFile({ path: `articles/${imported.path}`, value: imported.text }), settings, new Date('2026-02-01'))
  assert.ok(article && body)
  assert.equal(article.title, 'Ukraine Security Guarantees to Include Binding Commitments, Draft Paris Summit Statement Reveals')
  assert.match(article.summary, /^Ukraine’s allies plan binding security guarantees/)
  assert.deepEqual(article.authors, ['Raja Awais Ali'])
  assert.equal(article.date.toISOString(), '2026-01-06T00:00:00.000Z')
  assert.equal(article.draft, false)
  const { html, readingTime } = body
  assert.match(html, /^<h2>Ukraine Security Guarantees to Include Binding Commitments: Draft Paris Summit Statement Signals Major Shift<\/h2>/)
  assert.equal(html.match(/<p>/g)?.length, 8)
  assert.equal(readingTime, 2)
})

test('imports the same article from Windows line endings and a long date with reading time', async () => {
  const seed = importText(await load('seed.txt'), settings)
  const crlf = importText(await load('crlf-long-date.txt'), settings)
  const iso = importText(await load('iso-date.txt'), settings)
  assert.equal(crlf?.text, seed?.text)
  assert.equal(iso?.text, seed?.text)
})

test('reports a missing standfirst and imports a draft with a placeholder', async () => {
  const file = await load('no-standfirst.txt')
  const imported = importText(file, settings)
  assert.deepEqual(file.messages.map((m) => [m.ruleId, m.line, m.fatal]), [['import-no-standfirst', 2, false]])
  assert.match(imported?.text ?? '', /^draft: true$/m)
  assert.match(imported?.text ?? '', /^author: Raja Awais Ali$/m)
})

test('refuses a text without a recognisable date line, saying which forms work', async () => {
  const file = await load('no-date.txt')
  assert.equal(importText(file, settings), undefined)
  assert.equal(file.messages[0]?.ruleId, 'import-no-date')
  assert.match(file.messages[0]?.note ?? '', /M\/d\/yyyy, yyyy-MM-dd, d MMMM yyyy/)
})

test('reads the date forms of wire copy, with or without a glued reading time', () => {
  for (const line of ['1/6/20262 min read', '1/6/2026', '2026-01-06', '6 January 2026', 'January 6, 2026', 'Jan 6, 2026 · 3 min read']) {
    assert.equal(parseDateline(line, settings), '2026-01-06', line)
  }
  for (const line of ['Raja Awais Ali', '13/45/2026', 'In 2026 the summit met.']) {
    assert.equal(parseDateline(line, settings), undefined, line)
  }
})

test('escapes body text that would read as Markdown syntax', () => {
  const file = new VFile({ path: 'x.txt', value: 'Headline\n\nStandfirst.\n\nAnn\n\n2026-01-06\n\n1994. A year of <b>change</b> and # hopes.\n' })
  const imported = importText(file, settings)
  const { body } = analyseSource(new VFile({ path: 'articles/x.md', value: imported?.text ?? '' }), settings, new Date('2026-02-01'))
  assert.equal(body?.html, '<p>1994. A year of &#x3C;b>change&#x3C;/b> and # hopes.</p>')
})
