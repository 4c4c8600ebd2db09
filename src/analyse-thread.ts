// The loop each worker thread of src/analyse-pool.ts runs (loaded by src/analyse-worker.js).
import { parentPort, workerData } from 'node:worker_threads'
import { analyseJob, type AnalyseJob } from './analyse-pool.ts'
import type { CacheEntry } from './cache.ts'
import type { Config } from './config.ts'

/** What a worker is started with: the same for every job, sent once. */
export interface ThreadData {
  config: Config
  /** The build's "now", as epoch milliseconds. */
  now: number
  /** The index of the job the thread is on, -1 between batches: the pool names that source even if the thread dies. */
  current: Int32Array
  /** Where to store each entry (see `PoolOptions`); absent, entries come back whole. */
  cache?: string
}

/** A batch of jobs, the first being job `start` of the whole run; its entries come back under the same `start`. */
export interface Batch {
  start: number
  jobs: AnalyseJob[]
}
export interface BatchResult {
  start: number
  entries: CacheEntry[]
}

const { config, now, current, cache } = workerData as ThreadData
const instant = new Date(now)
const port = parentPort!

// No try/catch: a throw is the thread's uncaught error, which the pool
// reports with the source named by `current`, like any other death.
port.on('message', ({ start, jobs }: Batch) => {
  const entries = jobs.map((job, offset) => {
    Atomics.store(current, 0, start + offset)
    return analyseJob(job, config, instant, cache)
  })
  Atomics.store(current, 0, -1)
  port.postMessage({ start, entries } satisfies BatchResult)
})
