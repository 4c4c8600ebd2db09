import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

let collect: (() => void) | undefined

/**
 * A full collection of this thread's heap, now: what is garbage is freed,
 * and so are the pages of large objects (a feed document's text), which V8
 * otherwise keeps until its own next full collection. Node has no API for
 * it, so this borrows V8's test hook (`gc`). Where a runtime refuses the
 * hook, nothing happens: the build only holds more memory.
 */
export function collectGarbage() {
  collect ??= exposedGc()
  collect()
}

/**
 * V8's `gc`, from a context made with `--expose-gc` on. The flag is left
 * on: it is the whole process's, and a thread turning it off could do so
 * just as another one made its context. All it adds is a `gc` global in
 * contexts and threads made later.
 */
function exposedGc(): () => void {
  setFlagsFromString('--expose-gc')
  const gc: unknown = runInNewContext('typeof gc === "function" ? gc : undefined')
  return typeof gc === 'function' ? (gc as () => void) : () => {}
}

/**
 * Collect this thread's garbage and hand the emptied memory back, between a
 * build's stages. V8 keeps the pages a stage grew its heap to even once their
 * objects are garbage: a cold build of 10,000 articles left this thread
 * holding 120–145 MB for 45 MB of live data through the whole output stage,
 * while the worker threads grew theirs; compacted, 78 MB. Its collector only
 * moves the survivors together, and so frees whole pages, when asked to
 * compact, which is a flag of the whole process, read at each collection
 * (Node keeps V8's flags writable for `setFlagsFromString`). So the threads
 * that may compact at once share `lock` (an `Int32Array` on shared memory,
 * 0 when free), and one compacts at a time: otherwise one could turn the
 * flag off under another's collection. Meanwhile, another thread's own full
 * collection compacts too, which only costs it time.
 */
export function compactHeap(lock: Int32Array) {
  while (Atomics.compareExchange(lock, 0, 0, 1) !== 0) Atomics.wait(lock, 0, 1)
  setFlagsFromString('--compact-on-every-full-gc')
  try {
    collectGarbage()
  } finally {
    setFlagsFromString('--no-compact-on-every-full-gc')
    Atomics.store(lock, 0, 0)
    Atomics.notify(lock, 0)
  }
}
