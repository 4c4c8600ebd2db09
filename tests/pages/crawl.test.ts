// A crawler over a fixture newsroom built into dist/ by the engine, as
// `wirefeed build` writes it: every link we make leads to a file there, every
// feed's alternate link (and Atom id) to a page, every feed and page the OPML
// list names exists, and every page, so every published article, can be
// reached from the home page.
import assert from 'node:assert/strict'
import { cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, test } from 'node:test'
import type { Root } from 'hast'
import { validateConfig, type Config } from '../../src/config.ts'
import { build } from '../../src/engine/index.ts'
import { readSource } from '../../src/load.ts'
import { outputPathFor } from '../../src/pages/urls.ts'
import { findAll, fixtures, parseXml } from '../helpers.ts'
import { all, hasClass, parseHtml } from './html.ts'

const scratch = fileURLToPath(new URL('../../test-output/', import.meta.url))
const made: string[] = []
after(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))))

/** The fixture `name` built at `now` into a fresh dist/, its config changed by `change`; every file's text by path. */
async function built(name: string, now: string, change: Partial<Config> = {}) {
  // Inside the project, so the worker threads resolve tsx from the working folder the build runs in.
  await mkdir(scratch, { recursive: true })
  const dir = await mkdtemp(join(scratch, 'crawl-'))
  made.push(dir)
  await cp(new URL(`${name}/`, fixtures), dir, { recursive: true, filter: (path) => !path.includes('/expected') })
  const base = validateConfig(readSource(join(dir, 'wirefeed.config.yaml')))
  if (!base) throw new Error(`invalid config in ${name}`)
  const config = { ...base, ...change }
  const ledger = readSource(join(dir, 'live', 'ledger.json'))
  const out = join(dir, 'dist')
  // Named from the newsroom's folder, as `wirefeed build` run there names the sources (the live ledger records them so).
  const cwd = process.cwd()
  process.chdir(dir)
  try {
    const result = await build({ articles: 'articles', config, now: new Date(now), write: true, out: 'dist', cache: '.cache', ...(ledger && { ledger }) })
    assert.ok(result.ok, result.files.flatMap((file) => file.messages.map(String)).join('\n'))
  } finally {
    process.chdir(cwd)
  }
  const paths = (await readdir(out, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => relative(out, join(entry.parentPath, entry.name)))
  const files = new Map(await Promise.all(paths.sort().map(async (path) => [path, await readFile(join(out, path), 'utf8')] as const)))
  return { config, files }
}

/** The file of dist/ that serves `url`, or why none does; `undefined` for a URL off the site, which is not ours to check. */
function fileFor(url: string, site: string, files: ReadonlyMap<string, string>): string | undefined {
  if (!url.startsWith(site)) return undefined
  const path = outputPathFor(url.split('#')[0] ?? url, site) ?? decodeURIComponent(new URL(url).pathname.slice(new URL(site).pathname.length))
  return files.has(path) ? path : `missing: ${path}`
}

/** The page's own URL, from its path in dist/. */
const pageUrl = (path: string, site: string) => new URL(path.replace(/(^|\/)index\.html$/, '$1'), site).href

/** Every URL the page links to or loads, but those in an article's body: the newsroom's own words, not links we make. */
function linksOf(html: string, url: string): string[] {
  const tree: Root = parseHtml(html)
  for (const body of all(tree, 'div', (element) => hasClass(element, 'prose'))) body.children = []
  const refs = [
    ...all(tree, 'a').map((a) => a.properties.href),
    ...all(tree, 'link').map((link) => link.properties.href),
    ...all(tree, 'img').map((img) => img.properties.src),
  ]
  return refs.filter((ref): ref is string => typeof ref === 'string' && !ref.startsWith('#')).map((ref) => new URL(ref, url).href)
}

/** A feed document's alternate link(s) and Atom id, the URLs it says its items are shown at, and its items' links. */
function feedLinks(path: string, text: string): string[] {
  if (path.endsWith('.json')) {
    const feed = JSON.parse(text) as { home_page_url: string; items: { url: string }[] }
    return [feed.home_page_url, ...feed.items.map((item) => item.url)]
  }
  const root = parseXml(text)
  if (root.name === 'feed') {
    const links = root.children.filter((child) => child.name === 'link' && child.attributes.rel === 'alternate').map((link) => link.attributes.href ?? '')
    const id = root.children.find((child) => child.name === 'id')?.text ?? ''
    return [...links, id, ...findAll(root, 'entry').flatMap((entry) => entry.children.filter((child) => child.name === 'link').map((link) => link.attributes.href ?? ''))]
  }
  const channel = findAll(root, 'channel')[0]
  return [channel?.children.find((child) => child.name === 'link')?.text ?? '', ...findAll(root, 'item').map((item) => item.children.find((child) => child.name === 'link')?.text ?? '')]
}

async function crawl(name: string, now: string, change: Partial<Config> = {}) {
  const { config, files } = await built(name, now, change)
  const broken: string[] = []
  const edges = new Map<string, string[]>()
  for (const [path, text] of files) {
    if (path.endsWith('.html')) {
      const targets = linksOf(text, pageUrl(path, config.url))
      edges.set(path, targets.flatMap((url) => fileFor(url, config.url, files) ?? []))
      for (const url of targets) if (fileFor(url, config.url, files)?.startsWith('missing')) broken.push(`${path} → ${url}`)
    } else if (path === 'feeds.opml') {
      for (const [, url] of text.matchAll(/(?:xmlUrl|htmlUrl)="([^"]+)"/g)) if (fileFor(url ?? '', config.url, files)?.startsWith('missing')) broken.push(`${path} → ${url}`)
    } else if (/(^|\/)(feed\.xml|atom\.xml|feed\.json)$/.test(path)) {
      const links = feedLinks(path, text)
      assert.ok(links[0]?.startsWith(config.url), `${path} has no alternate link on the site`)
      for (const url of links) if (fileFor(url, config.url, files)?.startsWith('missing')) broken.push(`${path} → ${url}`)
    }
  }
  // Every page a reader may land on, from the home page: all but the 404 page and the notices at retracted URLs.
  const reached = new Set(['index.html'])
  for (const queue = ['index.html']; queue.length > 0; ) {
    for (const next of edges.get(queue.shift() ?? '') ?? []) {
      if (reached.has(next)) continue
      reached.add(next)
      queue.push(next)
    }
  }
  const pages = [...files].filter(([path, text]) => path.endsWith('.html') && !path.startsWith('embed/') && !text.includes('content="noindex"')).map(([path]) => path)
  return { files, broken, unreached: pages.filter((path) => !reached.has(path)) }
}

test('every link in the fixture newsroom leads to a file, every feed to its page, and every page is reached from the home page', async () => {
  const { files, broken, unreached } = await crawl('newsroom', '2026-01-06T12:00:00+02:00')
  assert.deepEqual(broken, [])
  assert.deepEqual(unreached, [])
  assert.ok(files.has('tags/ukraine/index.html') && files.has('authors/ann-writer/index.html') && files.has('archive/2026/01/index.html'))
})

test('so does the record newsroom cut into pages of two: older pages, months, sections, topics\' months, a retraction and its tombstone', async () => {
  const { files, broken, unreached } = await crawl('record', '2026-01-10T00:00:00Z', { feedItems: 2 })
  assert.deepEqual(broken, [])
  assert.deepEqual(unreached, [])
  for (const path of ['page/2/index.html', 'archive/2025/12/index.html', 'archive/2026/01/index.html', 'archive/index.html']) assert.ok(files.has(path), path)
  // City has articles in two months, so archives, each with its page; Sport has none, so no page and no feeds.
  for (const path of ['sections/city/index.html', 'sections/city/archive/2025/12/index.html', 'sections/city/archive/2026/01/index.html', 'sections/weather/index.html']) {
    assert.ok(files.has(path), path)
  }
  assert.ok(files.has('tags/kyiv/archive/2025/12/index.html') && files.has('authors/ann-writer/archive/2026/01/index.html'))
  assert.equal([...files.keys()].some((path) => path.startsWith('sections/sport/')), false)
  assert.match(files.get('sections/city/archive/2025/12/atom.xml') ?? '', /<link rel="alternate" href="https:\/\/news\.example\.org\/record\/sections\/city\/archive\/2025\/12\/"\/>/)
  // A topic feed's id and alternate link are its page, which exists.
  assert.match(files.get('tags/kyiv/atom.xml') ?? '', /<link rel="alternate" href="https:\/\/news\.example\.org\/record\/tags\/kyiv\/"\/>/)
  assert.ok(files.has('tags/kyiv/index.html'))
})

test('so does the bilingual newsroom: every language feed and page, the hreflang links between translations, its archives', async () => {
  const { files, broken, unreached } = await crawl('bilingual', '2026-02-06T12:00:00+02:00')
  assert.deepEqual(broken, [])
  assert.deepEqual(unreached, [])
  for (const path of ['languages/en/index.html', 'languages/uk/index.html', 'languages/en/page/2/index.html', 'languages/en/archive/2025/12/atom.xml']) assert.ok(files.has(path), path)
  // A language feed's id and alternate link are its page, which exists; its archives link there too (they have no month pages).
  assert.match(files.get('languages/en/atom.xml') ?? '', /<link rel="alternate" href="https:\/\/visnyk\.example\.org\/languages\/en\/"\/>/)
  assert.match(files.get('languages/en/archive/2025/12/atom.xml') ?? '', /<link rel="alternate" href="https:\/\/visnyk\.example\.org\/languages\/en\/"\/>/)
  // Its sections, with their months, in both languages' articles.
  for (const path of ['sections/misto/index.html', 'sections/misto/archive/2025/12/index.html', 'sections/ekonomika/index.html', 'sections/bezpeka/atom.xml']) assert.ok(files.has(path), path)
  const section = files.get('sections/ekonomika/index.html') ?? ''
  assert.ok(section.includes('Kyiv council passes the 2026 budget') && section.includes('Київрада ухвалила бюджет на 2026 рік'), 'a section lists its articles in every language')
  // An author from the register has a page, and the English article's page names its section.
  assert.ok([...files.keys()].some((path) => /^authors\/[^/]+\/index\.html$/.test(path)))
  assert.match(files.get('2025/12/budget-en/index.html') ?? '', /"articleSection":"Економіка"/)
})
