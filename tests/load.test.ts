import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { test } from 'node:test'
import type { VFile } from 'vfile'
import { listImages, loadArticles, maxArticleBytes, readSource } from '../src/load.ts'
import { validateArticle } from '../src/validate.ts'
import { config } from './helpers.ts'

/** A scratch site: `articles/` plus whatever the test puts next to it. */
async function scratch() {
  const root = await mkdtemp(join(tmpdir(), 'wirefeed-load-'))
  await mkdir(join(root, 'articles'))
  return root
}

const valid = '---\ntitle: A story\nsummary: What happened.\nauthor: Ann Writer\ndate: 2026-01-06\n---\n\nBody text.\n'

/** The one message on `file`, as `line:column rule`, with its reason. */
function only(file: VFile | undefined) {
  assert.ok(file, 'a file')
  assert.equal(file.messages.length, 1, file.messages.join('; '))
  const [message] = file.messages
  assert.ok(message)
  assert.equal(message.fatal, true)
  assert.ok(message.note, 'every message carries a fix')
  return { at: `${message.line}:${message.column} ${message.ruleId}`, reason: message.reason, value: file.value }
}

async function loadOne(bytes: Uint8Array | string, name = 'story.md') {
  const root = await scratch()
  await writeFile(join(root, 'articles', name), bytes)
  const files = await loadArticles(join(root, 'articles'))
  assert.equal(files.length, 1)
  return files[0]
}

const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part))))

test('reports invalid UTF-8 at the line and column of the first bad byte, naming the byte', async () => {
  const file = await loadOne(bytes('---\ntitle: Caf', [0xe9], ' au lait\n---\n'))
  const { at, reason, value } = only(file)
  assert.equal(at, '2:11 invalid-encoding')
  assert.match(reason, /not valid UTF-8 text: byte 0xE9 /)
  assert.equal(value, undefined, 'nothing half-decoded is passed on')
})

test('counts columns in characters after multi-byte text, skipping a real U+FFFD', async () => {
  // Київ is 4 characters in 8 bytes; the file's own U+FFFD (EF BF BD) is fine text.
  const file = await loadOne(bytes('x\nКиїв \uFFFD ', [0xc3, 0x28], '\n'))
  assert.equal(only(file).at, '2:8 invalid-encoding')
})

test('reports overlong forms, UTF-8-encoded surrogates and a sequence cut off at the end', async () => {
  assert.equal(only(await loadOne(bytes('a', [0xc0, 0xaf]))).at, '1:2 invalid-encoding')
  assert.equal(only(await loadOne(bytes('ab', [0xed, 0xa0, 0x80]))).at, '1:3 invalid-encoding')
  assert.equal(only(await loadOne(bytes('line\nend ', [0xe2, 0x82]))).at, '2:5 invalid-encoding')
})

test('reports a UTF-16 file as such, not as binary', async () => {
  const { at, reason } = only(await loadOne(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('---\n', 'utf16le')])))
  assert.equal(at, '1:1 invalid-encoding')
  assert.match(reason, /UTF-16/)
})

test('refuses a binary file with an .md name, at its first NUL byte, naming the format it looks like', async () => {
  const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])
  const { at, reason } = only(await loadOne(png, 'photo.md'))
  // Its CRLF and LF count as line breaks, like any text's: the NUL is on line 3.
  assert.equal(at, '3:1 binary-file')
  assert.match(reason, /NUL byte; it looks like a PNG image/)
  assert.equal(only(await loadOne(bytes('text\nmore', [0], 'x'))).at, '2:5 binary-file')
})

test('accepts a UTF-8 byte order mark and CRLF or CR line endings, normalised away', async () => {
  const withBom = await loadOne(bytes([0xef, 0xbb, 0xbf], valid.replaceAll('\n', '\r\n')))
  assert.equal(withBom?.messages.length, 0)
  assert.equal(withBom?.value, valid)
  assert.equal((await loadOne(valid.replaceAll('\n', '\r')))?.value, valid)
})

