import assert from 'node:assert/strict'
import { test } from 'node:test'
import { VFile } from 'vfile'
import { configSchema, resolveConfig, validateConfig } from '../src/config.ts'
import { stringKeys } from '../src/strings/keys.ts'

test('has a default for every field, so a fresh clone builds untouched', () => {
  const settings = resolveConfig()
  assert.equal(settings.url, 'https://wirefeed.example.org/')
  assert.equal(settings.language, 'en')
  assert.equal(settings.timeZone, 'UTC')
  assert.equal(settings.feedItems, 50)
  assert.deepEqual(settings.retracted, [])
})

test('uses the embedded defaults when there is no config file', () => {
  assert.deepEqual(validateConfig(undefined), configSchema.parse({}))
})

test('merges a partial config file over the defaults', () => {
  const file = new VFile({ path: 'wirefeed.config.yaml', value: 'title: Kyiv Desk\ntimeZone: Europe/Kyiv\n' })
  const settings = validateConfig(file)
  assert.equal(settings?.title, 'Kyiv Desk')
  assert.equal(settings?.timeZone, 'Europe/Kyiv')
  assert.equal(settings?.feedItems, 50)
})

test('reports every config problem at its line with a fix', () => {
  const file = new VFile({
    path: 'wirefeed.config.yaml',
    value: 'title: T\nurl: https://example.org/news\ntimeZone: Mars/Olympus\nfeedItem: 10\n',
  })
  assert.equal(validateConfig(file), undefined)
  assert.deepEqual(
    file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`).sort(),
    ['2:6 invalid-field', '3:11 invalid-field', '4:1 unknown-field'],
  )
  assert.match(String(file.messages.find((m) => m.ruleId === 'unknown-field')?.reason), /did you mean `feedItems`/)
  assert.match(String(file.messages.find((m) => m.line === 2)?.reason), /must end with `\/`/)
})

test('rejects a config file that is not a map', () => {
  const file = new VFile({ path: 'wirefeed.config.yaml', value: '- a\n- b\n' })
  assert.equal(validateConfig(file), undefined)
  assert.equal(file.messages[0]?.ruleId, 'not-a-map')
})

/** The messages a config file gives, as `line:column rule`, in the order reported. */
function problems(value: string) {
  const file = new VFile({ path: 'wirefeed.config.yaml', value })
  const settings = validateConfig(file)
  return { settings, messages: file.messages, places: file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`) }
}

test('takes interface strings in the site’s language over the built-in ones', () => {
  const { settings, messages } = problems('language: uk-UA\nstrings:\n  subscribe: Підписка\n  readingTime: "{minutes} хв читання"\n')
  assert.deepEqual(messages, [])
  assert.deepEqual(settings?.strings, { subscribe: 'Підписка', readingTime: '{minutes} хв читання' })
})

test('names every missing string of a language wirefeed has none for, at `language` or at `strings`', () => {
  const none = problems('title: Desk\nlanguage: pl\n')
  assert.equal(none.settings, undefined)
  assert.deepEqual(none.places, ['2:11 missing-strings'])
  const reason = String(none.messages[0]?.reason)
  // Every key: counted, so that a new string does not change this test.
  assert.match(reason, new RegExp(`^There are no built-in interface strings for \`pl\`, and \`strings\` lacks these ${stringKeys.length}: \`skipToContent\`, \`followInReader\`, `))
  assert.match(reason, /`readingTime`/)
  assert.match(String(none.messages[0]?.note), /or set `language` to one wirefeed has strings for: `en`, `uk`$/)

  const some = problems('language: pl\nstrings:\n  subscribe: Subskrybuj\n')
  assert.deepEqual(some.places, ['2:1 missing-strings'])
  assert.match(String(some.messages[0]?.reason), new RegExp(`lacks these ${stringKeys.length - 1}: `))
  assert.doesNotMatch(String(some.messages[0]?.reason), /`subscribe`/)
})

test('suggests the nearest key for an unknown string, and the nearest placeholder for an unknown one', () => {
  const { settings, places, messages } = problems('language: uk\nstrings:\n  latestHedlines: Головне\n  notFoundText: Немає сторінки, див. {lnk}\n  byline: Автор\n')
  assert.equal(settings, undefined)
  assert.deepEqual(places.sort(), ['3:3 unknown-field', '4:17 invalid-field', '5:11 invalid-field'])
  const reason = (line: number) => String(messages.find((m) => m.line === line)?.reason)
  assert.equal(reason(3), 'Unknown field `strings.latestHedlines`: did you mean `strings.latestHeadlines`?')
  assert.match(reason(4), /^`strings\.notFoundText` is not valid: `\{lnk\}` is not one of its placeholders: did you mean `\{link\}`\?/)
  assert.match(reason(5), /^`strings\.byline` is not valid: it must hold `\{names\}`, where the author’s name goes/)
  assert.match(String(messages.find((m) => m.line === 5)?.note), /^make `strings\.byline` text that says what “By \{names\}” says in English/)
})

