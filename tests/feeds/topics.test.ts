// Topic feeds: one per tag and per author, with the site feed's limits and
// archives, at stable URL-safe paths, all listed in feeds.opml.
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import { sectionPage, topicsOf, topicSlugs } from '../../src/feeds/topics.ts'
import { config, findAll, parseXml, readFeed, rendered } from '../helpers.ts'
import { documents, files, idsOf, story, walk, type Format } from './documents.ts'

const settings = config({ url: 'https://news.example.org/desk/', title: 'Desk & <Co>', feedItems: 2 })

const sources = () => [
  story('one', '2025-11-03T09:00:00+02:00', { tags: ['Ukraine', 'R&D'], author: ['Ann Writer', 'Bo Reporter'] }),
  story('two', '2025-12-04T09:00:00+02:00', { tags: ['Ukraine'], author: 'Clé Auteur' }),
  story('three', '2026-01-05T09:00:00+02:00', { tags: ['ukraine', 'Україна'] }),
  story('four', '2026-01-06T09:00:00+02:00', { tags: ['Ukraine', '中国'], author: 'Bo Reporter' }),
  story('five', '2026-01-07T09:00:00+02:00', { tags: ['Ukraine', 'Ukraine'] }),
]
const { articles } = rendered(sources(), settings)
const output = documents(sources(), settings)
const formats: Format[] = ['rss', 'atom', 'json']
const hash8 = (name: string) => createHash('sha256').update(name).digest('hex').slice(0, 8)

/** Every subscription document URL the build writes, the site's own included. */
const subscriptions = [...output.keys()]
  .filter((path) => !path.includes('archive/') && Object.values(files).some((file) => path.endsWith(file)))
  .map((path) => settings.url + path)
  .sort()

describe('topic feeds', () => {
  test('gives every tag and every author its own folder, with a URL-safe, readable slug where one is free', () => {
    const folders = [...new Set(subscriptions.map((url) => url.slice(settings.url.length).replace(/[^/]*$/, '')))].sort()
    assert.deepEqual(folders, [
      '',
      'authors/ann-writer/',
      'authors/bo-reporter/',
      'authors/cle-auteur/',
      'tags/r-and-d/',
      `tags/tag--${hash8('中国')}/`,
      'tags/ukraina/',
      `tags/ukraine--${hash8('Ukraine')}/`,
      `tags/ukraine--${hash8('ukraine')}/`,
    ])
  })

  for (const format of formats) {
    test(`${format}: each topic feed holds its newest feedItems articles, and its archives all of them, once each (none while it holds them all in one month)`, () => {
      for (const [kind, field] of [['tags', 'tags'], ['authors', 'authors']] as const) {
        for (const url of subscriptions.filter((url) => url.endsWith(files[format]) && url.includes(`/${kind}/`))) {
          const start = url.slice(settings.url.length)
          const { subscription, archives } = walk(output, format, start, settings)
          // The topic's name, read back from the Atom title "Desk & <Co> — name".
          const title = findAll(parseXml(output.get(start.replace(files[format], files.atom)) ?? ''), 'title')[0]?.text ?? ''
          const name = title.replace('Desk & <Co> — ', '')
          const expected = idsOf(articles.filter((article) => article[field].includes(name)))
          assert.ok(expected.length > 0, `${start}: ${name}`)
          // One month that the subscription document holds whole has no archive, which would only repeat it.
          const whole = expected.length <= settings.feedItems && new Set(articles.filter((article) => expected.includes(article.id)).map((article) => article.date.toISOString().slice(0, 7))).size === 1
          assert.equal(archives.length === 0, whole, start)
          assert.deepEqual(whole ? subscription.ids : archives.flatMap((page) => page.ids), expected, start)
          assert.deepEqual(subscription.ids, expected.slice(0, settings.feedItems), start)
        }
      }
    })
  }

  test('names a topic feed after the site and the topic, in every format, and keeps its own id', () => {
    const folder = 'authors/cle-auteur/'
    assert.equal(readFeed(output.get(`${folder}feed.xml`) ?? '').title, 'Desk & <Co> — Clé Auteur')
    assert.equal(readFeed(output.get(`${folder}atom.xml`) ?? '').title, 'Desk & <Co> — Clé Auteur')
    assert.equal(JSON.parse(output.get(`${folder}feed.json`) ?? '{}').title, 'Desk & <Co> — Clé Auteur')
    const id = parseXml(output.get(`${folder}atom.xml`) ?? '').children.find((child) => child.name === 'id')?.text
    assert.equal(id, 'https://news.example.org/desk/authors/cle-auteur/')
    // An archive belongs to the same logical feed, so it has the same id (Bo Reporter's feed has two months).
    const archiveId = parseXml(output.get('authors/bo-reporter/archive/2025/11/atom.xml') ?? '').children.find((child) => child.name === 'id')?.text
    assert.equal(archiveId, 'https://news.example.org/desk/authors/bo-reporter/')
    const boId = parseXml(output.get('authors/bo-reporter/atom.xml') ?? '').children.find((child) => child.name === 'id')?.text
    assert.equal(archiveId, boId)
  })

  test('keeps a topic\'s name out of the RSS channel description, which readers may take for HTML', () => {
    const tagged = documents([story('html', '2026-01-05T09:00:00+02:00', { tags: ['<b>bold</b>'] })], settings)
    const rss = parseXml(tagged.get('tags/b-bold-b/feed.xml') ?? '')
    assert.equal(findAll(rss, 'description')[0]?.text, 'News from the wirefeed newsroom')
    assert.equal(findAll(rss, 'title')[0]?.text, 'Desk & <Co> — <b>bold</b>')
  })

  test('advertises no WebSub hub in topic feeds, which `wirefeed ping` does not announce', () => {
    const docs = documents(sources(), config({ feedItems: 2, hub: 'https://hub.example.org/' }))
    assert.match(docs.get('atom.xml') ?? '', /rel="hub"/)
    assert.doesNotMatch(docs.get('authors/ann-writer/atom.xml') ?? '', /rel="hub"/)
    assert.equal(JSON.parse(docs.get('authors/ann-writer/feed.json') ?? '{}').hubs, undefined)
  })
})

