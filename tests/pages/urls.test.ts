import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import { outputPathFor, relativeUrl } from '../../src/pages/urls.ts'

describe('relativeUrl', () => {
  test('links between pages of one site with relative paths', () => {
    const site = 'https://news.example.org/desk/'
    const article = `${site}2026/01/summit/`
    assert.equal(relativeUrl(site, article), '2026/01/summit/')
    assert.equal(relativeUrl(article, site), '../../../')
    assert.equal(relativeUrl(article, `${site}feed.xml`), '../../../feed.xml')
    assert.equal(relativeUrl(article, `${site}2026/02/next/`), '../../02/next/')
    assert.equal(relativeUrl(site, site), './')
  })

  test('keeps a link to another origin absolute', () => {
    assert.equal(relativeUrl('https://news.example.org/', 'https://elsewhere.example/story/'), 'https://elsewhere.example/story/')
    assert.equal(relativeUrl('https://news.example.org/', 'http://news.example.org/'), 'http://news.example.org/')
  })

  test('never lets a first segment with a colon read as a scheme', () => {
    assert.equal(relativeUrl('https://x.example/', 'https://x.example/a:b/'), './a:b/')
  })

  test('always resolves back to the target from the page', () => {
    const segment = fc.constantFrom('a', 'b', '2026', 'x-y', '%C3%A9', 'a:b')
    const path = fc.array(segment, { maxLength: 4 }).chain((parts) =>
      // Our URLs never hold empty segments (`//`), which would read as a host.
      fc.constantFrom('', '/', '/index.html', '?q=1', '#top').map((end) => `/${parts.join('/')}${parts.length === 0 ? end.replace(/^\//, '') : end}`),
    )
    fc.assert(
      fc.property(path, path, (from, to) => {
        const page = new URL(from, 'https://x.example').href
        const target = new URL(to, 'https://x.example').href
        assert.equal(new URL(relativeUrl(page, target), page).href, target)
      }),
    )
  })
})

describe('outputPathFor', () => {
  const site = 'https://news.example.org/desk/'

  test('puts a folder URL under the site in its index.html', () => {
    assert.equal(outputPathFor(`${site}2026/01/summit/`, site), '2026/01/summit/index.html')
    assert.equal(outputPathFor(site, site), 'index.html')
    assert.equal(outputPathFor(`${site}old/story.html`, site), 'old/story.html')
    assert.equal(outputPathFor(`${site}caf%C3%A9/`, site), 'café/index.html')
  })

  test('gives no path to a URL no file of ours can serve', () => {
    for (const url of [
      'https://elsewhere.example/2026/01/summit/',
      'https://news.example.org/other/2026/01/summit/',
      `${site}feed`,
      `${site}a/?page=2`,
      `${site}a//b/`,
      `${site}%2E%2E/escape/`,
      `${site}a%2Fb/`,
      `${site}%E0%A4%A/`,
    ]) {
      assert.equal(outputPathFor(url, site), undefined, url)
    }
  })
})
