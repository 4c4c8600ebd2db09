// Issue #20: `check --profile NAME` says what a partner profile's document
// holds and leaves out, and a build says when the site's feed is cut to its
// byte budget. The record newsroom has three profiles (its config).
import assert from 'node:assert/strict'
import { appendFile, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test } from 'node:test'
import { golden, site, wirefeed } from '../run-cli.ts'

const now = '2026-01-10T00:00:00Z'

/** The record newsroom with three long articles, the newest, each about 8 KB of body. */
async function longNewsroom() {
  const dir = await site('record')
  for (const day of [7, 8, 9]) {
    const body = `${'Grain, rail and power: the week in figures. '.repeat(180)}\n`
    await writeFile(
      join(dir, `articles/2026/01/long-${day}.md`),
      `---\ntitle: Long read ${day}\nsummary: The long read of January ${day}.\nauthor: Desk\ndate: 2026-01-0${day}T09:00:00+02:00\n---\n\n${body}`,
    )
  }
  return dir
}

test('check --profile prints each item kept or dropped, with its bytes and why; fewer than minItems exits 1 with a warning', async () => {
  const dir = await longNewsroom()
  const run = await wirefeed(['check', '--now', now, '--profile', 'app'], dir)
  assert.equal(run.code, 1, run.stderr)
  await golden(run.stdout, 'record/expected/check-profile-app.txt')
  assert.match(run.stdout, /^partners\/app\/feed\.json \(profile `app`, json, full\): 1 of \d+ articles, [\d,]+ of 16,384 bytes\n/)
  assert.match(run.stdout, /\n {2}kept {5}[\d,]+ bytes {2}Long read 9 /)
  assert.match(run.stdout, /\n {2}dropped {2}[\d,]+ bytes {2}Long read 8 .*\n {11}would take the document to about [\d,]+ bytes, past its maxBytes \(16,384\)\n/)
  assert.match(run.stdout, /\n {2}dropped +- bytes {2}Long read 7 .*\n {11}after an article that did not fit/)
  assert.match(run.stdout, /\n {2}fewer than its minItems \(2\)\n/)
  assert.match(run.stderr, /partners\/app\/feed\.json:1:1 {2}warning {2}The partner profile `app` holds 1 article, fewer than its `minItems` \(2\).*\[profile-too-small\]/)
})

test('check --profile exits 0 when the profile holds its minItems, and its JSON report carries the items', async () => {
  const dir = await longNewsroom()
  const run = await wirefeed(['check', '--now', now, '--profile', 'google'], dir)
  assert.equal(run.code, 0, run.stderr)
  assert.match(run.stdout, /^partners\/google\/feed\.xml \(profile `google`, rss, full\): (\d+) of \1 articles/)
  assert.doesNotMatch(run.stdout, /dropped/)
  const json = await wirefeed(['check', '--now', now, '--profile', 'headlines', '--format', 'json'], dir)
  assert.equal(json.code, 0, json.stderr)
  const { profile } = JSON.parse(json.stdout) as { profile: { name: string; content: string; items: { kept: boolean; bytes: number }[] } }
  assert.equal(profile.name, 'headlines')
  assert.equal(profile.content, 'summary')
  assert.ok(profile.items.length > 0 && profile.items.every((item) => item.kept && item.bytes > 0))
})

test('check --profile with a name the config does not have exits 2 and suggests the nearest', async () => {
  const dir = await site('record')
  const run = await wirefeed(['check', '--now', now, '--profile', 'gogle'], dir)
  assert.deepEqual([run.code, run.stdout, run.stderr], [2, '', 'wirefeed: the config has no profile `gogle`; did you mean `google`?\n'])
  const far = await wirefeed(['check', '--now', now, '--profile', 'bing'], dir)
  assert.equal(far.code, 2)
  assert.equal(far.stderr, 'wirefeed: the config has no profile `bing`; it has `google`, `headlines`, `app`.\n')
})

test('a build warns when the site’s feeds leave articles out to keep to feedBytes, and writes them within it', async () => {
  const dir = await longNewsroom()
  await appendFile(join(dir, 'wirefeed.config.yaml'), 'feedBytes: 20000\n')
  const run = await wirefeed(['build', '--now', now, '--verbose'], dir)
  assert.equal(run.code, 0, run.stderr)
  for (const file of ['feed.xml', 'atom.xml', 'feed.json']) {
    assert.ok((await stat(join(dir, 'dist', file))).size <= 20000, file)
    assert.match(run.stderr, new RegExp(`dist/${file.replace('.', '\\.')}:1:1 {2}warning {2}This feed holds \\d of its \\d+ newest articles: the next would take it past its budget of 20,000 bytes \\(\`feedBytes\`\\) {2}\\[feed-budget\\]`))
  }
  assert.match(await readFile(join(dir, 'dist/feed.xml'), 'utf8'), /Long read 9/)
  // A rebuild with nothing changed reports the same.
  const again = await wirefeed(['build', '--now', now, '--verbose'], dir)
  assert.equal(again.stderr, run.stderr)
})