describe('topicSlugs', () => {
  test('transliterates names into lower-case Latin words joined by hyphens', () => {
    const slugs = topicSlugs(['Ukraine', 'Україна', 'R&D', 'Clé Auteur', 'Київ'], 'tag')
    assert.deepEqual(Object.fromEntries(slugs), { Ukraine: 'ukraine', Україна: 'ukraina', 'R&D': 'r-and-d', 'Clé Auteur': 'cle-auteur', Київ: 'kyiv' })
  })

  test('gives names that would share a slug each a hash of its own name, so neither takes the other\'s folder', () => {
    const slugs = topicSlugs(['Ukraine', 'ukraine', 'R&D', 'R and D'], 'tag')
    assert.deepEqual(Object.fromEntries(slugs), {
      Ukraine: `ukraine--${hash8('Ukraine')}`,
      ukraine: `ukraine--${hash8('ukraine')}`,
      'R&D': `r-and-d--${hash8('R&D')}`,
      'R and D': `r-and-d--${hash8('R and D')}`,
    })
  })

  test('gives a name with nothing to transliterate its kind and a hash', () => {
    assert.equal(topicSlugs(['中国'], 'tag').get('中国'), `tag--${hash8('中国')}`)
    assert.equal(topicSlugs(['🇺🇦'], 'author').get('🇺🇦'), `author--${hash8('🇺🇦')}`)
  })

  test('gives a name the authors\' register gives a slug that one, and hashes a name whose own slug the register gave another', () => {
    const slugs = topicSlugs(['Ann Writer', 'Ann', 'Bo Reporter'], 'author', new Map([['Ann Writer', 'ann']]))
    assert.deepEqual(Object.fromEntries(slugs), { 'Ann Writer': 'ann', Ann: `ann--${hash8('Ann')}`, 'Bo Reporter': 'bo-reporter' })
  })

  test('never lets a plain slug equal a hashed one', () => {
    const clash = `ukraine--${hash8('Ukraine')}`
    const slugs = topicSlugs(['Ukraine', 'ukraine', clash], 'tag')
    assert.equal(new Set(slugs.values()).size, 3)
    assert.equal(slugs.get('Ukraine'), clash)
  })

  test('gives each name the same slug whatever order the names come in, and whatever unrelated names join them', () => {
    const names = ['Ukraine', 'ukraine', '中国', 'Europe', 'R&D']
    const reference = Object.fromEntries(topicSlugs(names, 'tag'))
    for (const order of [[...names].reverse(), [names[2], names[0], names[4], names[1], names[3]] as string[]]) {
      assert.deepEqual(Object.fromEntries(topicSlugs(order, 'tag')), reference)
    }
    const more = topicSlugs([...names, 'Asia', 'Київ', '日本'], 'tag')
    for (const name of names) assert.equal(more.get(name), reference[name], name)
  })

  test('makes unique, URL-safe slugs for arbitrary names', () => {
    const name = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('Ukraine', 'ukraine', 'UKRAINE', 'R&D', 'R and D', '中国', '日本', ''))
    fc.assert(
      fc.property(fc.uniqueArray(name, { maxLength: 12 }), (names) => {
        const slugs = [...topicSlugs(names, 'tag').values()]
        assert.equal(slugs.length, names.length)
        assert.equal(new Set(slugs).size, slugs.length)
        for (const slug of slugs) assert.match(slug, /^[a-z0-9]+(-[a-z0-9]+)*(--[0-9a-f]{8,64})?$/)
      }),
      { numRuns: 200 },
    )
  })
})

