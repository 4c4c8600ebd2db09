/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (The callbacks given to page.evaluate run in the browser and are typed with
// the DOM library. A lib reference applies to the whole program, so tsc would
// not catch `document` used by mistake in src/; the tests would.)
// Browser test support: Debian's chromium through playwright-core, a fixture
// site built and served on 127.0.0.1, and checks every browser test shares.
import { existsSync } from 'node:fs'
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core'
import { readConfig } from '../../src/api.ts'
import { build as buildWith } from '../../src/engine/index.ts'
import { listen } from '../../src/server.ts'
import { fixtures } from '../helpers.ts'

const executablePath = '/usr/bin/chromium'

/**
 * Why the browser tests are skipped, or `false` to run them. Without Debian's
 * chromium they skip, except in CI (`CI=true`), where a missing browser must
 * fail the build rather than quietly test nothing.
 */
export const skipBrowser: string | false =
  existsSync(executablePath) || process.env.CI === 'true' ? false : `no ${executablePath}: apt-get install chromium to run the browser tests`

export async function launch(): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new Error(`CI=true but there is no ${executablePath}; .ci/run installs it with apt-get install chromium`)
  }
  return chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking'],
  })
}

/** Where screenshots go for people to look at (git-ignored). */
export const screenshots = fileURLToPath(new URL('../../test-output/browser/', import.meta.url))

export async function screenshot(page: Page, name: string, fullPage = true) {
  await mkdir(screenshots, { recursive: true })
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage })
}

const made: string[] = []

/** A fresh temporary folder, removed by `removeTemporary`. */
export async function temporary(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'wirefeed-browser-'))
  made.push(dir)
  return dir
}

/** Remove every folder `temporary` made; for a test file's `after`. */
export async function removeTemporary() {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
}

/** A copy of the fixture newsroom, plus `extra` article sources (file name → text). */
export async function fixtureSite(extra: Record<string, string> = {}): Promise<string> {
  const dir = await temporary()
  await cp(new URL('newsroom', fixtures), dir, { recursive: true, filter: (path) => !path.includes('/expected') })
  for (const [name, text] of Object.entries(extra)) await writeFile(join(dir, 'articles', name), text)
  return dir
}

/** A copy of the fixture site `name` (tests/fixtures/<name>/), without its expected outputs. */
export async function fixtureCopy(name: string): Promise<string> {
  const dir = await temporary()
  await cp(new URL(`${name}/`, fixtures), dir, { recursive: true, filter: (path) => !path.includes('/expected') })
  return dir
}

/** Build a site folder (articles/ and its config) into `<dir>/dist` with the real pipeline; returns that folder. */
export async function build(dir: string, now: string): Promise<string> {
  const read = readConfig(join(dir, 'wirefeed.config.yaml'), join(dir, 'articles'))
  if (!('config' in read)) throw new Error(`invalid config in ${dir}`)
  const { config } = read
  const out = join(dir, 'dist')
  const result = await buildWith({ articles: join(dir, 'articles'), config, now: new Date(now), write: true, out, cache: join(dir, '.cache') })
  if (!result.ok) throw new Error(`the site in ${dir} does not build: ${result.files.flatMap((file) => file.messages).join('; ')}`)
  return out
}

/** Serve a built folder with the preview server (src/server.ts) on a free 127.0.0.1 port. */
export async function serve(dir: string) {
  const server = await listen(dir, 0)
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  return { url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

/**
 * Keep the browser on 127.0.0.1: any other request is answered by `answer`
 * (standing in for the live site, e.g. its images) or refused. Returns the
 * URLs that were refused, so a test can assert there were none.
 */
export async function loopbackOnly(
  context: BrowserContext,
  answer: (url: URL) => { contentType: string; body: string } | undefined = () => undefined,
): Promise<string[]> {
  const refused: string[] = []
  await context.route(
    (url) => url.hostname !== '127.0.0.1' && url.protocol !== 'data:',
    async (route) => {
      const url = new URL(route.request().url())
      const reply = answer(url)
      if (reply) return route.fulfill({ status: 200, ...reply })
      refused.push(url.href)
      return route.abort('blockedbyclient')
    },
  )
  return refused
}

/** Collect console errors and uncaught exceptions from a page. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`))
  return errors
}

const axeSource = readFile(fileURLToPath(import.meta.resolve('axe-core/axe.min.js')), 'utf8')

interface AxeResult {
  violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }>
}

/**
 * axe-core's WCAG 2 A/AA and best-practice rules, run in the page (or frame);
 * `include` limits them to part of it, such as our widget on a partner page.
 * Evaluated as source, not added as a script tag, so it works in XML
 * documents too (the feed views). Returns one line per violation.
 */
export async function accessibilityViolations(target: Page | Frame, include?: string): Promise<string[]> {
  await target.evaluate(await axeSource)
  const result = await target.evaluate(
    (selector) => (globalThis as unknown as { axe: { run: (context: unknown) => Promise<unknown> } }).axe.run(selector ? { include: [selector] } : document),
    include,
  ) as AxeResult
  return result.violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${JSON.stringify(violation.nodes.map((node) => node.target))}`)
}

/** An image for the fixture's lead image URL, which lives on the (unreachable) live site. */
export const placeholderImage = {
  contentType: 'image/svg+xml',
  body: '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630"><rect width="1200" height="630" fill="#6b8eb5"/></svg>',
}