test('checks plural forms against the language: every category its counts fall in, and no other', () => {
  const { settings, places, messages } = problems(
    'language: uk\nstrings:\n  readingTime:\n    one: "{minutes} хвилина"\n    fwe: "{minutes} хвилини"\n    zero: "{minutes} хвилин"\n',
  )
  assert.equal(settings, undefined)
  assert.deepEqual(places, ['5:5 unknown-field', '6:5 unknown-field', '4:5 missing-field'])
  assert.equal(messages[0]?.reason, 'Unknown field `strings.readingTime.fwe`: did you mean `strings.readingTime.few`?')
  assert.equal(messages[2]?.reason, 'Required field `strings.readingTime.many` is missing')
  assert.equal(messages[2]?.note, 'add `strings.readingTime.many:` with the text for counts such as 0, 5, 6, 7')
  assert.deepEqual(problems('language: uk\nstrings:\n  readingTime:\n    one: "{minutes} хв"\n    few: "хв"\n').places, ['5:10 invalid-field'])
})

test('keeps strings plain text on one line, and refuses an empty one', () => {
  const { settings } = problems('language: uk\nstrings:\n  subscribe: |\n    Підписатися\n    на новини\n')
  assert.equal(settings?.strings?.subscribe, 'Підписатися на новини')
  assert.match(String(problems('strings:\n  subscribe: ""\n').messages[0]?.reason), /`strings\.subscribe` is not valid: it is empty/)
})

test('refuses a config object without the strings its language needs, saying which', () => {
  assert.throws(() => resolveConfig({ language: 'pl' }), /no built-in interface strings for `pl`.*`skipToContent`/s)
  assert.equal(configSchema.safeParse({ language: 'uk' }).success, true)
  assert.equal(configSchema.safeParse({ language: 'en', strings: { readingTime: { one: '{minutes} minute' } } }).success, false)
})

test('checks strings against the language only once the language is valid', () => {
  assert.deepEqual(problems('language: not a tag\n').places, ['1:11 invalid-field'])
  const parsed = configSchema.safeParse({ language: 'not a tag', strings: { subscribe: 'x' } })
  assert.deepEqual(parsed.error?.issues.map((issue) => issue.path.join('.')), ['language'])
})

test('reads a retraction in either form, and points at a misspelt key inside one with its nearest name', () => {
  const { settings, messages: none } = problems('retracted:\n  - urn:uuid:0b9f3c5e-3c8e-4b53-9d8e-2f3b1f6c1a11\n  - id: tag:desk.example.org,2026:summit\n    at: 2026-01-08\n    reason: The story was not true.\n')
  assert.deepEqual(none, [])
  assert.deepEqual(settings?.retracted.map((entry) => [entry.id, entry.reason]), [
    ['urn:uuid:0b9f3c5e-3c8e-4b53-9d8e-2f3b1f6c1a11', undefined],
    ['tag:desk.example.org,2026:summit', 'The story was not true.'],
  ])
  const { places, messages } = problems('retracted:\n  - id: tag:desk.example.org,2026:summit\n    at: 2026-01-08\n    reson: The story was not true.\n')
  assert.deepEqual(places, ['4:5 unknown-field'])
  assert.equal(messages[0]?.reason, 'Unknown field `retracted.0.reson`: did you mean `retracted.0.reason`?')
})

test('reads partner profiles with their defaults, and gives the site’s feeds a 512 KiB budget', () => {
  const { settings, messages } = problems('profiles:\n  google:\n    maxBytes: 2000000\n  app-feed:\n    maxBytes: 20000\n    content: summary\n    format: json\n')
  assert.deepEqual(messages, [])
  assert.equal(settings?.feedBytes, 524288)
  assert.deepEqual(settings?.profiles, {
    google: { maxBytes: 2000000, maxItems: 100, minItems: 1, content: 'full', format: 'rss' },
    'app-feed': { maxBytes: 20000, maxItems: 100, minItems: 1, content: 'summary', format: 'json' },
  })
})

test('reports a profile’s problems at their lines: a name that is no slug, a size that is no whole number of bytes, an unknown format or key', () => {
  const { settings, places, messages } = problems(
    'profiles:\n  Google News:\n    maxBytes: 2000000\n  app:\n    maxBytes: 2MB\n    format: rdf\n    maxitems: 3\n  tiny:\n    maxBytes: 100\n',
  )
  assert.equal(settings, undefined)
  assert.deepEqual(places, ['2:3 invalid-field', '5:15 invalid-field', '6:13 invalid-field', '7:5 unknown-field', '9:15 invalid-field'])
  const [name, size, , key] = messages
  assert.match(String(name?.note), /a slug: lower-case letters, digits and single hyphens/)
  assert.match(String(size?.note), /whole number of bytes/)
  assert.match(String(key?.reason), /did you mean `profiles\.app\.maxItems`/)
})

test('reads `sections` in the order given, none by default, and refuses one given twice at the second', () => {
  assert.deepEqual(resolveConfig().sections, [])
  assert.deepEqual(problems('sections: [World, Business, Sport]\n').settings?.sections, ['World', 'Business', 'Sport'])
  const twice = problems('sections:\n  - World\n  - Sport\n  - World\n')
  assert.equal(twice.settings, undefined)
  assert.deepEqual(twice.places, ['4:5 invalid-field'])
  assert.match(String(twice.messages[0]?.reason), /`World` is already section 1/)
  assert.deepEqual(problems('sections: [World, ""]\n').places, ['1:19 invalid-field'])
})
