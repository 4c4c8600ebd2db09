// Bad article sources, end to end: the build fails with a placed message and
// a fix for each, and dist/ stays exactly the last good build. (Every case in
// detail, in process: tests/load.test.ts.)
import assert from 'node:assert/strict'
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test } from 'node:test'
import { assertRefused, build, site } from './run.ts'

const article = (title: string) =>
  `---\ntitle: ${title}\nsummary: A summary.\nauthor: Ann Writer\ndate: 2026-01-10\n---\n\nThe body.\n`

test('refuses invalid UTF-8, a binary file, a 20 MB article and a link out of articles/, each placed and with a fix', async () => {
  const dir = await site()
  await build(dir)
  const articles = join(dir, 'articles')
  // Windows-1252 "é" (0xE9) where UTF-8 needs two bytes.
  await writeFile(join(articles, 'latin1.md'), Buffer.concat([Buffer.from(article('Caf')).subarray(0, 14), Buffer.from([0xe9]), Buffer.from(article('Caf')).subarray(14)]))
  // A photo saved under an article's name.
  await writeFile(join(articles, 'photo.md'), Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAcCBlCwAAAABJRU5ErkJggg==', 'base64'))
  // 20 MB of real Markdown, which would take the build minutes (or all its memory) to render.
  await writeFile(join(articles, 'huge.md'), article('Huge') + 'A paragraph of words. '.repeat((20 * 1024 * 1024) / 22))
  // A secret outside the articles folder, linked from inside it.
  await mkdir(join(dir, 'private'))
  await writeFile(join(dir, 'private', 'secret.md'), article('TOP SECRET do not publish'))
  await symlink('../private/secret.md', join(articles, 'leak.md'))

  const started = Date.now()
  const run = await assertRefused(dir, {
    path: 'articles/latin1.md',
    line: 2,
    column: 11,
    rule: 'invalid-encoding',
    reason: /This file is not valid UTF-8 text: byte 0xE9 /,
    fix: /save the file as UTF-8/,
  })
  const lines = run.stderr.split('\n')
  const message = (path: string) => lines.find((line) => line.startsWith(`${path}:`)) ?? `no message for ${path}`
  assert.match(message('articles/photo.md'), /^articles\/photo\.md:\d+:\d+ {2}error {2}This file is binary, not Markdown text: .*PNG image {2}\[binary-file\]$/)
  assert.match(message('articles/huge.md'), /^articles\/huge\.md:1:1 {2}error {2}This file is 20\.1 MB, more than the 2 MB an article may be {2}\[file-too-large\]$/)
  assert.match(message('articles/leak.md'), /^articles\/leak\.md:1:1 {2}error {2}This is a link to `.*\/private\/secret\.md`, which is outside the articles folder {2}\[outside-articles\]$/)
  for (const path of ['photo.md', 'huge.md', 'leak.md']) {
    assert.match(lines[lines.indexOf(message(`articles/${path}`)) + 1] ?? '', /^ {2}fix: \S/)
  }
  assert.doesNotMatch(run.stderr + run.stdout, /TOP SECRET/, 'the linked file was never read')
  // Refused by size before reading: no time spent parsing 20 MB.
  assert.ok(Date.now() - started < 15_000, `took ${Date.now() - started} ms`)
})

test('accepts an article saved with a byte order mark and CRLF endings, publishing the same bytes as LF', async () => {
  const dir = await site()
  const before = await build(dir)
  const path = join(dir, 'articles/2026/steady.md')
  const lf = await readFile(path, 'utf8')
  assert.doesNotMatch(lf, /\r/)
  await writeFile(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lf.replaceAll('\n', '\r\n'))]))
  assert.deepEqual(await build(dir), before)
})

test('refuses an SVG image that would run a script on the site, at the element, and publishes a plain one', async () => {
  const dir = await site()
  await mkdir(join(dir, 'articles', 'images'), { recursive: true })
  await writeFile(join(dir, 'articles', 'images', 'chart.svg'), '<svg xmlns="http://www.w3.org/2000/svg">\n<rect width="1" height="1"/>\n</svg>\n')
  await build(dir)
  await writeFile(join(dir, 'articles', 'images', 'evil.svg'), '<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(document.domain)</script>\n</svg>\n')
  await assertRefused(dir, { path: 'articles/images/evil.svg', line: 2, column: 1, rule: 'unsafe-svg', reason: /holds a `<script>` element, which would run or load/, fix: /publish the image as PNG/ })
})
