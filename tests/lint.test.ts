import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { VFile } from 'vfile'
import { lintArticle, lintDuplicates, limits } from '../src/lint.ts'
import { validateArticle, type ValidArticle } from '../src/validate.ts'
import { config, source } from './helpers.ts'

const image = { src: '/images/a.jpg', alt: 'A photo' }

function lint(...files: VFile[]) {
  const valid = files.map((file) => validateArticle(file, config()) as ValidArticle)
  for (const { article, tree } of valid) lintArticle(article, tree)
  lintDuplicates(valid.map(({ article }) => article))
  return files.flatMap((file) => file.messages.map((m) => `${file.path}:${m.line}:${m.column} ${m.fatal ? 'error' : 'warning'} ${m.ruleId}`))
}

test('says nothing about a well-made article', () => {
  assert.deepEqual(lint(source({ image }, 'See [the report](https://example.org/r).')), [])
})

test('warns, at the field, about a headline and a summary too long for readers and cards', () => {
  const file = source({ image, title: 'H'.repeat(limits.headline + 1), summary: 'S'.repeat(limits.summary + 1) })
  assert.deepEqual(lint(file), ['articles/a-story.md:2:8 warning headline-too-long', 'articles/a-story.md:3:10 warning summary-too-long'])
  assert.match(file.messages[0]?.reason ?? '', /111 characters long; readers cut it after about 110/)
})

test('warns about a missing lead image', () => {
  assert.deepEqual(lint(source()), ['articles/a-story.md:2:8 warning missing-image'])
})

test('warns about http: links and images in the body, at their place in the file', () => {
  const file = source({ image }, 'Intro.\n\nRead [this](http://example.org/a) and ![chart](HTTP://example.org/c.png).\n')
  assert.deepEqual(lint(file), ['articles/a-story.md:13:6 warning insecure-link', 'articles/a-story.md:13:39 warning insecure-link'])
})

test('warns about duplicate headlines, case-insensitively, on the later file', () => {
  const messages = lint(source({ image, title: 'Same news' }, 'x', 'articles/a.md'), source({ image, title: 'SAME NEWS' }, 'x', 'articles/b.md'))
  assert.deepEqual(messages, ['articles/b.md:2:8 warning duplicate-headline'])
})

test('warns about an http: link however it is written, a character reference included', () => {
  const file = source({ image }, 'Read [this](&#104;ttp://example.org/a).\n')
  assert.deepEqual(lint(file), ['articles/a-story.md:11:6 warning insecure-link'])
})
