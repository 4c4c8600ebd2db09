// RFC 5005 archives: a reader rebuilds the whole history from the links, and
// an archive's bytes change only with its own articles.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { feedDocuments } from '../../src/feeds/documents.ts'
import { calendarDate } from '../../src/dates.ts'
import { config, contents, parseXml, readFeed, rendered } from '../helpers.ts'
import { documents, files, historyNs, idsOf, readPage, story, walk, type Format } from './documents.ts'

const settings = config({ title: 'Desk & Co', feedItems: 3 })

/**
 * Five months, November empty; Ann Writer (the default byline) everywhere.
 * `feb-edge` is 31 January in UTC but 1 February in Kyiv, the site's zone.
 */
const sources = () => [
  story('oct-a', '2025-10-03T09:00:00+03:00', { tags: ['Ukraine'] }),
  story('oct-b', '2025-10-20T09:00:00+03:00', { tags: ['Europe'], author: 'Bo Reporter' }),
  story('dec-a', '2025-12-05T10:00:00+02:00', { tags: ['Ukraine', 'Europe'], author: ['Ann Writer', 'Bo Reporter'] }),
  story('dec-b', '2025-12-24T10:00:00+02:00', { tags: ['R&D'], updated: '2025-12-28T10:00:00+02:00' }),
  story('jan-a', '2026-01-02T08:00:00+02:00', { tags: ['Ukraine'] }),
  story('jan-b', '2026-01-15T08:00:00+02:00'),
  story('jan-c', '2026-01-20T08:00:00+02:00', { tags: ['Europe'] }),
  story('jan-d', '2026-01-20T08:00:00+02:00'),
  story('feb-edge', '2026-01-31T22:30:00Z', { tags: ['Ukraine'] }),
]
const { articles, bodyOf } = rendered(sources(), settings)
const output = documents(sources(), settings)
const formats: Format[] = ['rss', 'atom', 'json']
const id = (slug: string) => articles.find((article) => article.id.endsWith(`:${slug}`))?.id ?? assert.fail(`no ${slug}`)

/** Every document that carries the article `articleId`, in all three formats (read from the JSON Feed ones). */
function carrying(docs: ReadonlyMap<string, string>, articleId: string): string[] {
  return [...docs]
    .filter(([path, text]) => path.endsWith(files.json) && readPage('json', text).ids.includes(articleId))
    .flatMap(([path]) => Object.values(files).map((file) => path.slice(0, -files.json.length) + file))
    .sort()
}

/** Paths whose content differs between two builds, added and removed ones included. */
function changed(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((path) => before.get(path) !== after.get(path)).sort()
}

const inFolders = (folders: string[]) => folders.flatMap((folder) => Object.values(files).map((file) => folder + file)).sort()

