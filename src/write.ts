import { createHash } from 'node:crypto'
import { copyFileSync, linkSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync, type Stats } from 'node:fs'
import { readdir, rename, rm } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import type { Asset } from './load.ts'
import type { OutputFile } from './output.ts'

/** What the writer knows of a file it wrote: enough to keep it next time without making it again. */
export interface WrittenFile {
  /** The key it was made under (see OutputFile), or an image's SHA-256. */
  key?: string
  sha256: string
  size: number
  mtimeMs: number
}

export interface WriteOptions {
  /** Images to publish at their paths, copied from their sources. */
  assets?: readonly Asset[]
  /**
   * What the last write returned (the build record keeps it). A file under
   * the same key, still of the recorded size and modification time, is kept
   * as it is: its `content` is never made.
   */
  previous?: ReadonlyMap<string, WrittenFile>
  /** The last file, made from the SHA-256 of all the others by path: the manifest. */
  seal?: (hashes: ReadonlyMap<string, string>) => OutputFile
}

export interface WriteResult {
  /** False when the output already held exactly these files: then nothing was touched. */
  changed: boolean
  /** Every file of the output as it now stands, by path: to pass as `previous` next time. */
  written: Map<string, WrittenFile>
}

/**
 * Replace the output folder with exactly `files` (and the assets), atomically
 * as far as the file system allows: everything goes into a fresh sibling
 * folder, one file at a time as `files` makes them, then is swapped in with
 * two renames. A build that fails or is killed before the swap leaves the
 * last good output untouched. A file whose bytes are already in the output is
 * hard-linked, not rewritten: same inode, same modification time, so its
 * Last-Modified and ETag stay and aggregators keep getting 304s. When the
 * output already holds exactly these files, the fresh folder is dropped and
 * nothing changes at all. The only module that writes.
 *
 * Nothing is written outside `out` and its two siblings (`<out>.new-<pid>`,
 * `<out>.old`): every path must stay inside, and `out` must not hold the
 * working directory, which the swap would otherwise delete. Either mistake is
 * a bug in the caller and throws before `out` is touched.
 */
export async function writeOutput(out: string, files: Iterable<OutputFile>, options: WriteOptions = {}): Promise<WriteResult> {
  const folder = resolve(out)
  if (folder === dirname(folder) || folder === process.cwd() || within(folder, process.cwd())) {
    throw new Error(`refusing to write the output to \`${out}\`: it holds the working directory, which replacing it would delete`)
  }
  await recoverOutput(out)
  await removeAbandoned(out)
  const fresh = `${out}.new-${process.pid}`
  await rm(fresh, { recursive: true, force: true })
  const written = new Map<string, WrittenFile>()
  let changed = false
  const folders = new Set<string>()

  // Where `path` goes in the fresh folder, its folder made. The writing below is synchronous:
  // thousands of small files, each a promise round trip through the thread pool, took longer
  // than making them.
  function target(path: string) {
    if (path.includes('\0') || isAbsolute(path) || !within(folder, resolve(folder, path))) {
      throw new Error(`refusing to write \`${path}\`: output paths must stay inside \`${out}\``)
    }
    if (written.has(path)) throw new Error(`two output files have the path \`${path}\``)
    const file = join(fresh, path)
    const parent = dirname(file)
    if (!folders.has(parent)) {
      // One call when the folder above is known to exist (each article page has a folder of its own).
      mkdirSync(parent, { recursive: !folders.has(dirname(parent)) })
      for (let folder = parent; !folders.has(folder); folder = dirname(folder)) folders.add(folder)
    }
    return file
  }

  /** Link the output's copy of `path` into the fresh folder; false if it cannot be linked. */
  function keep(path: string, to: string, record: WrittenFile) {
    try {
      linkSync(join(out, path), to)
    } catch {
      return false
    }
    written.set(path, record)
    return true
  }

  /**
   * Put one file in the fresh folder. Kept from the output (hard-linked) when
   * it is the same file: made under the same key and untouched since, or, once
   * made, the same bytes. Otherwise written.
   */
  function place(path: string, key: string | undefined, made: () => Made) {
    const to = target(path)
    const old = statSync(join(out, path), { throwIfNoEntry: false })
    const last = options.previous?.get(path)
    if (key !== undefined && last?.key === key && untouched(old, last) && keep(path, to, last)) return
    const { sha256, same, write } = made()
    const record = { ...(key !== undefined && { key }), sha256 }
    if (old?.isFile() && same(old) && keep(path, to, { ...record, size: old.size, mtimeMs: old.mtimeMs })) return
    write(to)
    const { size, mtimeMs } = statSync(to)
    written.set(path, { ...record, size, mtimeMs })
    changed = true
  }

  const make = (file: OutputFile) =>
    place(file.path, file.key, () => {
      const bytes = Buffer.from(file.content())
      return {
        sha256: hash(bytes),
        same: (old) => old.size === bytes.length && readFileSync(join(out, file.path)).equals(bytes),
        write: (to) => writeFileSync(to, bytes),
      }
    })

  try {
    mkdirSync(fresh, { recursive: true })
    folders.add(fresh)
    for (const file of files) make(file)
    for (const asset of options.assets ?? []) {
      place(asset.path, asset.sha256, () => ({
        sha256: asset.sha256,
        same: () => hash(readFileSync(join(out, asset.path))) === asset.sha256,
        // Copied, never linked to the source: editing the source must not change the published site in place.
        write: (to) => copyFileSync(asset.source, to),
      }))
    }
    if (options.seal) make(options.seal(new Map([...written].map(([path, file]) => [path, file.sha256]))))
    // Every file was already there; it is the same output unless the output has more.
    if (!changed) changed = (await countFiles(out)) !== written.size
  } catch (error) {
    await rm(fresh, { recursive: true, force: true })
    throw error
  }
  if (!changed) {
    await rm(fresh, { recursive: true, force: true })
    return { changed, written }
  }
  const old = `${out}.old`
  await rm(old, { recursive: true, force: true })
  // Between these two renames there is no `out`, only `out.old`: the next call puts it back.
  // Synchronous, so a server in this process (serve --watch) cannot answer in between.
  try {
    renameSync(out, old)
  } catch (error) {
    ignoreMissing(error as NodeJS.ErrnoException)
  }
  renameSync(fresh, out)
  await rm(old, { recursive: true, force: true })
  return { changed, written }
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

/** How many files `out` holds, in all its folders; undefined when there is no `out`. */
async function countFiles(out: string) {
  const entries = await readdir(out, { recursive: true, withFileTypes: true }).catch(() => undefined)
  return entries?.filter((entry) => entry.isFile()).length
}

/** A file made for the output: its hash, whether the output's copy (`old`) holds the same bytes, and how to write it. */
interface Made {
  sha256: string
  same: (old: Stats) => boolean
  write: (to: string) => void
}

/** Whether the output's file is still the one `record` describes: same size, same modification time. */
function untouched(file: Stats | undefined, record: WrittenFile) {
  return file?.isFile() === true && file.size === record.size && file.mtimeMs === record.mtimeMs
}

function hash(bytes: Buffer) {
  return createHash('sha256').update(bytes).digest('hex')
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
