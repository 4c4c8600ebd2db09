import type { VFile } from 'vfile'
import { report } from './messages.ts'

/** The longest file or folder name common file systems allow, in bytes of UTF-8 (ext4, APFS, NTFS: 255). */
export const maxNameBytes = 255

/**
 * Problems with where the output's files would go, which a build would
 * otherwise only meet while writing, or not at all: a name longer than file
 * systems allow; two files at one path (an article whose `canonical` names
 * the home page, or another page); a file where another's folder must be
 * (`…/feed.xml/` beside `feed.xml`); and names that differ only in case or
 * in Unicode normalisation, which macOS and Windows take for one file, so
 * that a site built on Linux would lose one of them when copied there.
 *
 * `paths` is every output path, in output order; `owners` gives the sources
 * responsible for a path (an article for its page, an image file for
 * itself), and a path it names more often than it has owners is the site's
 * own too. A problem is reported on every owner involved; the site's own
 * files (feeds, pages) never clash with each other.
 */
export function checkOutputPaths(paths: readonly string[], owners: ReadonlyMap<string, readonly VFile[]>) {
  const top = { line: 1, column: 1 }
  const describe = (path: string, not?: VFile) => {
    const other = owners.get(path)?.find((file) => file !== not)
    return other ? `the output of ${other.path}` : `the site's own \`${path}\``
  }
  const clash = (path: string, other: string, why: string) => {
    for (const [mine, theirs] of path === other ? [[path, other] as const] : ([[path, other], [other, path]] as const)) {
      for (const file of owners.get(mine) ?? []) report(file, 'output-clash', top, { path: mine, other: describe(theirs, file), why })
    }
  }

  const files = new Set<string>()
  const doubled = new Set<string>()
  const folded = new Map<string, string>()
  for (const path of paths) {
    const long = path.split('/').find((name) => Buffer.byteLength(name) > maxNameBytes)
    for (const owner of long === undefined ? [] : (owners.get(path) ?? [])) {
      report(owner, 'name-too-long', top, { name: long ?? '', bytes: Buffer.byteLength(long ?? ''), limit: maxNameBytes })
    }
    if (files.has(path) && !doubled.has(path)) {
      clash(path, path, 'both would be written there')
      doubled.add(path)
    }
    files.add(path)
    const key = path.normalize('NFC').toLowerCase()
    const same = folded.get(key)
    if (same !== undefined && same !== path) clash(path, same, 'the two differ only in case or in how their letters are encoded, which macOS and Windows take for one name')
    folded.set(key, path)
  }
  for (const path of files) {
    for (let at = path.indexOf('/'); at !== -1; at = path.indexOf('/', at + 1)) {
      const folder = path.slice(0, at)
      if (files.has(folder)) clash(path, folder, `\`${folder}\` would have to be a file and a folder at once`)
    }
  }
}
