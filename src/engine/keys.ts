import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import type { MadeOf } from '../output.ts'
import type { ShownArticle } from '../shown.ts'

// The hashes the engine names things by; src/engine/index.ts has the glossary.

/** SHA-256 in hex of `parts`, each ended by a NUL, which no part holds where it would be ambiguous. */
export function hash(...parts: string[]): string {
  const hasher = createHash('sha256')
  for (const part of parts) hasher.update(part).update('\0')
  return hasher.digest('hex')
}

/** The lockfiles that pin the dependencies' versions: an application's, or a package's own. */
const lockfiles = ['package-lock.json', 'npm-shrinkwrap.json']

let version: Promise<string> | undefined

/** The version of this code (lib/, or src/ under tsx), worked out once a process. */
export function codeVersionOf(): Promise<string> {
  version ??= Promise.resolve().then(() => codeVersion(new URL('../', import.meta.url)))
  return version
}

/**
 * The version of the code in `folder`: a hash of its files and of the
 * nearest lockfile above it, so a change to the code, or to any dependency's
 * version, is a new version. Installed as a package, that lockfile is the
 * application's, which pins wirefeed and everything under it.
 */
export function codeVersion(folder: URL): string {
  const hasher = createHash('sha256')
  const names = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => /\.(ts|js)$/.test(name)).sort()
  for (const name of names) hasher.update(`${name}\0`).update(readFileSync(new URL(name, folder))).update('\0')
  for (let dir = new URL('../', folder); ; dir = new URL('../', dir)) {
    const lockfile = lockfiles.map((name) => new URL(name, dir)).find((file) => existsSync(file))
    if (lockfile) {
      hasher.update(readFileSync(lockfile))
      break
    }
    if (dir.pathname === '/') break
  }
  return hasher.digest('hex')
}

/**
 * A context: what every analysis depends on besides its source, the code and
 * the config; and for a preview, what it shows, as a preview renders what a
 * build does not (a build's context is the same as before previews were).
 */
export function contextOf(version: string, config: unknown, preview?: { drafts?: boolean; future?: boolean }): string {
  if (!preview) return hash(version, JSON.stringify(config))
  return hash(version, JSON.stringify(config), JSON.stringify({ drafts: preview.drafts === true, future: preview.future === true }))
}

/** A source's digest: its path and its text. */
export function sourceDigest(path: string, text: string): string {
  return hash(path, text)
}

/** An analysis key: a source's digest under a context. Equal keys, equal analyses. */
export function analysisKey(context: string, digest: string): string {
  return hash(context, digest)
}

/** What an article's output may depend on: its analysis key, and its teaser key for what shows it without its body. */
export interface ArticleKeys {
  whole: string
  teaser: string
}

/**
 * A file key: a hash of what an output file is made of, each article by its
 * key (see `MadeOf`); `undefined` when the file does not say (it is made
 * every time) or names an article with no keys.
 */
export function fileKey(madeOf: MadeOf | undefined, keysOf: (article: ShownArticle) => ArticleKeys | undefined): string | undefined {
  if (!madeOf || madeOf.articles.length === 0) return undefined
  const parts = [JSON.stringify(madeOf.with), String(madeOf.whole)]
  for (const article of madeOf.articles) {
    const keys = keysOf(article)
    if (!keys) return undefined
    parts.push(madeOf.whole ? keys.whole : keys.teaser)
    // A preview's mark is not in the article's keys: a scheduled article that goes live loses it.
    if (article.preview) parts.push(`preview:${article.preview}`)
  }
  return hash(...parts)
}
