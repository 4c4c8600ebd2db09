import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { manifestFile } from '../output.ts'
import { readIndex, writeIndex, type Entry } from './cache.ts'
import { listInputs, updateInputs, type Inputs } from './inputs.ts'
import type { KeptListing } from './listing.ts'
import type { SiteAssembler, SourceResult } from '../site.ts'
import { analysisKey } from './keys.ts'
import { heapFor, startPool, type Pool } from './pool.ts'
import { readRecord, writeRecord, type BuildRecord } from './record.ts'
import type { WorkSettings } from './work.ts'

/**
 * What a watcher keeps between builds (`wirefeed serve --watch`), given to
 * each as `BuildRequest.session`. A build on its own lists every input,
 * fingerprints it, reads the last record and the cache's index from disk,
 * starts worker threads, and writes the index and the record back: at
 * 10,000 articles, most of a rebuild with one article edited. Within a
 * session, the inputs are listed once and then brought up to date from the
 * paths the watcher says changed; the record and the index stay in memory,
 * and are written back once the session has been quiet for a moment
 * (`quiet`), and when it closes; one worker thread stays up for the next
 * edit. A build in a session gives what a build on its own gives.
 */
export interface Session {
  /**
   * Paths (files or folders, relative to the working directory or absolute)
   * created, edited, replaced or removed since the last build; `all` when
   * the watcher cannot say (it lost track): the next build lists everything.
   */
  changed(paths: Iterable<string> | 'all'): void
  /** Write what the session holds to the cache, and stop its thread. */
  close(): Promise<void>
}

/** A session to give to each build of one watch. */
export function openSession(): Session {
  return new BuildSession()
}

/**
 * How long a session waits, once quiet, before writing the index and record
 * back to disk (16 MB and 9 MB at 10,000 articles: a quarter to a third of a
 * second of this thread), so that writing them does not delay the next edit
 * of an editor at work. A process killed before then leaves the cache of its
 * last quiet moment, which costs the next start some reading, never a wrong
 * build.
 */
const quiet = 5000

/**
 * Where a build finds what the last build left, and keeps what it leaves for
 * the next: on disk for a build on its own (`onDisk`), in a session's memory
 * otherwise (`BuildSession.memory`).
 */
export interface Memory {
  /** The inputs under the articles folder now. */
  inputs(): Inputs
  /** The record of the last build that wrote the output. */
  record(): BuildRecord | undefined
  /** Keep the record of a build that is about to commit; throws when it cannot (then nothing is committed). */
  keepRecord(record: BuildRecord): void
  /** The record kept is not what the output holds after all (the commit failed). */
  dropRecord(): void
  /** The output holds what the record says: this build committed it, or checked it file by file. */
  vouch(): void
  /** Whether the output may be taken to hold what `record` says without a look at each file (see `StageOptions.trusted`). */
  trusts(record: BuildRecord, out: string): boolean
  /** The cache's entries by key. */
  index(): ReadonlyMap<string, Entry>
  /** Make the cache hold exactly `entries`. */
  keepIndex(entries: ReadonlyMap<string, Entry>): void
  /** The site's files as the last build listed them (src/engine/listing.ts); none outside a session. */
  listing(): KeptListing | undefined
  /** Keep the listing of a build's site for the next build. */
  keepListing(listing: KeptListing): void
  /** The last build's site as assembled (see `KeptSite`); none outside a session. */
  site(): KeptSite | undefined
  /** Keep the assembly of a build's site for the next build. */
  keepSite(site: KeptSite): void
  /** `analysisKey` under `context`, each digest's worked out once a session (10,000 hashes a rebuild). */
  analysisKeys(context: string): (digest: string) => string
  /** A worker thread kept between builds, set to `settings`, for a build with a few jobs; none outside a session. */
  thread(settings: WorkSettings): Pool | undefined
  /** The thread `thread` lent failed: stop it; the next build starts another. */
  dropThread(): Promise<void>
}

