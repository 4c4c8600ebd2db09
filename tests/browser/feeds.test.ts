// The feeds opened in a real browser (Debian chromium): a page for people, without XSLT and its deprecation banner.
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { readFeed } from '../helpers.ts'
import { stubServer } from '../stub-server.ts'
import { accessibilityViolations, build, fixtureSite, launch, loopbackOnly, removeTemporary, screenshot, serve, skipBrowser, watchErrors } from './browser.ts'

const hostileTitle = '<img src=x onerror="window.pwned=true"> Breaking & "quoted"'
const feeds = [
  { file: 'feed.xml', format: 'RSS', self: 'https://news.example.org/desk/feed.xml' },
  { file: 'atom.xml', format: 'Atom', self: 'https://news.example.org/desk/atom.xml' },
] as const

/**
 * A static host as GitHub Pages is one: `.xml` sent as `application/xml`,
 * which browsers render as XML, so the feed views are tested as published
 * (the preview server does the same for browsers: the last test). A real server, not a response
 * rewritten by Playwright: Chromium renders a fulfilled `application/rss+xml`
 * response as XML, unlike the same response from the network. `extra` adds
 * files in memory.
 */
async function staticHost(dir: string, extra: Record<string, string> = {}) {
  const types: Record<string, string> = { xml: 'application/xml', xsl: 'application/xml', css: 'text/css', js: 'text/javascript', html: 'text/html' }
  return stubServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).slice(1)
    const type = `${types[extname(name).slice(1)] ?? 'application/octet-stream'}; charset=utf-8`
    if (name in extra) return res.writeHead(200, { 'Content-Type': type }).end(extra[name])
    if (name.includes('..')) return res.writeHead(404).end()
    readFile(join(dir, name)).then(
      (body) => res.writeHead(200, { 'Content-Type': type }).end(body),
      () => res.writeHead(404).end(),
    )
  })
}

/** What Chromium's XSLT deprecation shows: a banner element in the page and a console warning. */
async function xsltBanner(page: Page, warnings: string[]) {
  const banner = await page.evaluate(() => document.getElementsByTagName('xslt-warning-banner').length)
  return banner > 0 || warnings.some((text) => /XSLT/i.test(text))
}

