/// <reference lib="dom" />
// A site in Ukrainian (tests/fixtures/ukrainian/: `language: uk`, Europe/Kyiv)
// in a real browser (Debian chromium) set to English in Los Angeles, ten hours
// behind Kyiv: every page, the 404, a feed view and the partner headlines
// (script and frame) show Ukrainian interface text only, and the dates the
// site gives, never the visitor's (the feed view, CSS alone, shows none).
import assert from 'node:assert/strict'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core'
import { englishIn, latinWords } from '../strings/english.ts'
import { stubServer } from '../stub-server.ts'
import { accessibilityViolations, build, fixtureCopy, launch, loopbackOnly, removeTemporary, screenshot, serve, skipBrowser, watchErrors } from './browser.ts'

/** "Станцію метро «Либідська»…" is dated 00:30 in Kyiv on 9 January: 14:30 on 8 January in Los Angeles. */
const metro = { title: 'Станцію метро «Либідська» відкрили після ремонту', instant: '2026-01-08T22:30:00.000Z' }

/**
 * The interface text of a document, or of the part `selector` names (shadow
 * roots included): every text node but in scripts, styles and the article's
 * body, and the labels, titles and alternative texts people are read.
 * Inline, with no named helpers: tsx would wrap them in a `__name()` the page does not have.
 */
async function interfaceText(target: Page | Frame, selector?: string): Promise<string[]> {
  return target.evaluate((selector) => {
    const texts: string[] = selector ? [] : [document.title]
    const start: Node | null | undefined = selector ? document.querySelector(selector) : document.documentElement
    const stack: Node[] = start ? [start] : []
    while (stack.length > 0) {
      const node = stack.pop() as Node
      if (node.nodeType === Node.TEXT_NODE) {
        texts.push(node.textContent ?? '')
        continue
      }
      if (node.nodeType !== Node.ELEMENT_NODE) continue
      const element = node as Element
      if (['script', 'style'].includes(element.localName) || element.classList.contains('prose')) continue
      // A feed's address is one text, in parts only so that it wraps between them.
      if (element.classList.contains('feed-url')) {
        texts.push(element.textContent ?? '')
        continue
      }
      for (const name of ['aria-label', 'title', 'alt', 'placeholder']) {
        const value = element.getAttribute(name)
        if (value) texts.push(value)
      }
      if (element.shadowRoot) stack.push(...Array.from(element.shadowRoot.childNodes))
      stack.push(...Array.from(element.childNodes))
    }
    return texts.filter((text) => text.trim() !== '')
  }, selector)
}

/** No English strings table's piece, and no word in Latin letters but names (RSS, Atom…). */
async function assertUkrainian(target: Page | Frame, where: string, selector?: string) {
  const texts = await interfaceText(target, selector)
  assert.ok(texts.length > 0, `${where}: some text was collected`)
  assert.deepEqual(englishIn(texts), [], `${where}: English strings`)
  assert.deepEqual(latinWords(texts), [], `${where}: words in Latin letters`)
}

