// The partner headlines in a real browser (Debian chromium): our site on one
// 127.0.0.1 port, a partner's page on another, so every request is cross-origin.
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { Headlines } from '../../src/widget/headlines.ts'
import { stubServer } from '../stub-server.ts'
import { accessibilityViolations, build, fixtureSite, launch, loopbackOnly, removeTemporary, screenshot, serve, skipBrowser } from './browser.ts'

const hostileTitle = '<img src=x onerror="window.pwned=true"> Breaking & "quoted"'
const article = (name: string, title: string, date: string, tags: string[]) =>
  [name, `---\ntitle: '${title}'\nsummary: About ${name}.\nauthor: Ann Writer\ndate: ${date}\ntags: [${tags.join(', ')}]\n---\n\nBody.\n`] as const

/** Published at the test's "now", newest first: grid, hostile, summit (fixture), markets, weather, symbols (fixture). */
const extra = Object.fromEntries([
  article('grid.md', 'Grid repairs continue in Kyiv', '2026-01-06T11:00:00+02:00', ['Ukraine', 'Energy']),
  article('hostile.md', hostileTitle, '2026-01-06T10:00:00+02:00', ['Security']),
  article('markets.md', 'Markets steady', '2026-01-06T08:00:00+02:00', ['Economy']),
  article('weather.md', 'Snow expected', '2026-01-06T07:00:00+02:00', ['Weather']),
])