test('keeps positions true in a file with a byte order mark and CRLF endings', async () => {
  const text = valid.replace('date: 2026-01-06', 'date: 6 January 2026')
  const lf = await loadOne(text)
  const crlf = await loadOne(bytes([0xef, 0xbb, 0xbf], text.replaceAll('\n', '\r\n')))
  const place = (file: VFile | undefined) => {
    assert.ok(file)
    assert.equal(validateArticle(file, config()), undefined)
    return file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)
  }
  assert.deepEqual(place(lf), ['5:7 invalid-field'])
  assert.deepEqual(place(crlf), ['5:7 invalid-field'])
  // An encoding error after a BOM and CRLFs: the BOM takes no column, CRLF is one line break.
  const bad = only(await loadOne(bytes([0xef, 0xbb, 0xbf], 'one\r\ntwo\r\nab', [0xff])))
  assert.equal(bad.at, '3:3 invalid-encoding')
})

test(`refuses an article over ${maxArticleBytes} bytes without reading it, and accepts one at the limit`, async () => {
  const root = await scratch()
  const padding = (size: number) => valid + 'x'.repeat(size - valid.length)
  await writeFile(join(root, 'articles', 'at-limit.md'), padding(maxArticleBytes))
  await writeFile(join(root, 'articles', 'over-limit.md'), padding(maxArticleBytes + 1))
  const [atLimit, overLimit] = await loadArticles(join(root, 'articles'))
  assert.equal(atLimit?.messages.length, 0)
  assert.equal(String(atLimit?.value).length, maxArticleBytes)
  const { at, reason, value } = only(overLimit)
  assert.equal(at, '1:1 file-too-large')
  assert.match(reason, /This file is 2\.1 MB, more than the 2 MB an article may be/)
  assert.equal(value, undefined)
})

test('refuses a link to a file or folder outside the articles folder, on the link, without reading it', async () => {
  const root = await scratch()
  await mkdir(join(root, 'elsewhere'))
  await writeFile(join(root, 'elsewhere', 'secret.md'), valid)
  await symlink(join(root, 'elsewhere', 'secret.md'), join(root, 'articles', 'leak.md'))
  await symlink('../elsewhere', join(root, 'articles', 'folder'))
  // Whatever its name: an article folder has no business linking out.
  await symlink(join(root, 'elsewhere', 'secret.md'), join(root, 'articles', 'logo.png'))
  const files = await loadArticles(join(root, 'articles'))
  assert.deepEqual(
    files.map((file) => [file.path, only(file).at, file.value]),
    ['folder', 'leak.md', 'logo.png'].map((name) => [relative(process.cwd(), join(root, 'articles', name)), '1:1 outside-articles', undefined]),
  )
  assert.match(files[1]?.messages[0]?.reason ?? '', /link to `.*elsewhere\/secret\.md`, which is outside the articles folder/)
})

test('follows a link that stays inside the articles folder, under the link name; a linked folder is not read twice', async () => {
  const root = await scratch()
  await mkdir(join(root, 'articles', '2026'))
  await writeFile(join(root, 'articles', '2026', 'story.txt'), valid)
  await symlink('2026/story.txt', join(root, 'articles', 'story.md'))
  await symlink('2026', join(root, 'articles', 'latest'))
  // The articles folder itself may be a link: confinement is to where it resolves.
  await symlink(join(root, 'articles'), join(root, 'linked'))
  const files = await loadArticles(join(root, 'linked'))
  assert.deepEqual(
    files.map((file) => [file.path, file.messages.length, file.value]),
    [[relative(process.cwd(), join(root, 'linked', 'story.md')), 0, valid]],
  )
})

test('reports dangling and looping links, and a FIFO, instead of hanging or skipping them', async () => {
  const root = await scratch()
  await symlink('nowhere.md', join(root, 'articles', 'dangling.md'))
  await symlink('loop-b.md', join(root, 'articles', 'loop-a.md'))
  await symlink('loop-a.md', join(root, 'articles', 'loop-b.md'))
  execFileSync('mkfifo', [join(root, 'articles', 'pipe.md')])
  const files = await loadArticles(join(root, 'articles'))
  const found = files.map((file) => [file.path.split('/').pop(), only(file).at, only(file).reason])
  assert.deepEqual(
    found.map(([name, at]) => [name, at]),
    [
      ['dangling.md', '1:1 unreadable-file'],
      ['loop-a.md', '1:1 unreadable-file'],
      ['loop-b.md', '1:1 unreadable-file'],
      ['pipe.md', '1:1 unreadable-file'],
    ],
  )
  assert.match(String(found[0]?.[2]), /link to `nowhere\.md`, which does not exist/)
  assert.match(String(found[1]?.[2]), /loop/)
  assert.match(String(found[3]?.[2]), /not a regular file/)
})