describe('feeds.opml', () => {
  const opml = parseXml(output.get('feeds.opml') ?? '')

  test('is OPML 2.0 that a strict XML parser reads, titled after the site', () => {
    assert.equal(opml.name, 'opml')
    assert.equal(opml.attributes.version, '2.0')
    assert.equal(findAll(opml, 'title')[0]?.text, 'Desk & <Co>: all feeds')
  })

  test('lists every subscription document the build writes, each once, and no archive', () => {
    const listed = findAll(opml, 'outline').flatMap((outline) => (outline.attributes.xmlUrl ? [outline.attributes.xmlUrl] : []))
    assert.equal(new Set(listed).size, listed.length)
    assert.deepEqual([...listed].sort(), subscriptions)
    assert.equal(listed.length, 9 * 3)
  })

  test('groups the feeds in three folders, each feed named by its title and format, and linked to its page', () => {
    const body = opml.children.find((child) => child.name === 'body')
    assert.deepEqual(body?.children.map((folder) => [folder.attributes.text, folder.children.length]), [
      ['Desk & <Co>', 3],
      ['Desk & <Co> — by tag', 5 * 3],
      ['Desk & <Co> — by author', 3 * 3],
    ])
    const first = body?.children[1]?.children[0]?.attributes
    assert.deepEqual(first, {
      type: 'rss',
      text: 'Desk & <Co> — R&D (RSS)',
      xmlUrl: 'https://news.example.org/desk/tags/r-and-d/feed.xml',
      // The tag's page, where its feeds' alternate link leads.
      htmlUrl: 'https://news.example.org/desk/tags/r-and-d/',
      language: 'en',
    })
  })

  test('changes only when a topic is added, not with every article', () => {
    const more = documents([...sources(), story('six', '2026-01-08T09:00:00+02:00', { tags: ['Ukraine'] })], settings)
    assert.equal(more.get('feeds.opml'), output.get('feeds.opml'))
    const newTopic = documents([...sources(), story('six', '2026-01-08T09:00:00+02:00', { tags: ['Asia'] })], settings)
    assert.notEqual(newTopic.get('feeds.opml'), output.get('feeds.opml'))
  })
})

test('topic feeds carry the standfirst and a link, not the full text, which the site feed has', () => {
  const built = documents([story('tagged', '2026-01-05T09:00:00+02:00', { tags: ['Energy'], summary: 'What happened.' })], settings)
  const topic = JSON.parse(built.get('tags/energy/feed.json') ?? '{}')
  const url = topic.items[0].url
  assert.equal(topic.items[0].content_html, `<p>What happened.</p><p><a href="${url}">Read the article</a></p>`)
  assert.equal(JSON.parse(built.get('feed.json') ?? '{}').items[0].content_html, '<p>Body of tagged.</p>')
})