/** The partner's own page: its own content, its own error log, and our snippet where the list should go. */
function partnerPage(snippet: string, css = '') {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>The Partner Gazette</title>
<script>window.hostErrors = []; addEventListener('error', (e) => hostErrors.push(String(e.message))); addEventListener('unhandledrejection', (e) => hostErrors.push('unhandled rejection: ' + e.reason));</script>
<style>body{font:17px/1.5 Georgia,serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#222;background:#faf7f0}aside{max-width:24rem;margin-top:2rem}${css}</style>
</head><body><header><h1>The Partner Gazette</h1></header>
<main><p id="own">Our own story, the one our readers came for. <a class="own" href="#">Read on</a></p>
<ul class="own"><li>Our list item</li></ul>
<aside aria-label="From our partners"><h2>From our partners</h2>
${snippet}
</aside></main></body></html>`
}

describe('partner headlines in a browser', { skip: skipBrowser }, () => {
  let browser: Browser
  let site: { url: string; close: () => Promise<void> }
  let partner: Awaited<ReturnType<typeof stubServer>>
  let headlines: Headlines
  let dist = ''
  const pages = new Map<string, string>()
  const script = (attributes: string) => `<script src="${site.url}embed.js" ${attributes} async></script>`

  before(async () => {
    dist = await build(await fixtureSite(extra), '2026-01-06T12:00:00+02:00')
    headlines = JSON.parse(await readFile(join(dist, 'headlines.json'), 'utf8'))
    site = await serve(dist)
    partner = await stubServer((req, res) => {
      const html = pages.get(new URL(req.url ?? '/', 'http://x').pathname)
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

  /** Open a partner page; `setup` may intercept requests first. */
  async function open(html: string, options: { colorScheme?: 'light' | 'dark'; javaScriptEnabled?: boolean; setup?: (page: Page) => Promise<void> } = {}) {
    const path = `/page-${pages.size}`
    pages.set(path, html)
    const context: BrowserContext = await browser.newContext({ colorScheme: options.colorScheme ?? 'light', javaScriptEnabled: options.javaScriptEnabled ?? true })
    await loopbackOnly(context)
    const page = await context.newPage()
    const uncaught: string[] = []
    page.on('pageerror', (error) => uncaught.push(error.message))
    await options.setup?.(page)
    await page.goto(partner.url.replace(/\/$/, '') + path)
    const hostErrors = async () => [...uncaught, ...(options.javaScriptEnabled === false ? [] : await page.evaluate(() => (window as unknown as { hostErrors: string[] }).hostErrors))]
    return { page, hostErrors, close: () => context.close() }
  }

  const titles = (page: Page) => page.locator('wirefeed-headlines li a').allTextContents()
  const ourList = (page: Page) => page.locator('wirefeed-headlines').getByRole('list')
  const newest = (count: number, tag?: string) =>
    headlines.items.filter((item) => !tag || item.tags.some((t) => t.toLowerCase() === tag.toLowerCase())).slice(0, count).map((item) => item.title)

  test('renders our newest headlines where the script is, as a labelled list of links', async () => {
    const { page, hostErrors, close } = await open(partnerPage(script('data-count="3"')))
    try {
      const list = page.getByRole('list', { name: 'Latest from Kyiv & Paris Desk' })
      await list.waitFor()
      assert.deepEqual(await titles(page), newest(3))
      assert.deepEqual(await page.locator('wirefeed-headlines li a').evaluateAll((links) => links.map((a) => a.getAttribute('href'))), headlines.items.slice(0, 3).map((item) => item.url))
      assert.equal(await list.getByRole('listitem').count(), 3)
      assert.equal(await page.evaluate(() => document.querySelector('aside script')?.previousElementSibling?.localName), 'wirefeed-headlines')
      assert.equal(await page.getByRole('link', { name: 'More from Kyiv & Paris Desk' }).getAttribute('href'), site.url)
      assert.deepEqual(await accessibilityViolations(page, 'wirefeed-headlines'), [])
      assert.deepEqual(await hostErrors(), [])
      await screenshot(page, 'partner-headlines')
    } finally {
      await close()
    }
  })

  test('honours data-count and data-tag (any case), at most 20, five by default', async () => {
    const cases: Array<[string, string[]]> = [
      ['data-count="5" data-tag="Ukraine"', newest(5, 'ukraine')],
      ['data-count="1" data-tag="r&amp;d"', newest(1, 'R&D')],
      ['data-count="999"', newest(20)],
      ['data-count="zero"', newest(5)],
      ['', newest(5)],
    ]
    assert.deepEqual(cases[0]?.[1], ['Grid repairs continue in Kyiv', 'Allies draft "binding" guarantees at Paris summit'])
    assert.equal(cases[2]?.[1].length, 6)
    for (const [attributes, expected] of cases) {
      const { page, close } = await open(partnerPage(script(attributes)))
      try {
        await ourList(page).waitFor()
        assert.deepEqual(await titles(page), expected, attributes)
      } finally {
        await close()
      }
    }
  })

  test('shows a hostile headline as text and runs nothing from the data', async () => {
    const { page, hostErrors, close } = await open(partnerPage(script('data-tag="security"')))
    try {
      await ourList(page).waitFor()
      assert.deepEqual(await titles(page), [hostileTitle])
      // No element from the data: the one image is the site's icon, from headlines.json's `icon`, before the label.
      assert.equal(await page.evaluate(() => document.querySelector('wirefeed-headlines')?.shadowRoot?.querySelectorAll('li img, script').length), 0)
      assert.deepEqual(
        await page.evaluate(() => [...(document.querySelector('wirefeed-headlines')?.shadowRoot?.querySelectorAll('img') ?? [])].map((img) => [img.closest('.label')?.id, img.getAttribute('src'), img.alt])),
        [['label', 'https://news.example.org/desk/images/icon.png', '']],
      )
      assert.equal(await page.evaluate(() => 'pwned' in window), false)
      assert.deepEqual(await hostErrors(), [])
    } finally {
      await close()
    }
  })

  test("keeps the partner's CSS out of the list and ours out of the partner's page", async () => {
    const hostile = `*{color:rgb(255,0,0)!important;font-family:"Comic Sans MS",cursive!important}
a{text-decoration:line-through!important}ul,li{list-style:square!important;background:yellow}
.box,.label,wirefeed-headlines{border:5px dashed red;padding:40px}`
    const { page, close } = await open(partnerPage(script('data-count="3"'), hostile))
    try {
      await ourList(page).waitFor()
      const ours = await page.locator('wirefeed-headlines li a').first().evaluate((a) => {
        const style = getComputedStyle(a)
        const box = getComputedStyle(a.closest('.box') as Element)
        return { color: style.color, decoration: style.textDecorationLine, font: style.fontFamily, border: box.borderTopStyle, background: box.backgroundColor }
      })
      assert.equal(ours.color, 'rgb(11, 87, 208)')
      assert.equal(ours.decoration, 'underline')
      assert.doesNotMatch(ours.font, /Comic/)
      assert.equal(ours.border, 'solid')
      assert.equal(ours.background, 'rgb(255, 255, 255)')
      const host = await page.locator('wirefeed-headlines').evaluate((element) => getComputedStyle(element).padding)
      assert.equal(host, '0px', 'the host element is ours too')
      // And our rules (ul without bullets, link colours) never reach the partner's own elements.
      const theirs = await page.evaluate(() => ({
        link: getComputedStyle(document.querySelector('a.own') as Element).color,
        list: getComputedStyle(document.querySelector('ul.own') as Element).listStyleType,
      }))
      assert.deepEqual(theirs, { link: 'rgb(255, 0, 0)', list: 'square' })
      await screenshot(page, 'partner-hostile-css')
    } finally {
      await close()
    }
  })

  test('follows the reader’s dark setting, unless the partner chooses a theme', async () => {
    const background = (page: Page) => page.locator('wirefeed-headlines .box').evaluate((box) => getComputedStyle(box).backgroundColor)
    for (const [attributes, scheme, expected] of [
      ['', 'dark', 'rgb(27, 27, 27)'],
      ['data-theme="light"', 'dark', 'rgb(255, 255, 255)'],
      ['data-theme="dark"', 'light', 'rgb(27, 27, 27)'],
    ] as const) {
      const { page, close } = await open(partnerPage(script(`data-count="3" ${attributes}`)), { colorScheme: scheme })
      try {
        await ourList(page).waitFor()
        assert.equal(await background(page), expected, `${attributes} in ${scheme}`)
        assert.deepEqual(await accessibilityViolations(page, 'wirefeed-headlines'), [], `${attributes} in ${scheme}`)
        if (attributes === '') await screenshot(page, 'partner-headlines-dark')
      } finally {
        await close()
      }
    }
  })

  test('leaves a plain link to our site when headlines.json is unreachable, throwing nothing into the page', async () => {
    const answer = (body: string, status = 200) => async (page: Page) => {
      await page.route('**/headlines.json', (route) => route.fulfill({ status, contentType: 'application/json', headers: { 'Access-Control-Allow-Origin': '*' }, body }))
    }
    const failures: Array<[string, (page: Page) => Promise<void>]> = [
      ['network error', async (page) => { await page.route('**/headlines.json', (route) => route.abort('connectionrefused')) }],
      ['server error', answer('down', 503)],
      ['not JSON', answer('<html>')],
      ['another version', answer(JSON.stringify({ ...headlines, version: 2 }))],
    ]
    for (const [what, setup] of failures) {
      const { page, hostErrors, close } = await open(partnerPage(script('data-count="3"')), { setup })
      try {
        await page.waitForLoadState('networkidle')
        const links = await page.locator('wirefeed-headlines a').evaluateAll((links) => links.map((a) => [a.textContent, (a as HTMLAnchorElement).href]))
        assert.deepEqual(links, [['Headlines from Kyiv & Paris Desk', site.url]], what)
        assert.equal(await page.locator('#own').isVisible(), true, what)
        assert.deepEqual(await hostErrors(), [], what)
        if (what === 'network error') await screenshot(page, 'partner-unreachable')
      } finally {
        await close()
      }
    }
  })

  test('also when our host forgets CORS on headlines.json: the link then points where embed.js came from', async () => {
    // A real second server, since Playwright-fulfilled responses skip the browser's CORS check.
    const mirror = await stubServer((req, res) => {
      const name = new URL(req.url ?? '/', 'http://x').pathname.slice(1)
      if (name !== 'embed.js' && name !== 'headlines.json') return res.writeHead(404).end()
      readFile(join(dist, name)).then((body) => res.writeHead(200, { 'Content-Type': name === 'embed.js' ? 'text/javascript' : 'application/json' }).end(body))
    })
    const { page, hostErrors, close } = await open(partnerPage(`<script src="${mirror.url}embed.js" data-count="3" async></script>`))
    try {
      await page.waitForLoadState('networkidle')
      const links = await page.locator('wirefeed-headlines a').evaluateAll((links) => links.map((a) => [a.textContent, (a as HTMLAnchorElement).href]))
      assert.deepEqual(links, [['Headlines from Kyiv & Paris Desk', mirror.url]])
      assert.ok(mirror.requests.some((request) => request.url === '/headlines.json'), 'it did ask')
      assert.deepEqual(await hostErrors(), [])
    } finally {
      await close()
      await mirror.close()
    }
  })

  test('leaves the partner page as it was when embed.js itself cannot be loaded', async () => {
    const { page, hostErrors, close } = await open(partnerPage(script('data-count="3"')), {
      setup: async (page) => {
        await page.route('**/embed.js', (route) => route.abort('connectionrefused'))
      },
    })
    try {
      await page.waitForLoadState('networkidle')
      assert.equal(await page.locator('wirefeed-headlines').count(), 0)
      assert.equal(await page.locator('#own').isVisible(), true)
      assert.deepEqual(await hostErrors(), [])
    } finally {
      await close()
    }
  })

  test('never holds up the partner page: it loads, with our link in place, before the headlines arrive', async () => {
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    const { page, close } = await open(partnerPage(script('data-count="3"')), {
      setup: async (page) => {
        await page.route('**/headlines.json', async (route) => {
          await held
          await route.continue()
        })
      },
    })
    try {
      // page.goto has returned: the partner page fired `load` while headlines.json is still held.
      await page.locator('wirefeed-headlines a').waitFor()
      assert.equal(await page.evaluate(() => document.readyState), 'complete')
      assert.equal(await page.locator('wirefeed-headlines a').textContent(), 'Headlines from Kyiv & Paris Desk')
      release()
      await ourList(page).waitFor()
      assert.deepEqual(await titles(page), newest(3))
    } finally {
      release()
      await close()
    }
  })

  test('the frame page takes the same options as query parameters, and links open in the partner’s window', async () => {
    const frame = (query: string) => `<iframe src="${site.url}embed/headlines.html${query}" title="Latest from Kyiv &amp; Paris Desk" style="border:0;width:100%;height:240px"></iframe>`
    const { page, close } = await open(partnerPage(frame('?count=2&tag=Ukraine')))
    try {
      const inside = page.frameLocator('iframe')
      await inside.locator('ul.chosen').waitFor({ state: 'attached' })
      assert.deepEqual(await inside.locator('li:not([hidden]) a').allTextContents(), newest(2, 'ukraine'))
      const child = page.frames().find((f) => f.parentFrame() !== null)
      assert.ok(child)
      assert.deepEqual(await accessibilityViolations(child), [])
      await screenshot(page, 'partner-frame')
      // A click navigates the partner's window, not the frame (the live site is outside loopback, so it is refused).
      const request = page.waitForRequest((r) => r.url() === newestUrl('ukraine'))
      await inside.locator('li:not([hidden]) a').first().click()
      assert.equal((await request).frame(), page.mainFrame())
    } finally {
      await close()
    }
    const noScript = await open(partnerPage(frame('?count=1&tag=ukraine&theme=dark')), { javaScriptEnabled: false })
    try {
      const inside = noScript.page.frameLocator('iframe')
      await inside.locator('ul').waitFor()
      const visible = await inside.locator('li').evaluateAll((items) => items.filter((li) => getComputedStyle(li).display !== 'none').map((li) => li.querySelector('a')?.textContent))
      assert.deepEqual(visible, newest(5), 'without JavaScript: the five newest')
    } finally {
      await noScript.close()
    }
  })

  function newestUrl(tag: string) {
    return headlines.items.find((item) => item.tags.some((t) => t.toLowerCase() === tag))?.url
  }
})
