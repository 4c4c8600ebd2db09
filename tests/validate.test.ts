import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { VFile } from 'vfile'
import { maxCorrections, permanentId } from '../src/schema.ts'
import { bodyDigest, maxNesting, validateArticle } from '../src/validate.ts'
import { config, source } from './helpers.ts'

/** Each message as `line:column [rule] reason`, for compact assertions. */
function problems(file: VFile) {
  return file.messages.map((m) => `${m.line}:${m.column} [${m.ruleId}] ${m.reason}`)
}

test('accepts a minimal article and derives slug, URL and id from the file name and date', () => {
  const article = validateArticle(source({}, 'Body.\n', 'articles/2026/paris-summit.md'), config())?.article
  assert.ok(article)
  assert.equal(article.slug, 'paris-summit')
  assert.equal(article.url, 'https://news.example.org/2026/01/paris-summit/')
  assert.equal(article.id, 'tag:news.example.org,2026-01-06:paris-summit')
  assert.deepEqual(article.authors, ['Ann Writer'])
  assert.equal(article.lang, 'en')
  assert.equal(article.draft, false)
  assert.equal(article.feed, 'full')
})

test('reads `feed: summary`, and rejects any other policy at its value with the two it takes', () => {
  assert.equal(validateArticle(source({ feed: 'summary' }), config())?.article.feed, 'summary')
  const file = source({ feed: 'teaser' })
  assert.equal(validateArticle(file, config()), undefined)
  assert.equal(file.messages.length, 1)
  const [message] = file.messages
  assert.equal(`${message?.line}:${message?.column} ${message?.ruleId}`, '6:7 invalid-field')
  assert.match(String(message?.note), /`full`.*`summary`/)
})

test('reads a bare date as midnight in the site time zone', () => {
  const article = validateArticle(source({ date: '2026-01-06' }), config({ timeZone: 'Europe/Kyiv' }))?.article
  assert.equal(article?.date.toISOString(), '2026-01-05T22:00:00.000Z')
})

test('keeps the offset of a full date-time', () => {
  const article = validateArticle(source({ date: '2026-01-06T09:30:00+01:00' }), config())?.article
  assert.equal(article?.date.toISOString(), '2026-01-06T08:30:00.000Z')
})

test('uses the calendar date in the site time zone for the URL path', () => {
  // 23:30 UTC on 31 January is already February in Kyiv.
  const article = validateArticle(source({ date: '2026-01-31T23:30:00Z' }), config({ timeZone: 'Europe/Kyiv' }))?.article
  assert.equal(article?.url, 'https://news.example.org/2026/02/a-story/')
})

test('prefers explicit slug, id, canonical, lang and an author list', () => {
  const article = validateArticle(
    source({
      slug: 'other',
      id: 'tag:news.example.org,2025-12-01:first',
      canonical: 'https://partner.example.com/story',
      lang: 'uk',
      author: ['Ann', 'Bo'],
    }),
    config(),
  )?.article
  assert.equal(article?.slug, 'other')
  assert.equal(article?.id, 'tag:news.example.org,2025-12-01:first')
  assert.equal(article?.url, 'https://partner.example.com/story')
  assert.equal(article?.lang, 'uk')
  assert.deepEqual(article?.authors, ['Ann', 'Bo'])
})

test('resolves a lead image against the site URL', () => {
  const article = validateArticle(source({ image: { src: 'images/a.jpg', alt: 'A map' } }), config())?.article
  assert.deepEqual(article?.image, { url: 'https://news.example.org/images/a.jpg', alt: 'A map' })
})

test('reports a misspelt field once, as unknown with a did-you-mean at the key, not also as missing', () => {
  const file = source({ titel: 'x', title: undefined })
  assert.equal(validateArticle(file, config()), undefined)
  assert.deepEqual(problems(file), ['5:1 [unknown-field] Unknown field `titel`: did you mean `title`?'])
  assert.equal(file.messages[0]?.note, 'rename `titel` to `title`')
  // Missing with nothing misspelt for it: reported as missing.
  const missing = source({ title: undefined })
  validateArticle(missing, config())
  assert.deepEqual(problems(missing), ['2:1 [missing-field] Required field `title` is missing'])
})

