import { lstatSync, readdirSync, watch, type FSWatcher } from 'node:fs'
import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import { imageTypes } from '../schema.ts'
import { isArticleName } from '../slug.ts'

/** What changed in one burst of saves. */
export interface Changes {
  /**
   * The paths under the articles folder (relative to the working directory)
   * that were created, edited, replaced or removed: sources, images, and
   * folders; `all` when the watch cannot tell (it lost track of a folder, or
   * the burst was too large to trust every event in it).
   */
  paths: ReadonlySet<string> | 'all'
  /** Whether the config file was created, edited, replaced or removed. */
  config: boolean
}

export interface WatchOptions {
  /** The articles folder. */
  articles: string
  /** The config file, which need not exist yet. */
  config: string
  /** Told of each burst of changes, once it has settled. */
  onChange: (changes: Changes) => void
  /** Told when a folder cannot be watched (the watch goes on without it, and says `all` next). */
  onError: (error: Error) => void
  /** The quiet, in milliseconds, that ends a burst. */
  settle?: number
}

export interface Watch {
  close(): void
}

/**
 * Saves editors make in one go (a temporary file written and renamed over
 * the article, a backup made first) arrive within a few milliseconds; one
 * rebuild is enough for them all. A steady stream of changes is still
 * reported every `maxWait` milliseconds.
 */
const settleDefault = 30
const maxWait = 250

/**
 * More paths than this in one burst (a checkout, a folder of images copied
 * in) are reported as `all`: the kernel drops events it cannot queue while
 * a build keeps this thread busy, and listing everything again costs less
 * than a rebuild.
 */
const tooMany = 500

/**
 * Watch the articles folder and the config file, and report every change,
 * however it was saved.
 *
 * Each folder is watched on its own (`fs.watch`, not recursive), never a
 * file: a folder's watch reports every name in it that is created, written,
 * renamed or removed, so a file replaced by a rename (`sed -i`, vim, "safe
 * write" in JetBrains editors) is seen on every save. Watching the file
 * itself follows its first inode, which a rename-save throws away: the
 * second save of the old `serve --watch` (Node's recursive watch on Linux)
 * went unseen. Folders created later are watched as they appear; removed
 * ones are let go. The config file is watched through its folder too, so it
 * may be replaced, removed, or created after the watch began. One watch a
 * folder, not one a file: a site of 10,000 articles in monthly folders
 * takes about a hundred of the kernel's inotify watches, not 10,000 (on
 * kernels before 5.11 a user has 8,192).
 *
 * Only what a build reads is reported: article sources, images, folders,
 * the config; not editors' temporary, backup and swap files, nor anything
 * under a name that starts with a dot, which src/load.ts leaves out too.
 */
export function watchSite(options: WatchOptions): Watch {
  const articles = resolve(options.articles)
  const config = resolve(options.config)
  const settle = options.settle ?? settleDefault
  const cwd = process.cwd()
  const folders = new Map<string, FSWatcher>()
  let paths = new Set<string>()
  let lost = false
  let configChanged = false
  let first = 0
  let timer: NodeJS.Timeout | undefined
  let closed = false

  function flush() {
    timer = undefined
    first = 0
    if (closed || (paths.size === 0 && !lost && !configChanged)) return
    const changes: Changes = { paths: lost || paths.size > tooMany ? 'all' : paths, config: configChanged }
    paths = new Set()
    lost = false
    configChanged = false
    options.onChange(changes)
  }

  function changed() {
    const now = performance.now()
    first ||= now
    clearTimeout(timer)
    timer = setTimeout(flush, Math.max(0, Math.min(settle, first + maxWait - now)))
  }

  /** Whether `path`, under the articles folder, is one a build never reads: under a name starting with a dot. */
  function hidden(path: string) {
    return relative(articles, path).split(sep).some((part) => part.startsWith('.'))
  }

  /** Watch `folder` and every folder below it (links not followed, hidden ones left out), as they are now. */
  function watchTree(folder: string) {
    if (closed || folders.has(folder)) return
    let watcher: FSWatcher
    try {
      watcher = watch(folder, { persistent: true }, (_event, name) => event(folder, name))
    } catch (error) {
      // Gone already (its removal is an event of its parent), or not watchable: then the watch cannot vouch for it.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return
      return fail(folder, error as Error)
    }
    watcher.on('error', (error) => {
      forget(folder)
      // A folder removed while watched ends its watch; the parent reports the removal.
      if (lstatSync(folder, { throwIfNoEntry: false })?.isDirectory()) fail(folder, error)
    })
    folders.set(folder, watcher)
    // Listed after the watch began, so nothing created in between is missed.
    let entries
    try {
      entries = readdirSync(folder, { withFileTypes: true })
    } catch {
      return
    }
    for (const entry of entries) {
      if (entry.isDirectory() && !entry.name.startsWith('.')) watchTree(join(folder, entry.name))
    }
  }

  /** Stop watching `folder` and every folder below it. */
  function forget(folder: string) {
    const below = `${folder}${sep}`
    for (const [path, watcher] of folders) {
      if (path !== folder && !path.startsWith(below)) continue
      watcher.close()
      folders.delete(path)
    }
  }

  function fail(folder: string, error: Error) {
    lost = true
    changed()
    options.onError(new Error(`cannot watch ${relative(cwd, folder) || '.'}: ${error.message}`, { cause: error }))
  }

  /** A name in `folder` was created, written, renamed or removed. */
  function event(folder: string, name: string | Buffer | null) {
    if (closed) return
    if (name === null) {
      // Some systems do not say which name: then anything in the folder may have changed.
      lost = true
      return changed()
    }
    const path = join(folder, String(name))
    if (folder === dirname(config) && path === config) {
      configChanged = true
      changed()
    }
    if (!folders.has(folder) || (path !== articles && !path.startsWith(`${articles}${sep}`)) || hidden(path)) return
    let info
    try {
      info = lstatSync(path, { throwIfNoEntry: false })
    } catch {
      info = undefined
    }
    const wasFolder = folders.has(path)
    if (info?.isDirectory()) watchTree(path)
    else if (wasFolder) forget(path)
    if (info?.isDirectory() || wasFolder || isInput(path)) {
      paths.add(relative(cwd, path))
      changed()
    }
  }

  watchTree(articles)
  // The config's folder, unless the articles' watch has it: for the config alone.
  const configFolder = dirname(config)
  let configWatch: FSWatcher | undefined
  if (!folders.has(configFolder)) {
    try {
      configWatch = watch(configFolder, { persistent: true }, (_event, name) => {
        if (closed || (name !== null && join(configFolder, String(name)) !== config)) return
        configChanged = true
        changed()
      })
      configWatch.on('error', (error) => fail(configFolder, error))
    } catch (error) {
      fail(configFolder, error as Error)
    }
  }

  return {
    close() {
      closed = true
      clearTimeout(timer)
      for (const watcher of folders.values()) watcher.close()
      folders.clear()
      configWatch?.close()
    },
  }
}

/** Whether a file at `path` would be read by a build: an article source or an image, by its name. */
function isInput(path: string): boolean {
  const name = basename(path)
  return isArticleName(name) || Object.hasOwn(imageTypes, name.split('.').pop()?.toLowerCase() ?? '')
}
