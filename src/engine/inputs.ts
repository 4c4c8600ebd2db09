import { lstatSync, statSync } from 'node:fs'
import { basename, isAbsolute, relative, resolve, sep } from 'node:path'
import { VFile } from 'vfile'
import { listImages, misnamedFiles, sourcePaths, type Image } from '../load.ts'
import { byCodePoint } from '../order.ts'
import { imageTypes } from '../schema.ts'
import { isArticleName } from '../slug.ts'
import { restoreMessages, storeMessages } from './cache.ts'

/**
 * The sources and images under the articles folder, each one's fingerprint,
 * and each source's size in bytes, by path; and the files whose names no
 * build can read (`misnamedFiles`), with their errors.
 */
export interface Inputs {
  sources: string[]
  images: Image[]
  prints: Map<string, string>
  sizes: Map<string, number>
  misnamed: VFile[]
}

/**
 * The inputs under `dir`. A fingerprint is a file's size, modification and
 * change times and inode, from the file system's records alone, without
 * reading a byte.
 */
export function listInputs(dir: string): Inputs {
  const sources = sourcePaths(dir)
  const images = listImages(dir)
  const inputs: Inputs = { sources, images, prints: new Map(), sizes: new Map(), misnamed: misnamedFiles(dir) }
  for (const path of [...sources, ...images.map((image) => image.source)]) fingerprint(inputs, path)
  return inputs
}

/**
 * The inputs under `dir` now, from `last` (what `listInputs` gave, or this
 * function since) and the paths created, changed or removed since then, as
 * a watcher names them: files or folders, relative to the working directory
 * or absolute. Only those are looked at: a path gone takes every input at or
 * below it away; a folder is listed; a file is an input by the rules
 * `sourcePaths` and `listImages` follow, and fingerprinted again.
 * `undefined` when a change can only be seen by listing everything again:
 * the folder itself, or a name that is not UTF-8 (see `misnamedFiles`).
 */
export function updateInputs(dir: string, last: Inputs, changed: Iterable<string>): Inputs | undefined {
  const cwd = process.cwd()
  const root = relative(cwd, resolve(dir))
  const next: Inputs = { sources: [...last.sources], images: [...last.images], prints: new Map(last.prints), sizes: new Map(last.sizes), misnamed: [...last.misnamed] }
  let added = false
  for (const given of new Set(changed)) {
    // Paths as src/load.ts gives them: relative to the working directory.
    const path = relative(cwd, resolve(given))
    const inside = relative(root, path)
    if (inside === '') return undefined
    if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) continue
    // Names starting with a dot are editors' and systems', never inputs (see `visibleEntries` in src/load.ts).
    if (inside.split(sep).some((part) => part.startsWith('.'))) continue
    if (path.includes('\uFFFD')) return undefined
    remove(next, path)
    let info
    try {
      info = lstatSync(path, { throwIfNoEntry: false })
    } catch {
      // Under a file, or unreadable: as good as gone, which the build's reading reports if it matters.
      info = undefined
    }
    if (!info) continue
    if (info.isDirectory()) {
      if (misnamedFiles(path).length > 0) return undefined
      const sources = sourcePaths(path)
      const images = listImages(path).map((image) => ({ path: relative(dir, image.source).split(sep).join('/'), source: image.source }))
      next.sources.push(...sources)
      next.images.push(...images)
      for (const source of [...sources, ...images.map((image) => image.source)]) fingerprint(next, source)
      added ||= sources.length + images.length > 0
      continue
    }
    const name = basename(path)
    if (info.isSymbolicLink() || isArticleName(name)) {
      next.sources.push(path)
      fingerprint(next, path)
      added = true
    }
    if (info.isFile() && Object.hasOwn(imageTypes, name.split('.').pop()?.toLowerCase() ?? '')) {
      next.images.push({ path: relative(dir, path).split(sep).join('/'), source: path })
      fingerprint(next, path)
      added = true
    }
  }
  if (added) {
    next.sources.sort(byCodePoint)
    next.images.sort((a, b) => byCodePoint(a.path, b.path))
  }
  return next
}

/** `inputs`' misnamed files again, on new VFiles: a build adds to the files it is given. */
export function misnamedCopies(inputs: Inputs): VFile[] {
  return inputs.misnamed.map((file) => {
    const copy = new VFile({ path: file.path })
    restoreMessages(copy, storeMessages(file))
    return copy
  })
}

/** Take `path`, and every input below it, out of `inputs`. */
function remove(inputs: Inputs, path: string) {
  const below = `${path}${sep}`
  const gone = (input: string) => input === path || input.startsWith(below)
  if (inputs.sources.some(gone)) inputs.sources = inputs.sources.filter((source) => !gone(source))
  if (inputs.images.some((image) => gone(image.source))) inputs.images = inputs.images.filter((image) => !gone(image.source))
  if (inputs.misnamed.some((file) => gone(file.path))) inputs.misnamed = inputs.misnamed.filter((file) => !gone(file.path))
  for (const input of [...inputs.prints.keys()]) {
    if (!gone(input)) continue
    inputs.prints.delete(input)
    inputs.sizes.delete(input)
  }
}

/** Record `path`'s fingerprint and size in `inputs`; a file that cannot be looked at has its error's code as its fingerprint. */
function fingerprint(inputs: Inputs, path: string) {
  try {
    const info = statSync(path)
    inputs.prints.set(path, `${info.size}\0${info.mtimeMs}\0${info.ctimeMs}\0${info.ino}`)
    inputs.sizes.set(path, info.size)
  } catch (error) {
    inputs.prints.set(path, String((error as NodeJS.ErrnoException).code))
    inputs.sizes.delete(path)
  }
}
