// Issue #20: no page 404s on its favicon, with the config's icon or without one
// (then the icon made from the site's initials), in a real browser (Debian chromium).
import assert from 'node:assert/strict'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import type { Browser } from 'playwright-core'
import { build, fixtureSite, launch, loopbackOnly, placeholderImage, removeTemporary, serve, skipBrowser, watchErrors } from './browser.ts'

const now = '2026-01-06T12:00:00+02:00'

describe('favicons in a browser', { skip: skipBrowser }, () => {
  let browser: Browser
  before(async () => {
    browser = await launch()
  })
  after(async () => {
    await browser?.close()
    await removeTemporary()
  })

  /** The newsroom built with its config's icon, or with the `icon` and `logo` lines taken out. */
  async function newsroom(withIcon: boolean) {
    const dir = await fixtureSite()
    if (!withIcon) {
      const path = join(dir, 'wirefeed.config.yaml')
      await writeFile(path, (await readFile(path, 'utf8')).replace(/^(icon|logo):.*\n/gm, ''))
    }
    const out = await build(dir, now)
    return { ...(await serve(out)), out }
  }

  for (const withIcon of [true, false]) {
    test(`every page's requests succeed, its favicon included, ${withIcon ? "with the config's icon" : 'with the icon made from the initials'}`, async () => {
      const site = await newsroom(withIcon)
      const context = await browser.newContext()
      // The 404 page links with absolute URLs, to the live site: its images and icon are answered from the build.
      const icon = await readFile(join(site.out, 'icon.svg'), 'utf8').catch(() => undefined)
      const refused = await loopbackOnly(context, (url) => {
        if (url.pathname.startsWith('/desk/images/')) return placeholderImage
        if (url.pathname === '/desk/icon.svg' && icon !== undefined) return { contentType: 'image/svg+xml', body: icon }
        return undefined
      })
      try {
        for (const path of ['', '2026/01/summit/', 'no/such/page/']) {
          const page = await context.newPage()
          const errors = watchErrors(page)
          const responses: Array<[number, string]> = []
          page.on('response', (response) => responses.push([response.status(), new URL(response.url()).pathname]))
          // The browser fetches the favicon it is given once per context, after the page loads: the first page shows it.
          const favicon = path === '' ? page.waitForResponse((response) => new URL(response.url()).pathname === (withIcon ? '/images/icon.png' : '/icon.svg')) : undefined
          await page.goto(site.url + path, { waitUntil: 'load' })
          if (favicon) assert.equal((await favicon).status(), 200)
          const icon = await page.locator('link[rel=icon]').evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href))
          assert.equal(icon.length, 1, path)
          const [href = ''] = icon
          const fetched = await page.request.get(href.replace('https://news.example.org/desk/', site.url))
          assert.equal(fetched.status(), 200, href)
          assert.equal(fetched.headers()['content-type']?.split(';')[0], withIcon ? 'image/png' : 'image/svg+xml')
          // What the browser itself asked for: nothing missing but the page that is missing on purpose.
          const missing = responses.filter(([status, pathname]) => status === 404 && pathname !== '/no/such/page/')
          assert.deepEqual(missing, [], path)
          assert.ok(!responses.some(([, pathname]) => pathname === '/favicon.ico'), 'no request for /favicon.ico')
          assert.deepEqual(errors.filter((error) => !/404/.test(error) || path !== 'no/such/page/'), [])
          await page.close()
        }
        assert.deepEqual(refused, [])
      } finally {
        await context.close()
        await site.close()
      }
    })
  }
})
