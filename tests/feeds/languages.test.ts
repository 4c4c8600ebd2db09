// The bilingual newsroom's language feeds (src/feeds/languages.ts), read by
// independent parsers: each in its language, with that language's articles
// only, and its archives; the site's own feeds still hold every article.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { findAll, parseXml, readFeed } from '../helpers.ts'
import { fixtureOutput } from './fixture-site.ts'

const now = new Date('2026-02-06T12:00:00+02:00')
const { site, output } = await fixtureOutput('bilingual', now)
const file = (path: string) => {
  const text = output.get(path)
  assert.ok(text !== undefined, `no ${path}`)
  return text
}
const byLanguage = (language: string) => new Set(site.shown.filter((article) => article.lang === language).map((article) => article.id))
/** Every item id of a language's feed, its subscription documents' and its archives'. */
const idsIn = (folder: string, name: string) =>
  [...output.keys()].filter((path) => path.startsWith(folder) && path.endsWith(name)).flatMap((path) => readFeed(file(path)).items.map((item) => item.id))

test('builds the bilingual newsroom', () => {
  assert.ok(site.ok, site.files.flatMap((entry) => entry.messages.filter((message) => message.fatal).map(String)).join('\n'))
  assert.deepEqual([...new Set(site.shown.map((article) => article.lang))].sort(), ['en', 'uk'])
})

for (const language of ['en', 'uk']) {
  const folder = `languages/${language}/`
  test(`the ${language} feed is in ${language} in the three formats, its archives too, with only its articles`, () => {
    for (const path of [...output.keys()].filter((path) => path.startsWith(folder) && /(feed\.xml|atom\.xml)$/.test(path))) {
      const feed = readFeed(file(path))
      assert.equal(feed.language, language, path)
      const root = parseXml(file(path))
      if (root.name === 'feed') assert.equal(root.attributes['xml:lang'], language, path)
    }
    for (const path of [...output.keys()].filter((path) => path.startsWith(folder) && path.endsWith('feed.json'))) {
      const feed = JSON.parse(file(path)) as { language: string; items: { id: string; language: string }[] }
      assert.equal(feed.language, language, path)
      assert.ok(feed.items.every((item) => item.language === language), path)
    }
    const wanted = byLanguage(language)
    for (const name of ['feed.xml', 'atom.xml']) {
      const ids = idsIn(folder, name)
      assert.ok(ids.length > 0)
      assert.ok(ids.every((id) => wanted.has(id ?? '')), `${folder}…${name} holds an article in another language`)
      // The archives hold every one of them: the feed's whole history is there.
      assert.deepEqual(new Set(ids), wanted)
    }
    // feedItems is 3: the subscription documents hold the newest three, the archives lead to the rest.
    assert.equal(readFeed(file(`${folder}atom.xml`)).items.length, 3)
    assert.match(file(`${folder}atom.xml`), /<link rel="prev-archive" href="https:\/\/visnyk\.example\.org\/languages\/[a-z]+\/archive\/2026\/02\/atom\.xml"\/>/)
  })
}

test("the site's feeds hold articles in both languages, each Atom entry in English marked xml:lang, none in the site's", () => {
  const entries = findAll(parseXml(file('atom.xml')), 'entry')
  const languages = entries.map((entry) => entry.attributes['xml:lang'])
  assert.equal(parseXml(file('atom.xml')).attributes['xml:lang'], 'uk')
  assert.ok(languages.includes('en') && languages.includes(undefined))
  const english = byLanguage('en')
  for (const entry of entries) {
    const id = entry.children.find((child) => child.name === 'id')?.text ?? ''
    assert.equal(entry.attributes['xml:lang'], english.has(id) ? 'en' : undefined, id)
  }
  assert.equal(readFeed(file('feed.xml')).language, 'uk')
})

test('the OPML list names each language feed in its language', () => {
  const outlines = findAll(parseXml(file('feeds.opml')), 'outline').filter((outline) => outline.attributes.xmlUrl?.includes('/languages/'))
  assert.equal(outlines.length, 6)
  for (const outline of outlines) assert.equal(outline.attributes.language, /languages\/en\//.test(outline.attributes.xmlUrl ?? '') ? 'en' : 'uk')
})

test('the same sources give the same bytes, every file', async () => {
  const again = await fixtureOutput('bilingual', now)
  assert.deepEqual([...again.output.keys()], [...output.keys()])
  for (const [path, text] of again.output) assert.equal(text, output.get(path), path)
})

test("each language feed's channel says what it is in its language, with no article text, in the three formats", () => {
  const descriptions = { en: 'The latest articles in English from Київський вісник.', uk: 'Останні статті сайту «Київський вісник» — Українська.' }
  for (const [language, description] of Object.entries(descriptions)) {
    const folder = `languages/${language}/`
    const paths = [...output.keys()].filter((path) => path.startsWith(folder) && /(feed\.xml|atom\.xml|feed\.json)$/.test(path))
    assert.ok(paths.length > 3)
    for (const path of paths) {
      const feed = path.endsWith('.json') ? (JSON.parse(file(path)) as { description: string }) : readFeed(file(path))
      assert.equal(feed.description, description, path)
    }
  }
  // The site's own feed keeps the site's description.
  assert.equal(readFeed(file('feed.xml')).description, 'Новини Києва та області щодня')
})

test("an article's correction notes and teaser link are in its language in every feed that carries it, the site's and its language's", () => {
  type JsonFeed = { items: { url: string; content_html: string }[] }
  const metro = (path: string, slug: string) => (JSON.parse(file(path)) as JsonFeed).items.find((item) => item.url.endsWith(slug))?.content_html ?? ''
  // The site's archive of January and the English feed's carry teasers, their link in the article's language too.
  for (const path of ['archive/2026/01/feed.json', 'languages/en/archive/2026/01/feed.json']) {
    const english = metro(path, '/2026/01/metro-en/')
    assert.match(english, />Read the article<\/a>/, path)
    assert.match(english, /<p><strong>Correction, January 13, 2026:<\/strong> There will be three stations, not four\.<\/p>$/, path)
  }
  const ukrainian = (JSON.parse(file('languages/uk/archive/2026/01/feed.json')) as JsonFeed).items.map((item) => item.content_html).find((html) => html.includes('Станцій буде три'))
  assert.match(ukrainian ?? '', /<strong>Виправлення від 13 січня 2026 р\.:<\/strong> Станцій буде три, а не чотири\./)
})

test("a language feed's view in a browser speaks its language when wirefeed has its strings, else the site's", () => {
  const styleOf = (path: string) => /<\?xml-stylesheet type="text\/css" href="([^"]+)"\?>/.exec(file(path))?.[1]
  for (const name of ['feed.xml', 'atom.xml']) {
    assert.equal(styleOf(`languages/en/${name}`), '../../feed-view.en.css')
    assert.equal(styleOf(`languages/en/archive/2026/01/${name}`), '../../../../../feed-view.en.css')
    assert.equal(styleOf(`languages/uk/${name}`), '../../feed-view.css')
    assert.equal(styleOf(name), 'feed-view.css')
  }
  assert.match(file('feed-view.en.css'), /content:"RSS feed";/)
  assert.match(file('feed-view.en.css'), /content:"Latest articles";/)
  assert.doesNotMatch(file('feed-view.css'), /Latest articles/)
  assert.equal(output.has('feed-view.uk.css'), false)
})
