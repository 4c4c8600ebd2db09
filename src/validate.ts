import { createHash } from 'node:crypto'
import type { Root } from 'mdast'
import type { Node, Point, Position } from 'unist'
import { EXIT, visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import type { Config } from './config.ts'
import { calendarDate, toInstant } from './dates.ts'
import { report } from './messages.ts'
import { parseSource } from './parse.ts'
import { articleSchema, slugPattern, type ArticleData, type CorrectionKind, type FeedPolicy } from './schema.ts'
import { fileNameProblem, slugFromFileName, suggestSlug } from './slug.ts'
import { nearestName } from './suggest.ts'
import { validateYaml } from './yaml-data.ts'
import type { ImageInfo } from './image-info.ts'

/**
 * An article whose front matter passed the schema, with everything derived
 * from it resolved: plain data, and the source file its messages go on.
 */
export interface Article {
  file: VFile
  id: string
  slug: string
  /** Public URL: the site's own, or `canonical`. */
  url: string
  title: string
  summary: string
  authors: string[]
  date: Date
  /**
   * When the article last changed in a way readers are told of: its newest
   * `corrections` entry of kind `correction` or `update`, or an explicit
   * `updated` (never earlier than that entry). Absent when neither is.
   */
  updated?: Date
  /** Its `corrections`, oldest first (entries at the same time as written); absent when there are none. */
  corrections?: Correction[]
  /** The body's `bodyDigest`: how the ledger notices a published text that changed without a correction. */
  bodyDigest: string
  tags: string[]
  /** One of the config's `sections`, exactly as it writes it; absent when the article names none. */
  section?: string
  image?: LeadImage
  /** Its language (front matter `language`, or its older name `lang`), else the site's. */
  lang: string
  /** The id of the original this article translates (src/translations.ts checks it across articles). */
  translationOf?: string
  draft: boolean
  /** What feeds carry of it: `summary` keeps its body out of every feed, archive and partner file. */
  feed: FeedPolicy
  /** The body's images: absolute URL and place in the source. */
  images: { url: string; place?: Position }[]
  /** Where each front-matter field's value is, for messages about it. */
  places: Partial<Record<keyof ArticleData, Position>>
}

/**
 * The lead image as front matter gives it: plain text but the URL, which is
 * absolute. And, once the site knows the file (src/site.ts), what its bytes
 * say of it: its size, type and length.
 */
export interface LeadImage {
  url: string
  alt: string
  caption?: string
  credit?: string
  info?: ImageInfo
}

/**
 * A `corrections` entry as readers see it. Plain data that survives JSON (the
 * cache stores articles as JSON): `at` is an ISO 8601 instant in UTC, as
 * `Date#toISOString` writes it.
 */
export interface Correction {
  at: string
  kind: CorrectionKind
  /** One line of plain text. */
  note: string
}

/** Whether an entry of this kind moves the article's `updated` time: a clarification does not. */
export function movesUpdated(kind: CorrectionKind): boolean {
  return kind !== 'clarification'
}

/**
 * A stable digest of a Markdown body: the SHA-256, in hex, of its text with
 * line endings made LF, trailing spaces cut from each line and blank lines
 * cut from both ends. So an editor that saves with CRLF, or trims spaces,
 * changes nothing; any other edit, a comma included, changes it.
 */
export function bodyDigest(markdown: string): string {
  const normalised = markdown.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').replace(/^\n+|\n+$/g, '')
  return createHash('sha256').update(normalised).digest('hex')
}

/**
 * The id an article gets when it has none: an RFC 4151 `tag:` URI whose
 * authority and date pin it to this site and to first publication. Any slug
 * fits its specific part as it is: `-`, `.` and `_` are unreserved (RFC 4151 §2.1).
 */
export function permanentIdFor(config: Config, day: string, slug: string) {
  return `tag:${new URL(config.url).hostname},${day}:${slug}`
}

/**
 * How deep markup may nest: lists, quotes, emphasis, links and raw HTML
 * elements alike, each level of the Markdown tree counted. Rendering and
 * writing HTML recurse once or more per level, and the stack runs out
 * somewhere past a thousand, at a depth that differs between the main thread
 * and a worker: one fixed limit, well below, makes every build reject the
 * same sources, with a message at the place instead of a crash. 256 lists
 * nested in each other are 513 levels (a list and its item each, then the
 * paragraph), within it.
 */
export const maxNesting = 600

/** `parseSource`, refusing a body nested deeper than `maxNesting` (or too deep to parse at all). */
function parseNested(file: VFile) {
  const limit = maxNesting
  try {
    const parsed = parseSource(file)
    const too = tooDeep(parsed.tree, limit) ?? tooDeepHtml(file, parsed.tree, limit)
    if (too) {
      report(file, 'too-deeply-nested', too, { limit })
      return undefined
    }
    return parsed
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    report(file, 'too-deeply-nested', { line: 1, column: 1 }, { limit })
    return undefined
  }
}

/** Where `tree` first nests deeper than `limit`, or undefined. Depth first with an explicit stack: the check must not recurse itself. */
function tooDeep(tree: Root, limit: number): Point | undefined {
  const stack: Array<[Node, number]> = [[tree, 0]]
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [node, depth] = item
    if (depth > limit) return node.position?.start ?? { line: 1, column: 1 }
    if ('children' in node) for (const child of node.children as Node[]) stack.push([child, depth + 1])
  }
  return undefined
}

