import { createHash } from 'node:crypto'
import type { VFile } from 'vfile'
import { configSchema, type Config } from './config.ts'
import { buildFeedModel, feedFiles } from './feeds/build.ts'
import { toAtom } from './feeds/atom.ts'
import { toJsonFeed } from './feeds/json.ts'
import { toRss } from './feeds/rss.ts'
import { checkIdentity, ledgerSchema, nextLedger, type Ledger } from './ids.ts'
import { report } from './messages.ts'
import { renderArticle } from './render.ts'
import { validateArticle, type Article } from './validate.ts'
import { validateYaml } from './yaml-data.ts'

export interface BuildOptions {
  /** The build's "now": articles dated later are embargoed. Read once, in the CLI. */
  now: Date
  /** The ledger the live site published last; `undefined` on a first build. */
  ledger?: VFile
}

export interface SiteResult {
  /** Every file that carries messages: sources, config, ledger. */
  files: VFile[]
  /** False when any message is fatal: then `output` is empty and nothing may be written. */
  ok: boolean
  /** Output path (relative to the output folder) → content. */
  output: Map<string, string>
  /** Articles in the feeds' sources this build: valid, not drafts, dated at or before `now`. */
  published: Article[]
  /** Valid articles dated after `now`, earliest first. */
  scheduled: Article[]
}

/** The site config from its YAML file, or the embedded defaults when there is none. */
export function validateConfig(file: VFile | undefined): Config | undefined {
  if (!file) return configSchema.parse({})
  if (file.messages.length > 0) return undefined
  return validateYaml(file, { text: String(file.value), offset: 0 }, configSchema)?.data
}

/**
 * Sources → validated articles → rendered articles → feeds. Pure: the caller
 * reads the files and writes `output`; nothing here touches the disk or the clock.
 */
export function buildSite(sources: VFile[], config: Config, options: BuildOptions): SiteResult {
  const files = [...sources]
  const all = sources.flatMap((file) => (file.messages.length > 0 ? [] : (validateArticle(file, config) ?? [])))
  const live = all.filter((article) => !article.draft)
  const published = live.filter((article) => article.date <= options.now)
  const scheduled = live
    .filter((article) => article.date > options.now)
    .sort((a, b) => a.date.getTime() - b.date.getTime())

  const previous = options.ledger && readLedger(options.ledger)
  if (options.ledger) files.push(options.ledger)
  files.push(...checkIdentity(all, published, config, previous))

  const ok = !files.some((file) => file.messages.some((message) => message.fatal))
  const output = new Map<string, string>()
  if (!ok) return { files, ok, output, published, scheduled }

  const model = buildFeedModel(published.map(renderArticle), config)
  output.set(feedFiles.rss, toRss(model))
  output.set(feedFiles.atom, toAtom(model))
  output.set(feedFiles.json, toJsonFeed(model))
  output.set('ledger.json', JSON.stringify(nextLedger(previous, published, config), null, 2) + '\n')
  output.set(manifestFile, JSON.stringify(manifest(output), null, 2) + '\n')
  return { files, ok, output, published, scheduled }
}

/** The manifest the publish job compares with the live one: same hash, nothing to deploy. */
export const manifestFile = 'build.json'

/** A content hash over every output file, names included, in a fixed order. No timestamps: same bytes, same hash. */
export function manifest(output: ReadonlyMap<string, string>) {
  const hash = createHash('sha256')
  for (const path of [...output.keys()].sort()) {
    if (path === manifestFile) continue
    hash.update(`${path}\0${output.get(path)}\0`)
  }
  return { version: 1, sha256: hash.digest('hex') }
}

function readLedger(file: VFile): Ledger | undefined {
  let json: unknown
  try {
    json = JSON.parse(String(file.value))
  } catch (error) {
    report(file, 'invalid-ledger', { line: 1, column: 1 }, { detail: (error as Error).message })
    return undefined
  }
  const result = ledgerSchema.safeParse(json)
  if (result.success) return result.data
  report(file, 'invalid-ledger', { line: 1, column: 1 }, { detail: result.error.issues[0]?.message ?? '' })
  return undefined
}
