// Every list of headlines on the bilingual newsroom (src/pages/listing.ts): an
// English story on a Ukrainian page says so (`lang="en"`) on its headline and
// standfirst, and a story in the page's language says nothing (WCAG 3.1.2);
// so does the home page's line of each language's feeds.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Element } from 'hast'
import { fixtureOutput } from '../feeds/fixture-site.ts'
import { all, hasClass, one, parseHtml, text } from './html.ts'

const { site, config, output } = await fixtureOutput('bilingual', new Date('2026-02-06T12:00:00+02:00'))
const languageOf = new Map(site.shown.map((article) => [article.url, article.lang]))
/** The list pages: the home page's, the topics', months', and languages', with their older pages. */
const lists = [...output.keys()].filter((path) => path.endsWith('index.html') && /^(index\.html|page\/|tags\/|authors\/|sections\/|archive\/|languages\/)/.test(path))

/** Each story of a page's lists: its headline (`h2`/`h3`), its standfirst, and the language of the article it links to. */
function stories(path: string) {
  const tree = parseHtml(output.get(path) ?? '')
  const page = one(tree, 'html').properties.lang as string
  const boxes = all(tree, 'div', (element) => hasClass(element, 'story') || hasClass(element, 'lead-story'))
  return {
    page,
    stories: boxes.map((box) => {
      const headline = all(box, 'h2').concat(all(box, 'h3'))[0] as Element
      const href = String(one(headline, 'a').properties.href)
      const summary = box.children.find((child): child is Element => child.type === 'element' && child.tagName === 'p' && !hasClass(child, 'kicker') && !hasClass(child, 'meta'))
      return { headline, summary, language: languageOf.get(new URL(href, new URL(path, config.url)).href) }
    }),
  }
}

test("marks each headline and standfirst in another language than the page's, and only those", () => {
  const seen = { en: 0, uk: 0 }
  assert.ok(lists.length > 10, lists.join(' '))
  for (const path of lists) {
    const { page, stories: found } = stories(path)
    for (const { headline, summary, language } of found) {
      assert.ok(language !== undefined, `${path}: a headline links to no article`)
      const expected = language === page ? undefined : language
      assert.equal(headline.properties.lang, expected, `${path}: headline of a story in ${language}`)
      assert.equal(summary?.properties.lang, expected, `${path}: standfirst of a story in ${language}`)
      if (page === 'uk') seen[language as 'en' | 'uk']++
    }
  }
  // The Ukrainian pages list stories in both languages: the check above checked both cases.
  assert.ok(seen.en > 0 && seen.uk > 0, JSON.stringify(seen))
})

test('the home page lists English headlines marked lang="en" and Ukrainian ones unmarked', () => {
  const { page, stories: found } = stories('index.html')
  assert.equal(page, 'uk')
  assert.deepEqual(
    [...new Set(found.map(({ headline, language }) => `${language} ${headline.properties.lang ?? '-'}`))].sort(),
    ['en en', 'uk -'],
  )
})

test("the English language page, in English, marks nothing: every story on it is in the page's language", () => {
  const { page, stories: found } = stories('languages/en/index.html')
  assert.equal(page, 'en')
  assert.ok(found.length > 0)
  assert.ok(found.every(({ headline, summary }) => headline.properties.lang === undefined && summary?.properties.lang === undefined))
})

test("the home page's feeds by language name each language in itself, each line marked with its language", () => {
  const tree = parseHtml(output.get('index.html') ?? '')
  const section = one(tree, 'section', (element) => element.children.some((child) => child.type === 'element' && child.properties.id === 'language-feeds'))
  assert.deepEqual(
    all(section, 'li').map((li) => [text(one(li, 'a', (a) => a.properties.type === undefined)), li.properties.lang]),
    [
      ['English', 'en'],
      ['Українська', undefined],
    ],
  )
})
