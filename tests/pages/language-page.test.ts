// The bilingual newsroom's pages (issue #21): each language's page, and the
// links between translations, in the pages' heads and in the sitemap, as
// parsers read them; each article page's interface in the article's language.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Element } from 'hast'
import { findAll, parseXml } from '../helpers.ts'
import { fixtureOutput } from '../feeds/fixture-site.ts'
import { outputPathFor } from '../../src/pages/urls.ts'
import { all, one, parseHtml, text } from './html.ts'

const { site, config, output } = await fixtureOutput('bilingual', new Date('2026-02-06T12:00:00+02:00'))
const page = (path: string) => {
  const html = output.get(path)
  assert.ok(html !== undefined, `no ${path}`)
  return parseHtml(html)
}
const pageOf = (url: string) => page(outputPathFor(url, config.url) ?? '')
/** The hreflang annotations of a page's head, `language url` each. */
const hreflangs = (tree: ReturnType<typeof parseHtml>) =>
  all(one(tree, 'head'), 'link', (link: Element) => link.properties.rel?.toString() === 'alternate' && link.properties.hrefLang !== undefined).map(
    (link) => `${link.properties.hrefLang} ${link.properties.href}`,
  )
const byId = new Map(site.shown.map((article) => [article.id, article]))
/** Each shown article's group: itself, its original and the original's other translations. */
const groupOf = (id: string) => {
  const root = byId.get(id)?.translationOf ?? id
  return site.shown.filter((article) => article.id === root || article.translationOf === root)
}

test('every article page with translations names each version and the original as x-default, and each version names it back', () => {
  let pairs = 0
  for (const article of site.shown) {
    const group = groupOf(article.id)
    const links = hreflangs(pageOf(article.url))
    if (group.length < 2) {
      assert.deepEqual(links, [], article.url)
      continue
    }
    const original = group.find((member) => member.translationOf === undefined)
    assert.ok(original)
    assert.deepEqual(links.sort(), [...group.map((member) => `${member.lang} ${member.url}`), `x-default ${original.url}`].sort(), article.url)
    // Reciprocal: every version it names names it.
    for (const member of group) assert.ok(hreflangs(pageOf(member.url)).includes(`${article.lang} ${article.url}`), `${member.url} → ${article.url}`)
    pairs++
  }
  assert.equal(pairs, 8)
})

test('the sitemap says the same: each version with its xhtml:link alternates, x-default included', () => {
  const root = parseXml(output.get('sitemap.xml') ?? '')
  assert.equal(root.attributes['xmlns:xhtml'], 'http://www.w3.org/1999/xhtml')
  const entries = new Map(
    findAll(root, 'url').map((url) => [
      url.children.find((child) => child.name === 'loc')?.text ?? '',
      url.children.filter((child) => child.name === 'link' && child.uri === 'http://www.w3.org/1999/xhtml').map((link) => `${link.attributes.hreflang} ${link.attributes.href}`),
    ]),
  )
  for (const article of site.shown) {
    const fromPage = hreflangs(pageOf(article.url))
    assert.deepEqual(entries.get(article.url), fromPage, article.url)
  }
  assert.ok([...entries.values()].some((links) => links.some((link) => link.startsWith('x-default '))))
})

test("an English article's page is in English on the Ukrainian site, and links its Ukrainian version by name", () => {
  const metro = page('2026/01/metro-en/index.html')
  assert.equal(one(metro, 'html').properties.lang, 'en')
  assert.equal(one(metro, 'article').properties.lang, undefined)
  assert.match(text(one(metro, 'p', (element) => String(element.properties.className) === 'meta')), /^By Olena Koval · January 12, 2026 · Updated January 13, 2026 · 1 min read$/)
  assert.deepEqual(all(metro, 'h2').map(text), ['Corrections and updates', 'Topics'])
  const also = one(metro, 'p', (element) => String(element.properties.className) === 'also-in')
  assert.equal(text(also), 'Also in: Українська')
  assert.equal(one(also, 'a').properties.href, '../metro/')
  assert.equal(one(also, 'a').properties.lang, 'uk')
})

test('a Ukrainian article on it keeps the site’s interface, and links its English version', () => {
  const metro = page('2026/01/metro/index.html')
  assert.equal(one(metro, 'html').properties.lang, 'uk')
  assert.match(text(one(metro, 'p', (element) => String(element.properties.className) === 'meta')), /^Автор: Андрій Бондар · 12 січня 2026 р\. · Оновлено 13 січня 2026 р\. · 1 хвилина читання$/)
  assert.equal(text(one(metro, 'p', (element) => String(element.properties.className) === 'also-in')), 'Також іншими мовами: English')
})

test('each language has its page, in its interface, listing its articles alone, newest first, with older pages', () => {
  for (const [language, heading, kicker] of [['en', 'English', 'Language'], ['uk', 'Українська', 'Мова']] as const) {
    const first = page(`languages/${language}/index.html`)
    assert.equal(one(first, 'html').properties.lang, language)
    assert.equal(text(one(first, 'h1')), heading)
    // The page's own kicker: each headline below may have its section's.
    const head = one(first, 'header', (element) => String(element.properties.className) === 'page-head')
    assert.equal(text(one(head, 'p', (element) => String(element.properties.className) === 'kicker')), kicker)
    const listed = [first, page(`languages/${language}/page/2/index.html`)].flatMap((tree) => all(tree, 'h2').map(text))
    const expected = site.shown.filter((article) => article.lang === language).sort((a, b) => b.date.getTime() - a.date.getTime())
    assert.deepEqual(listed.slice(0, expected.length), expected.map((article) => article.title))
  }
})

test('the home page offers every language’s feeds, and the language feeds only when the site uses two languages', async () => {
  const home = page('index.html')
  const section = one(home, 'section', (element) => element.properties.ariaLabelledBy?.toString() === 'language-feeds')
  assert.deepEqual(all(section, 'a').filter((a) => !a.properties.type).map(text), ['English', 'Українська'])
  const ukrainian = await fixtureOutput('ukrainian', new Date('2026-02-06T12:00:00+02:00'))
  assert.ok(![...ukrainian.output.keys()].some((path) => path.startsWith('languages/')))
  assert.doesNotMatch(ukrainian.output.get('sitemap.xml') ?? '', /xhtml/)
})
