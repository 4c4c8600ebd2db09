// The fixture newsroom's archives, topic feeds and feeds.opml, against
// reviewed copies in tests/fixtures/newsroom/expected/ (rewrite them with
// UPDATE=1 and review the diff), each also read back by real parsers. Its
// three subscription documents are checked by tests/cli.test.ts.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { loadArticles, readSource } from '../../src/load.ts'
import { validateConfig } from '../../src/config.ts'
import { buildSite } from '../../src/site.ts'
import { contents, fixtures, parseXml, readFeed } from '../helpers.ts'
import { golden } from '../run-cli.ts'


test('builds the fixture newsroom into the reviewed archives, topic feeds and OPML list, which real parsers read', async () => {
  const dir = fileURLToPath(new URL('newsroom/', fixtures))
  const config = validateConfig(await readSource(`${dir}wirefeed.config.yaml`))
  if (!config) throw new Error('the fixture config is invalid')
  const site = buildSite(await loadArticles(`${dir}articles`), config, { now: new Date('2026-01-06T12:00:00+02:00') })
  assert.ok(site.ok)
  const output = new Map([...contents(site.output)].filter(([path]) => /^(archive|tags|authors)\//.test(path) || path === 'feeds.opml'))
  const topics = ['authors/ann-writer/', 'authors/bo-reporter/', 'authors/cle-auteur/', 'tags/europe/', 'tags/r-and-d/', 'tags/ukraine/']
  const folders = ['archive/2026/01/', ...topics, ...topics.map((topic) => `${topic}archive/2026/01/`)]
  const documents = folders.flatMap((folder) => ['atom.xml', 'feed.json', 'feed.xml'].map((file) => folder + file))
  assert.deepEqual([...output.keys()].sort(), [...documents, 'feeds.opml'].sort())
  for (const [path, content] of output) {
    await golden(content, `newsroom/expected/${path}`)
    if (path.endsWith('.xml')) {
      parseXml(content)
      assert.ok(readFeed(content).items.length > 0, path)
    } else if (path.endsWith('.json')) {
      assert.ok(JSON.parse(content).items.length > 0, path)
    } else {
      parseXml(content)
    }
  }
})