test('lists the known fields when nothing is close', () => {
  const file = source({ popularity: 3 })
  validateArticle(file, config())
  assert.match(String(file.messages[0]?.note), /^remove `popularity`; the known fields are `title`, `summary`/)
})

test('reports every problem in a file at once, each at its value', () => {
  const file = new VFile({
    path: 'articles/bad.md',
    value: '---\ntitle: ""\nsummary: S\nauthor: A\ndate: 2026-13-01\nlang: EN\nslug: Not OK\nimage:\n  src: /x.jpg\n---\nBody\n',
  })
  assert.equal(validateArticle(file, config()), undefined)
  assert.deepEqual(
    file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message.split(':')[0]}`).sort(),
    [
      '2:8 invalid-field `title` is not valid',
      '5:7 invalid-field `date` is not valid',
      '6:7 invalid-field `lang` is not valid',
      '7:7 invalid-field `slug` is not valid',
      '9:3 missing-field Required field `image.alt` is missing',
    ],
  )
  assert.ok(file.messages.every((m) => m.fatal && m.source === 'wirefeed' && m.note))
})

test('reports positions true to the file with CRLF line endings and a BOM', () => {
  const file = new VFile({
    path: 'articles/crlf.md',
    value: '\uFEFF---\r\ntitle: T\r\nsummary: S\r\nauthor: A\r\ndate: nope\r\n---\r\nBody\r\n',
  })
  validateArticle(file, config())
  assert.deepEqual(problems(file).map((p) => p.split(' [')[0]), ['5:7'])
})

test('rejects a file without front matter', () => {
  const file = new VFile({ path: 'articles/plain.md', value: 'Just text\n' })
  assert.equal(validateArticle(file, config()), undefined)
  assert.deepEqual(problems(file), ['1:1 [missing-front-matter] This article has no front matter'])
})

test('reports a YAML syntax error at its place', () => {
  const file = new VFile({ path: 'articles/y.md', value: '---\ntitle: [unclosed\nsummary: S\n---\n' })
  validateArticle(file, config())
  assert.equal(file.messages[0]?.ruleId, 'yaml-syntax')
  assert.equal(file.messages[0]?.line, 3)
})

test('treats YAML tags and dates as data, never as code or Date objects', () => {
  const file = source({}, '', 'articles/tagged.md')
  file.value = String(file.value).replace('title: A story', 'title: !!js/function "() => 1"')
  assert.equal(validateArticle(file, config()), undefined)
  assert.deepEqual(
    file.messages.map((m) => m.ruleId),
    ['yaml-syntax'],
  )
  assert.match(file.messages[0]?.reason ?? '', /tag/)
})

test('rejects updated before date, at the updated value', () => {
  const file = source({ date: '2026-01-06', updated: '2026-01-05' })
  assert.equal(validateArticle(file, config()), undefined)
  assert.deepEqual(problems(file), ['6:10 [updated-before-date] `updated` is earlier than `date`'])
})

test('rejects an image without alt and an unknown image type', () => {
  const file = source({ image: { src: '/a.bmp' } })
  validateArticle(file, config())
  assert.deepEqual(
    file.messages.map((m) => [m.ruleId, m.reason.match(/`([^`]+)`/)?.[1]]),
    [
      ['invalid-field', 'image.src'],
      ['missing-field', 'image.alt'],
    ],
  )
})

