import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { VFile } from 'vfile'
import type { Config } from '../../src/config.ts'
import { feedDocuments } from '../../src/feeds/documents.ts'
import { feedModel, siteFeed } from '../../src/feeds/model.ts'
import { topicFeed, topicsOf } from '../../src/feeds/topics.ts'
import { pageFiles } from '../../src/pages/site-pages.ts'
import { buildSite } from '../../src/site.ts'
import { config, contents, findAll, parseXml, rendered, source } from '../helpers.ts'
import { all, hasClass, one, parseHtml, text } from './html.ts'

function pages(files: VFile[], settings: Config = config(), now = new Date('2026-01-09T00:00:00Z')) {
  const { articles, bodyOf } = rendered(files, settings)
  const model = feedModel(articles, settings, siteFeed(settings), bodyOf, { limit: settings.feedItems })
  const topics = topicsOf(articles, settings).map((topic) => topicFeed(topic, settings))
  return contents(pageFiles(articles, model, topics, settings, bodyOf, now))
}

const settings = config({ url: 'https://news.example.org/desk/', title: 'Desk & Co', copyright: '© Desk' })
const site = pages(
  [
    source({ title: 'Older', summary: 'First.', date: '2026-01-04' }, 'Body.\n', 'articles/older.md'),
    source({ title: 'Newest <b>bold</b>', summary: 'Third & last.', date: '2026-01-06T10:00:00+02:00', updated: '2026-01-08' }, 'Body.\n', 'articles/newest.md'),
    source({ title: 'Elsewhere', summary: 'Second.', date: '2026-01-05', canonical: 'https://partner.example/story/' }, 'Body.\n', 'articles/elsewhere.md'),
  ],
  settings,
)

