import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { test } from 'node:test'
import { VFile } from 'vfile'
import { comparableLink, idRuleOf, matchItems, readOldFeed, type OldFeed } from '../../src/create/old-feed.ts'
import { fixtures } from '../helpers.ts'

function feed(value: string, path = 'old.xml'): { file: VFile; feed: OldFeed | undefined } {
  const file = new VFile({ path, value })
  return { file, feed: readOldFeed(file) }
}

const rss = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Old</title><link>https://old.example.org/</link><description>d</description>
<item><title>First &amp; best</title><link>https://old.example.org/2020/08/24/first/</link><pubDate>Mon, 24 Aug 2020 00:00:00 +0000</pubDate><guid isPermaLink="false">post-1</guid></item>
<item><title>No guid</title><link>https://old.example.org/2020/08/25/second/index.html</link><pubDate>Tue, 25 Aug 2020 23:30:00 -0800</pubDate></item>
</channel></rss>`

test('reads RSS by its content: the guid, else the link, as readers key items; the day and offset as written', () => {
  const { feed: read } = feed(rss, 'old.json')
  assert.deepEqual(read?.items.map(({ place, ...item }) => [item, place?.line, place?.column]), [
    [{ id: 'post-1', link: 'https://old.example.org/2020/08/24/first/', title: 'First & best', day: '2020-08-24', offset: 0 }, 3, 1],
    [{ id: 'https://old.example.org/2020/08/25/second/index.html', link: 'https://old.example.org/2020/08/25/second/index.html', title: 'No guid', day: '2020-08-25', offset: -480 }, 4, 1],
  ])
})

test('reads Atom and JSON Feed', () => {
  const atom = feed(`<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:x</id><updated>2026-01-06T00:00:00Z</updated>
<entry><title>A</title><id>https://x.example/a</id><link href="https://x.example/a/"/><published>2026-01-06T02:00:00+02:00</published><updated>2026-01-07T00:00:00Z</updated></entry></feed>`)
  assert.deepEqual(atom.feed?.items.map(({ place, ...item }) => item), [{ id: 'https://x.example/a', link: 'https://x.example/a/', title: 'A', day: '2026-01-06', offset: 120 }])
  const json = feed(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 't', items: [{ id: 7, url: 'https://x.example/b/', title: 'B', date_published: '2026-01-06' }] }), 'feed.xml')
  assert.deepEqual(json.feed?.items.map(({ place, ...item }) => [item, place?.line, place?.column]), [[{ id: '7', link: 'https://x.example/b/', title: 'B', day: '2026-01-06' }, 1, 1 + String(json.file.value).indexOf('"id":7')]])
})

test('reports a file that is no feed, and gives nothing', () => {
  for (const text of ['<html><body>Not a feed</body></html>', '{"version": "1", "items": []}', '{ broken']) {
    const { file, feed: read } = feed(text)
    assert.equal(read, undefined, text)
    assert.deepEqual(file.messages.map((message) => [message.ruleId, message.fatal]), [['import-feed-unreadable', true]])
  }
})

test('compares links without a trailing index.html or slash, and nothing else', () => {
  assert.equal(comparableLink('https://x.example/a/index.html'), 'https://x.example/a')
  assert.equal(comparableLink('https://x.example/a/'), 'https://x.example/a')
  assert.notEqual(comparableLink('http://x.example/a/'), comparableLink('https://x.example/a/'))
  assert.notEqual(comparableLink('https://x.example/A/'), comparableLink('https://x.example/a/'))
})

test('matches by link first, then by headline and day, each item once, and reports the items left', () => {
  const { file, feed: read } = feed(rss)
  assert.ok(read)
  const matches = matchItems(
    read,
    [
      { url: 'https://old.example.org/2020/08/25/second', title: 'Renamed', date: '2020-08-26' },
      { title: 'FIRST & best', date: '2020-08-24' },
      { title: 'First & best', date: '2020-08-24' },
    ],
    'UTC',
  )
  assert.deepEqual(matches.map((item) => item?.title), ['No guid', 'First & best', undefined])
  assert.deepEqual(file.messages, [])
  const { file: other, feed: again } = feed(rss)
  assert.deepEqual(matchItems(again as OldFeed, [{ title: 'First & best', date: '2020-08-23' }], 'UTC'), [undefined])
  assert.deepEqual(other.messages.map((message) => [message.ruleId, message.line, message.fatal]), [
    ['import-feed-item-left', 3, false],
    ['import-feed-item-left', 4, false],
  ])
})

test("matches a Jekyll post on the day its feed wrote, in the site's zone, and typographic quotes as typed", async () => {
  const value = await readFile(new URL('archives/jekyll/old.xml', fixtures), 'utf8')
  const { feed: read } = feed(value)
  assert.ok(read)
  const matches = matchItems(
    read,
    [
      { title: 'Jekyll 1.0.0 Released', date: '2013-05-06 02:12:52 +0200' },
      { title: "Meet Jekyll's New Lead Developer", date: '"2018-02-19 20:48:09 -0500"'.slice(1, -1) },
      { title: 'Making it easier to contribute to Jekyll', date: '2016-03-10' },
    ],
    'Europe/Kyiv',
  )
  assert.deepEqual(matches.map((item) => item?.id), [
    'https://jekyllrb.com/news/2013/05/05/jekyll-1-0-0-released',
    'https://jekyllrb.com/news/2018/02/19/meet-jekyll-s-new-lead-developer',
    'https://jekyllrb.com/news/2016/03/10/making-it-easier-to-contribute-to-jekyll',
  ])
})

test('finds the rule the old feed made ids by, when every item follows it', () => {
  const made = (pairs: Array<[string, string]>) => ({ file: new VFile(), items: pairs.map(([id, link]) => ({ id, link })) })
  assert.equal(idRuleOf(made([['https://x/a/', 'https://x/a/']]))?.id('https://x/b/'), 'https://x/b/')
  assert.equal(idRuleOf(made([['https://x/a', 'https://x/a/']]))?.id('https://x/b/'), 'https://x/b')
  assert.equal(idRuleOf(made([['https://x/a', 'https://x/a/'], ['https://x/b/', 'https://x/b/']])), undefined)
  assert.equal(idRuleOf(made([['post-1', 'https://x/a/']])), undefined)
  assert.equal(idRuleOf(made([])), undefined)
})
