import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createProgress } from '../src/progress.ts'

test('draws count, bar and rate, throttled, and clears the line when done', () => {
  const writes: string[] = []
  const progress = createProgress((text) => writes.push(text), performance.now() - 2000)
  progress.update(1, 4)
  progress.update(2, 4) // within 100 ms of the last draw: skipped
  progress.update(4, 4) // the last one is always drawn
  progress.done()
  assert.equal(writes.length, 3)
  assert.match(writes[0] ?? '', /^\r\[#{8}\.{22}\] 1\/4 articles {2}\d+\/s$/)
  assert.match(writes[1] ?? '', /^\r\[#{30}\] 4\/4 articles {2}2\/s$/)
  assert.equal(writes[2], '\r\u001B[2K')
})