describe('a Ukrainian site in an English browser in Los Angeles', { skip: skipBrowser }, () => {
  let browser: Browser
  let site: { url: string; close: () => Promise<void> }
  /** The icon made from the site's initials, which the 404 page links at the live site's address. */
  let icon = ''
  let partner: Awaited<ReturnType<typeof stubServer>>
  const partnerPages = new Map<string, string>()

  before(async () => {
    const out = await build(await fixtureCopy('ukrainian'), '2026-01-10T12:00:00+02:00')
    icon = await readFile(join(out, 'icon.svg'), 'utf8')
    site = await serve(out)
    partner = await stubServer((req, res) => {
      const html = partnerPages.get(new URL(req.url ?? '/', 'http://x').pathname)
      res.writeHead(html ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' }).end(html ?? '')
    })
    browser = await launch()
  })
  after(async () => {
    await browser?.close()
    await site?.close()
    await partner?.close()
    await removeTemporary()
  })

  /** A page in a context with the visitor's settings far from the site's. */
  async function open(url: string, options: { javaScriptEnabled?: boolean; setup?: (context: BrowserContext) => Promise<void> } = {}) {
    const context = await browser.newContext({ timezoneId: 'America/Los_Angeles', locale: 'en-US', javaScriptEnabled: options.javaScriptEnabled ?? true })
    const refused = await loopbackOnly(context, (url) => (url.href === 'https://visnyk.example.org/icon.svg' ? { contentType: 'image/svg+xml', body: icon } : undefined))
    await options.setup?.(context)
    const page = await context.newPage()
    const errors = watchErrors(page)
    await page.goto(url)
    return { page, errors, refused, close: () => context.close() }
  }

  /** A partner's page in English, with our snippet in it. */
  function partnerPage(snippet: string): string {
    const path = `/partner-${partnerPages.size}`
    partnerPages.set(
      path,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The Partner Gazette</title></head><body><main><h1>The Partner Gazette</h1><aside aria-label="From our partners">${snippet}</aside></main></body></html>`,
    )
    return partner.url.replace(/\/$/, '') + path
  }

  test('the browser really is in Los Angeles: the visitor’s calendar says 8 January', async () => {
    const { page, close } = await open(`${site.url}404.html`)
    try {
      const visitor = await page.evaluate((instant) => [Intl.DateTimeFormat().resolvedOptions().timeZone, new Intl.DateTimeFormat('uk', { dateStyle: 'long' }).format(new Date(instant))], metro.instant)
      assert.deepEqual(visitor, ['America/Los_Angeles', '8 січня 2026 р.'])
    } finally {
      await close()
    }
  })

  test('the home page, an article page and the 404 are in Ukrainian, dated in Kyiv, and pass axe', async () => {
    for (const path of ['', '2026/01/metro/', '2026/01/budget/', '404.html']) {
      const { page, errors, refused, close } = await open(site.url + path)
      try {
        assert.equal(await page.getAttribute('html', 'lang'), 'uk', path)
        await assertUkrainian(page, path || 'home')
        assert.deepEqual(await accessibilityViolations(page), [], path)
        assert.deepEqual(errors, [], path)
        assert.deepEqual(refused, [], path)
        if (path === '') {
          assert.equal(await page.getByRole('heading', { level: 2 }).first().textContent(), 'Останні новини')
          assert.equal(await page.locator(`.news time[datetime="${metro.instant}"]`).textContent(), '9 січня 2026 р.')
          await screenshot(page, 'uk-home')
        }
        if (path === '2026/01/metro/') {
          assert.equal(await page.locator('article p.meta').textContent(), 'Автор: Олена Коваль · 9 січня 2026 р. · 1 хвилина читання')
          await screenshot(page, 'uk-article')
        }
        if (path === '404.html') {
          assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Сторінку не знайдено')
          assert.equal(await page.getByRole('link', { name: 'головній сторінці' }).getAttribute('href'), 'https://visnyk.example.org/')
        }
      } finally {
        await close()
      }
    }
  })

  /**
   * What a feed view shows: the text of every element the stylesheet leaves
   * visible and every text it generates (`::before`, `::after`), in document
   * order. Inline, with no named helpers (see `interfaceText`).
   */
  async function feedViewText(page: Page): Promise<Array<{ element: string; text: string }>> {
    return page.evaluate(() => {
      const shown: Array<{ element: string; text: string }> = []
      for (const element of [...document.getElementsByTagName('*')]) {
        if (!element.checkVisibility()) continue
        for (const pseudo of ['::before', '::after']) {
          const content = getComputedStyle(element, pseudo).content
          // A list of CSS strings, as Chromium gives it: "…\a \a …".
          // `""` shows no text: the box of the site's icon before the title.
          if (content !== 'none' && content !== 'normal' && content !== '""') shown.push({ element: element.localName + pseudo, text: content.replace(/\\a /g, '\n').replace(/"/g, '') })
        }
        for (const node of [...element.childNodes]) {
          if (node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '') shown.push({ element: element.localName, text: (node.textContent ?? '').trim() })
        }
      }
      return shown
    })
  }

  // The view is CSS alone (src/pages/feed-view-style.ts): no copy button, and no date, which CSS cannot put in the site's zone and words.
  test('a tag’s feed view, RSS and Atom, is in Ukrainian: its kind, note and heading, the metro article first, no English and no date', async () => {
    for (const [file, kind] of [['feed.xml', 'Стрічка RSS'], ['atom.xml', 'Стрічка Atom']] as const) {
      const { page, errors, refused, close } = await open(`${site.url}tags/kyiv/${file}`, { javaScriptEnabled: false })
      try {
        const shown = await feedViewText(page)
        const texts = shown.map((entry) => entry.text)
        assert.deepEqual(texts.slice(0, 2), [kind, 'Київський вісник — Київ'], file)
        const note = shown.find((entry) => entry.element.endsWith('::after') && entry.text.startsWith('Це вебстрічка.'))
        assert.match(note?.text ?? '', /Нижче браузер показує останні матеріали стрічки\.\n\nУ читачі виберіть «Додати стрічку»/, file)
        const heading = texts.indexOf('Останні статті')
        assert.ok(heading > 0, file)
        assert.equal(texts[heading + 1], metro.title, file)
        const dates = texts.filter((text) => !text.startsWith('https://') && /\b(19|20)\d\d-\d\d|\d\d:\d\d|GMT|\bJan\b/.test(text))
        assert.deepEqual(dates, [], `${file}: no date`)
        assert.deepEqual(englishIn(texts), [], `${file}: English strings`)
        assert.deepEqual(latinWords(texts), [], `${file}: words in Latin letters`)
        assert.deepEqual(errors, [], file)
        assert.deepEqual(refused, [], file)
        await screenshot(page, `uk-feed-view-${file.replace('.xml', '')}`, false)
      } finally {
        await close()
      }
    }
  })

  test('the partner headlines from embed.js are in Ukrainian on an English page, marked as such, dated in Kyiv', async () => {
    const { page, errors, close } = await open(partnerPage(`<script src="${site.url}embed.js" async></script>`))
    try {
      const list = page.getByRole('list', { name: 'Останні новини: Київський вісник' })
      await list.waitFor()
      assert.equal(await page.locator('wirefeed-headlines .box').getAttribute('lang'), 'uk')
      const first = list.getByRole('listitem').first()
      assert.equal(await first.getByRole('link').textContent(), metro.title)
      assert.equal(await first.locator('time').textContent(), '9 січ. 2026 р.')
      assert.equal(await page.locator('wirefeed-headlines .more a').textContent(), 'Усі новини «Київський вісник»')
      await assertUkrainian(page, 'embed.js', 'wirefeed-headlines')
      assert.deepEqual(await accessibilityViolations(page, 'wirefeed-headlines'), [])
      assert.deepEqual(errors, [])
      await screenshot(page, 'uk-partner-headlines')
    } finally {
      await close()
    }
  })

  test('when the headlines cannot be fetched, the link embed.js leaves is in Ukrainian too', async () => {
    const { page, close } = await open(partnerPage(`<script src="${site.url}embed.js" async></script>`), {
      setup: async (context) => {
        await context.route('**/headlines.json', (route) => route.abort('failed'))
      },
    })
    try {
      const link = page.locator('wirefeed-headlines .box a')
      await link.waitFor()
      assert.equal(await link.textContent(), 'Новини на сайті «Київський вісник»')
      await assertUkrainian(page, 'embed.js without data', 'wirefeed-headlines')
    } finally {
      await close()
    }
  })

  test('the partner headlines frame is in Ukrainian, dated in Kyiv, and passes axe', async () => {
    const { page, close } = await open(partnerPage(`<iframe src="${site.url}embed/headlines.html?count=3" title="Новини" width="360" height="420"></iframe>`))
    try {
      const frame = page.frameLocator('iframe')
      await frame.getByRole('list').waitFor()
      const inside = page.frames().find((f) => f.url().startsWith(`${site.url}embed/`))
      if (!inside) throw new Error('no frame')
      assert.equal(await inside.evaluate(() => document.documentElement.lang), 'uk')
      assert.equal(await frame.locator(`time[datetime="${metro.instant}"]`).textContent(), '9 січня 2026 р.')
      await assertUkrainian(inside, 'frame')
      assert.deepEqual(await accessibilityViolations(inside), [])
    } finally {
      await close()
    }
  })
})

// A site in Ukrainian that also publishes in English (tests/fixtures/bilingual/,
// issue #21): an English article's page is in English throughout, its
// Ukrainian version's page in Ukrainian only but for the name of the language
// its translation is in.
describe('a Ukrainian site with English translations, in an English browser', { skip: skipBrowser }, () => {
  let browser: Browser
  let site: { url: string; close: () => Promise<void> }

  before(async () => {
    const out = await build(await fixtureCopy('bilingual'), '2026-02-06T12:00:00+02:00')
    // A partner's page in English, on the site's origin, with the headlines' script in it.
    await writeFile(
      join(out, 'partner.html'),
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The Partner Gazette</title></head><body><main><h1>The Partner Gazette</h1><aside aria-label="From our partners"><script src="embed.js" async></script></aside></main></body></html>',
    )
    site = await serve(out)
    browser = await launch()
  })
  after(async () => {
    await browser?.close()
    await site?.close()
    await removeTemporary()
  })

  async function open(path: string) {
    const context = await browser.newContext({ timezoneId: 'America/Los_Angeles', locale: 'en-US' })
    const refused = await loopbackOnly(context)
    const page = await context.newPage()
    const errors = watchErrors(page)
    await page.goto(site.url + path)
    return { page, errors, refused, close: () => context.close() }
  }

  test('an English article’s page is in English: its document, its interface, its dates in Kyiv, and it passes axe', async () => {
    const { page, errors, refused, close } = await open('2026/01/metro-en/')
    try {
      assert.equal(await page.getAttribute('html', 'lang'), 'en')
      const english = englishIn(await interfaceText(page))
      for (const piece of ['Skip to content', 'By', 'min read', 'Corrections and updates', 'Also in:', 'Archive: every article, month by month']) assert.ok(english.includes(piece), piece)
      assert.equal(await page.locator('article p.meta').textContent(), 'By Olena Koval · January 12, 2026 · Updated January 13, 2026 · 1 min read')
      assert.equal(await page.getByRole('link', { name: 'Українська' }).getAttribute('hreflang'), 'uk')
      assert.deepEqual(await accessibilityViolations(page), [])
      assert.deepEqual(errors, [])
      assert.deepEqual(refused, [])
      await screenshot(page, 'bilingual-en-article')
    } finally {
      await close()
    }
  })

  /** Each headline link's language as the browser resolves it (the nearest `lang`), and its article's, from its page's `<html lang>`. */
  async function headlineLanguages(page: Page, selector: string) {
    const links = await page.locator(selector).evaluateAll((anchors) => anchors.map((a) => [new URL((a as HTMLAnchorElement).href).pathname, a.closest('[lang]')?.getAttribute('lang') ?? '']))
    const found: string[] = []
    for (const [path, language] of links) {
      const html = await (await page.request.get(new URL(path ?? '', site.url).href)).text()
      found.push(`${/<html lang="([^"]+)"/.exec(html)?.[1]} read as ${language}`)
    }
    return [...new Set(found)].sort()
  }

  test('the Ukrainian home page reads each English headline and standfirst in English, and passes axe', async () => {
    const { page, errors, refused, close } = await open('')
    try {
      assert.equal(await page.getAttribute('html', 'lang'), 'uk')
      assert.deepEqual(await headlineLanguages(page, '.lead-story h3 a, .headlines h2 a, .headlines h3 a'), ['en read as en', 'uk read as uk'])
      const standfirsts = await page.locator('.lead-story .standfirst, .headlines .story > p:not(.kicker):not(.meta)').evaluateAll((ps) => ps.map((p) => p.closest('[lang]')?.getAttribute('lang')))
      assert.deepEqual([...new Set(standfirsts)].sort(), ['en', 'uk'])
      assert.deepEqual(await accessibilityViolations(page), [])
      assert.deepEqual(errors, [])
      assert.deepEqual(refused, [])
    } finally {
      await close()
    }
  })

  test('the partner headlines from embed.js read an English headline in English among Ukrainian ones, and pass axe', async () => {
    const { page, errors, close } = await open('partner.html')
    try {
      await page.locator('wirefeed-headlines li a').first().waitFor()
      assert.deepEqual(await headlineLanguages(page, 'wirefeed-headlines li a'), ['en read as en', 'uk read as uk'])
      assert.deepEqual(await accessibilityViolations(page, 'wirefeed-headlines'), [])
      assert.deepEqual(errors, [])
    } finally {
      await close()
    }
  })

  test('its Ukrainian version’s page has no English interface text, only the name of the language it is also in', async () => {
    const { page, errors, refused, close } = await open('2026/01/metro/')
    try {
      assert.equal(await page.getAttribute('html', 'lang'), 'uk')
      const texts = await interfaceText(page)
      assert.deepEqual(englishIn(texts), [])
      assert.deepEqual(latinWords(texts), ['English'])
      assert.equal(await page.getByRole('link', { name: 'English' }).getAttribute('lang'), 'en')
      assert.deepEqual(await accessibilityViolations(page), [])
      assert.deepEqual(errors, [])
      assert.deepEqual(refused, [])
    } finally {
      await close()
    }
  })
})
