import { lstatSync, readdirSync, readFileSync, readlinkSync, realpathSync, statSync } from 'node:fs'
import { isAbsolute, join, relative, sep } from 'node:path'
import type { Point } from 'unist'
import { VFile } from 'vfile'
import { report } from './messages.ts'
import { byCodePoint } from './order.ts'
import { imageTypes } from './schema.ts'
import type { ImageInfo } from './image-info.ts'
import type { ImageRead } from './site-images.ts'
import { isArticleName } from './slug.ts'

/**
 * The largest article source we read: 2 MB (2 × 1024 × 1024 bytes). A long
 * feature is 50–100 KB of Markdown, so this is twenty times that; yet it
 * bounds memory and time, since a build holds each source several times over
 * (text, Markdown tree, HTML tree, HTML, feeds, pages). Something larger is
 * not an article but a pasted log, a data dump or base64 images, and is
 * refused before it is read.
 */
export const maxArticleBytes = 2 * 1024 * 1024

/**
 * Read every `*.md` and `*.markdown` under `dir` (sub-folders too) into
 * VFiles, sorted by path so the order never depends on the file system. With
 * `sourcePaths` and `readArticle`, which it is made of, the only code that
 * reads articles.
 *
 * Nothing outside `dir` is read: a symbolic link is followed only when it
 * resolves inside `dir`; one that leads out, to a file or a folder, is an
 * error on the link itself, never silently skipped. A source that is not
 * UTF-8 text, is too large or cannot be read becomes a VFile carrying the
 * error, so the build reports it and fails.
 */
export function loadArticles(dir: string): VFile[] {
  const root = realpathSync(dir)
  return sourcePaths(dir).flatMap((path) => readArticle(path, root) ?? [])
}

/**
 * Every article path (`*.md`, `*.markdown`: `articleExtensions`) and every
 * link under `dir` (a link may lead to an article), sorted, relative to the
 * working directory as editors see them.
 * Synchronous, as the reading: one walk, then thousands of small files.
 */
export function sourcePaths(dir: string): string[] {
  return visibleEntries(dir)
    .filter(({ entry }) => entry.isSymbolicLink() || (!entry.isDirectory() && isArticleName(entry.name)))
    .map(({ path }) => path)
    .sort(byCodePoint)
}

/** An image under the articles folder, published at the same path under the site. */
export interface Image {
  /** Path relative to the articles folder, with `/`: also its path under the site URL and in the output. */
  path: string
  /** Where it is on disk, relative to the working directory. */
  source: string
  /** What its bytes say of it, once read (src/engine/ reads them); `null` when they are no image. */
  info?: ImageInfo | null
}

/**
 * Every image file under `dir` (by extension), sorted by path: what
 * `images/x.jpg` in an article can refer to. Regular files only (a link is
 * not followed, so nothing outside `dir` is published).
 */
export function listImages(dir: string): Image[] {
  return visibleEntries(dir)
    .filter(({ entry }) => entry.isFile() && Object.hasOwn(imageTypes, entry.name.split('.').pop()?.toLowerCase() ?? ''))
    .map(({ path }) => ({ path: relative(dir, path).split(sep).join('/'), source: path }))
    .sort((a, b) => byCodePoint(a.path, b.path))
}

/**
 * The bytes of the site's icon or logo, `path` under the articles folder
 * `dir` (see src/site-images.ts), at most `limit` bytes. Only a regular file,
 * as `listImages` publishes only those: a link is not followed.
 */
export function readImageFile(dir: string, path: string, limit: number): ImageRead {
  const source = join(dir, ...path.split('/'))
  try {
    const info = lstatSync(source)
    if (!info.isFile()) return { unreadable: `\`${source}\` is ${info.isSymbolicLink() ? 'a link, which is never published' : 'not a file'}` }
    if (info.size > limit) return { unreadable: `\`${source}\` is ${megabytes(info.size)}, more than ${megabytes(limit)}` }
    return { bytes: readFileSync(source) }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return { missing: true }
    return { unreadable: (error as Error).message }
  }
}

