import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'

/**
 * Replace the output folder with exactly `files`, atomically as far as the
 * file system allows: everything is written into a fresh sibling folder
 * first, then swapped in with two renames. A build that fails or is killed
 * before the swap leaves the last good output untouched. When the output
 * already holds exactly these bytes nothing is written, so an unchanged
 * rebuild keeps every file's modification time (and its ETag) too.
 * Returns whether anything changed. The only module that writes.
 */
export async function writeOutput(out: string, files: ReadonlyMap<string, string>): Promise<boolean> {
  await recover(out)
  if (await holds(out, files)) return false
  const fresh = `${out}.new-${process.pid}`
  const old = `${out}.old`
  await rm(fresh, { recursive: true, force: true })
  try {
    await mkdir(fresh, { recursive: true })
    for (const [path, content] of files) {
      const target = join(fresh, path)
      await mkdir(dirname(target), { recursive: true })
      await writeFile(target, content)
    }
  } catch (error) {
    await rm(fresh, { recursive: true, force: true })
    throw error
  }
  await rm(old, { recursive: true, force: true })
  await rename(out, old).catch(ignoreMissing)
  await rename(fresh, out)
  await rm(old, { recursive: true, force: true })
  return true
}

/** If a swap was interrupted between its two renames, put the previous output back. */
async function recover(out: string) {
  const old = `${out}.old`
  if ((await exists(out)) || !(await exists(old))) return
  await rename(old, out)
}

async function holds(out: string, files: ReadonlyMap<string, string>): Promise<boolean> {
  let present: string[]
  try {
    present = (await readdir(out, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => relative(out, join(entry.parentPath, entry.name)))
  } catch {
    return false
  }
  if (present.length !== files.size) return false
  for (const path of present) {
    const expected = files.get(path)
    if (expected === undefined || (await readFile(join(out, path), 'utf8')) !== expected) return false
  }
  return true
}

async function exists(path: string) {
  return readdir(path).then(
    () => true,
    () => false,
  )
}

function ignoreMissing(error: NodeJS.ErrnoException) {
  if (error.code !== 'ENOENT') throw error
}
