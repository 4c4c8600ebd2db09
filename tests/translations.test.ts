import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { VFile } from 'vfile'
import { checkTranslations, versionsOf } from '../src/translations.ts'
import { validateArticle, type Article } from '../src/validate.ts'
import { config, source } from './helpers.ts'

const settings = config({ language: 'uk' })

function article(file: VFile): Article {
  const result = validateArticle(file, settings)
  assert.ok(result, String(file.messages))
  return result.article
}

const originalId = 'tag:news.example.org,2026-01-06:budget'
const original = () => article(source({}, 'x', 'articles/budget.md'))
const translation = (fields: Record<string, unknown>, path: string) => article(source({ language: 'en', translationOf: originalId, ...fields }, 'x', path))
/** Each message as `path:line:column rule`, with its reason. */
const messages = (articles: readonly Article[]) =>
  articles.flatMap(({ file }) => file.messages.map((message) => ({ at: `${file.path}:${message.line}:${message.column}`, rule: message.ruleId, reason: message.reason, note: message.note })))

test('reads `language`, and `lang` as its older name; both with different tags is an error at `lang`', () => {
  assert.equal(article(source({ language: 'en' })).lang, 'en')
  assert.equal(article(source({ lang: 'en' })).lang, 'en')
  assert.equal(article(source({ lang: 'en', language: 'en' })).lang, 'en')
  assert.equal(article(source({})).lang, 'uk')
  const file = source({ language: 'en', lang: 'pl' })
  assert.equal(validateArticle(file, settings), undefined)
  assert.deepEqual(file.messages.map((message) => [message.ruleId, message.line, message.column]), [['conflicting-language', 7, 7]])
})

test('accepts translations of one original, each in its own language', () => {
  const articles = [original(), translation({}, 'articles/budget-en.md'), translation({ language: 'pl' }, 'articles/budget-pl.md')]
  checkTranslations(articles)
  assert.deepEqual(messages(articles), [])
})

test('refuses an unknown id at the field, with the nearest id when one is close', () => {
  const articles = [original(), translation({ translationOf: 'tag:news.example.org,2026-01-06:budgte' }, 'articles/budget-en.md')]
  checkTranslations(articles)
  const [found] = messages(articles)
  // Line 7: after the `---`, title, summary, author, date and language.
  assert.equal(found?.at, 'articles/budget-en.md:7:16')
  assert.equal(found?.rule, 'translation-unknown')
  assert.match(found?.reason ?? '', /did you mean `tag:news\.example\.org,2026-01-06:budget`\?/)
  assert.equal(found?.note, `write \`translationOf: ${originalId}\``)
})

test('refuses an unknown id far from every other without a suggestion', () => {
  const articles = [original(), translation({ translationOf: 'urn:uuid:0a6e1c7c-4b0e-4b0e-8f4e-2c9a1c7c4b0e' }, 'articles/budget-en.md')]
  checkTranslations(articles)
  assert.deepEqual(messages(articles).map((found) => [found.rule, /did you mean/.test(found.reason)]), [['translation-unknown', false]])
})

test('refuses a translation in the language of its original, and one of itself', () => {
  const same = translation({ language: 'uk' }, 'articles/budget-copy.md')
  const itself = article(source({ language: 'en', translationOf: 'tag:news.example.org,2026-01-06:self' }, 'x', 'articles/self.md'))
  const articles = [original(), same, itself]
  checkTranslations(articles)
  assert.deepEqual(messages(articles).map((found) => `${found.at} ${found.rule}`), [
    'articles/budget-copy.md:7:16 translation-same-language',
    'articles/self.md:7:16 translation-same-language',
  ])
})

test('refuses a chain, naming the original to point at', () => {
  const english = translation({}, 'articles/budget-en.md')
  const polish = article(source({ language: 'pl', translationOf: english.id }, 'x', 'articles/budget-pl.md'))
  const articles = [original(), english, polish]
  checkTranslations(articles)
  const found = messages(articles)
  assert.deepEqual(found.map((entry) => `${entry.at} ${entry.rule}`), ['articles/budget-pl.md:7:16 translation-chain'])
  assert.equal(found[0]?.note, `point every translation at the original: \`translationOf: ${originalId}\``)
})

test('refuses a second translation of one original into the same language, on the later in source order', () => {
  const articles = [original(), translation({}, 'articles/budget-en.md'), translation({ slug: 'budget-en-2' }, 'articles/budget-en-2.md')]
  checkTranslations(articles)
  const found = messages(articles)
  assert.deepEqual(found.map((entry) => `${entry.at} ${entry.rule}`), ['articles/budget-en-2.md:7:16 translation-duplicate-language'])
  assert.match(found[0]?.reason ?? '', /articles\/budget-en\.md/)
})

test('groups each original with its shown translations, x-default the original; an article alone has none', () => {
  const site = 'https://news.example.org/'
  const versions = versionsOf([
    { id: 'a', url: `${site}a/`, lang: 'uk' },
    { id: 'a-en', url: `${site}a-en/`, lang: 'en', translationOf: 'a' },
    { id: 'b', url: `${site}b/`, lang: 'uk' },
    // A translation whose original is not shown (a draft): its group has no x-default.
    { id: 'c-en', url: `${site}c-en/`, lang: 'en', translationOf: 'c' },
    { id: 'c-pl', url: `${site}c-pl/`, lang: 'pl', translationOf: 'c' },
  ])
  const group = { versions: [{ language: 'en', url: `${site}a-en/` }, { language: 'uk', url: `${site}a/` }], original: `${site}a/` }
  assert.deepEqual(versions.get('a'), group)
  assert.deepEqual(versions.get('a-en'), group)
  assert.equal(versions.has('b'), false)
  assert.deepEqual(versions.get('c-pl'), { versions: [{ language: 'en', url: `${site}c-en/` }, { language: 'pl', url: `${site}c-pl/` }] })
})
