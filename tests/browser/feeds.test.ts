// The feeds opened in a real browser (Debian chromium): a readable list styled by CSS
// alone, without XSLT and its deprecation banner, and without a script (an XHTML
// `<script>` in a feed is a W3C Feed Validation Service warning).
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { readFeed } from '../helpers.ts'
import { stubServer } from '../stub-server.ts'
import { build, fixtureSite, launch, loopbackOnly, removeTemporary, screenshot, serve, skipBrowser, watchErrors } from './browser.ts'

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
      // A control: the feed styled the classic way, with an XSLT stylesheet.
      'xslt-control.xml': rss.replace(/<\?xml-stylesheet [^?]*\?>/, '<?xml-stylesheet type="text/xsl" href="xslt-control.xsl"?>'),
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

  /** What the stylesheet shows of a feed: the title, the items' titles and links as text, and what it hides. */
  async function shownList(page: Page) {
    // No named helpers inside: tsx would wrap them in a `__name()` the page does not have.
    return page.evaluate(() => {
      const elements = [...document.getElementsByTagName('*')]
      const rss = document.documentElement.localName === 'rss'
      const title = elements.find((element) => element.localName === 'title')
      const items = elements.filter((element) => element.localName === (rss ? 'item' : 'entry'))
      return {
        title: title && getComputedStyle(title).display !== 'none' ? title.textContent : undefined,
        items: items.map((item) => {
          const children = [...item.children]
          const heading = children.find((child) => child.localName === 'title')
          const link = children.find((child) => child.localName === 'link' && (rss || (child.getAttribute('rel') ?? 'alternate') === 'alternate'))
          const linkText = !link ? undefined : rss ? link.textContent : getComputedStyle(link, '::after').content.replace(/^"|"$/g, '')
          return {
            title: heading && getComputedStyle(heading).display !== 'none' ? heading.textContent : undefined,
            link: link && getComputedStyle(link).display !== 'none' ? linkText : undefined,
          }
        }),
        hidden: elements
          .filter((element) => /^(encoded|content|deleted-entry|ttl|updatePeriod|pubDate|published|updated)$/.test(element.localName) && element.checkVisibility())
          .map((element) => element.localName),
        scripts: elements.filter((element) => element.localName === 'script').length,
        images: elements.filter((element) => element.localName === 'img').length,
      }
    })
  }

  for (const feed of feeds) {
    test(`${feed.file} shows its title, and its items' titles and links as text, with CSS alone: no script, no XSLT banner`, async () => {
      const { page, errors, warnings, refused, close } = await open(feed.file)
      const requested: string[] = []
      page.on('request', (request) => requested.push(new URL(request.url()).pathname))
      try {
        await page.reload()
        const list = await shownList(page)
        assert.equal(list.title, 'Kyiv & Paris Desk')
        // The items a reader sees, in the same order, titles as they read (plain text in both formats,
        // Atom's said to be `type="text"`), links as text; the hostile title stays text.
        const parsed = readFeed(await readFile(join(dist, feed.file), 'utf8')).items
        assert.deepEqual(list.items, parsed.map((item) => ({ title: item.title, link: item.url })))
        assert.ok(list.items.some((item) => item.title === hostileTitle))
        assert.ok(list.items.every((item) => item.title !== undefined && item.title.length > 0))
        assert.deepEqual(list.hidden, [], 'content, tombstones, polling hints and dates (English and in UTC) stay hidden')
        assert.deepEqual([list.scripts, list.images], [0, 0])
        assert.equal(await page.evaluate(() => 'pwned' in window), false)
        assert.deepEqual(requested.filter((path) => path.endsWith('.js')), [], 'no script is loaded')
        assert.ok(requested.some((path) => path.endsWith('feed-view.css')), requested.join(' '))
        // The site's icon before the title, from the stylesheet, loaded from the site itself.
        assert.ok(requested.includes('/images/icon.png'), requested.join(' '))
        const before = await page.evaluate(() => {
          const title = [...document.getElementsByTagName('*')].find((element) => element.localName === 'title')
          return title ? getComputedStyle(title, '::before').backgroundImage : ''
        })
        assert.match(before, /\/images\/icon\.png"\)$/)

        assert.equal(await xsltBanner(page, warnings), false, 'no XSLT deprecation banner')
        assert.deepEqual(errors, [])
        assert.deepEqual(refused, [])
        // Not the full page: Chromium does not finish measuring an XML document styled by CSS.
        await screenshot(page, `feed-${feed.format.toLowerCase()}`, false)
      } finally {
        await close()
      }
    })
  }

  test('without JavaScript the stylesheet alone lays the feed out as a readable page: kind, title, note, the list under its heading', async () => {
    for (const feed of feeds) {
      const { page, close } = await open(feed.file, { javaScriptEnabled: false })
      try {
        // No named helpers inside: tsx would wrap them in a `__name()` the page does not have.
        const layout = await page.evaluate(() => {
          const elements = [...document.getElementsByTagName('*')]
          const rss = document.documentElement.localName === 'rss'
          const title = elements.find((element) => element.localName === 'title')
          const description = elements.find((element) => element.localName === (rss ? 'description' : 'subtitle'))
          const first = elements.find((element) => element.localName === (rss ? 'item' : 'entry'))
          return {
            kicker: getComputedStyle(rss ? (elements.find((element) => element.localName === 'channel') ?? document.documentElement) : document.documentElement, '::before').content,
            heading: title !== undefined && getComputedStyle(title).display !== 'none',
            explained: description ? getComputedStyle(description, '::after').content : '',
            latest: first ? getComputedStyle(first, '::before').content : '',
            items: elements.filter((element) => element.localName === (rss ? 'item' : 'entry') && getComputedStyle(element).display !== 'none').length,
            rawContent: elements.some((element) => element.localName === (rss ? 'encoded' : 'content') && getComputedStyle(element).display !== 'none'),
          }
        })
        assert.equal(layout.kicker, `"${feed.format} feed"`, feed.file)
        assert.equal(layout.heading, true, feed.file)
        assert.match(layout.explained, /This is a web feed\. To follow it, copy this page’s address/, feed.file)
        assert.match(layout.explained, /In your reader, choose “Add feed” or “Subscribe” and paste it\./, feed.file)
        assert.equal(layout.latest, '"Latest articles"', feed.file)
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
      assert.equal((await shownList(page)).title, 'Kyiv & Paris Desk')
    } finally {
      await close()
    }
  })
})