test('ignores names starting with a dot: editor lock links, macOS metadata, hidden folders', async () => {
  const root = await scratch()
  await writeFile(join(root, 'articles', 'story.md'), valid)
  // Emacs marks an unsaved buffer with a dangling link; macOS copies leave binary `._` files.
  await symlink('ann@laptop.4242:1767700000', join(root, 'articles', '.#story.md'))
  await writeFile(join(root, 'articles', '._story.md'), bytes([0, 5, 22, 7, 0, 2, 0, 0]))
  await mkdir(join(root, 'articles', '.git'))
  await writeFile(join(root, 'articles', '.git', 'notes.md'), 'not an article')
  const files = await loadArticles(join(root, 'articles'))
  assert.deepEqual(files.map((file) => [file.path.split('/').pop(), file.messages.length]), [['story.md', 0]])
})

test('reads the config and ledger with the same checks: invalid UTF-8 is an error, a missing file is undefined', async () => {
  const root = await scratch()
  await writeFile(join(root, 'config.yaml'), bytes('title: Caf', [0xe9], '\n'))
  assert.equal(only(await readSource(join(root, 'config.yaml'))).at, '1:11 invalid-encoding')
  assert.equal(await readSource(join(root, 'missing.yaml')), undefined)
})

test('lists articles in path order, sub-folders included, whatever the file system order', async () => {
  const root = await scratch()
  await mkdir(join(root, 'articles', 'b'))
  for (const name of ['c.md', 'b/z.md', 'a.md', 'b/a.md', 'notes.txt']) await writeFile(join(root, 'articles', name), valid)
  const files = await loadArticles(join(root, 'articles'))
  assert.deepEqual(
    files.map((file) => relative(join(root, 'articles'), join(process.cwd(), file.path))),
    ['a.md', 'b/a.md', 'b/z.md', 'c.md'],
  )
})

test('lists images by extension under the folder, but none under a dot-name, sorted by path', async () => {
  const root = await scratch()
  await mkdir(join(root, 'articles', 'images', '.hidden'), { recursive: true })
  for (const name of ['images/b.PNG', 'images/a.jpg', 'images/.hidden/c.jpg', 'images/notes.txt', '.d.gif', 'e.svg']) {
    await writeFile(join(root, 'articles', name), 'x')
  }
  const images = listImages(join(root, 'articles'))
  assert.deepEqual(images.map((image) => image.path), ['e.svg', 'images/a.jpg', 'images/b.PNG'])
  assert.deepEqual(images.map((image) => relative(process.cwd(), join(root, 'articles', image.path))), images.map((image) => image.source))
})

test('reads .markdown sources like .md ones, and nothing else by a look-alike name', async () => {
  const root = await scratch()
  await mkdir(join(root, 'articles', '_posts'))
  const names = ['_posts/2015-02-06-launch.markdown', 'My_Post.markdown', 'release-v0.4.10.md', 'notes.mdown', 'draft.markdown.bak', 'readme.txt']
  for (const name of names) await writeFile(join(root, 'articles', name), valid)
  // A link named .markdown is followed as one named .md is.
  await symlink('release-v0.4.10.md', join(root, 'articles', 'latest.markdown'))
  const files = await loadArticles(join(root, 'articles'))
  assert.deepEqual(
    files.map((file) => [relative(join(root, 'articles'), join(process.cwd(), file.path)), file.messages.length, file.value]),
    ['My_Post.markdown', '_posts/2015-02-06-launch.markdown', 'latest.markdown', 'release-v0.4.10.md'].map((name) => [name, 0, valid]),
  )
  assert.deepEqual(
    files.map((file) => validateArticle(file, config())?.article.slug),
    ['my_post', '2015-02-06-launch', 'latest', 'release-v0.4.10'],
  )
})

test('refuses a binary or outside file under a .markdown name as under a .md one', async () => {
  assert.equal(only(await loadOne(bytes([0x89, 0x50, 0x4e, 0x47, 0, 0]), 'photo.markdown')).at, '1:5 binary-file')
  const root = await scratch()
  await writeFile(join(root, 'secret.markdown'), valid)
  await symlink(join(root, 'secret.markdown'), join(root, 'articles', 'leak.markdown'))
  const files = await loadArticles(join(root, 'articles'))
  assert.deepEqual(files.map((file) => only(file).at), ['1:1 outside-articles'])
})
