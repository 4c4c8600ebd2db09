import { createHash } from 'node:crypto'
import type { MadeOf } from '../output.ts'
import type { ShownArticle } from '../shown.ts'
import { codeVersion } from './code.js'

// The hashes the engine names things by; src/engine/index.ts has the glossary.

/** SHA-256 in hex of `parts`, each ended by a NUL, which no part holds where it would be ambiguous. */
export function hash(...parts: string[]): string {
  const hasher = createHash('sha256')
  for (const part of parts) hasher.update(part).update('\0')
  return hasher.digest('hex')
}

/** The version of the code: a hash of its files and the locked dependencies (src/engine/code.js). */
export function codeVersionOf(): Promise<string> {
  return codeVersion(new URL('../', import.meta.url))
}

/** A context: what every analysis depends on besides its source, the code and the config. */
export function contextOf(version: string, config: unknown): string {
  return hash(version, JSON.stringify(config))
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
  }
  return hash(...parts)
}
