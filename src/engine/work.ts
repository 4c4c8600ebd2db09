import { analyseSource } from '../analyse.ts'
import type { Config } from '../config.ts'
import type { Preview } from '../shown.ts'
import { readArticle } from '../load.ts'
import { toEntry, type Entry, type PackWriter } from './cache.ts'
import { analysisKey, sourceDigest } from './keys.ts'

/** One source to analyse, by its path as `sourcePaths` gives it, and its size when listed. */
export interface Job {
  path: string
  bytes: number
}

/** What became of a job. */
export interface Done {
  path: string
  /** The source's digest and analysis key; absent when it could not be read, or was gone. */
  digest?: string
  key?: string
  /**
   * What the source gave: its analysis, or when it could not be read, why;
   * absent when the cache already holds its entry under `key`, or it was gone.
   */
  entry?: Entry
}

/** What every job of a build needs besides its path. */
export interface WorkSettings {
  config: Config
  now: Date
  /** A preview's drafts and scheduled articles, rendered too (see `BuildRequest.preview`). */
  preview?: Preview
  /** The context (see src/engine/index.ts). */
  context: string
  /** The articles folder's real path: nothing outside it is read. */
  root: string
  /** The analysis keys of the cache entries that serve this build: a source with one of these is not analysed again. */
  known: ReadonlySet<string>
}

/**
 * Do one job, on whichever thread: read the source, and analyse it unless
 * the cache holds its analysis, appending the body to `pack`. It reads only
 * its arguments and the source, so every thread gives the same result.
 */
export function work(job: Job, settings: WorkSettings, pack: PackWriter): Done {
  const file = readArticle(job.path, settings.root)
  if (!file) return { path: job.path }
  if (file.value === undefined) return { path: job.path, entry: toEntry(file, {}, settings.context, pack) }
  const digest = sourceDigest(job.path, String(file.value))
  const key = analysisKey(settings.context, digest)
  if (settings.known.has(key)) return { path: job.path, digest, key }
  return { path: job.path, digest, key, entry: toEntry(file, analyseSource(file, settings.config, settings.now, settings.preview), settings.context, pack) }
}
