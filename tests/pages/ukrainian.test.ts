// A site in Ukrainian (tests/fixtures/ukrainian/: `language: uk`, Europe/Kyiv):
// every page, the feed view and the partner files speak Ukrainian, with the
// site's dates, against reviewed copies in tests/fixtures/ukrainian/expected/
// (rewrite them with UPDATE=1 and review the diff).
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import type { Element, Root } from 'hast'
import { validateConfig } from '../../src/config.ts'
import { loadArticles, readSource } from '../../src/load.ts'
import { articlePage } from '../../src/pages/article-page.ts'
import { retractionPage } from '../../src/pages/retraction-page.ts'
import { buildSite } from '../../src/site.ts'
import { config, contents, fixtures, rendered, source } from '../helpers.ts'
import { golden } from '../run-cli.ts'
import { englishIn, latinWords } from '../strings/english.ts'
import { all, hasClass, one, parseHtml, text } from './html.ts'

const dir = fileURLToPath(new URL('ukrainian/', fixtures))
const settings = validateConfig(await readSource(`${dir}wirefeed.config.yaml`))
if (!settings) throw new Error('the fixture config is invalid')
const site = buildSite(await loadArticles(`${dir}articles`), settings, { now: new Date('2026-01-10T12:00:00+02:00') })
assert.ok(site.ok)
const output = contents(site.output)
const page = (path: string) => parseHtml(output.get(path) ?? '')
const pages = [
  'index.html',
  '404.html',
  '2026/01/metro/index.html',
  '2026/01/budget/index.html',
  '2026/01/snow/index.html',
  'embed/headlines.html',
  // The site readers browse (#21): a tag's, an author's and a month's page, and the archive.
  'tags/kyiv/index.html',
  'authors/olena-koval/index.html',
  'archive/2026/01/index.html',
  'archive/index.html',
]

/** A page's interface text: what it shows and what it tells screen readers and tabs, without the articles' own words. */
function interfaceText(tree: Root): string[] {
  const texts: string[] = []
  const visit = (element: Element) => {
    if (hasClass(element, 'prose') || element.tagName === 'script' || element.tagName === 'style') return
    // A feed's address is one text, in parts only so that it wraps between them.
    if (hasClass(element, 'feed-url')) return void texts.push(text(element))
    for (const name of ['ariaLabel', 'title', 'alt'] as const) if (typeof element.properties[name] === 'string') texts.push(element.properties[name])
    for (const child of element.children) {
      if (child.type === 'text') texts.push(child.value)
      if (child.type === 'element') visit(child)
    }
  }
  visit(one(tree, 'html'))
  return texts
}

