import assert from 'node:assert/strict'
import { test } from 'node:test'
import { fileNameProblem, isArticleName, slugFromFileName, slugFromHeadline, suggestSlug } from '../src/slug.ts'
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

test('takes lower-case letters and digits in runs separated by single hyphens, dots or underscores', () => {
  const slugs = ['paris-summit', 'release-v0.4.10', 'weekly-update.2015-02-06', 'my_post', 'v2', '2015-02-06-launch']
  const not = ['', 'My_Post', 'a..b', 'a-_b', '.hidden', 'v1.', '-a', 'a_', '.', '..', 'big news', 'rust@1', 'київ', 'a/b']
  assert.deepEqual(slugs.filter((slug) => !slugPattern.test(slug)), [])
  assert.deepEqual(not.filter((slug) => slugPattern.test(slug)), [])
})

test('makes a file name its slug in lower case, cutting only an article extension', () => {
  assert.deepEqual(
    ['articles/2026/release-v0.4.10.md', 'articles/My_Post.markdown', 'weekly-update.2015-02-06.md', 'v0.4.10', 'notes.md.bak', 'Big News.md'].map(slugFromFileName),
    [
      { name: 'release-v0.4.10', extension: '.md', slug: 'release-v0.4.10' },
      { name: 'My_Post', extension: '.markdown', slug: 'my_post' },
      { name: 'weekly-update.2015-02-06', extension: '.md', slug: 'weekly-update.2015-02-06' },
      { name: 'v0.4.10', extension: '', slug: 'v0.4.10' },
      { name: 'notes.md.bak', extension: '', slug: 'notes.md.bak' },
      { name: 'Big News', extension: '.md', slug: 'big news' },
    ],
  )
})

test('knows article sources by their .md or .markdown extension alone', () => {
  assert.deepEqual(
    ['a.md', 'a.markdown', 'dir/a.b.md', 'a.mdown', 'a.md.bak', 'a.txt', 'md', 'a.MD'].map((name) => [name, isArticleName(name)]),
    [['a.md', true], ['a.markdown', true], ['dir/a.b.md', true], ['a.mdown', false], ['a.md.bak', false], ['a.txt', false], ['md', false], ['a.MD', false]],
  )
})

test('points at the first character of a file name that keeps it from being a slug, counting characters', () => {
  assert.deepEqual(
    ['My_Post', 'Rust-1.0@0', 'Big News', 'Київ', 'x\u0007y', '_draft', 'draft-', 'a.-b', ''].map(fileNameProblem),
    [
      undefined,
      '`@` at character 9 cannot be in a URL (only a to z, digits, `-`, `.` and `_` can)',
      'a space at character 4 cannot be in a URL (only a to z, digits, `-`, `.` and `_` can)',
      '`К` at character 1 cannot be in a URL (only a to z, digits, `-`, `.` and `_` can)',
      'U+0007 at character 2 cannot be in a URL (only a to z, digits, `-`, `.` and `_` can)',
      '`_` at character 1 cannot start or end a slug',
      '`-` at character 6 cannot start or end a slug',
      '`.-` at character 2 puts two separators together',
      'it is empty',
    ],
  )
})

test('suggests a slug that keeps dots and underscores, and matches the pattern', () => {
  const names = ['Rust-1.0@0', 'Big News', 'Київ_2026', 'My__Post..Draft', '.hidden.', 'Release V0.4.10!', 'Ärger über Öl']
  assert.deepEqual(names.map(suggestSlug), ['rust-1.0-0', 'big-news', 'kyiv_2026', 'my_post.draft', 'hidden', 'release-v0.4.10', 'aerger-ueber-oel'])
  for (const slug of names.map(suggestSlug)) assert.match(slug, slugPattern)
  assert.equal(suggestSlug('日本'), '')
})
