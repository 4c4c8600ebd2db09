import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { BatchResult, Message, ThreadData } from './pool-thread.ts'
import { storeEntry, type CacheEntry } from './cache.ts'
import type { Config } from './config.ts'
import type { ShownArticle } from './render.ts'
import { readAgain } from './load.ts'
import { analyseSource } from './site.ts'
import { compactHeap } from './heap.ts'
import type { FileToMake, Maker, Settled, SettleSettings } from './write.ts'

/** One source to analyse (see `analyseSource` in src/site.ts). */
export interface AnalyseJob {
  path: string
  key: string
  /** Its text; or, when the loader let the text go, its digest, and the text is read again (see `readAgain`). */
  text: string | { digest: string }
}

/** One job, as each thread does it: the text (read again if need be), analysed, and stored if there is a cache. */
export function analyseJob(job: AnalyseJob, config: Config, now: Date, cache: string | undefined): CacheEntry {
  const value = typeof job.text === 'string' ? job.text : readAgain(job.path, job.text.digest)
  const entry = analyseSource(job.path, value, config, job.key, now)
  return cache === undefined ? entry : storeEntry(cache, entry)
}

export interface PoolOptions {
  /** Worker threads to start, at least one. */
  threads: number
  /** Each thread's first heap limit in megabytes (see `heapFor`); default: `heapFor(0)`. */
  heap?: number
  /**
   * The cache folder (made beforehand): each entry is stored there as soon
   * as it is made (see `storeEntry`), by the thread that made it, and comes
   * back as stored, its HTML left on disk: the HTML never crosses threads,
   * and memory never holds the site's.
   */
  cache?: string
}

/**
 * Worker threads for a cold build, kept for both of its heavy stages: they
 * analyse the sources (`analyse`), then make and stage the output files
 * (`maker`). Work goes out in batches to whichever thread is free, and comes
 * back in order: what is made never depends on which thread made it.
 */
export interface Pool {
  /** The entries of `jobs`, in job order; `onProgress` is called after each batch with how many are done. */
  analyse(jobs: readonly AnalyseJob[], onProgress?: (done: number) => void): Promise<CacheEntry[]>
  /**
   * A maker for `writeOutput` of `siteOutput(articles, config, ledger)`:
   * every thread is sent the articles and the ledger once, and makes the
   * files it is given from its own reading of that same output. Each
   * thread, and this one first, compacts its heap before (see `compactHeap`).
   */
  maker(articles: readonly ShownArticle[], ledger: string): Maker
  /** Each thread's heap limit now, in megabytes: more than it started with once a thread needed more (see `lost`). */
  heaps(): number[]
  /** Stop every thread; again, nothing more. */
  close(): Promise<void>
}

/**
 * Jobs per message: at about 8 ms a source, a batch is a quarter second of
 * work, so threads finish close together while messages stay few. On 2,000
 * generated articles and two threads, batches of 8, 16, 32 and 128 timed
 * within noise of each other.
 */
const batchSize = 32

/**
 * Output files per message: an article page takes about a millisecond to
 * make, a month's archive of the site's feed a tenth of a second or more,
 * and they come in runs of one kind; small batches keep both threads busy to the end.
 */
const fileBatchSize = 8

// Compiled (see src/code.js), a thread runs pool-thread.js itself; through tsx, pool-worker.js loads it.
const entry = new URL(import.meta.url.endsWith('.ts') ? './pool-worker.js' : './pool-thread.js', import.meta.url)

/**
 * A thread's first heap limit (V8's old generation), in megabytes, when the
 * site has `articles`: room for the code, a batch of sources, and the site's
 * articles as pages and feeds take them (about a kilobyte each) with the
 * document being made. Without a limit, V8 let each thread's heap grow to
 * several times what it held before collecting: at 10,000 articles the two
 * threads' heaps took 400 MB for 40 MB of live data. A thread that needs
 * more than its limit is replaced by one with twice the limit (see `lost`),
 * so a limit costs time, never a build.
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
}

/** The batches in flight: what to do with a thread's result, or its death. */
interface Run {
  done(thread: Thread, result: BatchResult): void
  fail(thread: Thread, reason: unknown): void
}