describe('section feeds', () => {
  const desk = config({ url: 'https://news.example.org/desk/', title: 'Desk', feedItems: 2, sections: ['World', 'Business', 'Sport'] })
  const stories = () => [
    story('dec', '2025-12-04T09:00:00+02:00', { section: 'World' }),
    story('jan', '2026-01-05T09:00:00+02:00', { section: 'World' }),
    story('feb', '2026-01-06T09:00:00+02:00', { section: 'World' }),
    story('biz', '2026-01-07T09:00:00+02:00', { section: 'Business' }),
    story('none', '2026-01-08T09:00:00+02:00'),
  ]
  const built = documents(stories(), desk)
  const { articles: shown } = rendered(stories(), desk)

  test("gives each section with articles a feed at `sections/<slug>/`, in the config's order, and one with none no feed", () => {
    const sections = topicsOf(shown, desk).filter((topic) => topic.kind === 'section')
    assert.deepEqual(sections.map((topic) => [topic.name, topic.feed.folder, topic.articles.length]), [
      ['World', 'sections/world/', 3],
      ['Business', 'sections/business/', 1],
    ])
    assert.equal([...built.keys()].some((path) => path.startsWith('sections/sport/')), false)
    // Known from the config alone, so a story's section links to its page whatever else is published.
    assert.equal(sectionPage('Sport', desk), 'https://news.example.org/desk/sections/sport/')
  })

  test('writes documents an independent parser reads, named after the site and the section, holding only its articles', () => {
    const feed = readFeed(built.get('sections/world/feed.xml') ?? '')
    assert.equal(feed.title, 'Desk — World')
    assert.equal(feed.url, 'https://news.example.org/desk/sections/world/')
    assert.deepEqual(feed.items.map((item) => item.title), ['Story feb', 'Story jan'])
    assert.deepEqual(readFeed(built.get('sections/business/atom.xml') ?? '').items.map((item) => item.title), ['Story biz'])
    assert.deepEqual(JSON.parse(built.get('sections/world/feed.json') ?? '{}').items.map((item: { title: string }) => item.title), ['Story feb', 'Story jan'])
  })

  test("archives a section's months as RFC 5005 archives, each document's alternate link its month's page", () => {
    for (const format of formats) {
      const { paths } = walk(built, format, `sections/world/${files[format]}`, desk)
      assert.deepEqual(paths, [`sections/world/${files[format]}`, `sections/world/archive/2026/01/${files[format]}`, `sections/world/archive/2025/12/${files[format]}`])
    }
    assert.equal(readFeed(built.get('sections/world/archive/2025/12/atom.xml') ?? '').url, 'https://news.example.org/desk/sections/world/archive/2025/12/')
    assert.equal(JSON.parse(built.get('sections/world/archive/2026/01/feed.json') ?? '{}').home_page_url, 'https://news.example.org/desk/sections/world/archive/2026/01/')
    // The subscription documents' alternate link stays the section's page.
    assert.equal(readFeed(built.get('sections/world/atom.xml') ?? '').url, 'https://news.example.org/desk/sections/world/')
  })

  test('lists them in feeds.opml in a folder of their own, before tags and authors, in the config’s order', () => {
    const body = parseXml(built.get('feeds.opml') ?? '').children.find((child) => child.name === 'body')
    assert.deepEqual(body?.children.map((folder) => folder.attributes.text), ['Desk', 'Desk — by section', 'Desk — by author'])
    assert.deepEqual(
      body?.children[1]?.children.map((outline) => [outline.attributes.text, outline.attributes.htmlUrl]),
      ['World', 'Business'].flatMap((name) =>
        ['RSS', 'Atom', 'JSON Feed'].map((format) => [`Desk — ${name} (${format})`, `https://news.example.org/desk/sections/${name.toLowerCase()}/`]),
      ),
    )
  })
})
