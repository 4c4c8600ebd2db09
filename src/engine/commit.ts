import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs'
import { rm } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { byCodePoint } from '../order.ts'
import { manifestFile, type OutputFile } from '../output.ts'
import { running } from './processes.ts'

/** What the writer knows of a file it wrote: enough to keep it next time without making it again. */
export interface WrittenFile {
  /** The file key it was made under (see src/engine/index.ts), or an image's digest. */
  key?: string
  sha256: string
  size: number
  mtimeMs: number
}

/** An image to publish: its path in the output, where it is, and its SHA-256. */
export interface Asset {
  path: string
  source: string
  sha256: string
}

export interface StageOptions {
  /** Images to publish at their paths, copied from their sources. */
  assets?: readonly Asset[]
  /**
   * What the last build wrote (its record keeps it). A file whose key, from
   * `keyOf`, is the one it was written under, and which is still of the
   * recorded size and modification time, is kept as it is: never made.
   */
  previous?: ReadonlyMap<string, WrittenFile>
  /**
   * The output is known to hold exactly what `previous` says, file for file
   * (src/engine/session.ts: a session that wrote it, and finds its manifest
   * as it left it): a file under the same key is kept without looking at it,
   * and what to delete is what `previous` has and this output has not,
   * without walking the folder. At 10,000 articles the walk and the looks
   * took a quarter of a rebuild in a session. A file edited by hand in the
   * output meanwhile is then not made whole again, as it otherwise is.
   */
  trusted?: boolean
  keyOf?: (file: OutputFile) => string | undefined
  /** The most the output may weigh, in bytes, all files counted: past it, nothing is committed. */
  maxBytes?: number
  /**
   * Makes the files elsewhere, from the same `files` (src/engine/pool.ts: on
   * worker threads): given the place in `files` and the path of each file to
   * make, in rising order, it settles each as `settleFile` does and returns
   * what that returned, in the same order. Without it, each is made here.
   */
  maker?: Maker
}

export type Maker = (files: readonly FileToMake[], settings: SettleSettings) => Promise<Settled[]>

/** A file of the output to make: its place in the sequence of files, and its path. */
export interface FileToMake {
  index: number
  path: string
}

/** Where made files are settled: the output, and the folder changed files are staged in. */
export interface SettleSettings {
  out: string
  staged: string
}

/** A made file, settled: its hash, size and modification time, and whether it was staged (its bytes differ from the output's copy). */
export interface Settled {
  sha256: string
  size: number
  mtimeMs: number
  staged: boolean
}

/** An output staged beside the output folder, to be committed or discarded. */
export interface Staged {
  /** False when the output already holds exactly these files: then committing touches nothing. */
  changed: boolean
  /** Every file of the output as it will stand, by path: the next build's `previous`. */
  written: Map<string, WrittenFile>
  /** The manifest: `build.json`'s content. */
  manifest: string
  /** Make the output what was staged. */
  commit(): void
  /** Drop what was staged; the output stays as it was. */
  discard(): void
}

/** A folder a build will not write to, said in one sentence. */
export class OutputRefused extends Error {}

/** An output heavier than it may be: nothing of it was committed. */
export class SiteTooLarge extends Error {
  constructor(
    readonly bytes: number,
    readonly limit: number,
  ) {
    const megabytes = (count: number) => `${Math.ceil(count / 2 ** 20).toLocaleString('en')} MB`
    super(`the site would be ${megabytes(bytes)}, more than the ${megabytes(limit)} its config allows (siteSizeLimit)`)
  }
}

/**
 * Refuse an output folder whose files a build would delete although they
 * are not a build's: one that holds the working directory, or one with files
 * but no manifest a build wrote (a mistyped `--out src` or `--out .git`).
 */
export function checkOutput(out: string) {
  const folder = resolve(out)
  if (folder === dirname(folder) || folder === process.cwd() || within(folder, process.cwd())) {
    throw new OutputRefused(`the output folder \`${out}\` holds the working directory, which writing it would delete; choose another --out`)
  }
  if (!isOutput(out)) {
    throw new OutputRefused(`\`${out}\` holds files but no ${manifestFile} a build wrote, so it is not a wirefeed output; build into an empty or new folder, or empty it first`)
  }
}

/** Whether `out` does not exist, is empty, or holds a manifest a build wrote. */
function isOutput(out: string): boolean {
  let names: string[]
  try {
    names = readdirSync(out)
  } catch {
    // Missing (made by the commit), or not a folder (the commit then fails on its own).
    return true
  }
  if (names.length === 0) return true
  try {
    const manifest = JSON.parse(readFileSync(join(out, manifestFile), 'utf8')) as { version?: unknown; sha256?: unknown }
    return manifest.version === 2 && typeof manifest.sha256 === 'string' && /^[0-9a-f]{64}$/.test(manifest.sha256)
  } catch {
    return false
  }
}


