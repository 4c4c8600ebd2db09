// The site's icon and logo (issue #20): read from their bytes when the config
// is read, each problem at its value in the config file, with a fix.
import assert from 'node:assert/strict'
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { VFile } from 'vfile'
import { build, readConfig } from '../src/api.ts'
import { validateConfig } from '../src/config.ts'
import { readImageFile } from '../src/load.ts'
import { checkSiteImage, initialsIcon, type ImageRead } from '../src/site-images.ts'
import { checkSvg } from '../src/svg.ts'
import { pngHeader } from './helpers.ts'

/** A GIF of `width` × `height`, as far as image-size reads it. */
function gifHeader(width: number, height: number): Uint8Array {
  const bytes = Buffer.alloc(13)
  bytes.write('GIF89a', 0, 'latin1')
  bytes.writeUInt16LE(width, 6)
  bytes.writeUInt16LE(height, 8)
  return bytes
}

const site = 'https://news.example.org/desk/'
const files = (map: Record<string, Uint8Array>) => (path: string): ImageRead => (map[path] ? { bytes: map[path] } : { missing: true })

/** The config `value` read with `images` as the articles folder's files: the settings, and each message as `line:column rule`. */
function read(value: string, images: Record<string, Uint8Array>) {
  const file = new VFile({ path: 'wirefeed.config.yaml', value: `url: ${site}\n${value}` })
  const settings = validateConfig(file, files(images))
  return { settings, messages: file.messages, places: file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`) }
}

test('reads the icon and logo sizes and types from their bytes, whatever their names say', () => {
  const { settings, messages } = read('icon: /images/icon.png\nlogo: images/logo.gif\n', { 'images/icon.png': pngHeader(512, 512), 'images/logo.gif': pngHeader(600, 120) })
  assert.deepEqual(messages, [])
  assert.deepEqual(settings?.siteImages, {
    icon: { url: `${site}images/icon.png`, width: 512, height: 512, type: 'image/png' },
    // Named .gif, but a PNG by its bytes: typed as what it is.
    logo: { url: `${site}images/logo.gif`, width: 600, height: 120, type: 'image/png' },
  })
  assert.equal(settings?.icon, 'images/icon.png')
})

test('refuses a missing file, one that is no image, a non-square or small icon and a tall logo, each at its value with a fix', () => {
  const cases: Array<[string, Record<string, Uint8Array>, string, RegExp]> = [
    ['icon: images/icon.png\n', {}, '2:7 missing-site-image', /put the image in the articles folder/],
    ['icon: images/icon.png\n', { 'images/icon.png': new TextEncoder().encode('<html>not an image</html>') }, '2:7 invalid-site-image', /save the icon as PNG, JPG, GIF/],
    ['icon: images/icon.png\n', { 'images/icon.png': pngHeader(300, 200) }, '2:7 icon-not-square', /crop it square/],
    ['icon: images/icon.gif\n', { 'images/icon.gif': gifHeader(64, 64) }, '2:7 icon-too-small', /144 × 144 pixels or more/],
    ['title: T\nlogo: images/logo.png\n', { 'images/logo.png': pngHeader(100, 300) }, '3:7 logo-not-wide', /a wide version/],
  ]
  for (const [value, images, place, fix] of cases) {
    const { settings, messages, places } = read(value, images)
    assert.equal(settings, undefined, value)
    assert.deepEqual(places, [place])
    assert.match(String(messages[0]?.note), fix)
    assert.equal(messages[0]?.fatal, true)
  }
})

test('refuses a path with a scheme or `..`, at the value, before reading anything', () => {
  for (const path of ['https://cdn.example/icon.png', '../secret/icon.png', 'images/']) {
    const { settings, places } = read(`icon: ${path}\n`, {})
    assert.equal(settings, undefined, path)
    assert.deepEqual(places, ['2:7 invalid-field'], path)
  }
})

test('takes a WebP logo but not a WebP icon: RSS <image> is GIF, JPEG or PNG', () => {
  const webp = Buffer.from('524946461a000000574542505650384c0d0000002f8000000000000000000000', 'hex')
  // VP8L with a 1 × 1 image: enough header for image-size to say "webp".
  assert.ok('problem' in checkSiteImage('icon', 'icon.webp', { bytes: webp }, site))
  const problem = checkSiteImage('icon', 'icon.webp', { bytes: webp }, site)
  assert.ok('problem' in problem && problem.problem.rule === 'invalid-site-image' && /a WEBP image/.test(problem.problem.details.detail))
})

test('reads only a regular file in the articles folder: a link is refused, as it would never be published', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'wirefeed-icon-'))
  await mkdir(join(dir, 'articles', 'images'), { recursive: true })
  await writeFile(join(dir, 'icon.png'), pngHeader(256, 256))
  await symlink(join(dir, 'icon.png'), join(dir, 'articles', 'images', 'icon.png'))
  const found = readImageFile(join(dir, 'articles'), 'images/icon.png', 1024)
  assert.ok('unreadable' in found && /a link, which is never published/.test(found.unreadable))
  assert.deepEqual(readImageFile(join(dir, 'articles'), 'images/none.png', 1024), { missing: true })
  await writeFile(join(dir, 'wirefeed.config.yaml'), 'icon: images/icon.png\n')
  const config = readConfig(join(dir, 'wirefeed.config.yaml'), join(dir, 'articles'))
  assert.ok('problems' in config)
  assert.deepEqual(config.problems.map((problem) => `${problem.line}:${problem.column} ${problem.rule}`), ['1:7 invalid-site-image'])
})

test('the API reads the icon of a config given as data from the articles folder, and refuses a bad one in a sentence', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'wirefeed-icon-'))
  await mkdir(join(dir, 'articles', 'images'), { recursive: true })
  await writeFile(join(dir, 'articles', 'images', 'icon.png'), pngHeader(100, 100))
  await assert.rejects(build({ articles: join(dir, 'articles'), out: join(dir, 'dist'), cache: join(dir, 'cache'), config: { icon: 'images/icon.png' } }), /`icon`: The `icon` is 100 pixels wide, less than 144/)
})

test('makes the default icon from the site’s initials: the same title, the same bytes, a safe SVG', () => {
  assert.equal(initialsIcon('Kyiv & Paris Desk'), initialsIcon('Kyiv & Paris Desk'))
  assert.match(initialsIcon('Kyiv & Paris Desk'), />KP<\/text>/)
  assert.match(initialsIcon('київський кур’єр'), />КК<\/text>/)
  assert.match(initialsIcon('wirefeed'), />W<\/text>/)
  assert.match(initialsIcon('&&&'), />W<\/text>/)
  assert.notEqual(initialsIcon('Kyiv Desk').match(/fill="(hsl[^"]+)"/)?.[1], initialsIcon('Lviv Desk').match(/fill="(hsl[^"]+)"/)?.[1])
  const file = new VFile({ path: 'icon.svg', value: initialsIcon('<script>') })
  checkSvg(file)
  assert.deepEqual(file.messages, [])
})
