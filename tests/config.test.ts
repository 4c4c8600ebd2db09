import assert from 'node:assert/strict'
import { test } from 'node:test'
import { VFile } from 'vfile'
import { configSchema, resolveConfig, validateConfig } from '../src/config.ts'

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
