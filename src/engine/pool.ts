import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { FileToMake, Maker, Settled, SettleSettings } from './commit.ts'
import type { BatchResult, Message, Setup, ThreadData } from './thread.ts'
import type { Done, Job, WorkSettings } from './work.ts'

/**
 * Worker threads for a build with much to do, kept for both of its heavy
 * stages: they analyse the sources (`analyse`), then make and stage the
 * output files (`maker`). Work goes out in batches to whichever thread is
 * free, and comes back in order: what is made never depends on which
 * thread made it.
 */
export interface Pool {
  /**
   * What became of each job, in job order; `onProgress` is told after each
   * batch how many are done. A job still running after `budget` of it
   * (milliseconds) is given up: its thread is stopped and replaced, and its
   * result is `slow` of it (see `watch`).
   */
  analyse(jobs: readonly Job[], limits: { budget: (job: Job) => number; slow: (job: Job) => Done }, onProgress?: (done: number) => void): Promise<Done[]>
  /**
   * A maker for `stageOutput` of the output `setup` describes (see
   * src/engine/thread.ts): every thread is sent it once, and makes the files
   * it is given from its own reading of that same output.
   */
  maker(setup: Setup): Maker
  /**
   * The settings of the jobs from now on (a pool kept between builds: see
   * src/engine/session.ts): sent to every thread, and given to each one
   * started later.
   */
  configure(settings: WorkSettings): void
  /** Each thread's heap limit now, in megabytes: more than it started with once a thread needed more (see `lost`). */
  heaps(): number[]
  /** Stop every thread; again, nothing more. */
  close(): Promise<void>
}

/**
 * Below this many sources to analyse, starting worker threads (each loads
 * the whole pipeline, about 0.3 s) costs more than they save; on two cores
 * they break even at about 500.
 */
export const threadsFrom = 500

/**
 * How many worker threads to start for `jobs` sources to analyse:
 * `requested`, else one per core from `threadsFrom` sources, else one;
 * never more than there are batches, and none for no jobs. Sources are
 * always analysed on a worker thread, even one, so that a source that would
 * take forever can be stopped.
 */
export function threadsFor(jobs: number, requested?: number): number {
  const wanted = requested ?? (jobs >= threadsFrom ? availableParallelism() : 1)
  return jobs > 0 ? Math.min(Math.max(1, wanted), Math.ceil(jobs / batchSize)) : 0
}

/**
 * Jobs per message: at about 5 ms a source, a batch is a sixth of a second
 * of work, so threads finish close together while messages stay few.
 */
const batchSize = 32

/**
 * Output files per message: an article page takes about a millisecond to
 * make, a month's archive of the site's feed a tenth of a second or more,
 * and they come in runs of one kind; small batches keep every thread busy to the end.
 */
const fileBatchSize = 8

// Compiled (lib/), a thread runs thread.js itself; as TypeScript (the tests, under tsx), thread-entry.js loads it.
const entry = new URL(import.meta.url.endsWith('.ts') ? './thread-entry.js' : './thread.js', import.meta.url)

/**
 * A thread's first heap limit (V8's old generation, a Worker option), in
 * megabytes, for a site of `articles`: room for the code, a batch of
 * sources, and the site's articles as pages and feeds take them (about a
 * kilobyte each) with the document being made. Without a limit, V8 let each
 * thread's heap grow to several times what it held before collecting. A
 * thread that needs more is replaced by one with twice the limit (see
 * `lost`), so a limit costs time, never a build.
 */
export function heapFor(articles: number): number {
  return 96 + Math.ceil(articles / 512)
}

/** The most a thread's heap may grow to: past this a batch fails as any other error. */
const maxHeap = 8192

interface Thread {
  worker: Worker
  /** The index, in the run, of the item the thread is on; -1 between batches: the pool names it even if the thread dies. */
  current: Int32Array
  /** Its heap limit, in megabytes. */
  heap: number
  /** The batch it is on, sent again to the thread that replaces it. */
  batch?: Message
  /** The item the watchdog last saw the thread on, and when it first did (`performance.now()`). */
  seen: { index: number; since: number }
}

/** The batches in flight: what to do with a thread's result, or its death, and how long an item may take. */
interface Run {
  done(thread: Thread, result: BatchResult): void
  fail(thread: Thread, reason: unknown): void
  /** The milliseconds item `index` may take, when the run has a budget. */
  budget?(index: number): number
  /** Give item `index` up, the thread it is on having been replaced by `fresh`. */
  slow?(fresh: Thread, index: number, batch: Message | undefined): void
}

/** How often the watchdog looks at what each thread is on, in milliseconds. */
const watchEvery = 250