describe('the site pages', () => {
  test('give each article on the site a page at its URL, and none to one published elsewhere', () => {
    assert.deepEqual(
      [...site.keys()].filter((path) => path.endsWith('.html')).sort(),
      ['2026/01/newest/index.html', '2026/01/older/index.html', '404.html', 'index.html'],
    )
    assert.equal(text(one(parseHtml(site.get('2026/01/newest/index.html') ?? ''), 'h1')), 'Newest <b>bold</b>')
  })

  test('list the latest headlines on the home page, newest first, with dates, summaries and working links', () => {
    const home = parseHtml(site.get('index.html') ?? '')
    const items = all(one(home, 'ul', (ul) => hasClass(ul, 'headlines')), 'li')
    assert.deepEqual(
      items.map((li) => [text(one(li, 'a')), one(li, 'a').properties.href, text(one(li, 'time')), text(li.children.at(-1) ?? li)]),
      [
        ['Newest <b>bold</b>', '2026/01/newest/', 'January 6, 2026', 'Third & last.'],
        ['Elsewhere', 'https://partner.example/story/', 'January 5, 2026', 'Second.'],
        ['Older', '2026/01/older/', 'January 4, 2026', 'First.'],
      ],
    )
    assert.equal(one(home, 'a', (a) => hasClass(a, 'brand')).properties.ariaCurrent, 'page')
  })

  test('offer the three feeds on the home page, to readers and to people', () => {
    const home = parseHtml(site.get('index.html') ?? '')
    assert.deepEqual(
      all(home, 'link', (link) => String(link.properties.rel) === 'alternate').map((link) => [link.properties.type, link.properties.title, link.properties.href]),
      [
        ['application/rss+xml', 'Desk & Co (RSS)', 'feed.xml'],
        ['application/atom+xml', 'Desk & Co (Atom)', 'atom.xml'],
        ['application/feed+json', 'Desk & Co (JSON Feed)', 'feed.json'],
      ],
    )
    const subscribe = one(home, 'section', (section) => String(section.properties.ariaLabelledBy) === 'subscribe')
    assert.deepEqual(all(subscribe, 'a').map((a) => [text(a), a.properties.href]), [
      ['RSS', 'feed.xml'],
      ['Atom', 'atom.xml'],
      ['JSON Feed', 'feed.json'],
      ['the list of all our feeds (OPML)', 'feeds.opml'],
    ])
    assert.match(text(subscribe), /https:\/\/news\.example\.org\/desk\/feed\.xml/)
  })

  test('offer every tag\'s and every author\'s feeds on the home page, each link named with its topic', () => {
    const sources = () => [
      source({ title: 'One', tags: ['Україна', 'R&D'], author: ['Ann Writer', 'Bo <b>'] }, 'Body.\n', 'articles/one.md'),
      source({ title: 'Two', tags: ['R&D'], author: 'Ann Writer', date: '2026-01-05' }, 'Body.\n', 'articles/two.md'),
    ]
    const tagged = pages(sources(), settings)
    const home = parseHtml(tagged.get('index.html') ?? '')
    const section = (id: string) => one(home, 'section', (element) => String(element.properties.ariaLabelledBy) === id)
    const rows = (id: string) =>
      all(section(id), 'li').map((li) => [text(li), all(li, 'a').map((a) => [a.properties.href, a.properties.type, a.properties.ariaLabel])])
    assert.equal(text(one(section('tag-feeds'), 'h2')), 'Feeds by tag')
    assert.deepEqual(rows('tag-feeds'), [
      [
        'R&D: RSS · Atom · JSON Feed',
        [
          ['tags/r-and-d/feed.xml', 'application/rss+xml', 'RSS: R&D'],
          ['tags/r-and-d/atom.xml', 'application/atom+xml', 'Atom: R&D'],
          ['tags/r-and-d/feed.json', 'application/feed+json', 'JSON Feed: R&D'],
        ],
      ],
      [
        'Україна: RSS · Atom · JSON Feed',
        [
          ['tags/ukraina/feed.xml', 'application/rss+xml', 'RSS: Україна'],
          ['tags/ukraina/atom.xml', 'application/atom+xml', 'Atom: Україна'],
          ['tags/ukraina/feed.json', 'application/feed+json', 'JSON Feed: Україна'],
        ],
      ],
    ])
    assert.equal(text(one(section('author-feeds'), 'h2')), 'Feeds by author')
    assert.deepEqual(
      rows('author-feeds').map(([line, links]) => [line, (links as string[][]).map(([href]) => href)]),
      [
        ['Ann Writer: RSS · Atom · JSON Feed', ['authors/ann-writer/feed.xml', 'authors/ann-writer/atom.xml', 'authors/ann-writer/feed.json']],
        ['Bo <b>: RSS · Atom · JSON Feed', ['authors/bo-b/feed.xml', 'authors/bo-b/atom.xml', 'authors/bo-b/feed.json']],
      ],
    )
    // Every link leads to a feed the build writes.
    const { articles, bodyOf } = rendered(sources(), settings)
    const written = new Set([...feedDocuments(articles, settings, bodyOf)].map((file) => file.path))
    const hrefs = ['tag-feeds', 'author-feeds'].flatMap((id) => all(section(id), 'a').map((a) => String(a.properties.href)))
    assert.equal(hrefs.length, 12)
    for (const href of hrefs) assert.ok(written.has(href), href)
  })

  test('leave the topic sections out when no article has a tag', () => {
    const home = parseHtml(pages([source({ title: 'Plain' })], settings).get('index.html') ?? '')
    assert.equal(all(home, 'section', (element) => String(element.properties.ariaLabelledBy) === 'tag-feeds').length, 0)
    assert.equal(all(home, 'section', (element) => String(element.properties.ariaLabelledBy) === 'author-feeds').length, 1)
  })

  test('link the 404 page with absolute URLs, since it is served at any address', () => {
    const missing = parseHtml(site.get('404.html') ?? '')
    assert.deepEqual(
      [...new Set(all(missing, 'a').map((a) => String(a.properties.href)).filter((href) => !href.startsWith('#')))],
      ['https://news.example.org/desk/', 'https://news.example.org/desk/feed.xml', 'https://news.example.org/desk/atom.xml', 'https://news.example.org/desk/feed.json'],
    )
  })

  test('point crawlers to a sitemap of our own pages, each with its last change', () => {
    assert.equal(
      site.get('robots.txt'),
      'User-agent: *\nAllow: /\n\n' +
        'Sitemap: https://news.example.org/desk/sitemap.xml\nSitemap: https://news.example.org/desk/news-sitemap.xml\nSitemap: https://news.example.org/desk/sitemap-index.xml\n',
    )
    const sitemap = parseXml(site.get('sitemap.xml') ?? '')
    assert.equal(sitemap.uri, 'http://www.sitemaps.org/schemas/sitemap/0.9')
    assert.deepEqual(
      findAll(sitemap, 'url').map((url) => url.children.map((child) => child.text)),
      [
        // Bare dates are midnight in the site's zone (Kyiv, UTC+2).
        ['https://news.example.org/desk/', '2026-01-07T22:00:00.000Z'],
        ['https://news.example.org/desk/2026/01/newest/', '2026-01-07T22:00:00.000Z'],
        ['https://news.example.org/desk/2026/01/older/', '2026-01-03T22:00:00.000Z'],
      ],
    )
  })

  test('never let an article whose canonical URL names the home page replace it: the site refuses it', () => {
    const squatter = source({ title: 'Squatter', canonical: 'https://news.example.org/desk/' })
    const site = buildSite([squatter], settings, { now: new Date('2026-02-01T00:00:00Z') })
    assert.equal(site.ok, false)
    assert.deepEqual([...site.output], [])
    assert.deepEqual(squatter.messages.filter((message) => message.fatal).map((message) => message.ruleId), ['output-clash'])
    assert.match(squatter.messages.find((message) => message.fatal)?.reason ?? '', /would be published as `index\.html`, which clashes with the site's own `index\.html`/)
  })

  test('are the same bytes for the same sources in any order', () => {
    const again = pages(
      [
        source({ title: 'Elsewhere', summary: 'Second.', date: '2026-01-05', canonical: 'https://partner.example/story/' }, 'Body.\n', 'articles/elsewhere.md'),
        source({ title: 'Newest <b>bold</b>', summary: 'Third & last.', date: '2026-01-06T10:00:00+02:00', updated: '2026-01-08' }, 'Body.\n', 'articles/newest.md'),
        source({ title: 'Older', summary: 'First.', date: '2026-01-04' }, 'Body.\n', 'articles/older.md'),
      ],
      settings,
    )
    assert.deepEqual(new Map([...again].sort()), new Map([...site].sort()))
  })

  test('say so on the home page when nothing is published yet', () => {
    const empty = parseHtml(pages([], settings).get('index.html') ?? '')
    assert.match(text(one(empty, 'main')), /Nothing has been published yet\./)
  })
})

describe('the site icon', () => {
  const icon = { url: 'https://news.example.org/desk/images/icon.png', width: 192, height: 192, type: 'image/png' }
  const logo = { url: 'https://news.example.org/desk/images/logo.png', width: 400, height: 100, type: 'image/png' }
  const story = source({ title: 'A story', date: '2026-01-04' }, 'Body.\n', 'articles/story.md')
  const head = (html: string) => all(parseHtml(html), 'link').filter((link) => /icon/.test(String(link.properties.rel))).map((link) => [String(link.properties.rel), link.properties.type, link.properties.sizes, link.properties.href])

  test('without one, every page links the icon made from the initials, which the site publishes', () => {
    const plain = pages([story], settings)
    assert.match(plain.get('icon.svg') ?? '', /^<svg [^>]*>.*>DC<\/text><\/svg>\n$/)
    assert.deepEqual(head(plain.get('index.html') ?? ''), [['icon', 'image/svg+xml', undefined, 'icon.svg']])
    assert.deepEqual(head(plain.get('2026/01/story/index.html') ?? ''), [['icon', 'image/svg+xml', undefined, '../../../icon.svg']])
    assert.deepEqual(head(plain.get('404.html') ?? ''), [['icon', 'image/svg+xml', undefined, 'https://news.example.org/desk/icon.svg']])
    const data = JSON.parse(text(one(parseHtml(plain.get('2026/01/story/index.html') ?? ''), 'script')))
    assert.equal(data.publisher.logo, undefined)
  })

  test('with one, pages link it with its size, as the apple-touch icon too, and structured data names the logo', () => {
    const branded = pages([story], { ...settings, siteImages: { icon, logo } })
    assert.equal(branded.has('icon.svg'), false)
    assert.deepEqual(head(branded.get('2026/01/story/index.html') ?? ''), [
      ['icon', 'image/png', '192x192', '../../../images/icon.png'],
      ['apple-touch-icon', undefined, undefined, '../../../images/icon.png'],
    ])
    const data = JSON.parse(text(one(parseHtml(branded.get('2026/01/story/index.html') ?? ''), 'script')))
    assert.deepEqual(data.publisher, {
      '@type': 'Organization',
      name: 'Desk & Co',
      url: 'https://news.example.org/desk/',
      logo: { '@type': 'ImageObject', url: logo.url, width: 400, height: 100 },
    })
  })
})