export function startPool(config: Config, now: Date, options: PoolOptions): Pool {
  let run: Run | undefined
  let failure: Error | undefined
  let closing = false
  // What every thread is sent before its batches: the output's articles, once the writer needs them.
  let setup: Message | undefined
  const heapLock = new Int32Array(new SharedArrayBuffer(4))
  const data: Omit<ThreadData, 'current'> = { config, now: now.getTime(), heapLock, ...(options.cache !== undefined && { cache: options.cache }) }

  function spawn(heap: number): Thread {
    const current = new Int32Array(new SharedArrayBuffer(4)).fill(-1)
    const worker = new Worker(entry, { workerData: { ...data, current } satisfies ThreadData, resourceLimits: { maxOldGenerationSizeMb: heap } })
    const thread: Thread = { worker, current, heap }
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
    thread.worker.postMessage(message)
  }

  /**
   * A thread that died. One that ran out of heap is replaced by one with
   * twice the limit, sent the same batch again: a batch gives the same
   * results wherever it is done, and doing it again only rewrites the same
   * files. Any other death fails the run. A dead thread reports both `error`
   * and `exit`; only the first counts.
   */
  function lost(thread: Thread, reason: unknown) {
    const index = threads.indexOf(thread)
    if (closing || failure || index === -1) return
    if ((reason as NodeJS.ErrnoException | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY' && thread.heap * 2 <= maxHeap) {
      const fresh = spawn(thread.heap * 2)
      threads[index] = fresh
      if (thread.batch) send(fresh, thread.batch)
      return
    }
    failure = new Error(reason instanceof Error ? reason.message : String(reason))
    run?.fail(thread, reason)
  }

  const threads = Array.from({ length: Math.max(1, options.threads) }, () => spawn(options.heap ?? heapFor(0)))

  /** Send `items` out in batches of `size`, each as `message` makes it, and collect the results in order. */
  function batches<T, R>(
    items: readonly T[],
    size: number,
    message: (start: number, batch: T[]) => Message,
    describe: (item: T | undefined) => string,
    onProgress?: (done: number) => void,
  ): Promise<R[]> {
    return new Promise((resolve, reject) => {
      if (failure) return reject(failure)
      const results = new Array<R>(items.length)
      let next = 0
      let done = 0
      const feed = (thread: Thread) => {
        if (next >= items.length) return
        send(thread, message(next, items.slice(next, next + size)))
        next += size
      }
      run = {
        done(thread, { start, results: batch }) {
          for (const [offset, result] of batch.entries()) results[start + offset] = result as R
          done += batch.length
          onProgress?.(done)
          if (done < items.length) return feed(thread)
          run = undefined
          resolve(results)
        },
        fail(thread, reason) {
          run = undefined
          const item = items[Atomics.load(thread.current, 0)]
          reject(new Error(`${describe(item)} on a worker thread failed: ${reason instanceof Error ? reason.message : String(reason)}`))
        },
      }
      if (items.length === 0) {
        run = undefined
        return resolve([])
      }
      for (const thread of threads) feed(thread)
    })
  }

  return {
    analyse: (jobs, onProgress) =>
      batches(jobs, batchSize, (start, batch) => ({ type: 'analyse', start, jobs: batch }), (job) => `Analysing ${job?.path ?? 'sources'}`, onProgress),
    maker(articles, ledger) {
      // What the analysis left on this thread (the entries the threads sent, the articles made of
      // them) is garbage now: given back before the threads' heaps grow with the output.
      compactHeap(heapLock)
      setup = { type: 'output', articles, ledger }
      for (const { worker } of threads) worker.postMessage(setup)
      return (files: readonly FileToMake[], settings: SettleSettings) =>
        batches<FileToMake, Settled>(files, fileBatchSize, (start, batch) => ({ type: 'make', start, files: batch, settings }), (file) => `Making ${file?.path ?? 'the output'}`)
    },
    heaps: () => threads.map((thread) => thread.heap),
    async close() {
      closing = true
      await Promise.all(threads.map(({ worker }) => worker.terminate()))
    },
  }
}

/** How many threads `analyseJobs` starts for `count` jobs: never more than there are batches, nor than asked. */
export function threadsFor(count: number, threads = availableParallelism()) {
  return Math.min(Math.max(1, threads), Math.ceil(count / batchSize))
}

/**
 * Analyse jobs on worker threads (`options.threads` of them, by default one
 * per core), or on this one (`threads: 0`); entries come back in job order.
 */
export async function analyseJobs(
  jobs: readonly AnalyseJob[],
  config: Config,
  now: Date,
  options: Partial<PoolOptions> & { onProgress?: (done: number) => void } = {},
): Promise<CacheEntry[]> {
  if (options.threads === 0) {
    return jobs.map((job, index) => {
      const entry = analyseJob(job, config, now, options.cache)
      options.onProgress?.(index + 1)
      return entry
    })
  }
  if (jobs.length === 0) return []
  const pool = startPool(config, now, { heap: heapFor(jobs.length), ...options, threads: threadsFor(jobs.length, options.threads) })
  try {
    return await pool.analyse(jobs, options.onProgress)
  } finally {
    await pool.close()
  }
}
