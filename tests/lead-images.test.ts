// Issue #20: a lead image's size, type and length come from its file, and
// `check` says when partners would not take it.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { ImageInfo } from '../src/image-info.ts'
import { imageInfo } from '../src/image-info.ts'
import { buildSite } from '../src/site.ts'
import { all, ns } from './feeds/outputs.ts'
import { config, contents, parseXml, pngHeader, source } from './helpers.ts'

const settings = config({ url: 'https://news.example.org/desk/' })
const now = new Date('2026-02-01T00:00:00Z')
const lead = (src = 'images/lead.png') => source({ image: { src, alt: 'The minister', credit: 'Photo: Ann Lee' } }, 'Body.\n', 'articles/story.md')
const images = (info: ImageInfo | null) => [{ path: 'images/lead.png', source: 'articles/images/lead.png', info }]

test('reads the size and type from the bytes, and nothing from what is no image', () => {
  assert.deepEqual(imageInfo(pngHeader(1600, 900)), { width: 1600, height: 900, type: 'image/png', bytes: 33 })
  assert.equal(imageInfo(new TextEncoder().encode('<!doctype html><title>Not found</title>')), null)
  assert.equal(imageInfo(new Uint8Array()), null)
})

test('warns, at the image, when a lead image is narrower than 1,200 pixels; says nothing of a wide one', () => {
  const narrow = lead()
  assert.ok(buildSite([narrow], settings, { now, images: images({ width: 800, height: 450, type: 'image/png', bytes: 1000 }) }).ok)
  assert.deepEqual(
    narrow.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.fatal}`),
    ['7:3 narrow-lead-image false'],
  )
  assert.match(String(narrow.messages[0]?.reason), /800 pixels wide, less than 1200/)
  const wide = lead()
  buildSite([wide], settings, { now, images: images({ width: 1200, height: 630, type: 'image/png', bytes: 1000 }) })
  assert.deepEqual(wide.messages, [])
})

test('refuses a lead image whose file is no image, at the image', () => {
  const broken = lead()
  assert.equal(buildSite([broken], settings, { now, images: images(null) }).ok, false)
  assert.deepEqual(broken.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.fatal}`), ['7:3 not-an-image true'])
})

test('refuses a lead image whose file is missing, at the image; a missing image in the body only warns', () => {
  const missing = lead('images/gone.png')
  assert.equal(buildSite([missing], settings, { now, images: images({ width: 1600, height: 900, type: 'image/png', bytes: 1000 }) }).ok, false)
  assert.deepEqual(missing.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.fatal}`), ['7:3 missing-image-file true'])
  const inBody = source({ image: { src: 'images/lead.png', alt: 'The minister' } }, '![A chart](/desk/images/chart.png)\n', 'articles/story.md')
  assert.ok(buildSite([inBody], settings, { now, images: images({ width: 1600, height: 900, type: 'image/png', bytes: 1000 }) }).ok)
  assert.deepEqual(inBody.messages.map((m) => `${m.ruleId} ${m.fatal}`), ['missing-image-file false'])
})

test('states the size, type and length wherever the lead image goes: Media RSS, JSON Feed, Open Graph, JSON-LD, the figure', () => {
  const site = buildSite([lead()], settings, { now, images: images({ width: 1600, height: 900, type: 'image/png', bytes: 54321 }) })
  const output = contents(site.output)
  const item = all(parseXml(output.get('feed.xml') ?? ''), 'item')[0]
  assert.ok(item)
  const [content] = all(item, 'content', ns.media)
  assert.deepEqual(content?.attributes, { url: 'https://news.example.org/desk/images/lead.png', type: 'image/png', medium: 'image', fileSize: '54321', width: '1600', height: '900' })
  assert.deepEqual(all(item, 'thumbnail', ns.media)[0]?.attributes, { url: 'https://news.example.org/desk/images/lead.png', width: '1600', height: '900' })
  assert.deepEqual(all(item, 'credit', ns.media).map((credit) => credit.text), ['Photo: Ann Lee'])
  const json = JSON.parse(output.get('feed.json') ?? '').items[0]
  assert.deepEqual(json._wirefeed.image, { alt: 'The minister', credit: 'Photo: Ann Lee', width: 1600, height: 900, mime_type: 'image/png', size_in_bytes: 54321 })
  const page = output.get('2026/01/story/index.html') ?? ''
  for (const [property, value] of [['og:image:type', 'image/png'], ['og:image:width', '1600'], ['og:image:height', '900'], ['og:image:alt', 'The minister']]) {
    assert.match(page, new RegExp(`<meta property="${property}" content="${value}">`))
  }
  assert.match(page, /<img src="https:\/\/news\.example\.org\/desk\/images\/lead\.png" alt="The minister" width="1600" height="900"/)
  assert.match(page, /"image":\[\{"@type":"ImageObject","url":"https:\/\/news\.example\.org\/desk\/images\/lead\.png","width":1600,"height":900,"creditText":"Photo: Ann Lee"\}\]/)
})

test('an image on another site, or not read, states no size: nothing is guessed', () => {
  const site = buildSite([lead('https://cdn.example/lead.png')], settings, { now, images: images({ width: 1600, height: 900, type: 'image/png', bytes: 1 }) })
  const rss = contents(site.output).get('feed.xml') ?? ''
  assert.match(rss, /<media:content url="https:\/\/cdn\.example\/lead\.png" type="image\/png" medium="image">/)
  assert.doesNotMatch(rss, /width=/)
})