describe('archives a reader can rebuild the history from', () => {
  for (const format of formats) {
    test(`${format}: following prev-archive from the subscription document reaches every month with articles, newest first`, () => {
      const { paths } = walk(output, format, files[format], settings)
      assert.deepEqual(paths, [files[format], ...['2026/02', '2026/01', '2025/12', '2025/10'].map((month) => `archive/${month}/${files[format]}`)])
    })

    test(`${format}: the archives hold every published article exactly once, and the subscription document the newest feedItems`, () => {
      const { subscription, archives } = walk(output, format, files[format], settings)
      const everything = idsOf(articles)
      // Newest month first, newest item first: together, the whole history in order, nothing lost or repeated.
      assert.deepEqual(archives.flatMap((page) => page.ids), everything)
      assert.equal(new Set(everything).size, articles.length)
      assert.deepEqual(subscription.ids, everything.slice(0, 3))
    })
  }

  test('puts each article in the archive of its month in the site\'s time zone, with all of that month\'s articles', () => {
    const archived = [...output].filter(([path]) => /(^|\/)archive\/\d{4}\/\d{2}\/feed\.json$/.test(path))
    assert.ok(archived.length > 10)
    for (const [path, text] of archived) {
      const month = path.match(/archive\/(\d{4}\/\d{2})\//)?.[1]
      const items = (JSON.parse(text) as { items: { id: string; date_published: string }[] }).items
      for (const item of items) {
        const { year, month: number } = calendarDate(new Date(item.date_published), settings.timeZone)
        assert.equal(`${year}/${number}`, month, `${item.id} in ${path}`)
      }
    }
    assert.deepEqual(readPage('json', output.get('archive/2026/02/feed.json') ?? '').ids, [id('feb-edge')])
    assert.deepEqual(readPage('json', output.get('archive/2026/01/feed.json') ?? '').ids, ['jan-c', 'jan-d', 'jan-b', 'jan-a'].map(id))
  })

  test('skips a month without articles: no archive for it, and December leads straight to October', () => {
    assert.equal([...output.keys()].some((path) => path.includes('2025/11')), false)
    const december = readPage('atom', output.get('archive/2025/12/atom.xml') ?? '')
    assert.equal(december.prevArchive, 'https://news.example.org/archive/2025/10/atom.xml')
    assert.equal(readPage('atom', output.get('archive/2025/10/atom.xml') ?? '').prevArchive, undefined)
  })

  test('never puts more than feedItems items in a subscription document, nor two months in an archive', () => {
    for (const [path, text] of output) {
      if (!path.endsWith('.json')) continue
      const { ids } = readPage('json', text)
      if (path.includes('archive/')) assert.ok(ids.length >= 1, path)
      else assert.ok(ids.length <= settings.feedItems, path)
    }
  })

  test('dates an archive by its newest update, never by the wall clock', (t) => {
    t.mock.timers.enable({ apis: ['Date'], now: new Date('2031-05-01T00:00:00Z') })
    const later = documents(sources(), settings)
    const updated = (path: string) => parseXml(later.get(path) ?? '').children.find((child) => child.name === 'updated')?.text
    assert.equal(updated('archive/2025/12/atom.xml'), '2025-12-28T08:00:00.000Z')
    assert.equal(updated('archive/2025/10/atom.xml'), '2025-10-20T06:00:00.000Z')
    assert.deepEqual(later, output)
  })

  test('marks archives, and only archives, with fh:archive in its namespace and a current link', () => {
    for (const [path, text] of output) {
      if (path.endsWith('.json') || path === 'feeds.opml') continue
      const isArchive = path.includes('archive/')
      const root = parseXml(text)
      assert.equal(root.attributes['xmlns:fh'] === historyNs, isArchive, path)
      const page = readPage(path.endsWith(files.rss) ? 'rss' : 'atom', text)
      assert.equal(page.archive, isArchive, path)
      assert.equal(page.current !== undefined, isArchive, path)
    }
  })

  test('gives JSON Feed archives their own feed_url and no hubs; only the subscription documents advertise the hub', () => {
    const hub = 'https://hub.example.org/'
    const withHub = config({ feedItems: 3, hub })
    const docs = documents(sources(), withHub)
    const hubs = (path: string) => (JSON.parse(docs.get(path) ?? '{}') as { hubs?: unknown }).hubs
    assert.deepEqual(hubs('feed.json'), [{ type: 'WebSub', url: hub }])
    assert.equal(hubs('archive/2026/01/feed.json'), undefined)
    assert.equal((JSON.parse(docs.get('archive/2026/01/feed.json') ?? '{}') as { feed_url: string }).feed_url, 'https://news.example.org/archive/2026/01/feed.json')
    assert.doesNotMatch(docs.get('archive/2026/01/atom.xml') ?? '', /rel="hub"/)
    assert.match(docs.get('atom.xml') ?? '', /rel="hub"/)
  })

  test('writes no archive and no archive link for a site with nothing published', () => {
    const empty = contents(feedDocuments([], settings, bodyOf))
    assert.deepEqual([...empty.keys()].sort(), ['atom.xml', 'feed.json', 'feed.xml', 'feeds.opml'])
    for (const format of formats) {
      const page = readPage(format, empty.get(files[format]) ?? '')
      assert.deepEqual([page.ids, page.prevArchive, page.archive], [[], undefined, false])
    }
  })

  test('writes documents that feed-parser reads too, with the items the strict parser sees', () => {
    for (const [path, text] of output) {
      if (!path.endsWith('.xml')) continue
      const strict = readPage(path.endsWith(files.rss) ? 'rss' : 'atom', text)
      assert.deepEqual(readFeed(text).items.map((item) => item.id), strict.ids, path)
    }
  })

  test('makes the feed view load its stylesheet from the site root, whatever the folder, and no script', () => {
    for (const [path, text] of output) {
      if (!path.endsWith('.xml')) continue
      const url = new URL(path, settings.url)
      const style = text.match(/^<\?xml-stylesheet type="text\/css" href="([^"]+)"\?>$/m)?.[1] ?? ''
      assert.equal(new URL(style, url).href, 'https://news.example.org/feed-view.css', path)
      assert.doesNotMatch(text, /<script|1999\/xhtml/, path)
    }
  })

  test('writes the same bytes for the same articles in any order', () => {
    assert.deepEqual([...documents(sources().reverse(), settings)].sort(), [...output].sort())
  })

  test('asks for each document\'s bodies only when it writes that document, so memory follows one document, not the archive', () => {
    let mapped = 0
    const counted = (article: (typeof articles)[number]) => {
      mapped++
      return bodyOf(article)
    }
    const iterator = feedDocuments(articles, config({ ...settings, archives: 'full' }), counted)
    const first = iterator.next().value
    assert.equal(first?.path, 'feed.xml')
    first?.content()
    assert.equal(mapped, settings.feedItems, 'only the newest feedItems before the first document')
    let items = settings.feedItems
    // Only whole items ask for a body: the site's documents (here, archives too); topic feeds carry teasers.
    for (const { path, content } of iterator) {
      const text = content()
      if (path.endsWith('.json') && path !== 'feed.json') items += readPage('json', text).ids.length
    }
    assert.ok(mapped <= items, `at most once per document item, for all three formats: ${mapped} > ${items}`)
  })
})