/**
 * Everything under `dir`, each with its path relative to the working
 * directory, but what is under a name starting with a dot: those belong to
 * editors and systems, not writers (Emacs lock links `.#story.md`, macOS
 * metadata `._story.md`, folders such as `.git`); and but names that are not
 * UTF-8 (see `misnamedFiles`).
 */
function visibleEntries(dir: string) {
  return allEntries(dir).filter(({ path }) => !path.includes('\uFFFD'))
}

function allEntries(dir: string) {
  const cwd = process.cwd()
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((entry) => ({ entry, path: relative(cwd, join(entry.parentPath, entry.name)) }))
    .filter(({ path }) => !relative(dir, path).split(sep).some((part) => part.startsWith('.')))
}

/**
 * A VFile, carrying an error, for each file or folder under `dir` whose name
 * is not UTF-8 (Node reads such a name with `�` in place of the bad bytes,
 * and then cannot open it): an article the build would otherwise skip
 * without a word, an image it could not copy.
 */
export function misnamedFiles(dir: string): VFile[] {
  return allEntries(dir)
    .filter(({ path }) => path.includes('\uFFFD') && !dirnameHasBadName(path))
    .map(({ path }) => {
      const file = new VFile({ path })
      report(file, 'invalid-file-name', start, {})
      return file
    })
}

/** Whether a folder above `path` has a name that is not UTF-8 itself: that folder is reported, not each file in it. */
function dirnameHasBadName(path: string): boolean {
  const parent = path.slice(0, path.lastIndexOf(sep))
  return parent.includes('\uFFFD')
}

/**
 * Read the article source at `path` (as `sourcePaths` gave it; `root` is the
 * articles folder's real path) into a VFile: with its text, or carrying the
 * error that kept it from being read. `undefined` when there is nothing to
 * read: deleted since it was listed, or a link to a folder inside `root`.
 */
export function readArticle(path: string, root: string): VFile | undefined {
  const article = isArticleName(path)
  try {
    if (lstatSync(path).isSymbolicLink()) {
      let target: string
      try {
        target = realpathSync(path)
      } catch (error) {
        if (!article) return undefined
        // A dangling link or a loop: say where it points, which is what the writer can fix.
        const file = new VFile({ path })
        const loop = (error as NodeJS.ErrnoException).code === 'ELOOP'
        report(file, 'unreadable-file', start, { detail: `it is a link to \`${readlinkSync(path)}\`, which ${loop ? 'leads round in a loop' : 'does not exist'}` })
        return file
      }
      // Any link out is refused, whatever its name, without so much as a stat of what it points to:
      // a linked folder would hold articles, and a linked file has no business here.
      const inside = relative(root, target)
      if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
        const file = new VFile({ path })
        report(file, 'outside-articles', start, { target })
        return file
      }
      // A link to a folder inside: its articles are read under their own paths already.
      if (!article || statSync(target).isDirectory()) return undefined
    }
    return readText(path, maxArticleBytes)
  } catch (error) {
    // Deleted between listing and reading: simply no longer there.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    return unreadable(path, error)
  }
}

/**
 * Read a text file into a VFile: `undefined` when it does not exist, so
 * callers can fall back to defaults; a VFile carrying the error when it cannot be read.
 * The same checks as articles, but no size limit: the ledger grows with the site's history.
 */
export function readSource(path: string): VFile | undefined {
  try {
    return readText(path, Infinity)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    return unreadable(path, error)
  }
}

const start: Point = { line: 1, column: 1 }

function unreadable(path: string, error: unknown) {
  const file = new VFile({ path })
  report(file, 'unreadable-file', start, { detail: (error as Error).message })
  return file
}