/**
 * A relative path of names none of which is `.` or `..` (nor holds a NUL or
 * a backslash): inside the folder it is relative to, with no need to resolve
 * it, which for 30,000 files took a twentieth of a rebuild.
 */
const plainPath = /^(?:(?!\.\.?\/)[^/\\\0]+\/)*(?!\.\.?$)[^/\\\0]+$/

/**
 * Stage the output folder `out` to hold exactly `files` (and the assets),
 * then `build.json`, changing only what differs, so that a failed or killed
 * build never costs the last good output.
 *
 * 1. Stage: every file whose bytes differ from the output's copy is written
 *    into a sibling folder, `<out>.new-<pid>`. A file whose key is the one
 *    the last build made it under, and whose copy is untouched since, is not
 *    even made; one made to the same bytes is left where it is (same inode,
 *    same modification time, so its Last-Modified and ETag stay and
 *    aggregators keep getting 304s). The files to make are made one at a time
 *    here, or by `maker` on other threads. The output is not touched.
 * 2. Commit (`Staged.commit`): the staging folder, with the list of files to
 *    delete, is renamed to `<out>.commit` in one step.
 * 3. Apply: the deletions are made and the staged files renamed into the
 *    output, synchronously, so a server in this process (serve --watch)
 *    never answers in between; then `<out>.commit` is removed.
 *
 * A build that fails or is killed before the commit leaves the output as it
 * was. One killed while applying leaves `<out>.commit`, which
 * `recoverOutput` (run first by every build and by serve) finishes. The cost
 * is that of the changes, not of the site: one edited article among 10,000
 * moves a few files. When nothing differs, nothing is touched at all. The
 * only code that writes the output.
 *
 * Nothing is written outside `out` and its two siblings: every path must stay
 * inside, and `out` must not hold the working directory, whose files would
 * otherwise be deleted as not part of the output. Either mistake is a bug in
 * the caller and throws before `out` is touched.
 */
export async function stageOutput(out: string, files: Iterable<OutputFile>, options: StageOptions = {}): Promise<Staged> {
  const folder = resolve(out)
  checkOutput(out)
  recoverOutput(out)
  await removeAbandoned(out)
  const staging = `${out}.new-${process.pid}`
  await rm(staging, { recursive: true, force: true })
  const written = new Map<string, WrittenFile>()
  const settings = { out, staged: join(staging, stagedFolder) }
  const folders = new Set<string>()
  let changes = 0

  function check(path: string) {
    if (!plainPath.test(path) && (path.includes('\0') || isAbsolute(path) || !within(folder, resolve(folder, path)))) {
      throw new Error(`refusing to write \`${path}\`: output paths must stay inside \`${out}\``)
    }
    if (written.has(path)) throw new Error(`two output files have the path \`${path}\``)
  }

  /** The last write's record of `path`, if the file is still the one it made under `key`: then it is kept as it is. */
  function kept(path: string, key: string | undefined) {
    const last = options.previous?.get(path)
    return key !== undefined && last?.key === key && (options.trusted || untouched(fileAt(join(out, path)), last)) ? last : undefined
  }

  function record(path: string, key: string | undefined, { staged, ...file }: Settled) {
    written.set(path, { ...(key !== undefined && { key }), ...file })
    if (staged) changes++
  }

  let deletions: string[]
  let manifest: string
  try {
    mkdirSync(settings.staged, { recursive: true })
    folders.add(settings.staged)
    // Which files to make: in order, each in its place in `written` so its order never depends on where it was made.
    const toMake: Array<FileToMake & { key?: string; file?: OutputFile }> = []
    let index = 0
    for (const file of files) {
      check(file.path)
      const key = options.keyOf?.(file)
      const last = kept(file.path, key)
      written.set(file.path, last ?? unmade)
      if (!last) toMake.push({ index, path: file.path, ...(key !== undefined && { key }), ...(!options.maker && { file }) })
      index++
    }
    const made = options.maker
      ? await options.maker(toMake.map(({ index, path }) => ({ index, path })), settings)
      : toMake.map((item) => {
          const content = (item.file as OutputFile).content()
          // Let the file go once made: a document's shared model dies with its last file.
          delete item.file
          return settleFile(settings, item.path, content, folders)
        })
    for (const [n, item] of toMake.entries()) record(item.path, item.key, made[n] as Settled)
    for (const asset of options.assets ?? []) {
      check(asset.path)
      const last = kept(asset.path, asset.sha256)
      if (last) written.set(asset.path, last)
      else record(asset.path, asset.sha256, settleCopy(settings, asset, folders))
    }
    check(manifestFile)
    manifest = manifestOf(written)
    record(manifestFile, undefined, settleFile(settings, manifestFile, manifest, folders))
    const bytes = [...written.values()].reduce((sum, file) => sum + file.size, 0)
    if (options.maxBytes !== undefined && bytes > options.maxBytes) throw new SiteTooLarge(bytes, options.maxBytes)
    // Whatever else the output holds goes: it is exactly these files afterwards.
    const present = options.trusted && options.previous ? [...options.previous.keys()] : filesIn(out)
    deletions = present.filter((path) => !written.has(path))
    writeFileSync(join(staging, deletionsFile), JSON.stringify(deletions))
  } catch (error) {
    // The maker has stopped every thread before failing: nothing writes here any more.
    await rm(staging, { recursive: true, force: true, maxRetries: 3 })
    throw error
  }
  const changed = changes > 0 || deletions.length > 0
  const discard = () => rmSync(staging, { recursive: true, force: true })
  if (!changed) {
    discard()
    return { changed, written, manifest, commit: () => {}, discard: () => {} }
  }
  return {
    changed,
    written,
    manifest,
    discard,
    commit() {
      // The commit: from here on the change is made, if not by this build then by the next.
      try {
        renameSync(staging, `${out}.commit`)
      } catch (error) {
        rmSync(staging, { recursive: true, force: true })
        const code = (error as NodeJS.ErrnoException).code
        // Another build (serve --watch, say) committed to the same output while this one staged.
        if (code === 'ENOTEMPTY' || code === 'EEXIST') throw new Error(`another build is writing \`${out}\` at this moment; build again`)
        throw error
      }
      recoverOutput(out)
    },
  }
}

