// Known XSS vectors in article bodies: none may reach any file the build
// writes (feeds, ledger, and whatever else lands in dist/: pages, headlines,
// widget), read the way a browser or a feed reader would read it.
import assert from 'node:assert/strict'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test } from 'node:test'
import { analyseSource } from '../../src/analyse.ts'
import { validateArticle } from '../../src/validate.ts'
import { config, source } from '../helpers.ts'
import { hostileFixtures, now, site, wirefeed } from './run.ts'
import { findDangers, readOutput, scanOutput } from './scan.ts'

const marker = 'wfxss'

const vectors = (await readFile(new URL('xss-vectors.txt', hostileFixtures), 'utf8'))
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('##'))
  .map((line) => line.replaceAll('\\n', '\n'))

/** Each vector alone (an HTML block to Markdown) and inside a paragraph (inline HTML). */
const bodies = vectors.flatMap((vector, index) => [
  { name: `v${String(index).padStart(3, '0')}-block`, vector, body: `${vector}\n` },
  { name: `v${String(index).padStart(3, '0')}-inline`, vector, body: `Text before ${vector} and after.\n` },
])

test('the scan finds a leaked payload in every kind of output, and passes safe output', () => {
  const leaked = new Map([
    ['feed.xml', '<rss><channel><script xmlns="http://www.w3.org/1999/xhtml">wfxss()</script><item><description>ok</description><content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/">&lt;img src=x onerror=wfxss()&gt;</content:encoded></item></channel></rss>'],
    ['atom.xml', '<feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="html">&lt;a href="java&amp;#x09;script:wfxss()"&gt;x&lt;/a&gt;</content></entry></feed>'],
    ['feed.json', JSON.stringify({ items: [{ content_html: '<svg><script>wfxss()</script></svg><p title="</noscript><img src=x onerror=wfxss()>">', image: 'javascript:wfxss()' }] })],
    ['2026/01/story/index.html', '<!doctype html><html><head><script>wfxss()</script><script src="https://cdn.example/x.js"></script></head><body><p style="x">t</p></body></html>'],
    ['widget.js', 'document.write("<img src=x onerror=wfxss()>")'],
  ])
  assert.deepEqual(scanOutput(leaked, { marker }), [
    'feed.xml: <script> element that carries the payload',
    'feed.xml: encoded: <img onerror> event handler',
    'atom.xml: content: <a href="java\tscript:wfxss()">',
    'feed.json: content_html: <svg> element',
    'feed.json: content_html: <script> element',
    'feed.json: content_html: <p title="</noscript><img src=x onerror=wfxss()>"> carries markup from the payload',
    'feed.json: image: "javascript:wfxss()"',
    '2026/01/story/index.html: <script> element that carries the payload',
    '2026/01/story/index.html: <script> element that loads https://cdn.example/x.js from elsewhere',
    'widget.js: carries the payload in a file this scan cannot parse; teach scanOutput its format',
  ])
  // The site's own: a feed view script and page scripts loaded by relative URL, JSON-LD, and quoted payloads as text.
  const safe = new Map([
    ['feed.xml', '<rss><channel><script xmlns="http://www.w3.org/1999/xhtml" src="feed-view.js"/><item><description>&lt;p&gt;wfxss() is quoted text&lt;/p&gt;</description></item></channel></rss>'],
    ['index.html', '<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/site.css"><script src="/widget.js"></script><script type="application/ld+json">{"headline":"<b>"}</script></head><body><p>&lt;script&gt;wfxss()</p><br size="&amp;{wfxss()}"></body></html>'],
  ])
  assert.deepEqual(scanOutput(safe, { marker }), [])
})

test(`renders each of the ${vectors.length} vectors, as a block and inline, to HTML with nothing dangerous in it`, () => {
  const leaks = bodies.flatMap(({ name, vector, body }) => {
    const { body: rendered } = analyseSource(source({}, body, `articles/2026/${name}.md`), config(), new Date(8.64e15))
    assert.ok(rendered, name)
    return findDangers(rendered.html, { marker }).map((danger) => `${name} ${JSON.stringify(vector)}: ${danger}`)
  })
  assert.deepEqual(leaks, [])
})

test('a site whose articles carry every vector builds, and no output file carries any of them', async () => {
  const dir = await site()
  await mkdir(join(dir, 'articles', 'xss'))
  for (const { name, body } of bodies) {
    const front = `---\ntitle: XSS vector ${name}\nsummary: A hostile body.\nauthor: Mallory\ndate: 2026-01-15T12:00:00Z\n---\n\n`
    await writeFile(join(dir, 'articles', 'xss', `${name}.md`), front + body)
  }
  const run = await wirefeed(['build', '--now', now], dir)
  assert.equal(run.code, 0, run.stderr)
  const output = await readOutput(join(dir, 'dist'))
  // Every hostile article was published, so the scan below looked at all of them.
  assert.equal(JSON.parse(output.get('feed.json') ?? '{}').items.length, bodies.length + 1)
  assert.deepEqual(scanOutput(output, { marker }), [])
})

test('refuses a canonical URL that is not http(s), whatever its spelling', () => {
  for (const canonical of ['javascript:wfxss()', 'JaVaScRiPt:wfxss()', ' javascript:wfxss()', 'data:text/html,x', 'vbscript:wfxss()']) {
    const file = source({ canonical })
    assert.equal(validateArticle(file, config()), undefined, canonical)
    assert.deepEqual([...new Set(file.messages.map((message) => message.ruleId))], ['invalid-field'], canonical)
  }
})

test(
  'refuses a lead image or an id with a script scheme, which would reach every feed',
  () => {
    for (const fields of [{ image: { src: 'javascript:wfxss().png', alt: 'x' } }, { image: { src: 'data:image/svg+xml,x.svg', alt: 'x' } }, { id: 'javascript:wfxss()' }]) {
      const file = source(fields)
      assert.equal(validateArticle(file, config()), undefined, JSON.stringify(fields))
      assert.deepEqual([...new Set(file.messages.map((message) => message.ruleId))], ['invalid-field'], JSON.stringify(fields))
    }
  },
)