/** Throws ENOENT when `path` does not exist; every other problem is a message on the VFile. */
// Synchronous: thousands of small reads, each a round trip through the thread pool, spent
// most of a rebuild waiting.
function readText(path: string, limit: number): VFile {
  const file = new VFile({ path })
  const info = statSync(path)
  // Checked before opening: a FIFO would block the build forever, a device never end.
  if (!info.isFile()) {
    report(file, 'unreadable-file', start, { detail: 'it is not a regular file' })
    return file
  }
  // Checked before reading, so a huge file costs nothing; and after, in case it grew in between.
  let bytes = info.size > limit ? undefined : readFileSync(path)
  if (bytes && bytes.length > limit) bytes = undefined
  if (!bytes) {
    report(file, 'file-too-large', start, { size: megabytes(Math.max(info.size, limit + 1)), limit: megabytes(limit) })
    return file
  }
  const text = decode(file, bytes)
  if (text !== undefined) file.value = normalise(text)
  return file
}

/** Known binary formats by their first bytes, to name what was saved under an article's name. */
const signatures: Array<[string, number[]]> = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['a ZIP archive or Word document', [0x50, 0x4b, 0x03, 0x04]],
  ['a program', [0x7f, 0x45, 0x4c, 0x46]],
]

// Fatal: invalid UTF-8 is an error, never silently replaced with U+FFFD. A
// UTF-8 byte order mark is accepted and dropped, as editors on Windows write one.
const strict = new TextDecoder('utf-8', { fatal: true })
const lenient = new TextDecoder('utf-8')

/** The text of `bytes`, or `undefined` after reporting on `file` why it is not UTF-8 text. */
function decode(file: VFile, bytes: Uint8Array): string | undefined {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)
  if (utf16) {
    report(file, 'invalid-encoding', start, { detail: 'it is UTF-16 (it starts with a UTF-16 byte order mark)' })
    return undefined
  }
  // NUL never occurs in text: it is how git, grep and diff tell binary files too.
  const nul = bytes.indexOf(0)
  if (nul !== -1) {
    const kind = signatures.find(([, magic]) => magic.every((byte, index) => bytes[index] === byte))?.[0]
    const detail = `it contains a NUL byte${kind ? `; it looks like ${kind}` : ''}`
    report(file, 'binary-file', pointAt(bytes, nul), { detail })
    return undefined
  }
  try {
    return strict.decode(bytes)
  } catch {
    const offset = firstInvalidByte(bytes)
    const hex = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0')
    report(file, 'invalid-encoding', pointAt(bytes, offset), { detail: `byte 0x${hex} here is not part of any UTF-8 character` })
    return undefined
  }
}

/**
 * Where the first ill-formed byte sequence starts, found with the platform
 * decoder rather than a hand-written one: the lenient decoder puts U+FFFD
 * there, and everything before it decoded faithfully, so its UTF-8 length is
 * the byte offset. A U+FFFD the file really contains (EF BF BD) is skipped.
 */
function firstInvalidByte(bytes: Uint8Array): number {
  const text = lenient.decode(bytes)
  const bom = hasBom(bytes) ? 3 : 0
  for (let index = text.indexOf('\uFFFD'); index !== -1; index = text.indexOf('\uFFFD', index + 1)) {
    const offset = bom + Buffer.byteLength(text.slice(0, index))
    if (!(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) return offset
  }
  return bytes.length
}

/** The line and column of byte `offset`, counted as in the decoded, normalised text every other message uses. */
function pointAt(bytes: Uint8Array, offset: number): Point {
  const before = normalise(lenient.decode(bytes.subarray(0, offset)))
  const lines = before.split('\n')
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 }
}

function hasBom(bytes: Uint8Array) {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
}

/**
 * Windows (CRLF) and old Mac (CR) line endings become LF. Markdown and YAML
 * read all three as line breaks, so lines and columns are unchanged, and
 * the same article renders to the same bytes whichever editor saved it.
 */
function normalise(text: string) {
  return text.replace(/\r\n?/g, '\n')
}

/** Rounded up to a tenth, so a file just over the limit never reads as equal to it. */
function megabytes(bytes: number) {
  return `${Math.ceil((bytes / (1024 * 1024)) * 10) / 10} MB`
}
