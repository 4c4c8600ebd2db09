// Feed documents against reviewed copies in tests/fixtures/<case>/expected/
// (rewrite them with UPDATE=1 and review the diff), each also read back by
// real parsers: the newsroom's topic feeds and feeds.opml (its three
// subscription documents are checked by tests/cli.test.ts; it has one
// month, which its subscription documents hold whole, so no archive), and
// every feed document of the record newsroom (tests/feeds/record.test.ts),
// archives and tombstones included.
import assert from 'node:assert/strict'
import { readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { fixtures, parseXml, readFeed } from '../helpers.ts'
import { golden } from '../run-cli.ts'
import { fixtureOutput } from './fixture-site.ts'

const isFeedDocument = (path: string) => /(^|\/)(feed\.xml|atom\.xml|feed\.json)$/.test(path) || path === 'feeds.opml'

/**
 * Compare each with its golden, and read it back: XML strictly and with
 * feed-parser, JSON Feed with JSON.parse. A golden of a document the build
 * no longer writes (one `owns`, but not in `output`) fails too.
 */
async function check(output: ReadonlyMap<string, string>, name: string, owns: (path: string) => boolean) {
  const folder = fileURLToPath(new URL(`${name}/expected/`, fixtures))
  const expected = readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)))
  assert.deepEqual(expected.filter((path) => owns(path) && !output.has(path)), [], 'goldens of documents no longer written')
  for (const [path, content] of output) {
    await golden(content, `${name}/expected/${path}`)
    if (path.endsWith('.xml')) {
      parseXml(content)
      readFeed(content)
    } else if (path.endsWith('feed.json')) {
      assert.equal(JSON.parse(content).version, 'https://jsonfeed.org/version/1.1', path)
    } else if (path.endsWith('.json')) {
      JSON.parse(content)
    } else {
      parseXml(content)
    }
  }
}

test('builds the fixture newsroom into the reviewed topic feeds and OPML list, with no archive for its one month', async () => {
  const { site, output } = await fixtureOutput('newsroom', new Date('2026-01-06T12:00:00+02:00'))
  assert.ok(site.ok)
  const owned = (path: string) => (/^(archive|tags|authors|languages)\//.test(path) && isFeedDocument(path)) || path === 'feeds.opml'
  const documents = new Map([...output].filter(([path]) => owned(path)))
  // One article is in Ukrainian on an English site: a feed for each language.
  const topics = ['authors/ann-writer/', 'authors/bo-reporter/', 'authors/cle-auteur/', 'languages/en-gb/', 'languages/uk/', 'tags/europe/', 'tags/r-and-d/', 'tags/ukraine/']
  const expected = topics.flatMap((folder) => ['atom.xml', 'feed.json', 'feed.xml'].map((file) => folder + file))
  assert.deepEqual([...documents.keys()].sort(), [...expected, 'feeds.opml'].sort())
  for (const [path, content] of documents) {
    if (path.endsWith('.xml')) assert.ok(readFeed(content).items.length > 0, path)
    if (path.endsWith('.json')) assert.ok(JSON.parse(content).items.length > 0, path)
  }
  await check(documents, 'newsroom', owned)
})

test('builds the record newsroom into its reviewed feed documents and ledger: archives, corrections and a tombstone', async () => {
  const { site, output } = await fixtureOutput('record', new Date('2026-01-10T00:00:00Z'))
  assert.ok(site.ok)
  const owned = (path: string) => isFeedDocument(path) || path === 'ledger.json'
  const documents = new Map([...output].filter(([path]) => owned(path)))
  assert.ok(documents.has('archive/2025/12/atom.xml'))
  await check(documents, 'record', owned)
})