describe('a site in Ukrainian', () => {
  test('builds into the reviewed pages and partner files', async () => {
    for (const path of [...pages, 'feed-view.css', 'embed.js', 'icon.svg']) {
      await golden(output.get(path) ?? '', `ukrainian/expected/${path}`)
    }
  })

  test('declares the language on every page, and shows no English', () => {
    for (const path of pages) {
      const tree = page(path)
      assert.equal(one(tree, 'html').properties.lang, 'uk', path)
      const texts = interfaceText(tree)
      assert.deepEqual(englishIn(texts), [], path)
      assert.deepEqual(latinWords(texts), [], path)
    }
  })

  test('gives the byline, dates and reading time in Ukrainian, the dates in Kyiv', () => {
    const meta = (path: string) => text(one(page(path), 'p', (p) => hasClass(p, 'meta')))
    // 00:30 in Kyiv on 9 January is still 8 January in UTC.
    assert.equal(meta('2026/01/metro/index.html'), 'Автор: Олена Коваль · 9 січня 2026 р. · 1 хвилина читання')
    assert.equal(meta('2026/01/budget/index.html'), 'Автори: Андрій Мельник і Ірина Бондар · 8 січня 2026 р. · Оновлено 9 січня 2026 р. · 2 хвилини читання')
    assert.equal(text(one(page('2026/01/budget/index.html'), 'h2', (h2) => hasClass(h2, 'meta'))), 'Теми')
    const home = page('index.html')
    assert.deepEqual(all(one(home, 'section', (section) => hasClass(section, 'news')), 'time').map(text), ['9 січня 2026 р.', '8 січня 2026 р.', '7 січня 2026 р.'])
    assert.deepEqual(all(home, 'h2').map(text), ['Останні новини', 'Підписатися', 'Стрічки за темами', 'Стрічки авторів'])
    assert.equal(text(one(home, 'a', (a) => hasClass(a, 'skip'))), 'Перейти до основного вмісту')
    assert.equal(text(one(home, 'a', (a) => a.properties.type === 'text/x-opml')), 'список усіх наших стрічок (OPML)')
  })

  test('names the topic, the author and the month in Ukrainian, with the month as Ukrainian writes it', () => {
    const head = (path: string) => [text(one(page(path), 'p', (p) => hasClass(p, 'kicker'))), text(one(page(path), 'h1')), text(one(page(path), 'p', (p) => hasClass(p, 'standfirst')))]
    assert.deepEqual(head('tags/kyiv/index.html'), ['Тема', 'Київ', 'Останні статті на тему «Київ» на сайті «Київський вісник».'])
    assert.deepEqual(head('authors/olena-koval/index.html'), ['Автор', 'Олена Коваль', 'Останні статті з підписом Олена Коваль на сайті «Київський вісник».'])
    assert.deepEqual(head('archive/2026/01/index.html'), ['Архів', 'січень 2026 р.', 'Усі статті сайту «Київський вісник» за січень 2026 р.'])
    assert.equal(text(one(page('archive/index.html'), 'ul', (ul) => hasClass(ul, 'months'))), 'січень 2026 р. (3)')
  })

  test('says "page not found" in Ukrainian, with the link in the sentence where Ukrainian puts it', () => {
    const missing = page('404.html')
    assert.equal(text(one(missing, 'title')), 'Сторінку не знайдено – Київський вісник')
    assert.equal(text(one(missing, 'h1')), 'Сторінку не знайдено')
    const sentence = one(missing, 'main').children.find((child): child is Element => child.type === 'element' && child.tagName === 'p')
    assert.equal(text(sentence ?? missing), 'За цією адресою сторінки немає. Можливо, її перенесли або в посиланні помилка. Останні статті — на головній сторінці.')
    assert.equal(one(sentence ?? missing, 'a').properties.href, 'https://visnyk.example.org/')
  })

  test("uses the newsroom's own words where its config gives them", () => {
    const frame = page('embed/headlines.html')
    assert.equal(text(one(frame, 'h1')), 'Останні новини: Київський вісник')
    assert.equal(text(one(frame, 'p', (p) => hasClass(p, 'more'))), 'Усі новини «Київський вісник»')
    assert.deepEqual(all(frame, 'time').map(text), ['9 січня 2026 р.', '8 січня 2026 р.', '7 січня 2026 р.'])
  })

  test('writes the embed script with the Ukrainian strings, the language and the zone, and the feed view with no script', () => {
    const script = output.get('embed.js') ?? ''
    assert.match(script, /"lang":"uk","zones":\["Europe\/Kyiv","Europe\/Kiev"\]/)
    assert.doesNotMatch(script, /toLocaleDateString|documentElement\.lang/)
    assert.match(script, /"moreFrom":"Усі новини «\{site\}»"/)
    assert.equal(output.has('feed-view.js'), false)
    assert.doesNotMatch(output.get('feed-view.css') ?? '', /This is a web feed|Latest articles|RSS feed/)
  })
})

describe('the record over time in Ukrainian (#19)', () => {
  const ukrainian = config({ language: 'uk', timeZone: 'Europe/Kyiv', url: 'https://visnyk.example.org/', title: 'Київський вісник' })

  test('labels and dates each correction, update and clarification in Ukrainian, in Kyiv', () => {
    const corrections = [
      { at: '2026-01-07T10:00:00+02:00', kind: 'correction', note: 'Видатки зросли на п’яту частину, а не на чверть.' },
      { at: '2026-01-08T00:30:00+02:00', kind: 'update', note: 'Мер підписав бюджет.' },
      { at: '2026-01-08T09:00:00+02:00', kind: 'clarification', note: 'Суми подано в гривнях.' },
    ]
    const fields = { title: 'Бюджет ухвалено', summary: 'Видатки на транспорт зростуть.', author: 'Олена Коваль', date: '2026-01-06T09:00:00+02:00', corrections }
    const { articles, bodyOf } = rendered([source(fields, 'Текст.\n')], ukrainian)
    const [article] = articles
    if (!article) throw new Error('no article')
    const tree = parseHtml(articlePage(article, bodyOf(article), ukrainian))
    const box = one(tree, 'section', (section) => hasClass(section, 'corrections'))
    assert.equal(text(one(box, 'h2')), 'Виправлення та оновлення')
    assert.deepEqual(all(box, 'li').map(text), [
      'Виправлення від 7 січня 2026 р.: Видатки зросли на п’яту частину, а не на чверть.',
      // 00:30 in Kyiv on 8 January is still 7 January in UTC.
      'Оновлення від 8 січня 2026 р.: Мер підписав бюджет.',
      'Уточнення від 8 січня 2026 р.: Суми подано в гривнях.',
    ])
    assert.equal(one(box, 'h2').properties.lang, undefined, 'the site’s language, declared once on the page')
    const texts = interfaceText(tree)
    assert.deepEqual(englishIn(texts), [])
    assert.deepEqual(latinWords(texts), [])
  })

  test('gives the retraction notice in Ukrainian, dated in Kyiv, the link in the sentence where Ukrainian puts it', () => {
    const retraction = {
      id: 'tag:visnyk.example.org,2025-12-15:study',
      url: 'https://visnyk.example.org/2025/12/study/',
      at: new Date('2026-01-07T22:30:00Z'),
      reason: 'Автори відкликали дослідження, про яке йшлося.',
    }
    const tree = parseHtml(retractionPage(retraction, ukrainian))
    assert.equal(one(tree, 'html').properties.lang, 'uk')
    assert.equal(text(one(tree, 'title')), 'Статтю відкликано – Київський вісник')
    assert.deepEqual(all(one(tree, 'main'), 'p').map(text), [
      'Цю статтю відкликано 8 січня 2026 р.',
      'Причина: Автори відкликали дослідження, про яке йшлося.',
      'Останні статті — на головній сторінці.',
    ])
    const { at: _at, reason: _reason, ...undated } = retraction
    assert.equal(all(one(parseHtml(retractionPage(undated, ukrainian)), 'main'), 'p').map(text)[0], 'Цю статтю відкликано.')
    const texts = interfaceText(tree)
    assert.deepEqual(englishIn(texts), [])
    assert.deepEqual(latinWords(texts), [])
  })

  test('links a topic feed’s teasers to the article in Ukrainian', () => {
    const content = output.get('tags/kyiv/feed.json') ?? ''
    assert.match(content, /Читати статтю/)
    assert.doesNotMatch(content, /Read the article/)
  })
})