describe('feeds in a browser', { skip: skipBrowser }, () => {
  let browser: Browser
  let preview: { url: string; close: () => Promise<void> }
  let host: Awaited<ReturnType<typeof staticHost>>
  let dist = ''
  before(async () => {
    const dir = await fixtureSite({
      'hostile.md': `---\ntitle: '${hostileTitle}'\nsummary: Hostile text stays text.\nauthor: Ann Writer\ndate: 2026-01-06T10:00:00+02:00\n---\n\nBody.\n`,
    })
    dist = await build(dir, '2026-01-06T12:00:00+02:00')
    const rss = await readFile(join(dist, 'feed.xml'), 'utf8')
    host = await staticHost(dist, {
      // A control: the feed styled the classic way, an XSLT stylesheet and no script of ours
      // (Chromium spares a document with an XHTML script the banner, taking it for a polyfill).
      'xslt-control.xml': rss
        .replace(/<\?xml-stylesheet [^?]*\?>/, '<?xml-stylesheet type="text/xsl" href="xslt-control.xsl"?>')
        .replace(/\s*<script xmlns="http:\/\/www\.w3\.org\/1999\/xhtml"[^>]*\/>/, ''),
      'xslt-control.xsl': `<?xml version="1.0"?><xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:template match="/"><html xmlns="http://www.w3.org/1999/xhtml"><body><h1><xsl:value-of select="/rss/channel/title"/></h1></body></html></xsl:template></xsl:stylesheet>`,
    })
    preview = await serve(dist)
    browser = await launch()
  })
  after(async () => {
    await browser?.close()
    await host?.close()
    await preview?.close()

    await removeTemporary()
  })

  async function open(file: string, options: { javaScriptEnabled?: boolean; from?: string } = {}) {
    const context: BrowserContext = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true })
    const refused = await loopbackOnly(context)
    const page = await context.newPage()
    const errors = watchErrors(page)
    const warnings: string[] = []
    page.on('console', (message) => warnings.push(message.text()))
    await page.goto((options.from ?? host.url) + file)
    return { page, errors, warnings, refused, close: () => context.close() }
  }

  for (const feed of feeds) {
    test(`${feed.file} shows a page about the feed, how to subscribe and its items, with no XSLT banner`, async () => {
      const { page, errors, warnings, refused, close } = await open(feed.file)
      try {
        await page.getByRole('heading', { level: 1 }).waitFor()
        assert.equal(await page.title(), `Kyiv & Paris Desk – ${feed.format} feed`)
        assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Kyiv & Paris Desk')
        assert.equal(await page.getByText(`${feed.format} feed`, { exact: true }).count(), 1)
        assert.match(await page.locator('main').textContent() ?? '', /This is a web feed\. Add its address to a news reader app/)
        // Not inputValue(): Playwright checks for nodeName `INPUT`, which XHTML in an XML document spells `input`.
        const address = page.getByRole('textbox', { name: 'The address to subscribe to:' })
        assert.equal(await address.evaluate((input) => (input as HTMLInputElement).value), feed.self)

        // The items a reader sees, in the same order, with working links; a hostile title stays text.
        const expected = readFeed(await readFile(join(dist, feed.file), 'utf8')).items.map((item) => [item.title, item.url])
        const shown = await page.locator('main li h3 a').evaluateAll((links) => links.map((a) => [a.textContent, a.getAttribute('href')]))
        assert.deepEqual(shown, expected)
        assert.ok(shown.some(([title]) => title === hostileTitle))
        assert.equal(await page.locator('img').count(), 0)
        assert.equal(await page.evaluate(() => 'pwned' in window), false)

        assert.equal(await xsltBanner(page, warnings), false, 'no XSLT deprecation banner')
        assert.deepEqual(errors, [])
        assert.deepEqual(refused, [])
        assert.deepEqual(await accessibilityViolations(page), [])
        await screenshot(page, `feed-${feed.format.toLowerCase()}`)
      } finally {
        await close()
      }
    })
  }

  test('the copy button puts the feed address on the clipboard', async () => {
    const { page, close } = await open('feed.xml')
    try {
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.url })
      await page.getByRole('button', { name: 'Copy address' }).click()
      await page.getByText('Copied. Now paste it into your news reader.').waitFor()
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'https://news.example.org/desk/feed.xml')
    } finally {
      await close()
    }
  })

  test('without JavaScript the stylesheet alone lays the feed out as a readable list', async () => {
    for (const feed of feeds) {
      const { page, close } = await open(feed.file, { javaScriptEnabled: false })
      try {
        // No named helpers inside: tsx would wrap them in a `__name()` the page does not have.
        const layout = await page.evaluate(() => {
          const elements = [...document.getElementsByTagName('*')]
          const rss = document.documentElement.localName === 'rss'
          const title = elements.find((element) => element.localName === 'title')
          const description = elements.find((element) => element.localName === (rss ? 'description' : 'subtitle'))
          return {
            heading: title !== undefined && getComputedStyle(title).display !== 'none',
            explained: description ? getComputedStyle(description, '::after').content : '',
            items: elements.filter((element) => element.localName === (rss ? 'item' : 'entry') && getComputedStyle(element).display !== 'none').length,
            rawContent: elements.some((element) => element.localName === (rss ? 'encoded' : 'content') && getComputedStyle(element).display !== 'none'),
          }
        })
        assert.equal(layout.heading, true, feed.file)
        assert.match(layout.explained, /This is a web feed\. To follow it, copy this page’s address/, feed.file)
        assert.equal(layout.items, 3, feed.file)
        assert.equal(layout.rawContent, false, `${feed.file}: full article HTML is hidden`)
        await screenshot(page, `feed-${feed.format.toLowerCase()}-no-javascript`, false)
      } finally {
        await close()
      }
    }
  })

  test('a control: the classic XSLT stylesheet does show the deprecation banner our check looks for', async () => {
    const { page, warnings, close } = await open('xslt-control.xml')
    try {
      await page.getByRole('heading', { level: 1 }).waitFor()
      await page.locator('xslt-warning-banner').waitFor()
      assert.equal(await xsltBanner(page, warnings), true)
      assert.equal(await page.locator('xslt-warning-banner').evaluate((banner) => banner.matches(':popover-open')), true)
      await screenshot(page, 'feed-xslt-control', false)
    } finally {
      await close()
    }
  })

  // Chromium shows a document sent as application/rss+xml or application/atom+xml as
  // plain text; the preview server sends browsers application/xml, readers the feed type.
  test('feed.xml is readable as the preview server sends it', async () => {
    const { page, close } = await open('feed.xml', { from: preview.url })
    try {
      assert.equal(await page.locator('pre').count(), 0, 'shown as plain text')
      assert.equal(await page.title(), 'Kyiv & Paris Desk – RSS feed')
    } finally {
      await close()
    }
  })
})
