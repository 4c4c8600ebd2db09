// The authors' register (authors.yaml beside the config, #21): checked with
// places like the config, and what it says reaching the feeds, the pages and
// the structured data; a byline it does not name is a warning.
import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, test } from 'node:test'
import { VFile } from 'vfile'
import { readConfig } from '../src/api.ts'
import { validateAuthors, type Author } from '../src/authors.ts'
import type { Config } from '../src/config.ts'
import { buildSite } from '../src/site.ts'
import { config, contents, findAll, parseXml, source } from './helpers.ts'
import { all, hasClass, one, parseHtml, text } from './pages/html.ts'

const register = (value: string) => new VFile({ path: 'authors.yaml', value })
const places = (file: VFile) => file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`)

describe('the authors’ register', () => {
  test('is read with every field', () => {
    const authors = validateAuthors(
      register(
        'authors:\n  - name: Ann Writer\n    slug: ann\n    bio: Covers diplomacy from Kyiv.\n    url: https://ann.example.org/\n    avatar: https://ann.example.org/me.jpg\n    sameAs: [https://mastodon.example/@ann]\n  - name: Bo Reporter\n',
      ),
    )
    assert.deepEqual(authors, [
      { name: 'Ann Writer', slug: 'ann', bio: 'Covers diplomacy from Kyiv.', url: 'https://ann.example.org/', avatar: 'https://ann.example.org/me.jpg', sameAs: ['https://mastodon.example/@ann'] },
      { name: 'Bo Reporter' },
    ])
  })

  test('reports each problem at its line and column, a misspelt field with its correction', () => {
    const file = register('authors:\n  - name: Ann Writer\n    bioo: Covers diplomacy.\n    url: not a url\n  - name: Ann Writer\n    slug: Ann_W\n')
    assert.equal(validateAuthors(file), undefined)
    assert.deepEqual(places(file).sort(), [
      '3:5 unknown-field Unknown field `authors.0.bioo`: did you mean `authors.0.bio`?',
      '4:10 invalid-field `authors.0.url` is not valid: Invalid URL (got "not a url")',
      '6:11 invalid-field `authors.1.slug` is not valid: a slug is lower-case letters and digits between single hyphens (got "Ann_W")',
    ])
    const twice = register('authors:\n  - name: Ann Writer\n  - name: Ann Writer\n')
    assert.equal(validateAuthors(twice), undefined)
    assert.deepEqual(places(twice), ['3:11 duplicate-author The name `Ann Writer` is already that of author 1 in the register'])
  })

  test('is read beside the config by readConfig, its problems reported on it, and optional', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wirefeed-authors-'))
    after(() => rm(dir, { recursive: true, force: true }))
    await writeFile(join(dir, 'wirefeed.config.yaml'), 'title: Desk\n')
    const none = readConfig(join(dir, 'wirefeed.config.yaml'))
    assert.ok('config' in none && none.config.authors === undefined)
    await writeFile(join(dir, 'authors.yaml'), 'authors:\n  - name: Ann Writer\n    url: https://ann.example.org/\n')
    const read = readConfig(join(dir, 'wirefeed.config.yaml'))
    assert.ok('config' in read)
    assert.deepEqual(read.config.authors, [{ name: 'Ann Writer', url: 'https://ann.example.org/' }])
    await writeFile(join(dir, 'authors.yaml'), 'authors:\n  - nam: Ann Writer\n')
    const bad = readConfig(join(dir, 'wirefeed.config.yaml'))
    assert.ok('problems' in bad)
    assert.deepEqual(bad.problems.map((problem) => [problem.file.endsWith('authors.yaml'), problem.line, problem.rule]), [[true, 2, 'unknown-field']])
  })
})

describe('what the register says, where readers and machines see it', () => {
  const authors: Author[] = [
    { name: 'Ann Writer', slug: 'ann', bio: 'Covers diplomacy from Kyiv.', url: 'https://ann.example.org/', avatar: 'https://ann.example.org/me.jpg', sameAs: ['https://mastodon.example/@ann'] },
    { name: 'Bo Reporter' },
  ]
  const settings: Config = { ...config({ url: 'https://news.example.org/desk/', title: 'Desk' }), authors }
  const now = new Date('2026-02-01T00:00:00Z')
  const sources = () => [
    source({ title: 'One', author: ['Ann Writer', 'Bo Reporter'], date: '2026-01-05' }, 'Body.\n', 'articles/one.md'),
    source({ title: 'Two', author: 'Ann Writr', date: '2026-01-06' }, 'Body.\n', 'articles/two.md'),
  ]
  const site = buildSite(sources(), settings, { now })
  const output = contents(site.output)

  test('warns of a byline it does not name, suggesting the nearest name, and builds', () => {
    assert.ok(site.ok)
    const two = site.files.find((file) => file.path === 'articles/two.md')
    const unknown = two?.messages.filter((message) => message.ruleId === 'unknown-author') ?? []
    assert.deepEqual(
      unknown.map((message) => [`${message.line}:${message.column}`, message.reason, message.fatal]),
      [['4:9', 'The byline `Ann Writr` is not in authors.yaml: did you mean `Ann Writer`?', false]],
    )
    // Without a register, a byline is a name, and nothing is said.
    const plain = buildSite(sources(), config({ url: 'https://news.example.org/desk/' }), { now })
    assert.deepEqual(plain.files.flatMap((file) => file.messages.map((message) => message.ruleId)).filter((rule) => rule === 'unknown-author'), [])
  })

  test('gives Atom author/uri and JSON Feed authors[].url and avatar', () => {
    const atom = parseXml(output.get('atom.xml') ?? '')
    const entry = findAll(atom, 'entry').find((element) => findAll(element, 'title')[0]?.text === 'One')
    assert.deepEqual(
      findAll(entry ?? atom, 'author').map((author) => [findAll(author, 'name')[0]?.text, findAll(author, 'uri')[0]?.text]),
      [
        ['Ann Writer', 'https://ann.example.org/'],
        ['Bo Reporter', undefined],
      ],
    )
    const json = JSON.parse(output.get('feed.json') ?? '') as { items: { title: string; authors: unknown }[] }
    assert.deepEqual(json.items.find((item) => item.title === 'One')?.authors, [
      { name: 'Ann Writer', url: 'https://ann.example.org/', avatar: 'https://ann.example.org/me.jpg' },
      { name: 'Bo Reporter' },
    ])
  })

  test('gives JSON-LD Person url, sameAs and image on the article page', () => {
    const page = parseHtml(output.get('2026/01/one/index.html') ?? '')
    const data = JSON.parse(text(one(page, 'script', (script) => script.properties.type === 'application/ld+json')))
    assert.deepEqual(data.author, [
      { '@type': 'Person', name: 'Ann Writer', url: 'https://ann.example.org/', sameAs: ['https://mastodon.example/@ann'], image: 'https://ann.example.org/me.jpg' },
      { '@type': 'Person', name: 'Bo Reporter' },
    ])
  })

  test('gives the author a page at the register’s slug, with the bio, picture and link, and bylines lead there', () => {
    const page = parseHtml(output.get('authors/ann/index.html') ?? '')
    assert.equal(text(one(page, 'h1')), 'Ann Writer')
    assert.deepEqual(all(page, 'p', (p) => hasClass(p, 'bio')).map(text), ['Covers diplomacy from Kyiv.', 'ann.example.org'])
    assert.equal(one(page, 'img', (img) => hasClass(img, 'avatar')).properties.src, 'https://ann.example.org/me.jpg')
    assert.equal(output.has('authors/ann-writer/index.html'), false)
    assert.ok(output.has('authors/ann/atom.xml'))
    const article = parseHtml(output.get('2026/01/one/index.html') ?? '')
    assert.deepEqual(all(one(article, 'p', (p) => hasClass(p, 'meta')), 'a').map((a) => a.properties.href), ['../../../authors/ann/', '../../../authors/bo-reporter/'])
    const ld = JSON.parse(text(one(page, 'script', (script) => script.properties.type === 'application/ld+json')))
    assert.equal(ld.mainEntity.url, 'https://ann.example.org/')
  })
})
