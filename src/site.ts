import { createHash } from 'node:crypto'
import type { VFile } from 'vfile'
import { configSchema, type Config } from './config.ts'
import { buildFeedModel, feedFiles } from './feeds/build.ts'
import { toAtom } from './feeds/atom.ts'
import { toJsonFeed } from './feeds/json.ts'
import { toRss } from './feeds/rss.ts'
import { lintArticles } from './lint.ts'
import { checkIdentity, ledgerSchema, nextLedger, type Ledger } from './ids.ts'
import { report } from './messages.ts'
import { renderArticle } from './render.ts'
import { withFeedView } from './pages/feed-view.ts'
import { pageFiles } from './pages/site-pages.ts'
import { validateArticle, type Article } from './validate.ts'
import { validateYaml } from './yaml-data.ts'
import { widgetFiles } from './widget/widget-files.ts'

export interface BuildOptions {
  /** The build's "now": articles dated later are embargoed. Read once, in the CLI. */
  now: Date
  /** The ledger the live site published last; `undefined` on a first build. */
  ledger?: VFile
  /** Called after each article is rendered, the slow part, for a progress display. */
  onProgress?: (done: number, total: number) => void
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
  /** Valid articles marked `draft: true`, in source order. */
  drafts: Article[]
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

  // An unreadable ledger already carries its error; reading it again would add a second, vaguer one.
  const previous = options.ledger && options.ledger.messages.length === 0 ? readLedger(options.ledger) : undefined
  if (options.ledger) files.push(options.ledger)
  files.push(...checkIdentity(all, published, config, previous))
  lintArticles(all)
  const drafts = all.filter((article) => article.draft)

  const ok = !files.some((file) => file.messages.some((message) => message.fatal))
  const output = new Map<string, string>()
  if (!ok) return { files, ok, output, published, scheduled, drafts }

  const rendered = published.map((article, index) => {
    const result = renderArticle(article)
    options.onProgress?.(index + 1, published.length)
    return result
  })
  const model = buildFeedModel(rendered, config)
  output.set(feedFiles.rss, withFeedView(toRss(model), 'rss'))
  output.set(feedFiles.atom, withFeedView(toAtom(model), 'atom'))
  output.set(feedFiles.json, toJsonFeed(model))
  // What people see: the pages, and the partner headlines.
  for (const files of [pageFiles(rendered, model, config), widgetFiles(model, config)]) {
    for (const [path, content] of files) output.set(path, content)
  }
  output.set('ledger.json', JSON.stringify(nextLedger(previous, published, config), null, 2) + '\n')
  output.set(manifestFile, JSON.stringify(manifest(output), null, 2) + '\n')
  return { files, ok, output, published, scheduled, drafts }
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