/** A build on its own: everything read from the folders, and written back at once. */
export function onDisk(request: { articles: string; cache: string }): Memory {
  return {
    inputs: () => listInputs(request.articles),
    record: () => readRecord(request.cache),
    keepRecord: (record) => writeRecord(request.cache, record),
    dropRecord() {},
    vouch() {},
    trusts: () => false,
    index: () => readIndex(request.cache),
    keepIndex: (entries) => void writeIndex(request.cache, entries),
    listing: () => undefined,
    keepListing() {},
    site: () => undefined,
    keepSite() {},
    analysisKeys: (context) => (digest) => analysisKey(context, digest),
    thread: () => undefined,
    dropThread: async () => {},
  }
}

/**
 * The site as a session's last build assembled it: its assembler, which
 * takes again what it found when only bodies changed (`SiteAssembler`), and
 * the results it was given, by analysis key, for the next build to give
 * again the ones whose keys stand: the same objects, which is how the
 * assembler knows them, and 10,000 fewer made from the cache's entries.
 */
export interface KeptSite {
  assembler: SiteAssembler
  results: ReadonlyMap<string, SourceResult>
}

/** The places a session's memory is of: the same build asked again, or its memory is dropped. */
interface Places {
  articles: string
  cache: string
  out: string
}

export class BuildSession implements Session {
  #places: string | undefined
  #cache = ''
  #inputs: Inputs | undefined
  /** Paths changed since the inputs were listed; `all` to list again. */
  #changed = new Set<string>()
  #all = false
  #record: BuildRecord | undefined
  #recordRead = false
  /** Whether the output is as the record in memory says: the session wrote it, or checked it. */
  #vouched = false
  #index: ReadonlyMap<string, Entry> | undefined
  #listing: KeptListing | undefined
  #site: KeptSite | undefined
  /** Each source digest's analysis key under the context of the last build. */
  #keys = { context: '', byDigest: new Map<string, string>() }
  /** What is in memory but not yet on disk. */
  #unsaved = { record: false, index: false }
  #thread: Pool | undefined
  #timer: NodeJS.Timeout | undefined
  #building = false
  #closed = false
  /** Work the session does while no build runs (see `meanwhile`), which the next build and closing wait for. */
  #meanwhile: Promise<void> | undefined
  #inMeanwhile = false

  changed(paths: Iterable<string> | 'all') {
    if (paths === 'all') this.#all = true
    else for (const path of paths) this.#changed.add(path)
  }