test('rejects a URL that `new URL()` would rewrite, saying how to write it', () => {
  const file = source({ canonical: 'https://Partner.example.com' })
  validateArticle(file, config())
  assert.match(file.messages[0]?.reason ?? '', /write it as https:\/\/partner\.example\.com\//)
})

test('rejects a file name that is not a URL-safe slug unless slug is set', () => {
  const bad = source({}, 'x', 'articles/Big News.md')
  assert.equal(validateArticle(bad, config()), undefined)
  assert.equal(bad.messages[0]?.ruleId, 'invalid-field')
  assert.ok(validateArticle(source({ slug: 'big-news' }, 'x', 'articles/Big News.md'), config()))
})

test('reports unparseable URLs and paths instead of throwing', () => {
  for (const fields of [{ canonical: '/a/' }, { canonical: 'not a url' }, { image: { src: '//', alt: 'x' } }]) {
    const file = source(fields)
    assert.equal(validateArticle(file, config()), undefined)
    assert.deepEqual(
      file.messages.map((m) => m.ruleId),
      ['invalid-field'],
      JSON.stringify(fields),
    )
  }
})

test('strips characters no feed may carry, so a headline of control characters is empty', () => {
  const file = source({ title: '\u0001\u0002' })
  assert.equal(validateArticle(file, config()), undefined)
  assert.match(file.messages[0]?.reason ?? '', /`title` is not valid: it is empty/)
  assert.equal(validateArticle(source({ title: 'Clean\u0007 title' }), config())?.article.title, 'Clean title')
})

test('refuses markup nested past the limit with a message, however deep, instead of running out of stack', () => {
  assert.ok(validateArticle(source({}, `${'* '.repeat(256)}x\n`), config()), '256 nested lists are fine')
  const deep = [
    `${'* '.repeat(maxNesting + 1)}x\n`,
    `Intro.\n\n${'> '.repeat(2000)}x\n`,
    `${'1. '.repeat(2000)}x\n`,
    // Emphasis and raw HTML nest as well as lists do.
    `${'*'.repeat(1300)}a${'*'.repeat(1300)}\n`,
    `${'<div>'.repeat(2000)}x${'</div>'.repeat(2000)}\n`,
    `${'<div>\n\n'.repeat(700)}x\n`,
  ]
  for (const body of deep) {
    const file = source({}, body)
    assert.equal(validateArticle(file, config()), undefined)
    assert.deepEqual(file.messages.map((m) => [m.ruleId, m.fatal]), [['too-deeply-nested', true]])
  }
  const file = source({}, `Intro.\n\n${'> '.repeat(maxNesting + 1)}x\n`)
  validateArticle(file, config())
  // The innermost level past the limit, on the line it is written on.
  assert.equal(file.messages[0]?.line, String(file.value).split('\n').findIndex((line) => line.startsWith('> ')) + 1)
})

/** An article source with `date` written exactly as `date`, so YAML sees it as an editor wrote it. */
function dated(date: string, path = 'articles/a-story.md') {
  return new VFile({ path, value: `---\ntitle: T\nsummary: S\nauthor: A\ndate: ${date}\n---\n\nBody.\n` })
}

test('reads every RFC 3339 date-time form, unquoted or quoted, as the instant it names', () => {
  const cases: Array<[string, string]> = [
    ['2013-09-14 20:46:50 -0400', '2013-09-15T00:46:50.000Z'],
    ['2026-01-06t09:30:00z', '2026-01-06T09:30:00.000Z'],
    ['2026-01-06T09:30:00.123456+01:00', '2026-01-06T08:30:00.123Z'],
    ['2026-01-06T09:30+0100', '2026-01-06T08:30:00.000Z'],
    // No offset: the site's clock (Kyiv, +02 in winter, +03 in summer), as for a date.
    ['2026-01-06 09:30', '2026-01-06T07:30:00.000Z'],
    ['2026-07-06T09:30:00', '2026-07-06T06:30:00.000Z'],
  ]
  for (const [text, instant] of cases) {
    for (const written of [text, `'${text}'`, `"${text}"`]) {
      const file = dated(written)
      assert.equal(validateArticle(file, config({ timeZone: 'Europe/Kyiv' }))?.article.date.toISOString(), instant, `${written}: ${file.messages.join('; ')}`)
    }
  }
})

test('reads updated in the same forms, and compares the instants, not the texts', () => {
  const article = validateArticle(source({ date: '2026-01-06 09:30:00 +0200', updated: '2026-01-06t08:00:00z' }), config())?.article
  assert.equal(article?.updated?.toISOString(), '2026-01-06T08:00:00.000Z')
  const file = source({ date: '2026-01-06 09:30:00 +0200', updated: '2026-01-06T07:29Z' })
  assert.equal(validateArticle(file, config()), undefined)
  assert.deepEqual(file.messages.map((m) => m.ruleId), ['updated-before-date'])
})

test('names the missing day or hour of a date that is not in the calendar, in every form', () => {
  for (const [text, why] of [
    ['2026-02-29 10:00:00 +0200', 'February 2026 has 28 days'],
    ['2026-04-31', 'April 2026 has 30 days'],
    ['2026-01-06t24:00z', 'there is no hour 24'],
    ['2026-01-06 10:00 +2500', 'there is no offset +2500'],
  ]) {
    const file = dated(text ?? '')
    assert.equal(validateArticle(file, config()), undefined)
    assert.deepEqual(problems(file), [`5:7 [invalid-field] \`date\` is not valid: ${why} (got "${text}")`])
  }
})

test('refuses a date in no form it reads, saying which forms it does', () => {
  const file = dated('06.01.2026 09:30')
  assert.equal(validateArticle(file, config()), undefined)
  assert.deepEqual(problems(file), ['5:7 [invalid-field] `date` is not valid: not a date or a date and time in a form we read (got "06.01.2026 09:30")'])
  assert.equal(
    file.messages[0]?.note,
    "make `date` a date (2026-01-06) or an RFC 3339 date-time (2026-01-06T09:30:00+01:00, 2026-01-06 09:30:00 +0100); a date, or a time without an offset, is read in the site's time zone",
  )
})

test('takes dots and underscores in a file name as they are, lower-cased, into the URL and the id', () => {
  const cases: Array<[string, string]> = [
    ['articles/2026/release-v0.4.10.md', 'release-v0.4.10'],
    ['articles/weekly-update.2015-02-06.md', 'weekly-update.2015-02-06'],
    ['articles/My_Post.markdown', 'my_post'],
    ['articles/v0.4.10.markdown', 'v0.4.10'],
    // A Jekyll date prefix stays: the id made of it must not change.
    ['articles/_posts/2015-02-06-Launch.md', '2015-02-06-launch'],
  ]
  for (const [path, slug] of cases) {
    const file = source({}, 'x', path)
    const article = validateArticle(file, config())?.article
    assert.ok(article, `${path}: ${file.messages.join('; ')}`)
    assert.deepEqual([article.slug, article.url, article.id], [slug, `https://news.example.org/2026/01/${slug}/`, `tag:news.example.org,2026-01-06:${slug}`])
    assert.ok(permanentId.safeParse(article.id).success, article.id)
  }
})

test('accepts an explicit slug with dots and underscores, and says how to write one with capitals', () => {
  assert.equal(validateArticle(source({ slug: 'v0.4.10' }, 'x', 'articles/Big News.md'), config())?.article.url, 'https://news.example.org/2026/01/v0.4.10/')
  const file = source({ slug: 'Release-v0.4.10' })
  assert.equal(validateArticle(file, config()), undefined)
  assert.deepEqual(problems(file), ['6:7 [invalid-field] `slug` is not valid: write it in lower case: `release-v0.4.10` (got "Release-v0.4.10")'])
  for (const [slug, suggestion] of [['Big News', 'big-news'], ['a..b', 'a.b'], ['.hidden', 'hidden'], ['v1.', 'v1'], ['a_-b', 'a_b']]) {
    const bad = source({ slug })
    assert.equal(validateArticle(bad, config()), undefined)
    assert.equal(bad.messages[0]?.reason, `\`slug\` is not valid: use lower-case letters and digits separated by single \`-\`, \`.\` or \`_\`, such as \`${suggestion}\` (got "${slug}")`)
  }
})

test('refuses a file name a slug cannot be made of, at the front matter, pointing at the fault and suggesting a slug', () => {
  const url = '(only a to z, digits, `-`, `.` and `_` can)'
  const cases: Array<[string, string, string]> = [
    ['Rust-1.0@0.md', `\`@\` at character 9 cannot be in a URL ${url}`, 'add `slug: rust-1.0-0`, or rename the file `rust-1.0-0.md`'],
    ['Big News.md', `a space at character 4 cannot be in a URL ${url}`, 'add `slug: big-news`, or rename the file `big-news.md`'],
    ['Київ_2026.markdown', `\`К\` at character 1 cannot be in a URL ${url}`, 'add `slug: kyiv_2026`, or rename the file `kyiv_2026.markdown`'],
    ['-draft.md', '`-` at character 1 cannot start or end a slug', 'add `slug: draft`, or rename the file `draft.md`'],
    ['a._b.md', '`._` at character 2 puts two separators together', 'add `slug: a.b`, or rename the file `a.b.md`'],
  ]
  for (const [name, fault, fix] of cases) {
    const file = source({}, 'x', `articles/${name}`)
    assert.equal(validateArticle(file, config()), undefined, name)
    assert.deepEqual(problems(file), [`2:1 [invalid-field] \`slug\` is not valid: the file name \`${name}\` gives no slug, as ${fault}`])
    assert.equal(file.messages[0]?.note, `make \`slug\` explicit: ${fix}`)
  }
  const cjk = source({}, 'x', 'articles/日本.md')
  assert.equal(validateArticle(cjk, config()), undefined)
  assert.equal(cjk.messages[0]?.note, 'make `slug` explicit, with lower-case letters and digits separated by single `-`, `.` or `_`, or rename the file to such a name')
})

describe('corrections', () => {
  const entry = (at: string, kind: string, note: string) => ({ at, kind, note })

  test('reads each entry, oldest first, as plain data with its instant in UTC', () => {
    const article = validateArticle(
      source({
        date: '2026-01-06T09:00:00+02:00',
        corrections: [entry('2026-01-08', 'update', 'Later.'), entry('2026-01-07 10:00', 'correction', 'The name is Olena.')],
      }),
      config({ timeZone: 'Europe/Kyiv' }),
    )?.article
    assert.deepEqual(article?.corrections, [
      { at: '2026-01-07T08:00:00.000Z', kind: 'correction', note: 'The name is Olena.' },
      { at: '2026-01-07T22:00:00.000Z', kind: 'update', note: 'Later.' },
    ])
    // Plain data: the cache stores articles as JSON and gets the same back.
    assert.deepEqual(JSON.parse(JSON.stringify(article?.corrections)), article?.corrections)
  })

  test('makes the newest correction or update the article\'s updated time; a clarification moves nothing', () => {
    const at = (corrections: object[], updated?: string) =>
      validateArticle(source({ date: '2026-01-06T09:00:00Z', corrections, ...(updated && { updated }) }), config())?.article?.updated?.toISOString()
    assert.equal(at([entry('2026-01-07T10:00:00Z', 'correction', 'a'), entry('2026-01-08T10:00:00Z', 'clarification', 'b')]), '2026-01-07T10:00:00.000Z')
    assert.equal(at([entry('2026-01-08T10:00:00Z', 'clarification', 'b')]), undefined)
    assert.equal(at([entry('2026-01-07T10:00:00Z', 'update', 'a')], '2026-01-09T00:00:00Z'), '2026-01-09T00:00:00.000Z')
    assert.equal(at([]), undefined)
  })

  test('rejects an explicit updated earlier than the newest correction or update, at the updated value', () => {
    const file = source({ date: '2026-01-06T09:00:00Z', updated: '2026-01-07T00:00:00Z', corrections: [entry('2026-01-07T10:00:00Z', 'update', 'a')] })
    assert.equal(validateArticle(file, config()), undefined)
    assert.deepEqual(problems(file), ['6:10 [updated-before-correction] `updated` is earlier than the newest correction or update (2026-01-07T10:00:00Z)'])
    assert.match(file.messages[0]?.note ?? '', /^remove `updated`/)
  })

  test('rejects an entry dated before the article, at its `at`', () => {
    const file = source({ date: '2026-01-06T09:00:00Z', corrections: [entry('2026-01-07', 'update', 'ok'), entry('2026-01-05', 'correction', 'early')] })
    assert.equal(validateArticle(file, config()), undefined)
    assert.deepEqual(problems(file), ['10:9 [correction-before-date] This `corrections` entry is dated before the article’s `date`'])
  })

  test('reports a bad kind, date, or missing note at its place, with the fix, like every field', () => {
    const file = source({ corrections: [{ at: '2026-02-30', kind: 'erratum', extra: 1 }] })
    assert.equal(validateArticle(file, config()), undefined)
    assert.deepEqual(
      file.messages.map((m) => `${m.line}:${m.column} [${m.ruleId}] ${m.reason} | ${m.note}`),
      [
        '7:9 [invalid-field] `corrections.0.at` is not valid: February 2026 has 28 days (got "2026-02-30") | make `corrections.0.at` a date (2026-01-06) or an RFC 3339 date-time (2026-01-06T09:30:00+01:00, 2026-01-06 09:30:00 +0100); a date, or a time without an offset, is read in the site\'s time zone',
        '8:11 [invalid-field] `corrections.0.kind` is not valid: Invalid option: expected one of "correction"|"update"|"clarification" (got "erratum") | make `corrections.0.kind` `correction`, `update` or `clarification`',
        // A missing key points at its entry.
        '7:5 [missing-field] Required field `corrections.0.note` is missing | add `corrections.0.note:` with what changed, as one line of plain text, as readers should read it',
        '9:5 [unknown-field] Unknown field `corrections.0.extra` | remove `corrections.0.extra`; the known fields are `at`, `kind`, `note`',
      ],
    )
  })

  test('folds a note written over several lines into one, and refuses more than the most entries', () => {
    const folded = validateArticle(source({ corrections: [entry('2026-01-07', 'update', 'One\nand two.')] }), config())?.article
    assert.equal(folded?.corrections?.[0]?.note, 'One and two.')
    const many = source({ corrections: Array.from({ length: maxCorrections + 1 }, () => entry('2026-01-07', 'update', 'x')) })
    assert.equal(validateArticle(many, config()), undefined)
    assert.match(problems(many)[0] ?? '', /\[invalid-field\] `corrections` is not valid: at most 20 entries/)
  })
})

describe('bodyDigest', () => {
  test('is the same for the same text however saved (CRLF, trailing spaces, blank lines at the ends), and differs for a comma', () => {
    const text = 'First line.\n\nSecond, line.\n'
    assert.equal(bodyDigest('\n\nFirst line.  \r\n\r\nSecond, line.\t\r\n\n'), bodyDigest(text))
    assert.notEqual(bodyDigest('First line.\n\nSecond line.\n'), bodyDigest(text))
    assert.match(bodyDigest(text), /^[0-9a-f]{64}$/)
  })

  test('is of the body alone: a front matter change, a correction added, leaves it', () => {
    const digest = (fields: Record<string, unknown>, body: string) => validateArticle(source(fields, body), config())?.article?.bodyDigest
    assert.equal(digest({ title: 'Another' }, 'Body.\n'), digest({}, 'Body.\n'))
    assert.equal(digest({ corrections: [{ at: '2026-01-07', kind: 'correction', note: 'x' }] }, 'Body.\n'), digest({}, 'Body.\n'))
    assert.notEqual(digest({}, 'Body!\n'), digest({}, 'Body.\n'))
    assert.equal(digest({}, ''), bodyDigest(''))
  })
})

describe('section', () => {
  const sections = config({ sections: ['World', 'Business', 'Sport'] })

  test('takes one of the config’s sections, as written', () => {
    assert.equal(validateArticle(source({ section: 'Business' }), sections)?.article.section, 'Business')
    assert.equal(validateArticle(source({}), sections)?.article.section, undefined)
  })

  test('refuses a section the config does not list, at its value, with the nearest as "did you mean"', () => {
    const file = source({ section: 'Bussines' })
    assert.equal(validateArticle(file, sections), undefined)
    // Front matter: title, summary, author, date, section: the value starts after `section: `.
    assert.deepEqual(problems(file), ['6:10 [unknown-section] The section `Bussines` is not one of the config’s `sections`: did you mean `Business`?'])
    assert.equal(file.messages[0]?.note, 'write `Business`')
    assert.equal(file.messages[0]?.fatal, true)
  })

  test('lists the sections when none is near, and says how to add one', () => {
    const file = source({ section: 'Culture' })
    assert.equal(validateArticle(file, sections), undefined)
    assert.deepEqual(problems(file), ['6:10 [unknown-section] The section `Culture` is not one of the config’s `sections`'])
    assert.equal(file.messages[0]?.note, 'write one of `World`, `Business`, `Sport`, or add `Culture` to `sections:` in wirefeed.config.yaml')
  })

  test('refuses a section when the config lists none, saying to add `sections:`', () => {
    const file = source({ section: 'World' })
    assert.equal(validateArticle(file, config()), undefined)
    assert.deepEqual(problems(file).map((problem) => problem.slice(0, 22)), ['6:10 [no-sections] The'])
    assert.match(String(file.messages[0]?.note), /add `sections:` to wirefeed\.config\.yaml .*`sections: \[World\]`/)
  })
})
