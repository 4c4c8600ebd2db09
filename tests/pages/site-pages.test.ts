import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { VFile } from 'vfile'
import type { Config } from '../../src/config.ts'
import { feedDocuments } from '../../src/feeds/documents.ts'
import { topicsOf } from '../../src/feeds/topics.ts'
import { pageFiles } from '../../src/pages/site-pages.ts'
import { buildSite } from '../../src/site.ts'
import { config, contents, findAll, parseXml, rendered, source } from '../helpers.ts'
import { all, hasClass, one, parseHtml, text } from './html.ts'

function pages(files: VFile[], settings: Config = config(), now = new Date('2026-01-09T00:00:00Z')) {
  const { articles, bodyOf } = rendered(files, settings)
  return contents(pageFiles(articles, topicsOf(articles, settings), settings, bodyOf, now))
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
      [
        '2026/01/newest/index.html',
        '2026/01/older/index.html',
        '404.html',
        'archive/2026/01/index.html',
        'archive/index.html',
        'authors/ann-writer/index.html',
        'index.html',
      ],
    )
    assert.equal(text(one(parseHtml(site.get('2026/01/newest/index.html') ?? ''), 'h1')), 'Newest <b>bold</b>')
  })

  test('lead the home page with the newest story, then list the others, newest first, with bylines, dates, summaries and working links', () => {
    const home = parseHtml(site.get('index.html') ?? '')
    const news = one(home, 'section', (section) => hasClass(section, 'news'))
    const lead = one(news, 'div', (div) => hasClass(div, 'lead-story'))
    const items = all(one(news, 'ul', (ul) => hasClass(ul, 'headlines')), 'li')
    assert.deepEqual(
      [lead, ...items].map((story) => [text(one(story, 'a')), one(story, 'a').properties.href, text(one(story, 'p', (p) => hasClass(p, 'meta'))), text(all(story, 'p')[0] ?? story)]),
      [
        ['Newest <b>bold</b>', '2026/01/newest/', 'By Ann Writer · January 6, 2026', 'Third & last.'],
        ['Elsewhere', 'https://partner.example/story/', 'By Ann Writer · January 5, 2026', 'Second.'],
        ['Older', '2026/01/older/', 'By Ann Writer · January 4, 2026', 'First.'],
      ],
    )
  })

  test('show the site\'s name once on the home page, as its masthead and only first-level heading', () => {
    const home = parseHtml(site.get('index.html') ?? '')
    assert.deepEqual(all(home, 'h1').map(text), ['Desk & Co'])
    assert.equal(text(one(home, 'p', (p) => hasClass(p, 'tagline'))), settings.description)
    assert.equal(one(home, 'a', (a) => hasClass(a, 'brand')).properties.ariaCurrent, 'page')
    assert.equal(all(home, 'main')[0]?.children.some((child) => child.type === 'element' && child.tagName === 'h1'), false)
    // Every other page keeps the name as a link home, and has a heading of its own.
    const article = parseHtml(site.get('2026/01/older/index.html') ?? '')
    assert.deepEqual([text(one(article, 'a', (a) => hasClass(a, 'brand'))), all(article, 'h1').map(text)], ['Desk & Co', ['Older']])
  })

  test('lead with the newest story\'s image, and give the others that have one a thumbnail the headline describes', () => {
    const image = (name: string) => ({ src: `https://news.example.org/desk/images/${name}.jpg`, alt: `The ${name}` })
    const pictured = pages(
      [
        source({ title: 'Lead', date: '2026-01-06', image: image('lead') }, 'Body.\n', 'articles/lead.md'),
        source({ title: 'Plain', date: '2026-01-05' }, 'Body.\n', 'articles/plain.md'),
        source({ title: 'Pictured', date: '2026-01-04', image: image('pictured') }, 'Body.\n', 'articles/pictured.md'),
      ],
      settings,
    )
    const news = one(parseHtml(pictured.get('index.html') ?? ''), 'section', (section) => hasClass(section, 'news'))
    assert.deepEqual(
      all(news, 'img').map((img) => [img.properties.src, img.properties.alt, img.properties.fetchPriority ?? img.properties.loading]),
      [
        ['https://news.example.org/desk/images/lead.jpg', 'The lead', 'high'],
        ['https://news.example.org/desk/images/pictured.jpg', '', 'lazy'],
      ],
    )
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
          ['tags/r-and-d/', undefined, undefined],
          ['tags/r-and-d/feed.xml', 'application/rss+xml', 'RSS: R&D'],
          ['tags/r-and-d/atom.xml', 'application/atom+xml', 'Atom: R&D'],
          ['tags/r-and-d/feed.json', 'application/feed+json', 'JSON Feed: R&D'],
        ],
      ],
      [
        'Україна: RSS · Atom · JSON Feed',
        [
          ['tags/ukraina/', undefined, undefined],
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
        ['Ann Writer: RSS · Atom · JSON Feed', ['authors/ann-writer/', 'authors/ann-writer/feed.xml', 'authors/ann-writer/atom.xml', 'authors/ann-writer/feed.json']],
        ['Bo <b>: RSS · Atom · JSON Feed', ['authors/bo-b/', 'authors/bo-b/feed.xml', 'authors/bo-b/atom.xml', 'authors/bo-b/feed.json']],
      ],
    )
    // Every link leads to a feed or a page the build writes.
    const { articles, bodyOf } = rendered(sources(), settings)
    const written = new Set([...feedDocuments(articles, settings, bodyOf), ...tagged.keys()].map((file) => (typeof file === 'string' ? file : file.path)))
    const hrefs = ['tag-feeds', 'author-feeds'].flatMap((id) => all(section(id), 'a').map((a) => String(a.properties.href)))
    assert.equal(hrefs.length, 16)
    for (const href of hrefs) assert.ok(written.has(href.endsWith('/') ? `${href}index.html` : href), href)
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
      [
        'https://news.example.org/desk/',
        'https://news.example.org/desk/feed.xml',
        'https://news.example.org/desk/atom.xml',
        'https://news.example.org/desk/feed.json',
        'https://news.example.org/desk/archive/',
      ],
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
        // A month's and an author's page: their articles' newest change (the one published elsewhere included).
        ['https://news.example.org/desk/archive/2026/01/', '2026-01-07T22:00:00.000Z'],
        ['https://news.example.org/desk/authors/ann-writer/', '2026-01-07T22:00:00.000Z'],
      ],
    )
  })

  test('say the sitemap is made of every article as a teaser, so a watcher keeps it through an edit to a body, which leaves its bytes as they were', () => {
    const sitemapOf = (body: string) => {
      const { articles, bodyOf } = rendered([source({ title: 'Older', date: '2026-01-04' }, body, 'articles/older.md'), source({ title: 'Newer', date: '2026-01-05' }, 'Body.\n', 'articles/newer.md')], settings)
      const file = [...pageFiles(articles, topicsOf(articles, settings), settings, bodyOf, new Date('2026-01-09T00:00:00Z'))].find((made) => made.path === 'sitemap.xml')
      return { ids: file?.madeOf?.articles.map((article) => article.id), whole: file?.madeOf?.whole, text: file?.content(), articles }
    }
    const [before, after] = [sitemapOf('Body.\n'), sitemapOf('A body edited, and longer than it was.\n')]
    assert.deepEqual(before.ids, before.articles.map((article) => article.id))
    assert.equal(before.whole, false)
    assert.equal(after.text, before.text)
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

describe('the pages readers browse (#21)', () => {
  const two = config({ url: 'https://news.example.org/desk/', title: 'Desk', feedItems: 2 })
  const story = (name: string, date: string, tags: string[] = ['Energy']) => source({ title: `Story ${name}`, summary: `${name}.`, date, tags }, 'Body.\n', `articles/${name}.md`)
  const browsed = pages([story('a', '2025-12-20'), story('b', '2026-01-02'), story('c', '2026-01-03', ['Grain']), story('d', '2026-01-04'), story('e', '2026-01-05')], two)
  /** The stories a page lists, the lead one first: headings of the third level on the front page, the second on every other list. */
  const headlines = (path: string) => {
    const main = one(parseHtml(browsed.get(path) ?? ''), 'main')
    return all(main, path === 'index.html' ? 'h3' : 'h2', (heading) => all(heading, 'a').length > 0).map(text)
  }
  const nav = (path: string) => all(all(parseHtml(browsed.get(path) ?? ''), 'nav')[0] ?? { type: 'root', children: [] }, 'li').map((li) => [text(li), all(li, 'a')[0]?.properties.href])

  test('cut the home page into pages of `feedItems`, newest first, each leading to the next and back', () => {
    assert.deepEqual([headlines('index.html'), headlines('page/2/index.html'), headlines('page/3/index.html')], [
      ['Story e', 'Story d'],
      ['Story c', 'Story b'],
      ['Story a'],
    ])
    assert.deepEqual(nav('index.html'), [['Page 1 of 3', undefined], ['Older articles', 'page/2/']])
    assert.deepEqual(nav('page/2/index.html'), [['Newer articles', '../../'], ['Page 2 of 3', undefined], ['Older articles', '../3/']])
    assert.deepEqual(nav('page/3/index.html'), [['Newer articles', '../2/'], ['Page 3 of 3', undefined]])
    const second = parseHtml(browsed.get('page/2/index.html') ?? '')
    // The masthead names the site: the heading says which page of the news this is, in the site's words.
    assert.equal(text(one(second, 'h1')), 'Latest headlines — page 2 of 3')
    assert.equal(text(one(second, 'title')), 'Latest headlines — page 2 of 3 – Desk')
    assert.deepEqual(all(second, 'link', (link) => ['prev', 'next'].includes(String(link.properties.rel))).map((link) => link.properties.href), ['../../', '../3/'])
    assert.equal(all(second, 'section', (section) => String(section.properties.ariaLabelledBy) === 'subscribe').length, 0)
    assert.equal(browsed.has('page/1/index.html'), false)
  })

  test("give each tag and author a page at its feeds' folder: its name, its feeds first for autodiscovery, its newest articles, then older pages", () => {
    assert.deepEqual([headlines('tags/energy/index.html'), headlines('tags/energy/page/2/index.html'), headlines('tags/grain/index.html')], [
      ['Story e', 'Story d'],
      ['Story b', 'Story a'],
      ['Story c'],
    ])
    const energy = parseHtml(browsed.get('tags/energy/index.html') ?? '')
    assert.equal(text(one(energy, 'h1')), 'Energy')
    assert.equal(all(energy, 'link', (link) => String(link.properties.rel) === 'alternate')[0]?.properties.href, 'feed.xml')
    assert.deepEqual(all(one(energy, 'p', (p) => hasClass(p, 'follow')), 'a').map((a) => [a.properties.href, a.properties.ariaLabel]), [
      ['feed.xml', 'RSS: Energy'],
      ['atom.xml', 'Atom: Energy'],
      ['feed.json', 'JSON Feed: Energy'],
    ])
    assert.equal(one(energy, 'link', (link) => String(link.properties.rel) === 'canonical').properties.href, 'https://news.example.org/desk/tags/energy/')
    assert.equal(text(one(parseHtml(browsed.get('authors/ann-writer/page/3/index.html') ?? ''), 'h1')), 'Ann Writer — page 3 of 3')
  })

  test("give each topic a page for each month its feed has an archive of, at that archive's folder, and link it from the topic's pages", () => {
    // Energy has December (a) and January (b, d, e); Grain, one month its feed holds whole, has no archive and no month pages.
    assert.deepEqual(headlines('tags/energy/archive/2026/01/index.html'), ['Story e', 'Story d', 'Story b'])
    assert.deepEqual(headlines('tags/energy/archive/2025/12/index.html'), ['Story a'])
    assert.equal([...browsed.keys()].some((path) => path.startsWith('tags/grain/archive/')), false)
    const december = parseHtml(browsed.get('tags/energy/archive/2025/12/index.html') ?? '')
    assert.equal(text(one(december, 'h1')), 'December 2025')
    assert.deepEqual(all(one(december, 'p', (p) => hasClass(p, 'kicker')), 'a').map((a) => [text(a), a.properties.href]), [['Energy', '../../../']])
    assert.equal(text(one(december, 'p', (p) => hasClass(p, 'standfirst'))), 'Every article on Energy that Desk published in December 2025.')
    assert.deepEqual(nav('tags/energy/archive/2025/12/index.html'), [['Later: January 2026', '../../2026/01/']])
    // The month's own feeds first, then the site's (src/pages/layout.ts).
    assert.deepEqual(all(december, 'link', (link) => String(link.properties.rel) === 'alternate').map((link) => link.properties.href).slice(0, 3), ['feed.xml', 'atom.xml', 'feed.json'])
    for (const path of ['tags/energy/index.html', 'tags/energy/page/2/index.html']) {
      const months = one(parseHtml(browsed.get(path) ?? ''), 'nav', (nav) => String(nav.properties.ariaLabelledBy) === 'months')
      assert.deepEqual(all(months, 'a').map(text), ['January 2026', 'December 2025'], path)
    }
    assert.equal(all(parseHtml(browsed.get('tags/grain/index.html') ?? ''), 'nav', (nav) => String(nav.properties.ariaLabelledBy) === 'months').length, 0)
  })

  test('give each month a page listing all its articles, leading to the months on either side, with its archive feeds', () => {
    assert.deepEqual(headlines('archive/2026/01/index.html'), ['Story e', 'Story d', 'Story c', 'Story b'])
    assert.deepEqual(nav('archive/2026/01/index.html'), [['Earlier: December 2025', '../../2025/12/']])
    assert.deepEqual(nav('archive/2025/12/index.html'), [['Later: January 2026', '../../2026/01/']])
    const december = parseHtml(browsed.get('archive/2025/12/index.html') ?? '')
    assert.deepEqual(all(one(december, 'p', (p) => hasClass(p, 'follow')), 'a').map((a) => a.properties.href), ['feed.xml', 'atom.xml', 'feed.json'])
    const archive = parseHtml(browsed.get('archive/index.html') ?? '')
    assert.deepEqual(all(archive, 'h2').map(text), ['2026', '2025'])
    assert.deepEqual(all(one(archive, 'main'), 'li').map((li) => [text(li), one(li, 'a').properties.href]), [
      ['January 2026 (4)', '2026/01/'],
      ['December 2025 (1)', '2025/12/'],
    ])
  })

  test("link an article's tags and bylines to their pages", () => {
    const article = parseHtml(browsed.get('2026/01/c/index.html') ?? '')
    assert.deepEqual(all(one(article, 'ul', (ul) => hasClass(ul, 'tags')), 'a').map((a) => [text(a), a.properties.href]), [['Grain', '../../../tags/grain/']])
    assert.deepEqual(all(one(article, 'p', (p) => hasClass(p, 'meta')), 'a').map((a) => [text(a), a.properties.href]), [['Ann Writer', '../../../authors/ann-writer/']])
  })
})

describe('sections (#21)', () => {
  const desk = config({ url: 'https://news.example.org/desk/', title: 'Desk', sections: ['World', 'Business', 'Sport'] })
  const story = (name: string, date: string, section?: string) =>
    source({ title: `Story ${name}`, summary: `${name}.`, date, tags: ['Energy'], ...(section && { section }) }, 'Body.\n', `articles/${name}.md`)
  const site = pages([story('w', '2026-01-04', 'World'), story('b', '2026-01-05', 'Business'), story('n', '2026-01-06')], desk)
  const page = (path: string) => parseHtml(site.get(path) ?? '')
  const kickers = (path: string) => all(one(page(path), 'main'), 'p', (p) => hasClass(p, 'kicker')).map((p) => [text(p), all(p, 'a')[0]?.properties.href])

  test("gives each section with articles a page at its feeds' folder, and one with none no page", () => {
    const world = page('sections/world/index.html')
    assert.equal(text(one(world, 'h1')), 'World')
    assert.equal(text(one(world, 'p', (p) => hasClass(p, 'standfirst'))), 'The latest articles in World from Desk.')
    assert.equal(all(world, 'link', (link) => String(link.properties.rel) === 'alternate')[0]?.properties.href, 'feed.xml')
    assert.equal(JSON.parse(text(one(world, 'script'))).name, 'World')
    // Its stories, without their section over each: every one is in it.
    assert.deepEqual(kickers('sections/world/index.html'), [['Section', undefined]])
    assert.equal(site.has('sections/sport/index.html'), false)
  })

  test("shows an article's section over its headline, linked to its page, and as JSON-LD `articleSection`", () => {
    const article = page('2026/01/w/index.html')
    assert.deepEqual(kickers('2026/01/w/index.html'), [['World', '../../../sections/world/']])
    const data = JSON.parse(text(all(article, 'script', (script) => script.properties.type === 'application/ld+json')[0] ?? one(article, 'main')))
    assert.equal(data.articleSection, 'World')
    assert.deepEqual(kickers('2026/01/n/index.html'), [])
    assert.equal(JSON.parse(text(all(page('2026/01/n/index.html'), 'script', (script) => script.properties.type === 'application/ld+json')[0] ?? one(article, 'main'))).articleSection, undefined)
  })

  test('shows each listed story’s section, and offers the sections’ feeds on the front page in the config’s order', () => {
    assert.deepEqual(kickers('index.html'), [
      ['Business', 'sections/business/'],
      ['World', 'sections/world/'],
    ])
    assert.deepEqual(kickers('tags/energy/index.html').slice(1), [
      ['Business', '../../sections/business/'],
      ['World', '../../sections/world/'],
    ])
    const front = page('index.html')
    const feeds = one(front, 'section', (section) => String(section.properties.ariaLabelledBy) === 'section-feeds')
    assert.equal(text(one(feeds, 'h2')), 'Feeds by section')
    assert.deepEqual(all(feeds, 'li').map((li) => all(li, 'a')[0]).map((a) => a && [text(a), a.properties.href]), [
      ['World', 'sections/world/'],
      ['Business', 'sections/business/'],
    ])
  })
})
