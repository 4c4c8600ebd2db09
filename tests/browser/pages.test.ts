// The home, article, retraction notice and 404 pages in a real browser (Debian chromium): they render, pass axe, and work on a phone.
import assert from 'node:assert/strict'
import { cp } from 'node:fs/promises'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import type { Browser, BrowserContext } from 'playwright-core'
import { readConfig } from '../../src/api.ts'
import { validateConfig } from '../../src/config.ts'
import { build as buildWith } from '../../src/engine/index.ts'
import { readSource } from '../../src/load.ts'
import { fixtures } from '../helpers.ts'
import { accessibilityViolations, build, fixtureCopy, fixtureSite, launch, loopbackOnly, placeholderImage, removeTemporary, screenshot, serve, skipBrowser, temporary, watchErrors } from './browser.ts'

const now = '2026-01-06T12:00:00+02:00'

describe('pages in a browser', { skip: skipBrowser }, () => {
  let browser: Browser
  let site: { url: string; close: () => Promise<void> }
  before(async () => {
    site = await serve(await build(await fixtureSite(), now))
    browser = await launch()
  })
  after(async () => {
    await browser?.close()
    await site?.close()

    await removeTemporary()
  })

  /** A page on our preview server; the live site's lead image is answered with a placeholder, anything else refused. */
  async function open(path: string, options: { colorScheme?: 'light' | 'dark'; phone?: boolean; width?: number; base?: string } = {}) {
    const context: BrowserContext = await browser.newContext({
      colorScheme: options.colorScheme ?? 'light',
      ...(options.phone && { viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }),
      ...(options.width !== undefined && { viewport: { width: options.width, height: 900 } }),
    })
    const refused = await loopbackOnly(context, (url) => (url.pathname.startsWith('/desk/images/') ? placeholderImage : undefined))
    const page = await context.newPage()
    const errors = watchErrors(page)
    const response = await page.goto((options.base ?? site.url) + path)
    return { page, errors, refused, status: response?.status(), close: () => context.close() }
  }

  test('the home page lists the headlines, offers the feeds, and passes axe, with no console errors', async () => {
    const { page, errors, refused, close } = await open('')
    try {
      assert.equal(await page.title(), 'Kyiv & Paris Desk')
      assert.deepEqual(await page.locator('.news h3').allTextContents(), [
        'Allies draft "binding" guarantees at Paris summit',
        'A < B & C ]]> and ]]> again: Київ',
      ])
      const feeds = await page.locator('link[rel=alternate]').evaluateAll((links) =>
        links.map((link) => [link.getAttribute('type'), link.getAttribute('title'), (link as HTMLLinkElement).href]),
      )
      assert.deepEqual(feeds, [
        ['application/rss+xml', 'Kyiv & Paris Desk (RSS)', `${site.url}feed.xml`],
        ['application/atom+xml', 'Kyiv & Paris Desk (Atom)', `${site.url}atom.xml`],
        ['application/feed+json', 'Kyiv & Paris Desk (JSON Feed)', `${site.url}feed.json`],
      ])
      // The visible subscribe links reach the feeds themselves.
      for (const name of ['RSS', 'Atom', 'JSON Feed']) {
        const href = await page.locator('#subscribe + p + ul').getByRole('link', { name, exact: true }).evaluate((a) => (a as HTMLAnchorElement).href)
        assert.equal((await page.request.get(href)).status(), 200, href)
      }
      assert.deepEqual(await accessibilityViolations(page), [])
      assert.deepEqual(errors, [])
      assert.deepEqual(refused, [])
      await screenshot(page, 'home')
    } finally {
      await close()
    }
  })

  test('the front page looks like a newsroom\'s at 375 and 1280 px, light and dark: masthead once, the newest story leading with its image, thumbnails, the feeds second (screenshots in test-output/browser/)', async () => {
    // The fixture newsroom and three later stories, two of them with an image: a front page with something to lead and to list.
    const story = (title: string, date: string, image: boolean) =>
      `---\ntitle: ${title}\nsummary: What happened, in one sentence a reader can take in at a glance.\nauthor: Bo Reporter\ndate: ${date}\ntags: [Ukraine]\n` +
      (image ? 'image:\n  src: images/summit.jpg\n  alt: Delegates leave the summit hall\n' : '') +
      '---\n\nBody.\n'
    const dir = await fixtureSite({
      'talks.md': story('Talks resume in Geneva after a week of shuttle diplomacy between the capitals', '2026-01-06T11:00:00+02:00', true),
      'grid.md': story('Power grid holds through the coldest night of the winter', '2026-01-06T10:00:00+02:00', false),
      'grain.md': story('Grain corridor ships a record tonnage in December', '2026-01-06T09:45:00+02:00', true),
    })
    const front = await serve(await build(dir, now))
    try {
      for (const width of [375, 1280]) {
        for (const colorScheme of ['light', 'dark'] as const) {
          const { page, errors, refused, close } = await open('', { colorScheme, base: front.url, ...(width === 375 ? { phone: true } : { width }) })
          const where = `${width} px, ${colorScheme}`
          try {
            assert.deepEqual(await page.getByRole('heading', { level: 1 }).allTextContents(), ['Kyiv & Paris Desk'], where)
            assert.equal(await page.getByText('Kyiv & Paris Desk', { exact: true }).count(), 1, `${where}: the name shows once`)
            const lead = page.locator('.lead-story')
            assert.equal(await lead.locator('h3').textContent(), 'Talks resume in Geneva after a week of shuttle diplomacy between the capitals')
            const image = lead.getByRole('img', { name: 'Delegates leave the summit hall' })
            assert.ok(await image.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0), `${where}: lead image loaded`)
            assert.equal(await page.locator('.headlines .thumb').count(), 2, `${where}: thumbnails for the others with an image`)
            // The news comes first: above the feeds on a phone, beside them (and wider) on a large screen.
            const news = await page.locator('section.news').boundingBox()
            const feeds = await page.locator('#subscribe').boundingBox()
            assert.ok(news && feeds)
            if (width === 375) assert.ok(feeds.y > news.y + news.height - 1, `${where}: the feeds come after the news`)
            else assert.ok(feeds.x > news.x + news.width && news.width > 1.5 * feeds.width, `${where}: the feeds beside the news, narrower`)
            // Each part of a feed's address (`https://news.example.org/`, `desk/`, `feed.xml`) sits on one line: it wraps only between them.
            const split = await page.locator('.feed-url').evaluateAll((codes) =>
              codes.flatMap((code) =>
                [...code.childNodes]
                  .filter((node) => node.nodeType === Node.TEXT_NODE)
                  .filter((node) => {
                    const range = document.createRange()
                    range.selectNodeContents(node)
                    return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size > 1
                  })
                  .map((node) => node.textContent),
              ),
            )
            assert.deepEqual(split, [], `${where}: a feed address broken mid-word`)
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
            assert.equal(overflow, 0, `${where}: scrolls sideways`)
            assert.deepEqual(await accessibilityViolations(page), [], where)
            assert.deepEqual(errors, [], where)
            assert.deepEqual(refused, [], where)
            await screenshot(page, `front-${width}-${colorScheme}`)
          } finally {
            await close()
          }
        }
      }
    } finally {
      await front.close()
    }
  })

  test('a headline on the home page leads to its article page', async () => {
    const { page, errors, close } = await open('')
    try {
      await page.getByRole('link', { name: 'Allies draft "binding" guarantees at Paris summit' }).click()
      await page.waitForURL(`${site.url}2026/01/summit/`)
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Allies draft "binding" guarantees at Paris summit')
      await page.getByRole('link', { name: 'Kyiv & Paris Desk' }).click()
      await page.waitForURL(site.url)
      assert.deepEqual(errors, [])
    } finally {
      await close()
    }
  })

  test('an article page shows the story with its lead image, declares itself, and passes axe', async () => {
    const { page, errors, refused, close } = await open('2026/01/summit/')
    try {
      assert.equal(await page.locator('.standfirst').textContent(), 'A draft statement promises commitments, not assurances.')
      assert.match(await page.locator('article .meta').first().textContent() ?? '', /^By Ann Writer and Bo Reporter · 6 January 2026 · Updated 7 January 2026 · 1 min read$/)
      const image = page.getByRole('img', { name: 'Leaders at the summit table' })
      assert.ok(await image.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0), 'lead image loaded')
      assert.equal(await page.locator('.prose h2').textContent(), 'What the draft says')
      const data = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent() ?? '')
      assert.equal(data['@type'], 'NewsArticle')
      assert.equal(await page.locator('link[rel=canonical]').getAttribute('href'), 'https://news.example.org/desk/2026/01/summit/')
      assert.equal(await page.locator('meta[property="og:image"]').getAttribute('content'), 'https://news.example.org/desk/images/summit.jpg')
      assert.deepEqual(await accessibilityViolations(page), [])
      assert.deepEqual(errors, [])
      assert.deepEqual(refused, [])
      await screenshot(page, 'article')
    } finally {
      await close()
    }
  })

  test('pages fit a phone screen and pass axe in dark mode too', async () => {
    for (const path of ['', '2026/01/summit/', '2026/01/symbols/']) {
      const { page, errors, close } = await open(path, { phone: true, colorScheme: 'dark' })
      try {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
        assert.equal(overflow, 0, `${path || 'home'} scrolls sideways`)
        assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(20, 20, 20)')
        assert.deepEqual(await accessibilityViolations(page), [], path)
        assert.deepEqual(errors, [], path)
        if (path === '2026/01/summit/') await screenshot(page, 'article-phone-dark')
      } finally {
        await close()
      }
    }
  })

  test('pages work without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    await loopbackOnly(context, () => placeholderImage)
    const page = await context.newPage()
    try {
      await page.goto(site.url)
      await page.getByRole('link', { name: 'A < B & C ]]> and ]]> again: Київ' }).click()
      await page.waitForURL(`${site.url}2026/01/symbols/`)
      // In Ukrainian on an English site: the page's interface is Ukrainian, so the whole document is (#21).
      assert.equal(await page.locator('html').getAttribute('lang'), 'uk')
      assert.match(await page.locator('.prose').textContent() ?? '', /Body with \]\]> twice/)
    } finally {
      await context.close()
    }
  })

  test('a corrected article’s box and a retraction notice read well and pass axe, light and dark (tests/fixtures/record)', async () => {
    const dir = await fixtureCopy('record')
    const config = validateConfig(readSource(join(dir, 'wirefeed.config.yaml')))
    const ledger = readSource(join(dir, 'live/ledger.json'))
    if (!config || !ledger) throw new Error('the record fixture has no config or ledger')
    const out = join(dir, 'dist')
    const built = await buildWith({ articles: join(dir, 'articles'), config, ledger, now: new Date('2026-01-10T00:00:00Z'), write: true, out, cache: join(dir, '.cache') })
    assert.ok(built.ok, built.files.flatMap((file) => file.messages.filter((message) => message.fatal)).join('; '))
    const record = await serve(out)
    try {
      for (const colorScheme of ['light', 'dark'] as const) {
        const box = await open('2026/01/metro/', { colorScheme, base: record.url })
        try {
          const section = box.page.getByRole('region', { name: 'Corrections and updates' })
          assert.deepEqual(await section.getByRole('listitem').allTextContents(), [
            'Update, 6 January 2026: The city now says the line reopens on 19 January, a day earlier.',
            'Clarification, 6 January 2026: Buses replace the trains between the closed stations only.',
          ])
          assert.deepEqual(await accessibilityViolations(box.page), [], colorScheme)
          assert.deepEqual(box.errors, [])
          await section.scrollIntoViewIfNeeded()
          await screenshot(box.page, `article-corrections-${colorScheme}`)
        } finally {
          await box.close()
        }
        const notice = await open('2025/12/withdrawn/', { colorScheme, base: record.url })
        try {
          assert.equal(notice.status, 200)
          assert.equal(await notice.page.getByRole('heading', { level: 1 }).textContent(), 'Article retracted')
          assert.equal(await notice.page.locator('meta[name="robots"]').getAttribute('content'), 'noindex')
          assert.equal(await notice.page.getByRole('link', { name: 'home page' }).getAttribute('href'), 'https://news.example.org/record/')
          assert.deepEqual(await accessibilityViolations(notice.page), [], colorScheme)
          assert.deepEqual(notice.errors, [])
          await screenshot(notice.page, `retraction-notice-${colorScheme}`)
        } finally {
          await notice.close()
        }
      }
    } finally {
      await record.close()
    }
  })

  test('topic, author, month, archive and older pages read well on a phone, light and dark, and pass axe (tests/fixtures/record, two to a page)', async () => {
    const dir = await fixtureCopy('record')
    // With its authors' register, as `wirefeed build` reads it: Ann Writer's page has her bio and link.
    const read = readConfig(join(dir, 'wirefeed.config.yaml'))
    const config = 'config' in read ? read.config : undefined
    const ledger = readSource(join(dir, 'live/ledger.json'))
    if (!config?.authors || !ledger) throw new Error('the record fixture has no config, register or ledger')
    const out = join(dir, 'dist')
    const built = await buildWith({ articles: join(dir, 'articles'), config: { ...config, feedItems: 2 }, ledger, now: new Date('2026-01-10T00:00:00Z'), write: true, out, cache: join(dir, '.cache') })
    assert.ok(built.ok, built.files.flatMap((file) => file.messages.filter((message) => message.fatal)).join('; '))
    const record = await serve(out)
    try {
      const pages = { 'tags/kyiv/': 'Kyiv', 'authors/ann-writer/': 'Ann Writer', 'archive/2026/01/': 'January 2026', 'archive/': 'Archive', 'page/2/': 'Latest headlines — page 2 of 2', 'sections/city/': 'City', 'sections/city/archive/2025/12/': 'December 2025' }
      for (const colorScheme of ['light', 'dark'] as const) {
        for (const [path, heading] of Object.entries(pages)) {
          const { page, errors, close } = await open(path, { colorScheme, phone: true, base: record.url })
          try {
            assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), heading, path)
            if (path === 'authors/ann-writer/') assert.equal(await page.locator('.bio').first().textContent(), 'Covers the city council and its budget.')
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
            assert.equal(overflow, 0, `${path} scrolls sideways`)
            assert.deepEqual(await accessibilityViolations(page), [], `${path} ${colorScheme}`)
            assert.deepEqual(errors, [], path)
            await screenshot(page, `${path.replaceAll('/', '-') || 'home-'}phone-${colorScheme}`.replace(/-+/g, '-'))
          } finally {
            await close()
          }
        }
      }
      // The topic page offers its own feeds first to readers' autodiscovery, and its pages lead on to the older articles.
      const { page, close } = await open('tags/kyiv/', { base: record.url })
      try {
        assert.equal(await page.locator('link[rel=alternate]').first().getAttribute('href'), 'feed.xml')
        assert.equal((await page.request.get(`${record.url}tags/kyiv/feed.xml`)).status(), 200)
      } finally {
        await close()
      }
    } finally {
      await record.close()
    }
  })

  test('the 404 page passes axe and links home', async () => {
    const { page, errors, close } = await open('404.html')
    try {
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Page not found')
      assert.equal(await page.getByRole('link', { name: 'home page' }).getAttribute('href'), 'https://news.example.org/desk/')
      assert.deepEqual(await accessibilityViolations(page), [])
      assert.deepEqual(errors, [])
    } finally {
      await close()
    }
  })

  test('a reader of the seed site can read its article and find the feeds (wirefeed serve on dist/)', async () => {
    // The seed site, as `npm run build` and `wirefeed serve` use it.
    const dir = await temporary()
    await cp(new URL('seed/', fixtures), dir, { recursive: true })
    const seed = await serve(await build(dir, '2026-11-27T00:00:00Z'))
    const { page, errors, close } = await open('', { base: seed.url })
    try {
      const headline = 'Ukraine Security Guarantees to Include Binding Commitments, Draft Paris Summit Statement Reveals'
      await page.getByRole('link', { name: headline }).click()
      await page.waitForURL(`${seed.url}2026/01/ukraine-security-guarantees/`)
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), headline)
      assert.match(await page.locator('article .meta').textContent() ?? '', /^By Raja Awais Ali · January 6, 2026 · 2 min read$/)
      assert.deepEqual(await accessibilityViolations(page), [])
      await page.getByRole('link', { name: 'RSS', exact: true }).click()
      await page.waitForURL(`${seed.url}feed.xml`)
      assert.deepEqual(errors, [])
    } finally {
      await close()
      await seed.close()
    }
  })
})
