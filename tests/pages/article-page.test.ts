import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { Config } from '../../src/config.ts'
import { articlePage } from '../../src/pages/article-page.ts'
import { renderArticle, type RenderedArticle } from '../../src/render.ts'
import { validateArticle } from '../../src/validate.ts'
import { config, source } from '../helpers.ts'
import { all, hasClass, meta, one, parseHtml, text } from './html.ts'

function article(fields: Record<string, unknown> = {}, body?: string, settings: Config = config()): RenderedArticle {
  const file = source(fields, body)
  const valid = validateArticle(file, settings)
  if (!valid) throw new Error(file.messages.join('; '))
  return renderArticle(valid)
}

/** Every field set, a relative link and a script the sanitiser must drop. */
const summitArticle = () =>
  article(
    {
      title: 'Allies draft "binding" guarantees',
      summary: 'A draft promises commitments.',
      author: ['Ann Writer', 'Bo Reporter'],
      date: '2026-01-06T09:30:00+02:00',
      updated: '2026-01-07',
      tags: ['Ukraine', 'R&D'],
      image: { src: '/images/summit.jpg', alt: 'Leaders at the table' },
    },
    '## What the draft says\n\nThe [draft](../about/) lists aid.\n\n<script>alert(1)</script>\n',
  )
const summit = summitArticle()
const page = parseHtml(articlePage(summit, config()))

describe('an article page', () => {
  test('shows the headline, standfirst, byline, date, reading time and lead image with its alt', () => {
    assert.equal(text(one(page, 'h1')), 'Allies draft "binding" guarantees')
    assert.equal(text(one(page, 'p', (p) => hasClass(p, 'standfirst'))), 'A draft promises commitments.')
    const byline = one(page, 'p', (p) => hasClass(p, 'meta'))
    assert.equal(text(byline), 'By Ann Writer and Bo Reporter · January 6, 2026 · Updated January 7, 2026 · 1 min read')
    assert.deepEqual(
      all(byline, 'time').map((time) => time.properties.dateTime),
      ['2026-01-06T07:30:00.000Z', '2026-01-06T22:00:00.000Z'],
    )
    const image = one(page, 'img')
    assert.equal(image.properties.src, 'https://news.example.org/images/summit.jpg')
    assert.equal(image.properties.alt, 'Leaders at the table')
    assert.deepEqual(all(one(page, 'ul', (ul) => hasClass(ul, 'tags')), 'li').map(text), ['Ukraine', 'R&D'])
  })

  test('includes the sanitised body, and no script but its structured data', () => {
    assert.equal(text(one(page, 'h2', (h2) => !hasClass(h2, 'meta'))), 'What the draft says')
    assert.equal(one(page, 'a', (a) => text(a) === 'draft').properties.href, 'https://news.example.org/2026/01/about/')
    assert.deepEqual(all(page, 'script').map((script) => script.properties.type), ['application/ld+json'])
  })

  test('declares its canonical URL, feeds, Open Graph and Twitter card', () => {
    assert.equal(one(page, 'link', (link) => String(link.properties.rel) === 'canonical').properties.href, summit.url)
    assert.deepEqual(
      all(page, 'link', (link) => String(link.properties.rel) === 'alternate').map((link) => [link.properties.type, link.properties.title, link.properties.href]),
      [
        ['application/rss+xml', 'wirefeed (RSS)', '../../../feed.xml'],
        ['application/atom+xml', 'wirefeed (Atom)', '../../../atom.xml'],
        ['application/feed+json', 'wirefeed (JSON Feed)', '../../../feed.json'],
      ],
    )
    assert.equal(meta(page, 'og:type'), 'article')
    assert.equal(meta(page, 'og:url'), 'https://news.example.org/2026/01/a-story/')
    assert.equal(meta(page, 'og:title'), summit.title)
    assert.equal(meta(page, 'og:image'), 'https://news.example.org/images/summit.jpg')
    assert.equal(meta(page, 'og:image:alt'), 'Leaders at the table')
    assert.equal(meta(page, 'twitter:card'), 'summary_large_image')
    assert.equal(meta(page, 'description'), summit.summary)
    assert.equal(meta(page, 'viewport'), 'width=device-width, initial-scale=1')
  })

  test('describes itself as a schema.org NewsArticle', () => {
    const data = JSON.parse(text(one(page, 'script')))
    assert.equal(data['@type'], 'NewsArticle')
    assert.equal(data.headline, summit.title)
    assert.equal(data.datePublished, '2026-01-06T07:30:00.000Z')
    assert.equal(data.dateModified, '2026-01-06T22:00:00.000Z')
    assert.deepEqual(data.author, [{ '@type': 'Person', name: 'Ann Writer' }, { '@type': 'Person', name: 'Bo Reporter' }])
    assert.deepEqual(data.image, ['https://news.example.org/images/summit.jpg'])
    assert.deepEqual(data.mainEntityOfPage, { '@type': 'WebPage', '@id': summit.url })
  })

  test('keeps a hostile headline text, in the page and in its structured data', () => {
    const title = '</script><script>alert(1)</script><img src=x onerror=alert(2)> <!-- A & B'
    const hostile = parseHtml(articlePage(article({ title }), config()))
    assert.equal(text(one(hostile, 'h1')), title)
    assert.equal(all(hostile, 'img').length, 0)
    assert.equal(all(hostile, 'script').length, 1)
    const data = text(one(hostile, 'script'))
    assert.doesNotMatch(data, /</, 'script text with `<` could end the element or open a comment')
    assert.equal(JSON.parse(data).headline, title)
  })

  test('gives an image-less article a small card, and marks an article in another language', () => {
    const uk = parseHtml(articlePage(article({ lang: 'uk', tags: undefined }), config()))
    assert.equal(meta(uk, 'twitter:card'), 'summary')
    assert.equal(meta(uk, 'og:image'), undefined)
    assert.equal(one(uk, 'html').properties.lang, 'en')
    assert.equal(one(uk, 'article').properties.lang, 'uk')
    assert.equal(all(uk, 'ul').length, 0)
  })

  test('writes the same bytes for the same article', () => {
    assert.equal(articlePage(summitArticle(), config()), articlePage(summit, config()))
  })
})
