// Test support, loaded with `node --import`: stops a build dead at one point
// of its write, chosen by WIREFEED_TEST_HOLD, so a test can kill it exactly
// there instead of racing it. `write`: after the first file lands in the
// staging folder `<out>.new-<pid>`. `apply`: after the first staged file of
// a commit (`<out>.commit`) has been moved into `<out>`, before the others. The code under test
// is unchanged: these wrap the fs functions it calls, nothing else.
import fs from 'node:fs'
import { syncBuiltinESMExports } from 'node:module'

const hold = process.env.WIREFEED_TEST_HOLD
const { writeFileSync, renameSync } = fs
// The writer writes and applies synchronously: these block the thread for good, to be killed there,
// first creating the file WIREFEED_TEST_HELD names, so the test knows the moment has come.
const stop = () => {
  if (process.env.WIREFEED_TEST_HELD) writeFileSync(process.env.WIREFEED_TEST_HELD, '')
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0)
}

if (hold === 'write') {
  fs.writeFileSync = (path, ...rest) => {
    writeFileSync(path, ...rest)
    if (/\.new-\d+[\\/]/.test(String(path))) stop()
  }
}
if (hold === 'apply') {
  fs.renameSync = (from, to) => {
    renameSync(from, to)
    if (/\.commit[\\/]/.test(String(from))) stop()
  }
}
// ESM named imports of built-ins (`import { writeFileSync } from 'node:fs'`) see the wrappers only after this.
syncBuiltinESMExports()
