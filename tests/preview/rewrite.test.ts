import assert from 'node:assert/strict'
import { test } from 'node:test'
import { rewriteOrigin, sitePath } from '../../src/preview/rewrite.ts'

const site = 'https://news.example.org/desk/'
const preview = 'http://127.0.0.1:8080/desk/'

test('serves a site at its URL\'s path', () => {
  assert.equal(sitePath(site), '/desk/')
  assert.equal(sitePath('https://example.github.io/'), '/')
  assert.equal(sitePath('https://example.org/новини/'), '/%D0%BD%D0%BE%D0%B2%D0%B8%D0%BD%D0%B8/')
})

test('makes every address under the site one under the preview, as written, percent-encoded, or as URL spells it', () => {
  const text = [
    '<link rel="canonical" href="https://news.example.org/desk/2026/01/summit/">',
    '"image": "https://news.example.org/desk/images/summit.jpg"',
    'href=&quot;https://news.example.org/desk/2026/01/about/&quot;',
    'share?u=https%3A%2F%2Fnews.example.org%2Fdesk%2F2026%2F',
  ].join('\n')
  assert.equal(
    rewriteOrigin(text, site, preview),
    [
      '<link rel="canonical" href="http://127.0.0.1:8080/desk/2026/01/summit/">',
      '"image": "http://127.0.0.1:8080/desk/images/summit.jpg"',
      'href=&quot;http://127.0.0.1:8080/desk/2026/01/about/&quot;',
      'share?u=http%3A%2F%2F127.0.0.1%3A8080%2Fdesk%2F2026%2F',
    ].join('\n'),
  )
  const unicode = 'https://example.org/новини/'
  assert.equal(rewriteOrigin('<a href="https://example.org/%D0%BD%D0%BE%D0%B2%D0%B8%D0%BD%D0%B8/x/">', unicode, 'http://localhost:9/%D0%BD%D0%BE%D0%B2%D0%B8%D0%BD%D0%B8/'), '<a href="http://localhost:9/%D0%BD%D0%BE%D0%B2%D0%B8%D0%BD%D0%B8/x/">')
})

test('leaves alone what is not under the site: ids, other paths of its host, other hosts', () => {
  const text = '<id>tag:news.example.org,2026-01-06:summit</id> https://news.example.org/other/ https://news.example.org/desk https://example.org/desk/'
  assert.equal(rewriteOrigin(text, site, preview), text)
})