describe('the archive-stability rule: an archive changes only when one of its own articles does, or a neighbouring month comes or goes', () => {
  test('adding an article in a new, later month changes the documents that carry it, and the last month\'s RSS and Atom archives once: they gain next-archive', () => {
    const added = story('mar-a', '2026-03-03T09:00:00+02:00', { tags: ['Ukraine'] })
    const after = documents([...sources(), added], settings)
    const addedId = rendered([added], settings).articles[0]?.id ?? ''
    const difference = changed(output, after)
    const lastMonth = ['archive/2026/02/', 'authors/ann-writer/archive/2026/02/', 'tags/ukraine/archive/2026/02/'].flatMap((folder) => [folder + files.atom, folder + files.rss])
    assert.deepEqual(difference, [...carrying(after, addedId), ...lastMonth].sort())
    assert.deepEqual(
      difference,
      [...inFolders(['', 'archive/2026/03/', 'authors/ann-writer/', 'authors/ann-writer/archive/2026/03/', 'tags/ukraine/', 'tags/ukraine/archive/2026/03/']), ...lastMonth].sort(),
    )
    for (const format of ['rss', 'atom'] as const) {
      assert.equal(readPage(format, after.get(`archive/2026/02/${files[format]}`) ?? '').nextArchive, `https://news.example.org/archive/2026/03/${files[format]}`)
    }
    for (const [path, text] of output) if (path.includes('archive/') && !lastMonth.includes(path)) assert.equal(after.get(path), text, path)
  })

  test('adding an article to the current month changes its month\'s archive and the subscription documents, nothing older but where the month is new to a feed', () => {
    const added = story('feb-b', '2026-02-10T09:00:00+02:00', { author: 'Bo Reporter' })
    const after = documents([...sources(), added], settings)
    // February is the site's current month, but Bo Reporter's first since December, whose archive now leads to it.
    const boDecember = ['authors/bo-reporter/archive/2025/12/atom.xml', 'authors/bo-reporter/archive/2025/12/feed.xml']
    assert.deepEqual(changed(output, after), [...inFolders(['', 'archive/2026/02/', 'authors/bo-reporter/', 'authors/bo-reporter/archive/2026/02/']), ...boDecember].sort())
  })

  test('changing one article changes exactly the documents that carry it', () => {
    const edited = sources().map((file) =>
      file.path === 'articles/dec-a.md' ? story('dec-a', '2025-12-05T10:00:00+02:00', { tags: ['Ukraine', 'Europe'], author: ['Ann Writer', 'Bo Reporter'], summary: 'Corrected.' }) : file,
    )
    const after = documents(edited, settings)
    const difference = changed(output, after)
    assert.deepEqual(difference, carrying(output, id('dec-a')))
    // Its month's archive in each of its five feeds, and the subscription documents where it is among the newest three.
    assert.deepEqual(
      difference,
      inFolders([
        'archive/2025/12/',
        'authors/ann-writer/archive/2025/12/',
        'authors/bo-reporter/',
        'authors/bo-reporter/archive/2025/12/',
        'tags/europe/',
        'tags/europe/archive/2025/12/',
        'tags/ukraine/',
        'tags/ukraine/archive/2025/12/',
      ]),
    )
  })

  test('the one exception: an article back-dated into an empty month also changes the archives on either side, which must now lead to it', () => {
    const backdated = story('nov-a', '2025-11-10T09:00:00+02:00', { tags: ['R&D'] })
    const after = documents([...sources(), backdated], settings)
    // The next newer month's in all three formats (prev-archive, next_url); the next older one's in RSS and Atom (next-archive).
    // R&D had December alone, which its subscription documents held: it gets archives now, for both months.
    const nextNewer = inFolders(['archive/2025/12/', 'authors/ann-writer/archive/2025/12/', 'tags/r-and-d/archive/2025/12/'])
    const nextOlder = ['archive/2025/10/', 'authors/ann-writer/archive/2025/10/'].flatMap((folder) => [folder + files.atom, folder + files.rss])
    const difference = changed(output, after)
    assert.deepEqual(difference, [...new Set([...carrying(after, rendered([backdated], settings).articles[0]?.id ?? ''), ...nextNewer, ...nextOlder])].sort())
    for (const format of formats) {
      assert.deepEqual(walk(after, format, `tags/r-and-d/${files[format]}`, settings).paths.slice(1), [
        `tags/r-and-d/archive/2025/12/${files[format]}`,
        `tags/r-and-d/archive/2025/11/${files[format]}`,
      ])
    }
  })
})

