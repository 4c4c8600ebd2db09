// The loop each worker thread of src/pool.ts runs (loaded by src/pool-worker.js).
import { parentPort, workerData } from 'node:worker_threads'
import { analyseJob, type AnalyseJob } from './pool.ts'
import type { ShownArticle } from './render.ts'
import type { Config } from './config.ts'
import type { OutputFile } from './output.ts'
import { collectGarbage, compactHeap } from './heap.ts'
import { siteOutput } from './site.ts'
import { settleFile, type FileToMake, type SettleSettings } from './write.ts'

/** What a worker is started with: the same for every job, sent once. */
export interface ThreadData {
  config: Config
  /** The build's "now", as epoch milliseconds. */
  now: number
  /** The index, in its run, of the item the thread is on, -1 between batches: the pool names it even if the thread dies. */
  current: Int32Array
  /** Where to store each entry (see `PoolOptions`); absent, entries come back whole. */
  cache?: string
  /** Held by whichever thread of the pool is compacting its heap, the pool's own included (see `compactHeap`). */
  heapLock: Int32Array
}

/**
 * What the pool sends: a batch of sources to analyse, or of output files to
 * make (the first being item `start` of the whole run), or, before those,
 * what the output is made from.
 */
export type Message =
  | { type: 'analyse'; start: number; jobs: AnalyseJob[] }
  | { type: 'output'; articles: readonly ShownArticle[]; ledger: string }
  | { type: 'make'; start: number; files: FileToMake[]; settings: SettleSettings }

/** A batch's results, in order, under the batch's `start`. */
export interface BatchResult {
  start: number
  results: unknown[]
}

const { config, now, current, cache, heapLock } = workerData as ThreadData
const instant = new Date(now)
const port = parentPort!
let output: ((index: number) => OutputFile) | undefined
// The folders made in the staging folder so far, by this thread.
let folders = new Set<string>()

/** Each item of a batch done in turn, `current` telling which. */
function each<T>(start: number, items: readonly T[], work: (item: T) => unknown) {
  const results = items.map((item, offset) => {
    Atomics.store(current, 0, start + offset)
    return work(item)
  })
  Atomics.store(current, 0, -1)
  port.postMessage({ start, results } satisfies BatchResult)
}

// No try/catch: a throw is the thread's uncaught error, which the pool
// reports with the item named by `current`, like any other death.
port.on('message', (message: Message) => {
  switch (message.type) {
    case 'analyse':
      return each(message.start, message.jobs, (job) => analyseJob(job, config, instant, cache))
    case 'output':
      // The analysis's garbage goes before the first document is made.
      compactHeap(heapLock)
      output = reader(siteOutput(message.articles, config, message.ledger))
      folders = new Set()
      return
    case 'make': {
      const make = output
      if (!make) throw new Error('no output to make files of')
      return each(message.start, message.files, ({ index, path }) => {
        const file = make(index)
        // The same pure function of the same data: a different file here is a bug, never a race.
        if (file.path !== path) throw new Error(`file ${index} of the output is \`${file.path}\` on this thread, not \`${path}\``)
        const settled = settleFile(message.settings, path, file.content(), folders)
        // A month's archive is megabytes of text, garbage once settled, and the threads make such
        // documents one after another: V8 would keep each one's pages until its next full collection.
        if (settled.size >= largeFile) collectGarbage()
        return settled
      })
    }
  }
})

/** Bytes from which a file made is collected at once: every month's archive of a site's feed, few else. */
const largeFile = 1 << 20

/**
 * The output's files by place, read forward: the pool gives each thread
 * rising places, so the files between are passed by, never made, and only
 * the current document's items are held.
 */
function reader(files: Iterable<OutputFile>) {
  let iterator = files[Symbol.iterator]()
  let position = 0
  return (index: number): OutputFile => {
    if (index < position) {
      iterator = files[Symbol.iterator]()
      position = 0
    }
    for (let next = iterator.next(); !next.done; next = iterator.next()) {
      if (position++ === index) return next.value
    }
    throw new Error(`the output has no file ${index}`)
  }
}