/** Start `threads` worker threads for a build with these settings, storing analyses in the cache folder `cache`. */
export function startPool(threads: number, first: WorkSettings, cache: string, heap: number): Pool {
  let settings = first
  let run: Run | undefined
  let failure: Error | undefined
  let closing = false
  // What every thread is sent before its batches: what the output is made from, once the writer needs it.
  let setup: Message | undefined

  function spawn(limit: number): Thread {
    const current = new Int32Array(new SharedArrayBuffer(4)).fill(-1)
    const workerData: ThreadData = { settings, cache, current }
    const worker = new Worker(entry, { workerData, resourceLimits: { maxOldGenerationSizeMb: limit } })
    const thread: Thread = { worker, current, heap: limit, seen: { index: -1, since: 0 } }
    worker.on('message', (result: BatchResult) => {
      delete thread.batch
      run?.done(thread, result)
    })
    worker.on('error', (error) => lost(thread, error))
    worker.on('messageerror', (error) => lost(thread, error))
    worker.on('exit', (code) => lost(thread, `the thread exited with code ${code}`))
    if (setup) worker.postMessage(setup)
    return thread
  }

  function send(thread: Thread, message: Message) {
    thread.batch = message
    // What the watchdog saw was of another batch: a kept thread's next run numbers its items from 0 again.
    thread.seen = { index: -1, since: 0 }
    thread.worker.postMessage(message)
  }

  /**
   * A thread that died. One that ran out of heap is replaced by one with
   * twice the limit, sent the same batch again: a batch gives the same
   * results wherever it is done, and doing it again only rewrites the same
   * files. Any other death fails the run, once every other thread has
   * stopped too: the caller may then remove what they were writing into. A
   * dead thread reports both `error` and `exit`; only the first counts.
   */
  function lost(thread: Thread, reason: unknown) {
    const index = pool.indexOf(thread)
    if (closing || failure || index === -1) return
    if ((reason as NodeJS.ErrnoException | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY' && thread.heap * 2 <= maxHeap) {
      const fresh = spawn(thread.heap * 2)
      pool[index] = fresh
      if (thread.batch) send(fresh, thread.batch)
      return
    }
    failure = new Error(reason instanceof Error ? reason.message : String(reason))
    closing = true
    const failing = run
    void Promise.all(pool.map(({ worker }) => worker.terminate())).then(() => failing?.fail(thread, reason))
  }

  const pool = Array.from({ length: Math.max(1, threads) }, () => spawn(heap))

  /**
   * The watchdog: a thread on the same item for longer than the run's budget
   * for it is stopped and replaced, and the item given up. micromark takes
   * time quadratic in some runs of brackets and delimiters, and the size
   * limit does not bound that: without this one source could hang a build.
   */
  const watchdog = setInterval(() => {
    const budget = run?.budget
    if (!budget || closing) return
    const now = performance.now()
    for (const [place, thread] of pool.entries()) {
      const index = Atomics.load(thread.current, 0)
      if (index !== thread.seen.index) thread.seen = { index, since: now }
      else if (index >= 0 && now - thread.seen.since > budget(index)) {
        const fresh = spawn(thread.heap)
        pool[place] = fresh
        void thread.worker.terminate()
        run?.slow?.(fresh, index, thread.batch)
      }
    }
  }, watchEvery)
  watchdog.unref()

  /**
   * Send `items` out in batches of `size`, each as `message` makes it, and
   * collect the results in order. With `limits`, an item that takes longer
   * than its budget has `slow` of it as its result, and the rest of its batch
   * goes out again.
   */
  function batches<T, R>(
    items: readonly T[],
    size: number,
    message: (start: number, batch: T[]) => Message,
    describe: (item: T | undefined) => string,
    onProgress?: (done: number) => void,
    limits?: { budget: (item: T) => number; slow: (item: T) => R },
  ): Promise<R[]> {
    return new Promise((resolve, reject) => {
      if (failure) return reject(failure)
      const results = new Array<R>(items.length)
      let next = 0
      let done = 0
      // Ranges of items to send again, [from, to), before the next new batch.
      const again: Array<[number, number]> = []
      const feed = (thread: Thread) => {
        const range = again.shift() ?? (next < items.length ? [next, Math.min(next + size, items.length)] : undefined)
        if (!range) return
        if (range[0] === next) next = range[1]
        send(thread, message(range[0], items.slice(range[0], range[1])))
      }
      const finish = (count: number, thread: Thread) => {
        done += count
        onProgress?.(done)
        if (done < items.length) return feed(thread)
        run = undefined
        resolve(results)
      }
      run = {
        done(thread, { start, results: batch }) {
          for (const [offset, result] of batch.entries()) results[start + offset] = result as R
          finish(batch.length, thread)
        },
        fail(thread, reason) {
          run = undefined
          const item = items[Atomics.load(thread.current, 0)]
          reject(new Error(`${describe(item)} on a worker thread failed: ${reason instanceof Error ? reason.message : String(reason)}`, { cause: reason }))
        },
        ...(limits && {
          budget: (index: number) => limits.budget(items[index] as T),
          slow(fresh: Thread, index: number, batch: Message | undefined) {
            results[index] = limits.slow(items[index] as T)
            // The rest of the batch, before and after the item, is done again.
            if (batch && 'items' in batch) {
              const end = batch.start + batch.items.length
              for (const range of [[batch.start, index], [index + 1, end]] as Array<[number, number]>) if (range[0] < range[1]) again.push(range)
            }
            finish(1, fresh)
          },
        }),
      }
      if (items.length === 0) {
        run = undefined
        return resolve([])
      }
      for (const thread of pool) feed(thread)
    })
  }

  return {
    analyse: (jobs, limits, onProgress) =>
      batches(jobs, batchSize, (start, items) => ({ type: 'analyse', start, items }), (job) => `Analysing ${job?.path ?? 'the sources'}`, onProgress, limits),
    maker(output) {
      setup = output
      for (const { worker } of pool) worker.postMessage(setup)
      return (files: readonly FileToMake[], settings: SettleSettings) =>
        batches<FileToMake, Settled>(files, fileBatchSize, (start, items) => ({ type: 'make', start, items, settings }), (file) => `Making ${file?.path ?? 'the output'}`)
    },
    configure(next) {
      settings = next
      for (const { worker } of pool) worker.postMessage({ type: 'settings', settings } satisfies Message)
    },
    heaps: () => pool.map((thread) => thread.heap),
    async close() {
      closing = true
      clearInterval(watchdog)
      await Promise.all(pool.map(({ worker }) => worker.terminate()))
    },
  }
}
