// The loop each worker thread of src/engine/pool.ts runs (through thread-entry.js under tsx).
import { parentPort, workerData } from 'node:worker_threads'
import type { OutputFile } from '../output.ts'
import type { ShownArticle } from '../shown.ts'
import { siteFiles } from '../site.ts'
import { BodyReader, PackWriter, type BodyPlace } from './cache.ts'
import { settleFile, type FileToMake, type SettleSettings } from './commit.ts'
import { work, type Job, type WorkSettings } from './work.ts'

/** What a thread is started with: the same for every job, sent once. */
export interface ThreadData {
  settings: WorkSettings
  /** The cache folder, where analyses' bodies are appended and read from. */
  cache: string
  /** The index, in its run, of the item the thread is on, -1 between batches: the pool names it even if the thread dies. */
  current: Int32Array
}

/** What the output is made from: the published articles, where each one's body is, and the ledger (see `siteFiles`). */
export interface Setup {
  type: 'output'
  articles: readonly ShownArticle[]
  /** Each article's body, in the same order. */
  bodies: readonly BodyPlace[]
  ledger: string
  /** The build's "now" (the news sitemap depends on it), sent with the output: a kept thread's settings may be an earlier build's. */
  now: Date
}

/** What the pool sends: a batch of jobs or of output files to make (the first being item `start` of the run), or before those, the output's setup or the jobs' new settings. */
export type Message =
  | { type: 'analyse'; start: number; items: Job[] }
  | Setup
  | { type: 'make'; start: number; items: FileToMake[]; settings: SettleSettings }
  | { type: 'settings'; settings: WorkSettings }

/** A batch's results, in order, under the batch's `start`. */
export interface BatchResult {
  start: number
  results: unknown[]
}

const { cache, current } = workerData as ThreadData
// The jobs' settings: those the thread started with, until the pool sends others (a thread kept between builds).
let { settings } = workerData as ThreadData
const port = parentPort!
const pack = new PackWriter(cache)
const bodies = new BodyReader(cache)
let output: ((index: number) => OutputFile) | undefined
// The folders made in the staging folder so far, by this thread.
let folders = new Set<string>()

/** Each item of a batch done in turn, `current` telling which. */
function each<T>(start: number, items: readonly T[], task: (item: T) => unknown) {
  const results = items.map((item, offset) => {
    Atomics.store(current, 0, start + offset)
    return task(item)
  })
  Atomics.store(current, 0, -1)
  port.postMessage({ start, results } satisfies BatchResult)
}

// No try/catch: a throw is the thread's uncaught error, which the pool
// reports with the item named by `current`, like any other death.
port.on('message', (message: Message) => {
  switch (message.type) {
    case 'settings':
      settings = message.settings
      return
    case 'analyse':
      each(message.start, message.items, (job) => work(job, settings, pack))
      // Open files are the process's, not the thread's: none is left open when the pool stops it.
      return pack.flush()
    case 'output': {
      const places = new Map(message.articles.map((article, index) => [article.id, message.bodies[index]]))
      const bodyOf = (article: ShownArticle) => {
        const place = places.get(article.id)
        if (!place) throw new Error(`no body for ${article.id}`)
        return bodies.read(place)
      }
      output = reader(siteFiles(message.articles, settings.config, () => message.ledger, bodyOf, message.now))
      folders = new Set()
      return
    }
    case 'make': {
      const make = output
      if (!make) throw new Error('no output to make files of')
      each(message.start, message.items, ({ index, path }) => {
        const file = make(index)
        // The same pure function of the same data: a different file here is a bug, never a race.
        if (file.path !== path) throw new Error(`file ${index} of the output is \`${file.path}\` on this thread, not \`${path}\``)
        return settleFile(message.settings, path, file.content(), folders)
      })
      // Open files are the process's, not the thread's: none is left open when the pool stops it.
      return bodies.close()
    }
  }
})

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