/**
 * The manifest, from the SHA-256 of every other file of the output (images
 * included) by path: a hash over them in a fixed order, names included. No
 * timestamps: same bytes, same manifest.
 */
function manifestOf(files: ReadonlyMap<string, WrittenFile>): string {
  const hash = createHash('sha256')
  for (const path of [...files.keys()].sort(byCodePoint)) {
    if (path !== manifestFile) hash.update(`${path}\0${files.get(path)?.sha256}\0`)
  }
  return JSON.stringify({ version: 2, sha256: hash.digest('hex') }, null, 2) + '\n'
}

/** Holds a file's place in `written` until it is made. */
const unmade: WrittenFile = { sha256: '', size: 0, mtimeMs: 0 }

/**
 * Settle one made file: left in the output when its copy there has the same
 * bytes, otherwise staged (its folder made; `folders` remembers which exist).
 * The same on every thread that makes files (src/engine/pool.ts).
 * Synchronous: thousands of small files, each a promise round trip through
 * the thread pool, took longer than making them. The text goes to the disk
 * and the hash as it is, never through a Buffer of our own: Node encodes it
 * natively, and a site's worth of Buffers awaiting collection held hundreds
 * of megabytes.
 */
export function settleFile(settings: SettleSettings, path: string, content: string, folders: Set<string>): Settled {
  const sha256 = createHash('sha256').update(content).digest('hex')
  const old = fileAt(join(settings.out, path))
  if (old && old.size === Buffer.byteLength(content) && readFileSync(join(settings.out, path)).equals(Buffer.from(content))) {
    return { sha256, size: old.size, mtimeMs: old.mtimeMs, staged: false }
  }
  return stage(settings, path, folders, sha256, (to) => writeFileSync(to, content))
}

/** Settle an image: left in the output when its copy there has the same hash, otherwise copied from its source. */
function settleCopy(settings: SettleSettings, asset: Asset, folders: Set<string>): Settled {
  const old = fileAt(join(settings.out, asset.path))
  if (old && createHash('sha256').update(readFileSync(join(settings.out, asset.path))).digest('hex') === asset.sha256) {
    return { sha256: asset.sha256, size: old.size, mtimeMs: old.mtimeMs, staged: false }
  }
  // Copied, never linked to the source: editing the source must not change the published site in place.
  return stage(settings, asset.path, folders, asset.sha256, (to) => copyFileSync(asset.source, to))
}

/** Write `path` into the staging folder with `write`, making its folder first. */
function stage(settings: SettleSettings, path: string, folders: Set<string>, sha256: string, write: (to: string) => void): Settled {
  const to = join(settings.staged, path)
  const parent = dirname(to)
  if (!folders.has(parent)) {
    mkdirSync(parent, { recursive: true })
    for (let folder = parent; !folders.has(folder) && folder !== dirname(folder); folder = dirname(folder)) folders.add(folder)
  }
  write(to)
  const { size, mtimeMs } = statSync(to)
  return { sha256, size, mtimeMs, staged: true }
}

