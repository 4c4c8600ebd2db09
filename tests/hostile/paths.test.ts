// Where files would go: check refuses what a build could not write, or would
// write twice over on macOS and Windows, naming the file to change.
import assert from 'node:assert/strict'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test } from 'node:test'
import { now, site, wirefeed } from './run.ts'

const article = (fields: string, body = 'Body.') => `---\ntitle: T ${Math.random()}\nsummary: S.\nauthor: A\ndate: 2026-01-06\n${fields}---\n\n${body}\n`

/** What `check` says of each file, as `path:line rule`. */
async function check(dir: string) {
  const run = await wirefeed(['check', '--now', now], dir)
  return { code: run.code, problems: run.stderr.split('\n').filter((line) => / {2}error {2}/.test(line)).map((line) => line.replace(/:\d+ {2}error {2}.*\[(.*)\]$/, ' $1')), stderr: run.stderr }
}

test('refuses a canonical inside the site that names a file of its own, or a name too long for any file system', async () => {
  const dir = await site()
  await writeFile(join(dir, 'articles', 'home.md'), article('canonical: https://news.example.org/index.html\n'))
  await writeFile(join(dir, 'articles', 'feed.md'), article('canonical: https://news.example.org/feed.xml/\n'))
  await writeFile(join(dir, 'articles', 'long.md'), article(`canonical: https://news.example.org/${'a'.repeat(300)}/\n`))
  const { code, problems, stderr } = await check(dir)
  assert.equal(code, 1)
  assert.deepEqual(problems.sort(), ['articles/feed.md:1 output-clash', 'articles/home.md:1 output-clash', 'articles/long.md:1 name-too-long'])
  assert.match(stderr, /articles\/feed\.md:1:1 {2}error {2}This would be published as `feed\.xml\/index\.html`, which clashes with the site's own `feed\.xml`: `feed\.xml` would have to be a file and a folder at once/)
  // What check refuses, build refuses the same way, writing nothing.
  const build = await wirefeed(['build', '--now', now], dir)
  assert.equal(build.code, 1)
  assert.match(build.stderr, /Nothing was written/)
})

test('refuses files whose names differ only in case or in Unicode normalisation, naming both', async () => {
  const dir = await site()
  await writeFile(join(dir, 'articles', 'upper.md'), article('canonical: https://news.example.org/Story/\n'))
  await writeFile(join(dir, 'articles', 'lower.md'), article('canonical: https://news.example.org/story/\n'))
  await mkdir(join(dir, 'articles', 'images'), { recursive: true })
  await writeFile(join(dir, 'articles', 'images', 'caf\u00e9.png'), 'nfc')
  await writeFile(join(dir, 'articles', 'images', 'cafe\u0301.png'), 'nfd')
  const { code, problems } = await check(dir)
  assert.equal(code, 1)
  assert.deepEqual(problems.sort(), ['articles/images/cafe\u0301.png:1 output-clash', 'articles/images/caf\u00e9.png:1 output-clash', 'articles/lower.md:1 output-clash', 'articles/upper.md:1 output-clash'].sort())
})

test('refuses a file whose name is not UTF-8, naming it, instead of skipping it', async () => {
  const dir = await site()
  const name = Buffer.concat([Buffer.from(join(dir, 'articles', 'caf')), Buffer.from([0xe9]), Buffer.from('.md')])
  await writeFile(name, article(''))
  const image = Buffer.concat([Buffer.from(join(dir, 'articles', 'ph')), Buffer.from([0xf6]), Buffer.from('to.jpg')])
  await writeFile(image, 'jpeg')
  const { code, problems, stderr } = await check(dir)
  assert.equal(code, 1, stderr)
  assert.deepEqual(problems.sort(), ['articles/caf\uFFFD.md:1 invalid-file-name', 'articles/ph\uFFFDto.jpg:1 invalid-file-name'])
})

test('refuses an image path with a percent sign that starts no escape, where the watching preview used to die', async () => {
  const dir = await site()
  await writeFile(join(dir, 'articles', 'percent.md'), article('', '![x](/images/a%ZZ.png)'))
  const { code, problems } = await check(dir)
  assert.equal(code, 1)
  assert.deepEqual(problems, ['articles/percent.md:8 malformed-image-path'])
})