/** Elements HTML never nests anything in: they have no closing tag. */
const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr'])

/**
 * Where the raw HTML of `tree`, taken in document order as one document (as
 * rehype-raw takes it), first nests deeper than `limit`, counting start and
 * end tags; or undefined. It can only count higher than the elements really
 * nest, never lower: a start tag HTML closes on its own (`<p>`) counts as open.
 */
function tooDeepHtml(file: VFile, tree: Root, limit: number): Point | undefined {
  if (!String(file.value).includes('<')) return undefined
  let depth = 0
  let found: Point | undefined
  visit(tree, 'html', (node) => {
    for (const [, end, name = ''] of node.value.matchAll(/<(\/?)([A-Za-z][\w-]*)[^>]*>/g)) {
      if (end) depth = Math.max(0, depth - 1)
      else if (!voidElements.has(name.toLowerCase())) depth++
      if (depth > limit) {
        found = node.position?.start ?? { line: 1, column: 1 }
        return EXIT
      }
    }
    return undefined
  })
  return found
}

/** The Markdown body of `file` as written: everything from its first node after the front matter. */
function bodyText(file: VFile, tree: Root): string {
  const start = tree.children[0]?.position?.start.offset
  return start === undefined ? '' : String(file.value).slice(start)
}

/**
 * Whether `name` is one of the config's `sections`; if not, an error at the
 * value: a misspelt section would otherwise make a section of its own, with
 * no place in the site's list of them.
 */
function knownSection(file: VFile, name: string, sections: readonly string[], place: Position | undefined): boolean {
  if (sections.includes(name)) return true
  if (sections.length === 0) {
    report(file, 'no-sections', place, { name })
    return false
  }
  const suggestion = nearestName(name, sections)
  report(file, 'unknown-section', place, { name, known: sections.map((section) => `\`${section}\``).join(', '), ...(suggestion !== undefined && { suggestion }) })
  return false
}

/** A valid article and its body, the Markdown tree with positions true to the source file. */
export interface ValidArticle {
  article: Article
  tree: Root
}

/**
 * Validate one source file against the article schema and resolve its
 * derived fields. Every problem is reported on `file`; `undefined` then.
 */
