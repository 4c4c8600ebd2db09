import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { Config } from '../../src/config.ts'
import { articlePage } from '../../src/pages/article-page.ts'
import { config, rendered, source } from '../helpers.ts'
import { all, hasClass, meta, one, parseHtml, text } from './html.ts'

/** The article page of a source with `fields` and `body`. */
function page(fields: Record<string, unknown> = {}, body?: string, settings: Config = config()): string {
  const { articles, bodyOf } = rendered([source(fields, body)], settings)
  const [article] = articles
  if (!article) throw new Error('no article')
  return articlePage(article, bodyOf(article), settings)
}

/** Every field set, a relative link and a script the sanitiser must drop. */
const summitPage = () =>
  page(
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
const summit = summitPage()
const html = parseHtml(summit)

describe('an article page', () => {
  test('shows the headline, standfirst, byline, date, reading time and lead image with its alt', () => {
    assert.equal(text(one(html, 'h1')), 'Allies draft "binding" guarantees')
    assert.equal(text(one(html, 'p', (p) => hasClass(p, 'standfirst'))), 'A draft promises commitments.')
    const byline = one(html, 'p', (p) => hasClass(p, 'meta'))
    assert.equal(text(byline), 'By Ann Writer and Bo Reporter · January 6, 2026 · Updated January 7, 2026 · 1 min read')
    assert.deepEqual(
      all(byline, 'time').map((time) => time.properties.dateTime),
      ['2026-01-06T07:30:00.000Z', '2026-01-06T22:00:00.000Z'],
    )
    const image = one(html, 'img')
    assert.equal(image.properties.src, 'https://news.example.org/images/summit.jpg')
    assert.equal(image.properties.alt, 'Leaders at the table')
    assert.deepEqual(all(one(html, 'ul', (ul) => hasClass(ul, 'tags')), 'li').map(text), ['Ukraine', 'R&D'])
  })

  test('includes the sanitised body, and no script but its structured data', () => {
    assert.equal(text(one(html, 'h2', (h2) => !hasClass(h2, 'meta'))), 'What the draft says')
    assert.equal(one(html, 'a', (a) => text(a) === 'draft').properties.href, 'https://news.example.org/2026/01/about/')
    assert.deepEqual(all(html, 'script').map((script) => script.properties.type), ['application/ld+json'])
  })

  test('declares its canonical URL, feeds, Open Graph and Twitter card', () => {
    assert.equal(one(html, 'link', (link) => String(link.properties.rel) === 'canonical').properties.href, 'https://news.example.org/2026/01/a-story/')
    assert.deepEqual(
      all(html, 'link', (link) => String(link.properties.rel) === 'alternate').map((link) => [link.properties.type, link.properties.title, link.properties.href]),
      [
        ['application/rss+xml', 'wirefeed (RSS)', '../../../feed.xml'],
        ['application/atom+xml', 'wirefeed (Atom)', '../../../atom.xml'],
        ['application/feed+json', 'wirefeed (JSON Feed)', '../../../feed.json'],
      ],
    )
    assert.equal(meta(html, 'og:type'), 'article')
    assert.equal(meta(html, 'og:url'), 'https://news.example.org/2026/01/a-story/')
    assert.equal(meta(html, 'og:title'), 'Allies draft "binding" guarantees')
    assert.equal(meta(html, 'og:image'), 'https://news.example.org/images/summit.jpg')
    assert.equal(meta(html, 'og:image:alt'), 'Leaders at the table')
    assert.equal(meta(html, 'twitter:card'), 'summary_large_image')
    assert.equal(meta(html, 'description'), 'A draft promises commitments.')
    assert.equal(meta(html, 'viewport'), 'width=device-width, initial-scale=1')
  })

  test('shows the lead image in a figure with its caption and credit, which structured data gives as caption and creditText', () => {
    const captioned = parseHtml(
      page({ image: { src: '/images/summit.jpg', alt: 'Leaders at the table', caption: 'The leaders <met> in Paris.', credit: 'Photo: A & B' } }),
    )
    const figure = one(captioned, 'figure')
    assert.equal(one(figure, 'img').properties.alt, 'Leaders at the table')
    const caption = one(figure, 'figcaption')
    assert.equal(text(caption), 'The leaders <met> in Paris. Photo: A & B')
    assert.equal(text(one(caption, 'span', (span) => hasClass(span, 'credit'))), 'Photo: A & B')
    assert.deepEqual(JSON.parse(text(one(captioned, 'script'))).image, [
      { '@type': 'ImageObject', url: 'https://news.example.org/images/summit.jpg', caption: 'The leaders <met> in Paris.', creditText: 'Photo: A & B' },
    ])
    // Without them, no empty caption.
    assert.equal(all(html, 'figcaption').length, 0)
  })

  test('describes itself as a schema.org NewsArticle', () => {
    const data = JSON.parse(text(one(html, 'script')))
    assert.equal(data['@type'], 'NewsArticle')
    assert.equal(data.headline, 'Allies draft "binding" guarantees')
    assert.equal(data.datePublished, '2026-01-06T07:30:00.000Z')
    assert.equal(data.dateModified, '2026-01-06T22:00:00.000Z')
    assert.deepEqual(data.author, [{ '@type': 'Person', name: 'Ann Writer' }, { '@type': 'Person', name: 'Bo Reporter' }])
    assert.deepEqual(data.image, [{ '@type': 'ImageObject', url: 'https://news.example.org/images/summit.jpg' }])
    assert.deepEqual(data.mainEntityOfPage, { '@type': 'WebPage', '@id': 'https://news.example.org/2026/01/a-story/' })
  })

  test('keeps a hostile headline text, in the page and in its structured data', () => {
    const title = '</script><script>alert(1)</script><img src=x onerror=alert(2)> <!-- A & B'
    const hostile = parseHtml(page({ title }))
    assert.equal(text(one(hostile, 'h1')), title)
    assert.equal(all(hostile, 'img').length, 0)
    assert.equal(all(hostile, 'script').length, 1)
    const data = text(one(hostile, 'script'))
    assert.doesNotMatch(data, /</, 'script text with `<` could end the element or open a comment')
    assert.equal(JSON.parse(data).headline, title)
  })

  test('gives an image-less article a small card, and marks an article in a language wirefeed has no interface in', () => {
    const pl = parseHtml(page({ lang: 'pl', tags: undefined }))
    assert.equal(meta(pl, 'twitter:card'), 'summary')
    assert.equal(meta(pl, 'og:image'), undefined)
    assert.equal(one(pl, 'html').properties.lang, 'en')
    assert.equal(one(pl, 'article').properties.lang, 'pl')
    assert.equal(all(pl, 'ul').length, 0)
  })

  test('shows an article in a language wirefeed has an interface in with that interface, dated in it (#21)', () => {
    const uk = parseHtml(page({ language: 'uk', date: '2026-01-06T09:30:00+02:00' }))
    assert.equal(one(uk, 'html').properties.lang, 'uk')
    assert.equal(one(uk, 'article').properties.lang, undefined)
    assert.equal(text(one(uk, 'a', (element) => hasClass(element, 'skip'))), 'Перейти до основного вмісту')
    assert.match(text(one(uk, 'p', (element) => hasClass(element, 'meta'))), /6 січня 2026 р\./)
    assert.match(text(one(uk, 'footer', (element) => hasClass(element, 'colophon'))), /^Стежте за нами в RSS-читачі/)
  })

  test('writes the same bytes for the same article', () => {
    assert.equal(summitPage(), summit)
  })
})

describe('an article page with corrections (#19)', () => {
  const corrections = [
    { at: '2026-01-07T10:00:00+02:00', kind: 'correction', note: 'An earlier version said spending rose by a quarter; it rose by a fifth.' },
    { at: '2026-01-08T09:00:00+02:00', kind: 'update', note: 'The mayor signed the budget.' },
    { at: '2026-01-09T23:30:00+02:00', kind: 'clarification', note: 'The figures are in hryvnias </script><b>not</b> & dollars.' },
  ]
  const corrected = parseHtml(page({ date: '2026-01-06T09:30:00+02:00', corrections }))
  const box = () => one(corrected, 'section', (section) => hasClass(section, 'corrections'))

  test('lists them after the text, oldest first, each with its kind, its date in the site’s zone and its note', () => {
    const items = all(box(), 'li')
    assert.deepEqual(items.map(text), [
      'Correction, January 7, 2026: An earlier version said spending rose by a quarter; it rose by a fifth.',
      'Update, January 8, 2026: The mayor signed the budget.',
      // 23:30 in Kyiv is 21:30 UTC: still the 9th where the site is.
      'Clarification, January 9, 2026: The figures are in hryvnias </script><b>not</b> & dollars.',
    ])
    assert.deepEqual(items.map((item) => one(item, 'time').properties.dateTime), ['2026-01-07T08:00:00.000Z', '2026-01-08T07:00:00.000Z', '2026-01-09T21:30:00.000Z'])
    assert.deepEqual(items.map((item) => text(one(item, 'strong'))), ['Correction, January 7, 2026:', 'Update, January 8, 2026:', 'Clarification, January 9, 2026:'])
    assert.equal(all(box(), 'b').length, 0, 'a note is text')
    // Right after the text it corrects, before the topics.
    const order = one(corrected, 'article').children.flatMap((child) => (child.type === 'element' ? [`${child.tagName}.${String(child.properties.className ?? '')}`] : []))
    assert.deepEqual(order.slice(1, 3), ['div.prose', 'section.corrections'])
  })

  test('is a section named by its heading, for screen readers', () => {
    const heading = one(box(), 'h2')
    assert.equal(text(heading), 'Corrections and updates')
    assert.deepEqual(box().properties.ariaLabelledBy, [heading.properties.id])
    assert.equal(heading.properties.id, 'corrections')
  })

  test('dates the page by the newest correction or update, not the clarification', () => {
    assert.equal(text(one(corrected, 'p', (p) => hasClass(p, 'meta'))), 'By Ann Writer · January 6, 2026 · Updated January 8, 2026 · 1 min read')
    assert.equal(meta(corrected, 'article:modified_time'), '2026-01-08T07:00:00.000Z')
  })

  test('gives JSON-LD `dateModified` and a `CorrectionComment` for the correction alone', () => {
    const data = JSON.parse(text(one(corrected, 'script')))
    assert.equal(data.datePublished, '2026-01-06T07:30:00.000Z')
    assert.equal(data.dateModified, '2026-01-08T07:00:00.000Z')
    assert.deepEqual(data.correction, [
      { '@type': 'CorrectionComment', text: 'An earlier version said spending rose by a quarter; it rose by a fifth.', datePublished: '2026-01-07T08:00:00.000Z' },
    ])
    assert.doesNotMatch(text(one(corrected, 'script')), /</)
  })

  test('has neither box nor `correction` without corrections, and `dateModified` is then the publication time', () => {
    const plain = parseHtml(page({ date: '2026-01-06T09:30:00+02:00' }))
    assert.equal(all(plain, 'section').length, 0)
    const data = JSON.parse(text(one(plain, 'script')))
    assert.equal('correction' in data, false)
    assert.equal(data.dateModified, data.datePublished)
    const onlyClarified = JSON.parse(text(one(parseHtml(page({ corrections: corrections.slice(2) })), 'script')))
    assert.equal('correction' in onlyClarified, false)
  })

  test('marks its labels as the site’s language in an article in another', () => {
    const other = parseHtml(page({ lang: 'pl', corrections: corrections.slice(0, 1) }))
    const section = one(other, 'section', (element) => hasClass(element, 'corrections'))
    assert.equal(one(section, 'h2').properties.lang, 'en')
    assert.equal(one(section, 'strong').properties.lang, 'en')
    assert.equal(one(other, 'article').properties.lang, 'pl')
  })
})
