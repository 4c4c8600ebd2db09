import assert from 'node:assert/strict'
import { test } from 'node:test'
import { VFile } from 'vfile'
import { analyseSource } from '../src/analyse.ts'
import { newArticle } from '../src/create/new-article.ts'
import { config } from './helpers.ts'

const settings = config({ url: 'https://news.example.org/', timeZone: 'UTC' })
const now = new Date('2026-03-02T10:00:00Z')

/** What `wirefeed new` writes, edited as `edit` says, analysed as a build does. */
function analysed(edit: (text: string) => string) {
  const { path, text } = newArticle('Harbour reopens', settings, now)
  const file = new VFile({ path: `articles/${path}`, value: edit(text) })
  analyseSource(file, settings, now)
  return file.messages.filter((message) => message.ruleId === 'placeholder-text').map((message) => [message.line, message.reason, message.fatal])
}

const undraft = (text: string) => text.replace('draft: true\n', '')

test('a placeholder `new` wrote is an error once the article is not a draft: the summary and each paragraph, at their places', () => {
  assert.deepEqual(analysed(undraft), [
    [3, 'The summary is still the placeholder `wirefeed new` wrote; it would be published as it is', true],
    [9, 'The body is still the placeholder `wirefeed new` wrote; it would be published as it is', true],
    [11, 'The body is still the placeholder `wirefeed new` wrote; it would be published as it is', true],
  ])
})

test('a draft may hold placeholders; written text, or a placeholder sentence quoted inside a paragraph, is not one', () => {
  assert.deepEqual(analysed((text) => text), [])
  const written = (text: string) =>
    undraft(text)
      .replace('One or two sentences that tell the reader what happened.', 'Ferries run again from Monday.')
      .replace('Write the article here. Use `## ` for sub-headings.', 'The harbour reopens. Editors wrote: Write the article here. Use `## ` for sub-headings.')
      .replace('Remove `draft: true` above when it is ready to publish.\n', 'The port authority said so.\n')
  assert.deepEqual(analysed(written), [])
})
