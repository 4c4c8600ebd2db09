import assert from 'node:assert/strict'
import { test } from 'node:test'
import { slugFromHeadline } from '../src/slug.ts'
import { slugPattern } from '../src/schema.ts'

test('makes a URL-safe slug from an English headline, dropping punctuation', () => {
  assert.equal(slugFromHeadline('Ukraine’s allies plan “binding” guarantees!'), 'ukraines-allies-plan-binding-guarantees')
})

test('transliterates Ukrainian by the national standard', () => {
  assert.equal(slugFromHeadline('Київ і Харків: Зеленський підписав угоду'), 'kyiv-i-kharkiv-zelenskyi-pidpysav-uhodu')
  assert.equal(slugFromHeadline('Згода в Чернігові'), 'zghoda-v-chernihovi')
})

test('transliterates Russian and Greek too', () => {
  assert.equal(slugFromHeadline('Москва объявила о переговорах'), 'moskva-obyavila-o-peregovorakh')
  assert.equal(slugFromHeadline('Ελλάδα: εκλογές'), 'ellada-ekloges')
})

test('cuts long headlines at a word boundary, at most 60 characters', () => {
  const slug = slugFromHeadline('Ukraine Security Guarantees to Include Binding Commitments, Draft Paris Summit Statement Reveals')
  assert.equal(slug, 'ukraine-security-guarantees-to-include-binding-commitments')
  assert.ok(slug.length <= 60)
})

test('gives an empty slug when no Latin can be made, so the caller falls back', () => {
  assert.equal(slugFromHeadline('日本語のニュース'), '')
})

test('always matches the schema slug pattern when not empty', () => {
  for (const headline of ['A -- B', '  Spaces  ', 'Ärger über Öl', '50% off: R&D']) {
    assert.match(slugFromHeadline(headline), slugPattern, headline)
  }
})
