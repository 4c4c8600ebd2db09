// The fixture newsroom's pages and partner files, against reviewed copies in
// tests/fixtures/newsroom/expected/ (rewrite them with UPDATE=1 and review the
// diff), each also read back by a real parser. The feeds, ledger and manifest
// there are checked by tests/cli.test.ts, the archives and topic feeds by
// tests/feeds/golden.test.ts; the browser tests open pages like these.
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { loadArticles } from '../../src/load.ts'
import { readConfig } from '../../src/api.ts'
import { buildSite } from '../../src/site.ts'
import { contents, findAll, fixtures, parseXml, readImages } from '../helpers.ts'
import { golden } from '../run-cli.ts'
import { all, one, parseHtml, text } from './html.ts'

const checkedByCli = new Set(['atom.xml', 'build.json', 'feed.json', 'feed.xml', 'ledger.json'])
/** The archives, topic and language feeds and feeds.opml (not the pages beside them): checked by tests/feeds/golden.test.ts. */
const feedDocument = (path: string) => (/^(archive|tags|authors|languages)\//.test(path) && !path.endsWith('.html')) || path === 'feeds.opml'
const expected = new URL('newsroom/expected/', fixtures)

async function newsroom() {
  const dir = fileURLToPath(new URL('newsroom/', fixtures))
  const read = readConfig(`${dir}wirefeed.config.yaml`, `${dir}articles`)
  if (!('config' in read)) throw new Error('the fixture config is invalid')
  const { config } = read
  const site = buildSite(await loadArticles(`${dir}articles`), config, { now: new Date('2026-01-06T12:00:00+02:00'), images: readImages(`${dir}articles`) })
  assert.ok(site.ok)
  return new Map([...contents(site.output)].filter(([path]) => !checkedByCli.has(path) && !feedDocument(path)))
}

test('builds the fixture newsroom into the reviewed pages and partner files', async () => {
  const output = await newsroom()
  assert.deepEqual([...output.keys()].sort(), [
    '2026/01/summit/index.html',
    '2026/01/symbols/index.html',
    '404.html',
    'archive/2026/01/index.html',
    'archive/index.html',
    'authors/ann-writer/index.html',
    'authors/bo-reporter/index.html',
    'authors/cle-auteur/index.html',
    'embed.js',
    'embed/headlines.html',
    'feed-view.css',
    'feed-view.uk.css',
    'headlines.json',
    'index.html',
    'languages/en-gb/index.html',
    'languages/uk/index.html',
    'news-sitemap.xml',
    'robots.txt',
    'sitemap-index.xml',
    'sitemap.xml',
    'tags/europe/index.html',
    'tags/r-and-d/index.html',
    'tags/ukraine/index.html',
  ])
  for (const [path, content] of output) {
    await golden(content, `newsroom/expected/${path}`)
  }
})

test('writes reviewed files that real parsers read as intended', async () => {
  const read = (path: string) => readFile(new URL(path, expected), 'utf8')
  const home = parseHtml(await read('index.html'))
  assert.deepEqual(all(home, 'h3').map(text), ['Allies draft "binding" guarantees at Paris summit', 'A < B & C ]]> and ]]> again: Київ'])
  const summit = parseHtml(await read('2026/01/summit/index.html'))
  assert.equal(text(one(summit, 'h1')), 'Allies draft "binding" guarantees at Paris summit')
  assert.equal(JSON.parse(text(one(summit, 'script'))).headline, 'Allies draft "binding" guarantees at Paris summit')
  assert.doesNotMatch(await read('2026/01/summit/index.html'), /alert\('never'\)|javascript:|onclick/)
  // An article in Ukrainian on an English site: its page's interface is Ukrainian, so the whole document is.
  const symbols = parseHtml(await read('2026/01/symbols/index.html'))
  assert.equal(one(symbols, 'html').properties.lang, 'uk')
  assert.equal(one(symbols, 'article').properties.lang, undefined)
  parseXml(await read('sitemap.xml'))
  // At 12:00 in Kyiv on 6 January: the summit (that morning) and the symbols story (5 January) are less than two days old.
  const news = parseXml(await read('news-sitemap.xml'))
  assert.deepEqual(findAll(news, 'loc').map((loc) => loc.text), ['https://news.example.org/desk/2026/01/summit/', 'https://news.example.org/desk/2026/01/symbols/'])
  assert.deepEqual(findAll(parseXml(await read('sitemap-index.xml')), 'loc').map((loc) => loc.text), [
    'https://news.example.org/desk/sitemap.xml',
    'https://news.example.org/desk/news-sitemap.xml',
  ])
  const headlines = JSON.parse(await read('headlines.json'))
  assert.deepEqual(headlines.items.map((item: { title: string }) => item.title), all(home, 'h3').map(text))
  assert.equal(all(parseHtml(await read('embed/headlines.html')), 'li').length, 2)
})
