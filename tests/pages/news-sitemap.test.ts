// Google's News sitemap: exactly the articles of the two days before "now",
// at most 1,000, each with the publication's name and language.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { newsArticles, newsLanguage, newsSitemapChangesAt, newsSitemapXml } from '../../src/pages/news-sitemap.ts'
import { buildSite } from '../../src/site.ts'
import { config, contents, findAll, parseXml, rendered, source, type XmlElement } from '../helpers.ts'

const news = 'http://www.google.com/schemas/sitemap-news/0.9'
const settings = config({ url: 'https://news.example.org/desk/', title: 'Desk & Co', language: 'en-GB' })
const now = new Date('2026-01-10T12:00:00Z')

const story = (slug: string, date: string, fields: Record<string, unknown> = {}) =>
  source({ title: `Story ${slug}`, date, ...fields }, 'Body.\n', `articles/${slug}.md`)

const child = (element: XmlElement, name: string) => element.children.find((found) => found.name === name && found.uri === news)

test('lists exactly the articles of the two days before --now, newest first, parsed as a strict XML reader does', () => {
  const site = buildSite(
    [
      story('just-now', '2026-01-10T12:00:00Z'),
      story('yesterday', '2026-01-09T08:00:00Z', { title: 'Allies <agree> & "sign"', lang: 'uk' }),
      story('nearly-two-days', '2026-01-08T12:00:01Z', { lang: 'zh-TW' }),
      story('two-days', '2026-01-08T12:00:00Z'),
      story('last-week', '2026-01-03T09:00:00Z'),
      story('embargoed', '2026-01-10T12:00:01Z'),
      story('elsewhere', '2026-01-10T10:00:00Z', { canonical: 'https://partner.example/story/' }),
    ],
    settings,
    { now },
  )
  assert.ok(site.ok)
  const xml = contents(site.output).get('news-sitemap.xml') ?? ''
  const root = parseXml(xml)
  assert.equal(root.name, 'urlset')
  assert.equal(root.uri, 'http://www.sitemaps.org/schemas/sitemap/0.9')
  const entries = findAll(root, 'url').map((url) => {
    const item = child(url, 'news') ?? assert.fail('no news:news')
    const publication = child(item, 'publication') ?? assert.fail('no news:publication')
    return {
      loc: url.children.find((found) => found.name === 'loc')?.text,
      name: child(publication, 'name')?.text,
      language: child(publication, 'language')?.text,
      date: child(item, 'publication_date')?.text,
      title: child(item, 'title')?.text,
    }
  })
  const base = 'https://news.example.org/desk/2026/01/'
  assert.deepEqual(entries, [
    { loc: `${base}just-now/`, name: 'Desk & Co', language: 'en', date: '2026-01-10T12:00:00.000Z', title: 'Story just-now' },
    { loc: `${base}yesterday/`, name: 'Desk & Co', language: 'uk', date: '2026-01-09T08:00:00.000Z', title: 'Allies <agree> & "sign"' },
    { loc: `${base}nearly-two-days/`, name: 'Desk & Co', language: 'zh-tw', date: '2026-01-08T12:00:01.000Z', title: 'Story nearly-two-days' },
  ])
  // The one two days old to the second is the first to have aged out; the next to go is the oldest left.
  assert.deepEqual(site.changesAt, new Date('2026-01-10T12:00:01Z'))
})

test('is an empty urlset, still valid, when nothing is two days young', () => {
  const { articles } = rendered([story('old', '2026-01-01')], settings)
  const root = parseXml(newsSitemapXml(newsArticles(articles, settings, now), settings))
  assert.deepEqual([root.name, root.children.length], ['urlset', 0])
  assert.equal(newsSitemapChangesAt(articles, now), undefined)
})

test('holds at most the 1,000 newest, as Google reads no more', () => {
  const files = Array.from({ length: 1003 }, (_, index) => story(`s${index}`, new Date(now.getTime() - index * 60_000).toISOString()))
  const { articles } = rendered(files, settings)
  const listed = newsArticles(articles, settings, now)
  assert.equal(listed.length, 1000)
  assert.equal(listed.at(-1)?.url, 'https://news.example.org/desk/2026/01/s999/')
  assert.equal(findAll(parseXml(newsSitemapXml(listed, settings)), 'url').length, 1000)
})

test('names the language as Google asks: ISO 639, and zh-cn or zh-tw for Chinese', () => {
  assert.deepEqual(['en-GB', 'uk', 'de-AT', 'zh', 'zh-Hans-SG', 'zh-TW', 'zh-Hant', 'zh-HK', 'haw'].map(newsLanguage), ['en', 'uk', 'de', 'zh-cn', 'zh-cn', 'zh-tw', 'zh-tw', 'zh-tw', 'haw'])
})

test('the sitemap index names the pages\' sitemap and the news one, each with its newest time', () => {
  const site = buildSite([story('one', '2026-01-10T08:00:00Z'), story('old', '2026-01-02T08:00:00Z', { updated: '2026-01-09T00:00:00Z' })], settings, { now })
  const index = parseXml(contents(site.output).get('sitemap-index.xml') ?? '')
  assert.equal(index.name, 'sitemapindex')
  assert.deepEqual(
    findAll(index, 'sitemap').map((sitemap) => sitemap.children.map((element) => element.text)),
    [
      ['https://news.example.org/desk/sitemap.xml', '2026-01-10T08:00:00.000Z'],
      ['https://news.example.org/desk/news-sitemap.xml', '2026-01-10T08:00:00.000Z'],
    ],
  )
})
