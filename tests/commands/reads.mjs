// Test support, loaded with `node --import`: appends the path of every
// article source (`.md`) and image the process reads to the file named by
// WIREFEED_TEST_READS, one per line. The code under test is unchanged: this
// wraps the fs functions the loader reads with.
import fs from 'node:fs'
import { syncBuiltinESMExports } from 'node:module'

const log = process.env.WIREFEED_TEST_READS
const { readFileSync, appendFileSync } = fs
const { readFile } = fs.promises
const note = (path) => {
  if (/\.(md|png|jpe?g|gif|webp|avif|svg)$/i.test(String(path))) appendFileSync(log, `${path}\n`)
}
if (log) {
  fs.readFileSync = (path, ...rest) => (note(path), readFileSync(path, ...rest))
  fs.promises.readFile = (path, ...rest) => (note(path), readFile(path, ...rest))
  syncBuiltinESMExports()
}
