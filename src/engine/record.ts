import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Entry } from './cache.ts'
import type { WrittenFile } from './commit.ts'
import type { ImageInfo } from '../image-info.ts'

/** What a build reported, to report again when the next one finds nothing changed. */
export interface BuildSummary {
  published: number
  drafts: number
  scheduled: { file: string; goesLive: string }[]
}

/** The last build that wrote the output: what it read, what it wrote, and what it reported. */
export interface BuildRecord {
  version: 6
  /** The build's "now": a build at an earlier one may publish less, so finds nothing to replay. */
  now: string
  /**
   * When its output changes though no input does (an article leaves the news
   * sitemap, see `Site.changesAt`): a build at or after it finds nothing to
   * replay. Absent when nothing ages out.
   */
  changesAt?: string
  /**
   * The quick keys of its inputs (see src/engine/index.ts), one for each ledger
   * the next build may be guarded by: the one this build was (none, for a local
   * build), and the one it wrote (which a publish fetches from the live site).
   * One equal, and nothing need be read.
   */
  quick: string[]
  /** The inputs keys, the same way: one equal, and nothing need be made. */
  inputs: string[]
  /** The manifest it wrote (see src/engine/commit.ts). */
  manifest: string
  /** Every file the output held, as the writer left it: a deleted, added or edited one means the output no longer stands. */
  written: [path: string, file: WrittenFile][]
  /**
   * Each source and image it read: its fingerprint and its digest, and of an
   * image what its bytes say (its size and type, `null` if none), so the next
   * build need not read it again.
   */
  sources: [path: string, fingerprint: string, digest: string, info?: ImageInfo | null][]
  summary: BuildSummary
  /** The messages of each file that had any. */
  files: { path: string; messages: Entry['messages'] }[]
}

const recordFile = 'last-build.json'

/** The record in the cache folder `dir`; none when there is none, or it is not one this code wrote. */
export function readRecord(dir: string): BuildRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(join(dir, recordFile), 'utf8')) as BuildRecord
    return record?.version === 6 && [record.quick, record.inputs, record.files, record.written, record.sources, record.summary?.scheduled].every(Array.isArray) ? record : undefined
  } catch {
    return undefined
  }
}

/** Write the record, under a temporary name and renamed, so a reader sees this record or the last. */
export function writeRecord(dir: string, record: BuildRecord) {
  mkdirSync(dir, { recursive: true })
  const temporary = join(dir, `${recordFile}.${process.pid}`)
  writeFileSync(temporary, JSON.stringify(record))
  renameSync(temporary, join(dir, recordFile))
}