describe('tombstones', () => {
  const tombstonesIn = (xml: string | undefined) =>
    parseXml(xml ?? '').children.filter((child) => child.name === 'deleted-entry').map((child) => child.attributes.ref)
  const retraction = (slug: string, published: string, at: string) => ({
    id: `tag:news.example.org,${published.slice(0, 10)}:${slug}`,
    url: `https://news.example.org/${published.slice(0, 7).replace('-', '/')}/${slug}/`,
    published: new Date(published),
    at: new Date(at),
    reason: 'Withdrawn.',
  })

  test('go in the subscription documents while they reach back to the retraction, and in the archive of the month that held it, for good', () => {
    const recent = retraction('gone', '2025-12-10T10:00:00Z', '2026-02-02T00:00:00Z')
    const old = retraction('long-ago', '2025-10-10T10:00:00Z', '2025-10-30T00:00:00Z')
    const docs = contents(feedDocuments(articles, settings, bodyOf, [recent, old]))
    // The subscription documents hold items back to 20 January: the October retraction is older.
    assert.deepEqual(tombstonesIn(docs.get('atom.xml')), [recent.id])
    assert.deepEqual(tombstonesIn(docs.get('archive/2025/12/atom.xml')), [recent.id])
    assert.deepEqual(tombstonesIn(docs.get('archive/2025/10/atom.xml')), [old.id])
    assert.deepEqual(tombstonesIn(docs.get('archive/2026/01/atom.xml')), [])
    // Only the site's feed: topic feeds do not know which topics the article had.
    assert.ok([...docs].every(([path, text]) => !/^(tags|authors)\//.test(path) || !text.includes('deleted-entry')))
    assert.deepEqual(JSON.parse(docs.get('feed.json') ?? '')._wirefeed.retractions.map((entry: { id: string }) => entry.id), [recent.id])
  })

  test('keep the archive of a month whose only article was retracted, with no items, in the chain', () => {
    const november = retraction('nov', '2025-11-10T10:00:00Z', '2026-02-02T00:00:00Z')
    const docs = contents(feedDocuments(articles, settings, bodyOf, [november]))
    assert.deepEqual(readPage('atom', docs.get('archive/2025/11/atom.xml') ?? '').ids, [])
    assert.deepEqual(tombstonesIn(docs.get('archive/2025/11/atom.xml')), [november.id])
    for (const format of formats) assert.ok(walk(docs, format, files[format], settings).paths.includes(`archive/2025/11/${files[format]}`))
  })

  test('need a time: a retraction without one (an id alone in the config) makes none', () => {
    const { at: _at, ...undated } = retraction('gone', '2025-12-10T10:00:00Z', '2026-02-02T00:00:00Z')
    assert.deepEqual(contents(feedDocuments(articles, settings, bodyOf, [undated])), output)
  })
})
