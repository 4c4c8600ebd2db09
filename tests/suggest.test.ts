// "Did you mean": the one place wirefeed guesses which known name a misspelt one meant (src/suggest.ts).
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { nearestName } from '../src/suggest.ts'

test('finds the nearest known name within a third of its length, two edits at least', () => {
  assert.equal(nearestName('Bussines', ['World', 'Business', 'Sport']), 'Business')
  assert.equal(nearestName('titel', ['title', 'summary']), 'title')
  assert.equal(nearestName('Sport', ['World']), undefined)
  assert.equal(nearestName('anything', []), undefined)
})

test('takes a tighter or looser bound when a caller gives one', () => {
  // `otherwise` is three edits from `others`: a third of its length allows it, two edits do not.
  assert.equal(nearestName('otherwise', ['others', 'one']), 'others')
  assert.equal(nearestName('otherwise', ['others', 'one'], 2), undefined)
  assert.equal(nearestName('biuld', ['build', 'check'], 2), 'build')
})
