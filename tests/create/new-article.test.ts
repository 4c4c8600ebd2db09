import assert from 'node:assert/strict'
import { test } from 'node:test'
import { VFile } from 'vfile'
import { newArticle } from '../../src/create/new-article.ts'
import { validateArticle } from '../../src/validate.ts'
import { config } from '../helpers.ts'

const now = new Date('2026-11-27T22:30:12.345Z')

test('creates a valid draft under <yyyy>/<slug>.md, dated now in the site time zone', () => {
  const settings = config({ timeZone: 'Europe/Kyiv', author: 'Desk' })
  const { path, text } = newArticle('Київ: нова угода', settings, now)
  // 00:30 in Kyiv is already the next day and, on 31 December, the next year.
  assert.equal(path, '2026/kyiv-nova-uhoda.md')
  const article = validateArticle(new VFile({ path: `articles/${path}`, value: text }), settings)?.article
  assert.ok(article, 'the skeleton validates')
  assert.equal(article.title, 'Київ: нова угода')
  assert.deepEqual(article.authors, ['Desk'])
  assert.equal(article.date.toISOString(), '2026-11-27T22:30:12.000Z')
  assert.match(text, /^date: 2026-11-28T00:30:12\+02:00$/m)
  assert.equal(article.id, 'tag:news.example.org,2026-11-28:kyiv-nova-uhoda')
  assert.equal(article.draft, true)
})

test('falls back to a dated slug for a headline with no Latin transliteration', () => {
  assert.equal(newArticle('日本語のニュース', config({ timeZone: 'UTC' }), now).path, '2026/article-2026-11-27-2230.md')
})
