import { createHash } from 'node:crypto'
import { copyFile, link, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import type { Asset } from './load.ts'

/**
 * Replace the output folder with exactly `files`, atomically as far as the
 * file system allows: everything is written into a fresh sibling folder
 * first, then swapped in with two renames. A build that fails or is killed
 * before the swap leaves the last good output untouched. When the output
 * already holds exactly these bytes nothing is written, so an unchanged
 * rebuild keeps every file's modification time (and its ETag) too.
 * Returns whether anything changed. The only module that writes.
 *
 * Nothing is written outside `out` and its two siblings (`<out>.new-<pid>`,
 * `<out>.old`): every path in `files` must stay inside, and `out` must not
 * hold the working directory, which the swap would otherwise delete. Either
 * mistake is a bug in the caller and throws before anything is touched.
 */
export async function writeOutput(out: string, files: ReadonlyMap<string, string>, assets: readonly Asset[] = []): Promise<boolean> {
  const copies = new Map(assets.map((asset) => [asset.path, asset]))
  assertConfined(out, new Map([...files, ...[...copies.keys()].map((path): [string, string] => [path, ''])]))
  await recoverOutput(out)
  await removeAbandoned(out)
  const { unchanged, stale } = await compare(out, files, copies)
  if (unchanged.size === files.size + copies.size && !stale) return false
  const fresh = `${out}.new-${process.pid}`
  const old = `${out}.old`
  await rm(fresh, { recursive: true, force: true })
  try {
    await mkdir(fresh, { recursive: true })
    const folders = new Set<string>()
    for (const [path, content] of files) {
      const target = join(fresh, path)
      const folder = dirname(target)
      if (!folders.has(folder)) await mkdir(folder, { recursive: true })
      folders.add(folder)
      // An unchanged file is hard-linked, not rewritten: same inode, same mtime, so its
      // Last-Modified and ETag stay and aggregators keep getting 304s for it.
      if (unchanged.has(path)) await link(join(out, path), target).catch(() => writeFile(target, content))
      else await writeFile(target, content)
    }
    for (const [path, asset] of copies) {
      const target = join(fresh, path)
      await mkdir(dirname(target), { recursive: true })
      // Copied, never linked to the source: editing the source must not change the published site in place.
      if (unchanged.has(path)) await link(join(out, path), target).catch(() => copyFile(asset.source, target))
      else await copyFile(asset.source, target)
    }
  } catch (error) {
    await rm(fresh, { recursive: true, force: true })
    throw error
  }
  await rm(old, { recursive: true, force: true })
  // Between these two renames there is no `out`, only `out.old`: the next call puts it back.
  await rename(out, old).catch(ignoreMissing)
  await rename(fresh, out)
  await rm(old, { recursive: true, force: true })
  return true
}

/**
 * If a swap was interrupted between its two renames, put the previous output
 * back. Exported so a caller can repair the output before a build that may
 * fail (and so never reach `writeOutput`), or before serving it.
 */
export async function recoverOutput(out: string) {
  const old = `${out}.old`
  if ((await exists(out)) || !(await exists(old))) return
  await rename(old, out)
}

function assertConfined(out: string, files: ReadonlyMap<string, string>) {
  const folder = resolve(out)
  if (folder === dirname(folder) || folder === process.cwd() || within(folder, process.cwd())) {
    throw new Error(`refusing to write the output to \`${out}\`: it holds the working directory, which replacing it would delete`)
  }
  for (const path of files.keys()) {
    if (path.includes('\0') || isAbsolute(path) || !within(folder, resolve(folder, path))) {
      throw new Error(`refusing to write \`${path}\`: output paths must stay inside \`${out}\``)
    }
  }
}

/** Whether `path` is strictly below `folder` (both absolute). */
function within(folder: string, path: string) {
  const rest = relative(folder, path)
  return rest !== '' && rest !== '..' && !rest.startsWith(`..${sep}`) && !isAbsolute(rest)
}

/**
 * Remove `<out>.new-<pid>` folders left by builds that were killed while
 * writing. Only those of processes no longer running: a live one may be a
 * concurrent build (`serve --watch` and a manual build) that is still writing.
 */
async function removeAbandoned(out: string) {
  const parent = dirname(resolve(out))
  const prefix = `${basename(resolve(out))}.new-`
  // Best effort: a folder we may not list (a sandbox, odd permissions) just keeps its debris.
  const names = await readdir(parent).catch(() => [])
  for (const name of names) {
    if (!name.startsWith(prefix)) continue
    const pid = Number(name.slice(prefix.length))
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || running(pid)) continue
    await rm(join(parent, name), { recursive: true, force: true })
  }
}

function running(pid: number) {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Which files already hold exactly these bytes, and whether the output has files no longer wanted. */
async function compare(out: string, files: ReadonlyMap<string, string>, copies: ReadonlyMap<string, Asset>) {
  const unchanged = new Set<string>()
  let present: string[]
  try {
    present = (await readdir(out, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => relative(out, join(entry.parentPath, entry.name)))
  } catch {
    return { unchanged, stale: false }
  }
  let stale = false
  for (const path of present) {
    const expected = files.get(path)
    const asset = copies.get(path)
    if (asset) {
      const bytes = await readFile(join(out, path))
      if (createHash('sha256').update(bytes).digest('hex') === asset.sha256) unchanged.add(path)
    } else if (expected === undefined) stale = true
    else if ((await readFile(join(out, path), 'utf8')) === expected) unchanged.add(path)
  }
  return { unchanged, stale }
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