/** Inside `<out>.new-<pid>` and `<out>.commit`: the staged files, and the list of paths to delete. */
const stagedFolder = 'files'
const deletionsFile = 'deletions.json'

/**
 * Finish a commit (see `stageOutput`) if one is pending: delete what it
 * lists, move its staged files into the output, then drop it. Run before a
 * build that may fail (and so never reach `stageOutput`), and before serving
 * the output.
 *
 * A commit killed at any point is finished by running this again: every
 * step can be repeated, and the commit folder is dropped in an order that
 * says how far it got. Its staged files go first (each moved, or gone with
 * the folder once all are), then the list of deletions (so a commit
 * without one has made them all), then the folder itself.
 */
export function recoverOutput(out: string) {
  const commit = `${out}.commit`
  if (!existsSync(commit)) return
  const staged = join(commit, stagedFolder)
  const deletions = join(commit, deletionsFile)
  if (!existsSync(out) && existsSync(staged)) {
    // No output yet (a first build): the staged folder is the whole of it.
    renameSync(staged, out)
  } else {
    if (existsSync(deletions)) {
      for (const path of JSON.parse(readFileSync(deletions, 'utf8')) as string[]) {
        try {
          rmSync(join(out, path), { recursive: true, force: true })
        } catch (error) {
          // ENOTDIR: a file the commit moved in already stands where its folder was, so it is gone.
          if ((error as NodeJS.ErrnoException).code !== 'ENOTDIR') throw error
        }
        pruneEmpty(out, dirname(join(out, path)))
      }
    }
    for (const path of filesIn(staged)) {
      const to = join(out, path)
      // A folder where a file now goes: what it held is no longer output (it was deleted above).
      if (fileAt(to) === undefined) rmSync(to, { recursive: true, force: true })
      mkdirSync(dirname(to), { recursive: true })
      renameSync(join(staged, path), to)
    }
  }
  rmSync(staged, { recursive: true, force: true })
  rmSync(deletions, { force: true })
  rmSync(commit, { recursive: true, force: true })
}

/**
 * Whether the output folder `out` holds exactly the files `written`
 * describes, each still of its recorded size and modification time: what a
 * build that finds nothing changed checks before touching nothing.
 */
export function outputHolds(out: string, written: ReadonlyMap<string, WrittenFile>): boolean {
  const present = filesIn(out)
  return present.length === written.size && present.every((path) => {
    const record = written.get(path)
    return record !== undefined && untouched(fileAt(join(out, path)), record)
  })
}

/** Remove `folder` and the folders above it while they are empty, up to (not including) `out`. */
function pruneEmpty(out: string, folder: string) {
  for (let at = folder; within(resolve(out), resolve(at)); at = dirname(at)) {
    try {
      rmdirSync(at)
    } catch {
      // Not empty (or already gone): the folders above are not empty either.
      return
    }
  }
}

/**
 * Every file (anything but a folder) under `folder`, by path relative to it
 * with `/`; none when it does not exist. A plain walk: Node's recursive
 * `readdir` and `path.relative` took five times as long on 10,000 folders.
 */
export function filesIn(folder: string): string[] {
  const files: string[] = []
  const walk = (at: string, prefix: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(`${at}/${entry.name}`, `${prefix}${entry.name}/`)
      else files.push(prefix + entry.name)
    }
  }
  if (existsSync(folder)) walk(folder, '')
  return files
}

/** The stat of a regular file at `path`; undefined when it is missing, a folder, or under a file. */
function fileAt(path: string): Stats | undefined {
  try {
    const info = statSync(path, { throwIfNoEntry: false })
    return info?.isFile() ? info : undefined
  } catch {
    // ENOTDIR: a file stands where a folder of the path should be.
    return undefined
  }
}

/** Whether `path` is strictly below `folder` (both absolute). */
export function within(folder: string, path: string) {
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
  let names: string[] = []
  try {
    names = readdirSync(parent)
  } catch {
    return
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue
    const pid = Number(name.slice(prefix.length))
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || running(pid)) continue
    await rm(join(parent, name), { recursive: true, force: true })
  }
}

/** Whether the output's file is still the one `record` describes: same size, same modification time. */
function untouched(file: Stats | undefined, record: WrittenFile) {
  return file !== undefined && file.size === record.size && file.mtimeMs === record.mtimeMs
}