export function validateArticle(file: VFile, config: Config): ValidArticle | undefined {
  const parsed = parseNested(file)
  if (!parsed) return undefined
  const { tree, frontMatter } = parsed
  if (!frontMatter) {
    report(file, 'missing-front-matter', { line: 1, column: 1 }, {})
    return undefined
  }
  const result = validateYaml(file, frontMatter, articleSchema)
  if (!result) return undefined
  const { data, locate } = result

  const date = toInstant(data.date, config.timeZone)
  const explicit = data.updated === undefined ? undefined : toInstant(data.updated, config.timeZone)
  if (explicit && explicit < date) {
    report(file, 'updated-before-date', locate(['updated']), {})
    return undefined
  }
  const entries = (data.corrections ?? []).map((entry, index) => ({ ...entry, index, instant: toInstant(entry.at, config.timeZone) }))
  const early = entries.filter((entry) => entry.instant < date)
  for (const entry of early) report(file, 'correction-before-date', locate(['corrections', entry.index, 'at']), {})
  if (early.length > 0) return undefined
  // The newest entry that moves the update time; the first written of those at the same time.
  const newest = entries.filter((entry) => movesUpdated(entry.kind)).reduce<(typeof entries)[number] | undefined>(
    (found, entry) => (found === undefined || entry.instant > found.instant ? entry : found),
    undefined,
  )
  if (explicit && newest && explicit < newest.instant) {
    report(file, 'updated-before-correction', locate(['updated']), { at: newest.at })
    return undefined
  }
  if (data.section !== undefined && !knownSection(file, data.section, config.sections, locate(['section']))) return undefined
  const updated = explicit ?? newest?.instant
  const corrections = entries
    .sort((a, b) => a.instant.getTime() - b.instant.getTime() || a.index - b.index)
    .map((entry): Correction => ({ at: entry.instant.toISOString(), kind: entry.kind, note: entry.note }))

  // An explicit `slug` passed the schema; a file name must give one (see `slugPattern`).
  const named = slugFromFileName(file.path)
  const slug = data.slug ?? named.slug
  if (!slugPattern.test(slug)) {
    const suggestion = suggestSlug(named.name)
    report(file, 'invalid-field', locate([]), {
      field: 'slug',
      detail: `the file name \`${named.name}${named.extension}\` gives no slug, as ${fileNameProblem(named.name) ?? 'it is not URL-safe'}`,
      expects: suggestion
        ? `explicit: add \`slug: ${suggestion}\`, or rename the file \`${suggestion}${named.extension}\``
        : 'explicit, with lower-case letters and digits separated by single `-`, `.` or `_`, or rename the file to such a name',
    })
    return undefined
  }
  if (data.language !== undefined && data.lang !== undefined && data.language !== data.lang) {
    report(file, 'conflicting-language', locate(['lang']), { language: data.language, lang: data.lang })
    return undefined
  }
  const site = new URL(config.url)
  const { year, month, day } = calendarDate(date, config.timeZone)
  const url = data.canonical ?? new URL(`${year}/${month}/${slug}/`, site).href
  const images: Article['images'] = []
  // An image is written `![`, which no reference can stand for: without one, there is none to look for.
  if (String(file.value).includes('![')) {
    visit(tree, 'image', (node) => {
      if (URL.canParse(node.url, url)) images.push({ url: new URL(node.url, url).href, place: node.position })
    })
  }

  const article: Article = {
    file,
    id: data.id ?? permanentIdFor(config, day, slug),
    slug,
    url,
    images,
    title: data.title,
    summary: data.summary,
    authors: typeof data.author === 'string' ? [data.author] : data.author,
    date,
    ...(updated && { updated }),
    ...(corrections.length > 0 && { corrections }),
    bodyDigest: bodyDigest(bodyText(file, tree)),
    tags: data.tags ?? [],
    ...(data.section !== undefined && { section: data.section }),
    ...(data.image && {
      image: {
        url: new URL(data.image.src, site).href,
        alt: data.image.alt,
        ...(data.image.caption !== undefined && { caption: data.image.caption }),
        ...(data.image.credit !== undefined && { credit: data.image.credit }),
      },
    }),
    lang: data.language ?? data.lang ?? config.language,
    ...(data.translationOf !== undefined && { translationOf: data.translationOf }),
    draft: data.draft ?? false,
    feed: data.feed ?? 'full',
    places: Object.fromEntries(
      Object.keys(data).map((key) => [key, locate([key])]),
    ) as Article['places'],
  }
  return { article, tree }
}
