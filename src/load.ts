import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { VFile } from 'vfile'
import { report } from './messages.ts'

/**
 * Read every `*.md` under `dir` (sub-folders too) into VFiles, sorted by path
 * so the order never depends on the file system. Paths are relative to the
 * working directory, as editors see them. The only module that reads articles.
 */
export async function loadArticles(dir: string): Promise<VFile[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const paths = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => relative(process.cwd(), join(entry.parentPath, entry.name)))
    .sort()
  const files = await Promise.all(paths.map((path) => readSource(path)))
  // A file deleted between listing and reading is simply no longer there.
  return files.filter((file) => file !== undefined)
}

/**
 * Read a text file into a VFile: `undefined` when it does not exist, so
 * callers can fall back to defaults; a VFile carrying the error when it cannot be read.
 */
export async function readSource(path: string): Promise<VFile | undefined> {
  try {
    return new VFile({ path, value: await readFile(path, 'utf8') })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    const file = new VFile({ path })
    report(file, 'unreadable-file', undefined, { detail: (error as Error).message })
    return file
  }
}