  /**
   * The session's memory for a build of `places`: a build of other places
   * than the last one starts again from disk. No writing back while it runs.
   */
  async begin(places: Places): Promise<Memory> {
    if (this.#closed) throw new Error('this session is closed')
    // Not its own work's: that begins from within it.
    if (this.#meanwhile && !this.#inMeanwhile) await this.#meanwhile
    if (this.#building) throw new Error('a session builds one build at a time')
    this.#building = true
    clearTimeout(this.#timer)
    const key = JSON.stringify([places.articles, places.cache, places.out])
    if (key !== this.#places) {
      try {
        this.#write()
        await this.#stopThread()
      } catch (error) {
        this.#building = false
        throw error
      }
      this.#places = key
      this.#cache = places.cache
      this.#inputs = undefined
      this.#forgetCache()
    }
    return {
      inputs: () => {
        const changed = this.#changed
        this.#changed = new Set()
        const updated = this.#inputs && !this.#all ? updateInputs(places.articles, this.#inputs, changed) : undefined
        this.#all = false
        this.#inputs = updated ?? listInputs(places.articles)
        return this.#inputs
      },
      record: () => {
        if (!this.#recordRead) this.#record = readRecord(this.#cache)
        this.#recordRead = true
        return this.#record
      },
      keepRecord: (record) => {
        this.#record = record
        this.#recordRead = true
        this.#unsaved.record = true
        this.#vouched = false
      },
      dropRecord: () => {
        this.#record = undefined
        this.#recordRead = false
        this.#unsaved.record = false
        this.#vouched = false
      },
      vouch: () => {
        this.#vouched = true
      },
      trusts: (record, out) => {
        if (!this.#vouched || record !== this.#record) return false
        try {
          // Another build that changed the output since wrote another manifest.
          return readFileSync(join(out, manifestFile), 'utf8') === record.manifest
        } catch {
          return false
        }
      },
      index: () => (this.#index ??= readIndex(this.#cache)),
      keepIndex: (entries) => {
        this.#index = entries
        this.#unsaved.index = true
      },
      listing: () => this.#listing,
      keepListing: (listing) => {
        this.#listing = listing
      },
      site: () => this.#site,
      keepSite: (site) => {
        this.#site = site
      },
      analysisKeys: (context) => {
        // Only the digests the build asks for are kept for the next: an edited source's older digests go.
        const last = this.#keys.context === context ? this.#keys.byDigest : new Map<string, string>()
        const byDigest = new Map<string, string>()
        this.#keys = { context, byDigest }
        return (digest) => {
          const key = last.get(digest) ?? analysisKey(context, digest)
          byDigest.set(digest, key)
          return key
        }
      },
      thread: (settings) => {
        if (this.#thread) this.#thread.configure(settings)
        else this.#thread = startPool(1, settings, this.#cache, heapFor(this.#inputs?.sources.length ?? 0))
        return this.#thread
      },
      dropThread: () => this.#stopThread(),
    }
  }

  /**
   * The build that began is over: write back once the session is quiet, and
   * start the thread for the next build now, with `settings` until then (a
   * thread loads the whole pipeline: about a third of a second, once a
   * session rather than once an edit).
   */
  end(settings: WorkSettings | undefined) {
    this.#building = false
    if (this.#closed) return
    if (!this.#thread && settings) this.#thread = startPool(1, settings, this.#cache, heapFor(this.#inputs?.sources.length ?? 0))
    this.#timer = setTimeout(() => {
      try {
        this.#write()
      } catch {
        // Kept in memory, and tried again after the next build and on closing, which reports a failure.
      }
    }, quiet)
    // Not a reason to stay up: a process done with the session that forgot to close it may exit.
    this.#timer.unref()
  }

  /**
   * Do `work` (a build, which begins and ends as any) once the build that
   * asked for it is over, before the next: a failure only means the next
   * build does the work itself.
   */
  meanwhile(work: () => Promise<void>) {
    if (this.#closed || this.#meanwhile) return
    const done = (async () => {
      await new Promise((resolve) => setImmediate(resolve))
      if (this.#closed) return
      this.#inMeanwhile = true
      try {
        await work()
      } catch {
        // The next build starts from what the session holds, as if this had not run.
      } finally {
        this.#inMeanwhile = false
        this.#meanwhile = undefined
      }
    })()
    this.#meanwhile = done
  }

  /** The cache as this session knew it is not to be trusted (it was damaged): read it again. */
  forgetCache() {
    this.#forgetCache()
  }

  /** Write the index and the record back to the cache folder, if they changed. */
  #write() {
    if (this.#unsaved.index && this.#index) {
      // The index as written: bodies may have moved to a pack of their own (see `writeIndex`).
      this.#index = writeIndex(this.#cache, this.#index)
      this.#unsaved.index = false
    }
    if (this.#unsaved.record && this.#record) {
      writeRecord(this.#cache, this.#record)
      this.#unsaved.record = false
    }
  }

  async close() {
    if (this.#closed) return
    this.#closed = true
    // Work begun meanwhile finishes (what it keeps is written below); work not begun is not.
    await this.#meanwhile
    clearTimeout(this.#timer)
    try {
      if (!this.#building) this.#write()
    } finally {
      await this.#stopThread()
    }
  }

  async #stopThread() {
    const thread = this.#thread
    this.#thread = undefined
    await thread?.close()
  }

  #forgetCache() {
    this.#record = undefined
    this.#recordRead = false
    this.#vouched = false
    this.#index = undefined
    this.#listing = undefined
    this.#site = undefined
    this.#unsaved = { record: false, index: false }
  }
}

/** `session` as the engine knows it; a TypeError for anything else. */
export function sessionOf(session: Session): BuildSession {
  if (!(session instanceof BuildSession)) throw new TypeError('a build session must come from openSession()')
  return session
}
