import assert from 'node:assert/strict'
import { cp, readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { fixtures } from '../helpers.ts'
import { site, wirefeed } from '../run-cli.ts'

const now = '2026-11-27T14:40:00Z'

test('new creates a valid draft and refuses to overwrite it', async () => {
  const dir = await site('newsroom')
  const created = await wirefeed(['new', 'Київ готує нову угоду', '--now', now], dir)
  assert.equal(created.code, 0, created.stderr)
  assert.equal(created.stdout, 'Created articles/2026/kyiv-hotuie-novu-uhodu.md (a draft: remove `draft: true` to publish).\n')
  const text = await readFile(join(dir, 'articles/2026/kyiv-hotuie-novu-uhodu.md'), 'utf8')
  assert.match(text, /^date: 2026-11-27T16:40:00\+02:00$/m)
  assert.match(text, /^author: Desk$/m)
  assert.match(text, /^id: tag:news\.example\.org,2026-11-27:kyiv-hotuie-novu-uhodu$/m)
  const check = await wirefeed(['check', '--now', now, '--format', 'json'], dir)
  assert.equal(JSON.parse(check.stdout).ok, true, 'the new article validates')

  const again = await wirefeed(['new', 'Київ готує нову угоду', '--now', now], dir)
  assert.equal(again.code, 1)
  assert.match(again.stderr, /articles\/2026\/kyiv-hotuie-novu-uhodu\.md already exists; it was left as it is {2}\[file-exists\]/)
  assert.equal(await readFile(join(dir, 'articles/2026/kyiv-hotuie-novu-uhodu.md'), 'utf8'), text)
})

test('new takes --articles and rejects a missing headline', async () => {
  const dir = await site('newsroom')
  const created = await wirefeed(['new', 'Elsewhere', '--articles', 'desk', '--now', now], dir)
  assert.equal(created.code, 0, created.stderr)
  assert.deepEqual(await readdir(join(dir, 'desk/2026')), ['elsewhere.md'])
  const missing = await wirefeed(['new'], dir)
  assert.equal(missing.code, 2)
  assert.match(missing.stderr, /^wirefeed: `new` takes one headline, in quotes\.\n\nUsage: wirefeed new "<headline>"/)
})

test('import converts the seed and its variants, reporting what it could not recognise', async () => {
  const dir = await site('newsroom')
  await cp(new URL('import', fixtures), join(dir, 'incoming'), { recursive: true })
  const names = ['seed.txt', 'no-standfirst.txt', 'no-date.txt']
  const run = await wirefeed(['import', ...names.map((name) => `incoming/${name}`)], dir)
  assert.equal(run.code, 1, 'one file could not be imported')
  assert.equal(
    run.stdout,
    'imported  incoming/seed.txt  →  articles/2026/ukraine-security-guarantees-to-include-binding-commitments.md\n',
  )
  assert.match(run.stderr, /^incoming\/no-date\.txt:1:1 {2}error {2}No date line found .* {2}\[import-no-date\]$/m)
  assert.match(run.stderr, /^incoming\/no-standfirst\.txt:1:1 {2}error {2}articles\/2026\/ukraine-security-guarantees-to-include-binding-commitments\.md already exists/m)
  assert.match(run.stderr, /^incoming\/no-standfirst\.txt:2:1 {2}warning {2}No standfirst found/m)
  const build = await wirefeed(['build', '--now', now], dir)
  assert.equal(build.code, 0, build.stderr)
  const titles = JSON.parse(await readFile(join(dir, 'dist/feed.json'), 'utf8')).items.map((item: { title: string }) => item.title)
  assert.ok(titles.includes('Ukraine Security Guarantees to Include Binding Commitments, Draft Paris Summit Statement Reveals'))
})

test('import accepts Windows line endings and other date forms', async () => {
  const dir = await site('newsroom')
  const fixture = fileURLToPath(new URL('import/crlf-long-date.txt', fixtures))
  const run = await wirefeed(['import', fixture, '--articles', 'imported'], dir)
  assert.equal(run.code, 0, run.stderr)
  const text = await readFile(join(dir, 'imported/2026/ukraine-security-guarantees-to-include-binding-commitments.md'), 'utf8')
  assert.doesNotMatch(text, /\r/)
  assert.match(text, /^date: 2026-01-06$/m)
})
