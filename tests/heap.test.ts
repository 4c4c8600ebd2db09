import assert from 'node:assert/strict'
import { test } from 'node:test'
import { getHeapStatistics } from 'node:v8'
import { collectGarbage, compactHeap } from '../src/heap.ts'

const megabytes = (bytes: number) => Math.round(bytes / 2 ** 20)

test('collectGarbage frees what is no longer referenced, a large text included, now', () => {
  collectGarbage()
  const before = getHeapStatistics().used_heap_size
  // One flat string of 16 MB on the heap, as a feed document is once written (a repeat() would be a
  // rope of a few bytes, and a Buffer's text is kept outside the heap).
  let text: string | undefined = new Array(16 * 2 ** 20 + 1).join('x')
  collectGarbage()
  const holding = getHeapStatistics().used_heap_size
  assert.ok(holding - before >= 16 * 2 ** 20, `${megabytes(holding - before)} MB held`)
  assert.equal(text.length, 16 * 2 ** 20)
  text = undefined
  collectGarbage()
  const after = getHeapStatistics().used_heap_size
  assert.ok(after - before < 2 * 2 ** 20, `${megabytes(after - before)} MB left of ${megabytes(holding - before)}`)
})

test('compactHeap hands back the pages garbage left, which a collection alone keeps, and frees its lock', () => {
  const lock = new Int32Array(new SharedArrayBuffer(4))
  // Garbage everywhere: one object in ten survives, so no page is left empty for a plain collection to free.
  const garbage = () => Array.from({ length: 400_000 }, (_, n) => ({ n, label: `item ${n}`, pair: [n, n + 1] })).filter((_, n) => n % 10 === 0)
  let kept = garbage()
  collectGarbage()
  const collected = getHeapStatistics().total_heap_size
  kept = garbage()
  compactHeap(lock)
  const compacted = getHeapStatistics().total_heap_size
  assert.equal(kept.length, 40_000)
  assert.ok(compacted < collected - 16 * 2 ** 20, `${megabytes(collected)} MB after a collection, ${megabytes(compacted)} MB compacted`)
  assert.equal(Atomics.load(lock, 0), 0)
})
