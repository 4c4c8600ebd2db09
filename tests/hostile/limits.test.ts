// Limits that keep one small source from costing gigabytes, minutes or the stack.
import assert from 'node:assert/strict'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test } from 'node:test'
import { assertRefused, build, now, site, wirefeed } from './run.ts'

const article = (body: string, fields = '') => `---\ntitle: Edge\nsummary: S.\nauthor: A\ndate: 2026-01-06\n${fields}---\n\n${body}\n`

test('refuses an article with more tags than the limit, at the list, before making a feed for any', async () => {
  const dir = await site()
  await build(dir)
  const tags = Array.from({ length: 3000 }, (_, n) => `t${n}`).join(', ')
  await writeFile(join(dir, 'articles', 'tags.md'), article('Body.', `tags: [${tags}]\n`))
  await assertRefused(dir, { path: 'articles/tags.md', line: 6, column: 7, rule: 'invalid-field', reason: /`tags` is not valid: at most 20 tags/, fix: /at most 20 short words/ })
})

test('gives up, within seconds, on a source micromark would take minutes over, and reports it at the file', async () => {
  const dir = await site()
  await build(dir)
  await writeFile(join(dir, 'articles', 'brackets.md'), article(`${'['.repeat(40_000)}x${']'.repeat(40_000)}`))
  const started = performance.now()
  const run = await assertRefused(dir, { path: 'articles/brackets.md', line: 1, column: 1, rule: 'too-slow', reason: /took more than \d+ seconds to parse and was given up/, fix: /long run of brackets/ })
  assert.ok(performance.now() - started < 60_000, `${run.stderr}`)
})

test('gives one verdict on markup nested too deep, whatever thread analyses it, at the place it goes too deep', async () => {
  const dir = await site()
  await build(dir)
  const deep = {
    'divs.md': `Intro.\n\n${'<div>'.repeat(2000)}x${'</div>'.repeat(2000)}`,
    'emphasis.md': `Intro.\n\n${'*'.repeat(4000)}a${'*'.repeat(4000)}`,
  }
  for (const [name, body] of Object.entries(deep)) await writeFile(join(dir, 'articles', name), article(body))
  const verdicts = []
  for (const threads of ['1', '2']) {
    const run = await wirefeed(['check', '--now', now, '--threads', threads, '--cache', `cache-${threads}`], dir)
    assert.equal(run.code, 1)
    verdicts.push(run.stderr.split('\n').filter((line) => /^articles\/(divs|emphasis)\.md:/.test(line)))
  }
  assert.deepEqual(verdicts[0], verdicts[1])
  assert.deepEqual(verdicts[0]?.map((line) => line.replace(/:\d+ {2}error {2}.*\[/, ' [')), ['articles/divs.md:10 [too-deeply-nested]', 'articles/emphasis.md:10 [too-deeply-nested]'])
})
