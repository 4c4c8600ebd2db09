// Test support, loaded with `node --import`: stops a build dead at one point
// of its write, chosen by WIREFEED_TEST_HOLD, so a test can kill it exactly
// there instead of racing it. `write`: after the first file lands in the
// fresh `<out>.new-<pid>` folder. `swap`: after `<out>` has been renamed to
// `<out>.old`, before the fresh folder takes its place. The code under test
// is unchanged: these wrap the fs functions it calls, nothing else.
import fs from 'node:fs'
import { syncBuiltinESMExports } from 'node:module'

const hold = process.env.WIREFEED_TEST_HOLD
// A timer keeps the process alive while it waits to be killed.
const forever = () => new Promise(() => setInterval(() => {}, 1 << 30))
const { writeFile, rename } = fs.promises

if (hold === 'write') {
  fs.promises.writeFile = async (path, ...rest) => {
    await writeFile(path, ...rest)
    if (/\.new-\d+[\\/]/.test(String(path))) await forever()
  }
}
if (hold === 'swap') {
  fs.promises.rename = async (from, to) => {
    await rename(from, to)
    if (String(to).endsWith('.old')) await forever()
  }
}
// ESM named imports of built-ins (`import { writeFile } from 'node:fs/promises'`) see the wrappers only after this.
syncBuiltinESMExports()
