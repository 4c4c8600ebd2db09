import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { en } from '../../src/strings/en.ts'
import { builtInFor, builtInStrings, fill, placeholderProblems, pluralForm, siteStrings, stringsProblems, templateParts, type PluralForms } from '../../src/strings/index.ts'
import { stringKeys, stringSpecs, type StringSpec } from '../../src/strings/keys.ts'
import { uk } from '../../src/strings/uk.ts'

describe('choosing the built-in strings', () => {
  test("takes the language's own strings whatever the region or script", () => {
    for (const tag of ['uk', 'uk-UA', 'uk-Cyrl-UA']) assert.equal(builtInFor(tag), uk, tag)
    for (const tag of ['en', 'en-GB', 'en-US', 'en-x-newsroom']) assert.equal(builtInFor(tag), en, tag)
  })

  test('has none for a language wirefeed has no strings for', () => {
    for (const tag of ['pl', 'ru', 'de-AT', 'be', 'zh-Hant-TW']) assert.equal(builtInFor(tag), undefined, tag)
  })

  test('uses the config’s strings over the built-in ones, key by key, made once per config', () => {
    const site = { language: 'uk-UA', strings: { subscribe: 'Підписка' } }
    const strings = siteStrings(site)
    assert.equal(strings.subscribe, 'Підписка')
    assert.equal(strings.latestHeadlines, 'Останні новини')
    assert.equal(siteStrings(site), strings)
    assert.equal(siteStrings({ language: 'en-GB' }).subscribe, 'Subscribe')
  })

  test('refuses to make up strings for a language that has none: the config must have said so first', () => {
    assert.throws(() => siteStrings({ language: 'pl', strings: { subscribe: 'Subskrybuj' } }), /no pl text for skipToContent, followInReader/)
  })
})

describe('the built-in strings', () => {
  for (const [language, strings] of Object.entries(builtInStrings)) {
    test(`${language} has every key, each with the placeholders it needs and no other`, () => {
      assert.deepEqual(Object.keys(strings).sort(), [...stringKeys].sort())
      for (const key of stringKeys) {
        const value = strings[key]
        const forms = typeof value === 'string' ? [value] : Object.values(value)
        for (const form of forms) assert.deepEqual(placeholderProblems(form ?? '', stringSpecs[key] as StringSpec), [], `${language} ${key}`)
      }
      assert.deepEqual(stringsProblems(language, strings), [], 'as complete as the config would need them')
    })
  }

  test('are different words in Ukrainian, not English left over', () => {
    const same = stringKeys.filter((key) => JSON.stringify(uk[key]) === JSON.stringify(en[key]))
    assert.deepEqual(same, [])
  })
})

describe('templates', () => {
  test('split into text and placeholders, and fill in plain values', () => {
    assert.deepEqual(templateParts('Оновлено {date}'), ['Оновлено ', { name: 'date' }])
    assert.deepEqual(templateParts('{minutes} min read'), [{ name: 'minutes' }, ' min read'])
    assert.equal(fill('Більше новин на сайті «{site}»', { site: 'A & <B>' }), 'Більше новин на сайті «A & <B>»')
    // A value is text, never a pattern: `$&` stays as it is.
    assert.equal(fill('{site}', { site: '$& $1' }), '$& $1')
    assert.equal(fill('{site} and {other}', { site: 'x' }), 'x and {other}')
  })

  test('pick the plural form by the language’s rules', () => {
    const minutes = (count: number) => fill(pluralForm(uk.readingTime, 'uk', count), { minutes: String(count) })
    assert.deepEqual([1, 2, 4, 5, 11, 12, 21, 22, 25, 101, 111].map(minutes), [
      '1 хвилина читання',
      '2 хвилини читання',
      '4 хвилини читання',
      '5 хвилин читання',
      '11 хвилин читання',
      '12 хвилин читання',
      '21 хвилина читання',
      '22 хвилини читання',
      '25 хвилин читання',
      '101 хвилина читання',
      '111 хвилин читання',
    ])
    assert.equal(pluralForm('{minutes} хв читання', 'uk', 5), '{minutes} хв читання')
    assert.equal(pluralForm({ one: '{minutes} minute', other: '{minutes} minutes' }, 'en-GB', 1), '{minutes} minute')
    assert.equal(pluralForm({ one: '{minutes} minute', other: '{minutes} minutes' }, 'en-GB', 0), '{minutes} minutes')
  })
})

describe('placeholders', () => {
  const spec = stringSpecs.notFoundText as StringSpec
  test('a text must hold those it needs, and only those it has', () => {
    assert.deepEqual(placeholderProblems('Немає сторінки. Перейдіть на {link}.', spec), [])
    assert.deepEqual(placeholderProblems('Немає сторінки.', spec), ['it must hold `{link}`, where the link to the home page (`notFoundHomeLink`) goes'])
    assert.deepEqual(placeholderProblems('Немає {lnk}', spec), ['`{lnk}` is not one of its placeholders: did you mean `{link}`?'])
    assert.deepEqual(placeholderProblems('{link} {date}', spec), ['`{date}` is not one of its placeholders, which are `{link}`'])
    assert.deepEqual(placeholderProblems('Головна {x}', stringSpecs.subscribe), ['`{x}` is not one of its placeholders: it has none, and braces are for placeholders only'])
  })
})

describe('what the language and the strings say together', () => {
  test('a language without built-in strings needs every key, named in one problem', () => {
    const [problem, ...rest] = stringsProblems('pl', { subscribe: 'Subskrybuj' })
    assert.deepEqual(rest, [])
    assert.equal(problem?.rule, 'missing-strings')
    assert.deepEqual(problem?.path, ['strings'])
    assert.equal(problem?.details.count, stringKeys.length - 1)
    assert.equal(problem?.details.keys, stringKeys.filter((key) => key !== 'subscribe').map((key) => `\`${key}\``).join(', '))
    // No `strings` at all: the problem is the language.
    assert.deepEqual(stringsProblems('pl', undefined)[0]?.path, ['language'])
    assert.deepEqual(stringsProblems('pl', { ...en, subscribe: 'Subskrybuj' }), [])
  })

  test('plural forms cover every category whole numbers fall in, and name no other', () => {
    assert.deepEqual(stringsProblems('uk', { readingTime: { one: '{minutes} хвилина', few: '{minutes} хвилини', many: '{minutes} хвилин' } }), [], '`other` (fractions) is never a whole number')
    const problems = stringsProblems('uk', { readingTime: { one: '{minutes} хвилина', fwe: '{minutes} хвилини', two: '{minutes} хв' } as PluralForms })
    assert.deepEqual(
      problems.map((problem) => [problem.rule, problem.path.join('.'), problem.details]),
      [
        ['unknown-field', 'strings.readingTime.fwe', { field: 'strings.readingTime.fwe', suggestion: 'strings.readingTime.few', known: '`one`, `few`, `many`, `other`, the plural categories of `uk`' }],
        ['unknown-field', 'strings.readingTime.two', { field: 'strings.readingTime.two', known: '`one`, `few`, `many`, `other`, the plural categories of `uk`' }],
        ['missing-field', 'strings.readingTime', { field: 'strings.readingTime.many', expects: 'the text for counts such as 0, 5, 6, 7' }],
      ],
    )
    assert.deepEqual(
      stringsProblems('en', { readingTime: { one: '{minutes} minute' } }).map((problem) => problem.details),
      [{ field: 'strings.readingTime.other', expects: 'the text for counts such as 0, 2, 3, 4' }],
    )
  })
})