describe('sections, topic months and older pages in Ukrainian (#21)', () => {
  const ukrainian = config({ language: 'uk', timeZone: 'Europe/Kyiv', url: 'https://visnyk.example.org/', title: 'Київський вісник', description: 'Новини Києва', feedItems: 1, sections: ['Місто', 'Економіка'] })
  const story = (slug: string, date: string, section: string) =>
    source({ title: `Новина ${{ a: 'перша', b: 'друга', c: 'третя' }[slug] ?? ''}`, summary: 'Що сталося.', author: 'Олена Коваль', date, tags: ['Київ'], section }, 'Текст.\n', `articles/${slug}.md`)
  const built = buildSite([story('a', '2025-12-20T09:00:00+02:00', 'Місто'), story('b', '2026-01-05T09:00:00+02:00', 'Місто'), story('c', '2026-01-06T09:00:00+02:00', 'Економіка')], ukrainian, {
    now: new Date('2026-01-10T12:00:00+02:00'),
  })
  assert.ok(built.ok)
  const files = contents(built.output)
  const tree = (path: string) => parseHtml(files.get(path) ?? '')
  const browsed = [
    'index.html',
    'page/2/index.html',
    '2026/01/b/index.html',
    'sections/misto/index.html',
    'sections/misto/page/2/index.html',
    'sections/misto/archive/2025/12/index.html',
    'tags/kyiv/archive/2026/01/index.html',
    'authors/olena-koval/archive/2025/12/index.html',
  ]

  test('shows no English on a section’s pages, the topics’ month pages and the older pages', () => {
    for (const path of browsed) {
      assert.ok(files.has(path), path)
      const texts = interfaceText(tree(path))
      assert.deepEqual(englishIn(texts), [], path)
      assert.deepEqual(latinWords(texts), [], path)
    }
  })

  test('heads an older page with what it is and its number, and a section’s month with the section', () => {
    assert.equal(text(one(tree('page/2/index.html'), 'h1')), 'Останні новини — сторінка 2 з 3')
    assert.equal(text(one(tree('sections/misto/page/2/index.html'), 'h1')), 'Місто — сторінка 2 з 2')
    assert.deepEqual(all(one(tree('sections/misto/index.html'), 'nav', (nav) => String(nav.properties.ariaLabelledBy) === 'months'), 'h2').map(text), ['За місяцями'])
    const december = tree('sections/misto/archive/2025/12/index.html')
    assert.equal(text(one(december, 'p', (p) => hasClass(p, 'standfirst'))), 'Усі статті рубрики «Місто» на сайті «Київський вісник» за грудень 2025 р.')
    assert.equal(text(one(tree('sections/misto/index.html'), 'p', (p) => hasClass(p, 'kicker'))), 'Рубрика')
  })
})

describe('reading time in Ukrainian', () => {
  const ukrainian = config({ language: 'uk' })
  const label = (words: number) => {
    const { articles, bodyOf } = rendered([source({}, `${'слово '.repeat(words)}\n`)], ukrainian)
    const [article] = articles
    if (!article) throw new Error('no article')
    return text(one(parseHtml(articlePage(article, bodyOf(article), ukrainian)), 'p', (p) => hasClass(p, 'meta'))).split(' · ').at(-1)
  }

  test('takes the plural form the number needs', () => {
    assert.deepEqual([1, 3, 5, 11, 21, 22].map((minutes) => label(minutes * 230)), [
      '1 хвилина читання',
      '3 хвилини читання',
      '5 хвилин читання',
      '11 хвилин читання',
      '21 хвилина читання',
      '22 хвилини читання',
    ])
  })

  test('takes a newsroom’s abbreviation, the same for every number', () => {
    const short = config({ language: 'uk', strings: { readingTime: '{minutes} хв читання' } })
    const { articles, bodyOf } = rendered([source({}, `${'слово '.repeat(5 * 230)}\n`)], short)
    const [article] = articles
    if (!article) throw new Error('no article')
    assert.match(text(one(parseHtml(articlePage(article, bodyOf(article), short)), 'p', (p) => hasClass(p, 'meta'))), / · 5 хв читання$/)
  })
})
