// serve --watch in a real browser (Debian chromium): the page open reloads after an edit, shows
// a failed build's errors over the page as text, drops them after the next good build, and the
// pages work as well without JavaScript.
import assert from 'node:assert/strict'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import type { Browser } from 'playwright-core'
import { preview, type Preview } from '../preview/process.ts'
import { accessibilityViolations, fixtureSite, launch, loopbackOnly, removeTemporary, screenshot, skipBrowser, watchErrors } from './browser.ts'

const now = '2026-01-06T12:00:00+02:00'

describe('the preview in a browser', { skip: skipBrowser }, () => {
  let browser: Browser
  let server: Preview
  let dir: string
  let original: string
  const summit = () => join(dir, 'articles/2026/01/summit.md')

  before(async () => {
    dir = await fixtureSite()
    original = await readFile(summit(), 'utf8')
    server = await preview(dir, ['--now', now])
    browser = await launch()
  })
  after(async () => {
    await browser?.close()
    await server?.stop()
    await removeTemporary()
  })

  /** The summit page, open, everything it loads from the preview alone. */
  async function open(javaScriptEnabled = true) {
    const context = await browser.newContext({ javaScriptEnabled })
    const refused = await loopbackOnly(context)
    const page = await context.newPage()
    const errors = watchErrors(page)
    await page.goto(`${server.base}2026/01/summit/`)
    return { page, errors, refused, close: () => context.close() }
  }

  /** Wait until `check` of the page holds: the page may reload meanwhile. */
  async function until(check: () => Promise<boolean>, what: string) {
    const end = Date.now() + 30_000
    while (Date.now() < end) {
      if (await check().catch(() => false)) return
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    throw new Error(`timed out waiting for ${what}\nstdout:\n${server.stdout()}\nstderr:\n${server.stderr()}`)
  }

  test('reloads after an edit; shows a failed build\'s errors as text over the last good page; drops them after the next good build', async () => {
    const { page, errors, refused, close } = await open()
    try {
      assert.equal(await page.locator('h1').textContent(), 'Allies draft "binding" guarantees at Paris summit')
      // Marked, to tell a reload from the same page.
      await page.evaluate(() => ((window as unknown as { stale: boolean }).stale = true))
      await writeFile(summit(), original.replace('title: Allies draft', 'title: Allies sign'))
      await until(async () => (await page.locator('h1').textContent()) === 'Allies sign "binding" guarantees at Paris summit', 'the reload')
      assert.equal(await page.evaluate(() => (window as unknown as { stale?: boolean }).stale), undefined)

      // A field whose name is markup: the message quotes it, and the page must show it as text.
      await writeFile(summit(), original.replace('title: Allies draft', '"<img src=x onerror=window.pwned=1>": 1\ntitle: Allies sign'))
      const overlay = page.getByRole('alert')
      await until(() => overlay.isVisible(), 'the errors')
      assert.match(await overlay.getByRole('heading').textContent() ?? '', /^The last build failed \(1 error\); this is the last good one\.$/)
      const item = await overlay.locator('li').textContent()
      assert.match(item ?? '', /^articles\/2026\/01\/summit\.md:2:1 Unknown field `<img src=x onerror=window\.pwned=1>`.* \[unknown-field\]/)
      assert.equal(await overlay.locator('img').count(), 0)
      assert.equal(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned), undefined)
      // Still the last good build underneath.
      assert.equal(await page.locator('h1').textContent(), 'Allies sign "binding" guarantees at Paris summit')
      assert.deepEqual(await accessibilityViolations(page, 'wirefeed-errors'), [])
      await screenshot(page, 'preview-errors', false)

      // Mended to the text last built: nothing to reload, and the errors go.
      await page.evaluate(() => ((window as unknown as { stale: boolean }).stale = true))
      await writeFile(summit(), original.replace('title: Allies draft', 'title: Allies sign'))
      await until(async () => !(await overlay.isVisible()), 'the errors to go')
      assert.equal(await page.evaluate(() => (window as unknown as { stale?: boolean }).stale), true)
      assert.deepEqual(errors, [])
      assert.deepEqual(refused, [])
    } finally {
      await close()
    }
  })

  test('a page opened while the build is failing shows its errors at once; Dismiss hides them', async () => {
    await writeFile(summit(), original.replace('title: Allies draft', 'titel: Allies draft'))
    await server.until(() => /failed: /.test(server.stdout().split('\n').slice(-2).join('\n')), 'the failure')
    const { page, errors, close } = await open()
    try {
      const overlay = page.getByRole('alert')
      await until(() => overlay.isVisible(), 'the errors')
      await overlay.getByRole('button', { name: 'Dismiss' }).click()
      assert.equal(await overlay.count(), 0)
      assert.deepEqual(errors, [])
    } finally {
      await close()
      await writeFile(summit(), original)
      await server.until(() => /rebuilt: /.test(server.stdout().split('\n').slice(-2).join('\n')), 'the good build')
    }
  })

  test('without JavaScript the page is whole, and nothing of the preview shows', async () => {
    const { page, refused, close } = await open(false)
    try {
      assert.equal(await page.locator('h1').textContent(), 'Allies draft "binding" guarantees at Paris summit')
      assert.ok((await page.locator('main').textContent())?.includes('What the draft says'))
      assert.equal(await page.locator('wirefeed-errors').count(), 0)
      assert.deepEqual(refused, [])
    } finally {
      await close()
    }
  })
})

describe('a preview with drafts and the future in a browser', { skip: skipBrowser }, () => {
  let browser: Browser
  let server: Preview

  before(async () => {
    server = await preview(await fixtureSite(), ['--now', now, '--drafts', '--future'])
    browser = await launch()
  })
  after(async () => {
    await browser?.close()
    await server?.stop()
    await removeTemporary()
  })

  test('the draft and the scheduled article are marked, visibly and accessibly, in light and dark schemes', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ colorScheme })
      await loopbackOnly(context)
      const page = await context.newPage()
      const errors = watchErrors(page)
      try {
        await page.goto(`${server.base}2026/01/unfinished/`)
        const mark = page.getByRole('note')
        assert.equal(await mark.textContent(), 'Draft — not published')
        assert.ok(await mark.isVisible())
        assert.deepEqual(await accessibilityViolations(page), [])
        await page.goto(server.base)
        assert.deepEqual(await page.getByRole('note').allTextContents(), ['Scheduled for 6 January 2026 at 18:00', 'Draft — not published'])
        assert.deepEqual(await accessibilityViolations(page), [])
        await screenshot(page, `preview-marks-${colorScheme}`, false)
        assert.deepEqual(errors, [])
      } finally {
        await context.close()
      }
    }
  })
})
