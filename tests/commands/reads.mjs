// Test support, loaded with `node --import`: appends the path of every
// article source the process reads (a `.md` file) to the file named by
// WIREFEED_TEST_READS, one per line. The code under test is unchanged: this
// wraps the one fs function the loader reads sources with.
import fs from 'node:fs'
import { syncBuiltinESMExports } from 'node:module'

const log = process.env.WIREFEED_TEST_READS
const { readFileSync, appendFileSync } = fs
if (log) {
  fs.readFileSync = (path, ...rest) => {
    if (String(path).endsWith('.md')) appendFileSync(log, `${path}\n`)
    return readFileSync(path, ...rest)
  }
  syncBuiltinESMExports()
}
