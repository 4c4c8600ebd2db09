// The floor of any cold build: parsing every source as wirefeed does (src/parse.ts:
// remark-parse, front matter, GFM), nothing else, split over one worker thread per
// core. A cold build parses every source and then does more (validate, render,
// sanitise, write pages and feeds), so it cannot beat this figure on the same
// machine. Prints {seconds, maxRssMb} as JSON.
import { readdirSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'

/** Each thread's work, in plain JS: tsx's hooks do not reach worker threads (see src/pool-worker.js). */
const work = `
const { parentPort, workerData } = require('node:worker_threads')
const { readFileSync } = require('node:fs')
;(async () => {
  const { register } = await import(workerData.modules.tsx)
  register()
  const [{ parseSource }, { VFile }] = await Promise.all([import(workerData.modules.parse), import(workerData.modules.vfile)])
  let nodes = 0
  for (const path of workerData.paths) nodes += parseSource(new VFile({ path, value: readFileSync(path, 'utf8') })).tree.children.length
  parentPort.postMessage(nodes)
})()
`

const dir = process.argv[2]
if (!dir) throw new Error('usage: floor.ts <articles dir>')
const modules = {
  tsx: import.meta.resolve('tsx/esm/api'),
  parse: new URL('../../src/parse.ts', import.meta.url).href,
  vfile: import.meta.resolve('vfile'),
}
const started = performance.now()
const names = readdirSync(dir, { recursive: true })
  .map(String)
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => join(dir, name))
const threads = availableParallelism()
const counts = await Promise.all(
  Array.from({ length: threads }, (_, n) => {
    const paths = names.filter((_, index) => index % threads === n)
    return new Promise<number>((resolve, reject) => {
      const worker = new Worker(work, { eval: true, workerData: { modules, paths } })
      worker.once('message', resolve)
      worker.once('error', reject)
    })
  }),
)
const seconds = (performance.now() - started) / 1000
console.log(JSON.stringify({ seconds, maxRssMb: process.resourceUsage().maxRSS / 1024, files: names.length, nodes: counts.reduce((a, b) => a + b, 0) }))
