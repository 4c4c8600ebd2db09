// The notice at a retracted article's URL (#19), on the record newsroom
// (tests/fixtures/record/: one article retracted with a date and a reason,
// one by its id alone, as earlier versions wrote it), and on its own.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { Retraction } from '../../src/ids.ts'
import { retractionPage } from '../../src/pages/retraction-page.ts'
import { pageFiles } from '../../src/pages/site-pages.ts'
import { fixtureOutput } from '../feeds/fixture-site.ts'
import { config, contents, rendered, source } from '../helpers.ts'
import { all, meta, one, parseHtml, text } from './html.ts'

const { output } = await fixtureOutput('record', new Date('2026-01-10T00:00:00Z'))
const withdrawn = '2025/12/withdrawn/index.html'
const longGone = '2025/11/long-gone/index.html'
const notice = (path: string) => parseHtml(output.get(path) ?? assert.fail(`the build writes no ${path}`))

describe('a retracted article’s URL', () => {
  test('serves a notice, as a file of the output where its page was', () => {
    assert.ok(output.has(withdrawn))
    assert.ok(output.has(longGone), 'an id alone has its URL in the ledger too')
    assert.match(output.get(withdrawn) ?? '', /^<!doctype html>/)
  })

  test('keeps search engines away: `noindex`, and no canonical link or structured data', () => {
    const page = notice(withdrawn)
    assert.equal(meta(page, 'robots'), 'noindex')
    assert.equal(all(page, 'link', (link) => String(link.properties.rel) === 'canonical').length, 0)
    assert.equal(all(page, 'script').length, 0)
    assert.equal(meta(page, 'og:title'), undefined)
  })

  test('says it was retracted, when in the site’s zone and language, and why, with a link home', () => {
    const page = notice(withdrawn)
    assert.equal(text(one(page, 'title')), 'Article retracted – Record Desk')
    assert.equal(text(one(page, 'h1')), 'Article retracted')
    const paragraphs = all(one(page, 'main'), 'p').map(text)
    assert.deepEqual(paragraphs, [
      'This article was retracted on 8 January 2026.',
      'Reason: The study it reported on was retracted by its authors.',
      'The home page lists our latest articles.',
    ])
    assert.equal(one(page, 'time').properties.dateTime, '2026-01-08T07:00:00.000Z')
    assert.equal(one(one(page, 'main'), 'a').properties.href, 'https://news.example.org/record/')
  })

  test('of an id alone says only that it was retracted: there is no date or reason to give', () => {
    const paragraphs = all(one(notice(longGone), 'main'), 'p').map(text)
    assert.deepEqual(paragraphs, ['This article was retracted.', 'The home page lists our latest articles.'])
  })

  test('is in no list: not the sitemap, the home page, the partner headlines or a feed', () => {
    for (const path of ['sitemap.xml', 'index.html', 'headlines.json', 'embed/headlines.html', 'feed.xml']) {
      assert.ok(!(output.get(path) ?? assert.fail(path)).includes('withdrawn'), path)
      assert.ok(!(output.get(path) ?? '').includes('long-gone'), path)
    }
  })
})

describe('the notices among the site’s pages', () => {
  const settings = config()
  const { articles, bodyOf } = rendered([source({ title: 'Reused', date: '2026-01-06' }, 'Body.\n', 'articles/2026/01/reused.md')], settings)
  const at = new Date('2026-01-08T07:00:00Z')
  const retractions: Retraction[] = [
    { id: 'tag:news.example.org,2025-12-01:gone', url: 'https://news.example.org/2025/12/gone/', at, reason: 'Wrong.' },
    // Its URL was given to a new article since: the article's page wins.
    { id: 'tag:news.example.org,2025-12-02:reused', url: articles[0]?.url ?? '', at },
    // Published elsewhere (`canonical`), or unknown to the ledger: no file of ours serves it.
    { id: 'tag:news.example.org,2025-12-03:away', url: 'https://partner.example/story/', at },
    { id: 'tag:news.example.org,2025-12-04:unknown', at },
  ]
  const files = contents(pageFiles(articles, [], settings, bodyOf, new Date('2026-01-09T00:00:00Z'), retractions))

  test('are one per retraction with a URL on this site that no published article has', () => {
    const notices = [...files].filter(([, html]) => html.includes('name="robots" content="noindex"')).map(([path]) => path)
    assert.deepEqual(notices.sort(), ['2025/12/gone/index.html', '404.html'])
    assert.equal(text(one(parseHtml(files.get('2026/01/reused/index.html') ?? ''), 'h1')), 'Reused')
  })

  test('write the same bytes for the same retraction', () => {
    const [first] = retractions as [Retraction & { url: string }]
    assert.equal(retractionPage(first, settings), files.get('2025/12/gone/index.html'))
  })
})
