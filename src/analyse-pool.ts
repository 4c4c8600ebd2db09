import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { Batch, BatchResult, ThreadData } from './analyse-thread.ts'
import { storeEntry, type CacheEntry } from './cache.ts'
import type { Config } from './config.ts'
import { readAgain } from './load.ts'
import { analyseSource } from './site.ts'

/** One source to analyse (see `analyseSource` in src/site.ts). */
export interface AnalyseJob {
  path: string
  key: string
  /** Its text; or, when the loader let the text go, its digest, and the text is read again (see `readAgain`). */
  text: string | { digest: string }
}

export interface PoolOptions {
  /** At most this many worker threads, 0 for none (all on this thread); default: `os.availableParallelism()`. */
  threads?: number
  /** Called after each batch with how many jobs are done. */
  onProgress?: (done: number) => void
  /**
   * The cache folder (made beforehand): each entry is stored there as soon
   * as it is made (see `storeEntry`), by the thread that made it, and comes
   * back as stored, its HTML left on disk: the HTML never crosses threads,
   * and memory never holds the site's.
   */
  cache?: string
}

/** One job, as each thread does it: the text (read again if need be), analysed, and stored if there is a cache. */
export function analyseJob(job: AnalyseJob, config: Config, now: Date, cache: string | undefined): CacheEntry {
  const value = typeof job.text === 'string' ? job.text : readAgain(job.path, job.text.digest)
  const entry = analyseSource(job.path, value, config, job.key, now)
  return cache === undefined ? entry : storeEntry(cache, entry)
}

/**
 * Jobs per message: at about 8 ms a source, a batch is a quarter second of
 * work, so threads finish close together while messages stay few. On 2,000
 * generated articles and two threads, batches of 8, 16, 32 and 128 timed
 * within noise of each other.
 */
const batchSize = 32

const entry = new URL('./analyse-worker.js', import.meta.url)

/** Analyse jobs on worker threads, or this one; entries come back in job order (deterministic whatever thread did what). */
export async function analyseJobs(
  jobs: readonly AnalyseJob[],
  config: Config,
  now: Date,
  options: PoolOptions = {},
): Promise<CacheEntry[]> {
  if (options.threads === 0) {
    return jobs.map((job, index) => {
      const entry = analyseJob(job, config, now, options.cache)
      options.onProgress?.(index + 1)
      return entry
    })
  }
  const batches = Math.ceil(jobs.length / batchSize)
  const count = Math.min(Math.max(1, options.threads ?? availableParallelism()), batches)
  const entries: CacheEntry[] = new Array(jobs.length)
  const workers: Worker[] = []
  let next = 0
  let done = 0

  try {
    await new Promise<void>((resolve, reject) => {
      if (count === 0) return resolve()
      // Once settled, later calls are no-ops: a thread that dies reports both `error` and `exit`.
      const fail = (current: Int32Array, reason: unknown) => {
        const index = Atomics.load(current, 0)
        const what = index < 0 ? 'sources' : jobs[index]?.path
        reject(new Error(`Analysing ${what} on a worker thread failed: ${reason instanceof Error ? reason.message : String(reason)}`))
      }
      // Hand out the next batch, if any: whichever thread is free takes it.
      const feed = (worker: Worker) => {
        if (next >= jobs.length) return
        worker.postMessage({ start: next, jobs: jobs.slice(next, next + batchSize) } satisfies Batch)
        next += batchSize
      }
      for (let n = 0; n < count; n++) {
        const current = new Int32Array(new SharedArrayBuffer(4)).fill(-1)
        const worker = new Worker(entry, { workerData: { config, now: now.getTime(), current, ...(options.cache !== undefined && { cache: options.cache }) } satisfies ThreadData })
        workers.push(worker)
        worker.on('message', ({ start, entries: results }: BatchResult) => {
          for (const [offset, result] of results.entries()) entries[start + offset] = result
          done += results.length
          options.onProgress?.(done)
          if (done === jobs.length) resolve()
          else feed(worker)
        })
        worker.on('error', (error) => fail(current, error))
        worker.on('messageerror', (error) => fail(current, error))
        worker.on('exit', (code) => fail(current, `the thread exited with code ${code}`))
        feed(worker)
      }
    })
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
  return entries
}
