import assert from 'node:assert/strict'
import { test } from 'node:test'
import { inLanguage, languageName, partLanguage, siteLanguages } from '../src/languages.ts'
import { siteStrings } from '../src/strings/index.ts'
import { config } from './helpers.ts'

test('a site has languages of its own only when its articles are in two or more, in code-point order', () => {
  assert.deepEqual(siteLanguages([{ lang: 'uk' }, { lang: 'uk' }]), [])
  assert.deepEqual(siteLanguages([]), [])
  assert.deepEqual(siteLanguages([{ lang: 'uk' }, { lang: 'en' }, { lang: 'en-GB' }]), ['en', 'en-GB', 'uk'])
})

test('names each language in itself, capitalised as a heading shows it', () => {
  assert.equal(languageName('en'), 'English')
  assert.equal(languageName('uk'), 'Українська')
  assert.equal(languageName('pl'), 'Polski')
})

test('a page in a language wirefeed has strings for gets them; the config’s own strings stay the site language’s', () => {
  const site = config({ language: 'uk', strings: { moreFrom: 'Усі новини «{site}»' } })
  const english = inLanguage(site, 'en')
  assert.equal(english.language, 'en')
  assert.equal(siteStrings(english).moreFrom, 'More from {site}')
  assert.equal(siteStrings(english).skipToContent, 'Skip to content')
  // Made once: the same object, so its strings are resolved once.
  assert.equal(inLanguage(site, 'en'), english)
  // The site's own language, a variant of it, and a language with no strings: the site's config itself.
  assert.equal(inLanguage(site, 'uk'), site)
  assert.equal(inLanguage(site, 'uk-UA'), site)
  assert.equal(inLanguage(site, 'pl'), site)
  assert.equal(english.timeZone, site.timeZone)
})

test('marks a part of a page with its language only when it is not the page’s, a regional tag being another', () => {
  assert.deepEqual(partLanguage('en', 'uk'), { lang: 'en' })
  assert.deepEqual(partLanguage('uk', 'uk'), {})
  assert.deepEqual(partLanguage('en-GB', 'en'), { lang: 'en-GB' })
})
