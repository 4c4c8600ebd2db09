import { posix } from 'node:path'
import type { Paragraph, Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import type { Position } from 'unist'
import type { VFile } from 'vfile'
import { location } from 'vfile-location'
import { z } from 'zod'
import type { Config } from '../config.ts'
import { calendarDate, toInstant } from '../dates.ts'
import { limits } from '../lint.ts'
import { report } from '../messages.ts'
import { outputPathFor } from '../pages/urls.ts'
import { absoluteUrl, articleSchema, maxTags, permanentId, type ArticleData } from '../schema.ts'
import { slugFromHeadline, suggestSlug } from '../slug.ts'
import { permanentIdFor } from '../validate.ts'
import { findBuildSyntax } from './body-syntax.ts'
import { articleSource } from './front-matter.ts'
import {
  conventions,
  readDate,
  readFlag,
  readImage,
  readNames,
  readText,
  readTexts,
  readWords,
  type Convention,
  type Read,
} from './front-matter-keys.ts'
import type { NewArticle } from './new-article.ts'
import { comparableLink, type IdRule, type OldItem, type Wanted } from './old-feed.ts'
import { readOldFrontMatter, type OldEntry } from './old-front-matter.ts'
import { postExtension } from './post-files.ts'

/** A Markdown post read and mapped to wirefeed's fields, waiting for its id and URL, which the old feed may give. */
export interface Post {
  file: VFile
  /** The new file is `<year>/<slug>.md`. */
  slug: string
  data: Omit<ArticleData, 'id' | 'canonical'>
  body: string
  /** The old URL its front matter gives (absolute), and the key that gives it. */
  oldUrl?: { url: string; key: string; place: Position | undefined }
  /** Whether the old site published it, so its feed may have had it. */
  wasPublished: boolean
  /** What the old feed is searched for. */
  wanted: Wanted
}

/** What the old feed says of a post: its item, if it had one, and how it made ids. */
export interface FromOldFeed {
  item: OldItem | undefined
  rule: IdRule | undefined
}

const top = { line: 1, column: 1 }
const parser = unified().use(remarkParse)

/**
 * A Markdown post of a Jekyll, Hugo, Eleventy, Astro or Zola site, mapped to
 * wirefeed's fields (`conventions` says which keys give which). Every key it
 * does not use, and every piece of the body only the old build understood,
 * is reported on `file` at its place; a post with build syntax in its body,
 * or without a summary, becomes a draft. `undefined` when it has no usable
 * headline or date (errors reported), or, found in a folder (`walked`), is
 * no post at all (a warning).
 */
export function readPost(file: VFile, config: Config, options: { walked?: boolean } = {}): Post | undefined {
  const front = readOldFrontMatter(file)
  if (!front) return undefined
  const used = new Set<OldEntry>()
  const keysOf = (convention: Convention) => {
    const names: readonly string[] = conventions[convention].map((name) => name.toLowerCase())
    return front.entries
      .filter((entry) => names.includes(entry.key.toLowerCase()))
      .sort((a, b) => names.indexOf(a.key.toLowerCase()) - names.indexOf(b.key.toLowerCase()))
  }
  /** The first key of `convention` whose value `read` takes; the others are reported, unusable ones with `instead`. */
  const take = <T>(convention: Convention, field: string, read: (value: unknown) => Read<T>, instead = 'it was left out', severity: 'warning' | 'error' = 'warning') => {
    let taken: { value: T; entry: OldEntry } | undefined
    for (const entry of keysOf(convention)) {
      used.add(entry)
      if (taken) {
        report(file, 'import-unmapped-key', entry.place, { key: entry.key, why: `\`${field}\` comes from \`${taken.entry.key}\`` }, { severity: 'warning' })
        continue
      }
      const result = read(entry.value)
      if ('value' in result) taken = { value: result.value, entry }
      else report(file, 'import-value-unusable', entry.place, { key: entry.key, field, detail: result.problem, instead, expects: expects(field) }, { severity })
    }
    return taken
  }
  const fromName = /^(\d{4}-\d\d-\d\d)-/.exec(stemOf(file.path))?.[1]
  // Found in a folder, a page with neither headline nor date (Zola's `template = "latest.html"`) is the site's, not a post.
  if (options.walked && keysOf('title').length === 0 && keysOf('date').length === 0 && !fromName) {
    report(file, 'import-skipped', undefined, { why: 'a page of the site, not a post (it has no title and no date)' }, { severity: 'warning' })
    return undefined
  }
  const title = take('title', 'title', (value) => then(readText(value), (text) => fits('title', text)), 'the post cannot be imported without a headline', 'error')
  if (!title && keysOf('title').length === 0) report(file, 'missing-field', top, { field: 'title', expects: expects('title') })

  const url = take('url', 'canonical', (value) => oldUrl(value, config))
  const fromUrl = url && /\/(\d{4})\/(\d\d)\/(\d\d)\//.exec(url.value)?.slice(1, 4).join('-')
  const fallback = fromName ? { date: fromName, from: 'the file name' } : fromUrl ? { date: fromUrl, from: `\`${url?.entry.key}\`` } : undefined
  const taken = take('date', 'date', readDate, fallback ? `the date in ${fallback.from}, ${fallback.date}, was used` : 'the post cannot be imported without a date', fallback ? 'warning' : 'error')
  const date = taken?.value ?? fallback?.date
  if (!date && keysOf('date').length === 0) report(file, 'missing-field', top, { field: 'date', expects: expects('date') })

  const { body, tree, markers, built, pointAt } = readBody(file, front.bodyStart)
  let draft = built
  let summary = take('summary', 'summary', (value) => then(readText(value), (text) => fits('summary', text)))?.value
  const excerpt = summary === undefined && markers[0] ? fits('summary', plainText(parser.parse(body.slice(0, markers[0].start)))) : undefined
  if (excerpt && 'value' in excerpt) summary = excerpt.value
  for (const [index, marker] of markers.entries()) {
    report(file, 'import-more-marker', pointAt(marker.start), { summary: index === 0 && excerpt !== undefined && 'value' in excerpt }, { severity: 'warning' })
  }
  if (summary === undefined) {
    const first = plainText({ type: 'root', children: tree.children.filter((node): node is Paragraph => node.type === 'paragraph').slice(0, 1) })
    summary = cut(first) || (title?.value ?? '')
    report(file, 'import-no-summary', top, { keys: conventions.summary.map((key) => `\`${key}\``).join(', '), from: first ? 'its first paragraph' : 'its headline' }, { severity: 'warning' })
    draft = true
  }

  const names = take('author', 'author', (value) => then(readNames(value), (read) => then(fits('author', read.names), () => ({ value: read }))))
  if (names?.value.rewritten) {
    report(file, 'import-byline-read', names.entry.place, { byline: String(names.entry.value).replace(/\s+/g, ' ').trim(), names: names.value.names.join('; ') }, { severity: 'warning' })
  }
  if (!names) report(file, 'import-default-author', top, { author: config.author }, { severity: 'warning' })

  const tags = allTags(file, keysOf('tags'), used)

  const updatedAt = take('updated', 'updated', readDate)
  let updated = updatedAt?.value
  if (updated && date && toInstant(updated, config.timeZone) <= toInstant(date, config.timeZone)) {
    report(file, 'import-unmapped-key', updatedAt?.entry.place, { key: updatedAt?.entry.key ?? 'updated', why: 'it is not after the date, so it says nothing' }, { severity: 'warning' })
    updated = undefined
  }

  const old = take('draft', 'draft', readFlag)
  const wasDraft = old ? (old.entry.key.toLowerCase() === 'published' ? !old.value : old.value) : false
  draft ||= wasDraft

  const image = take('image', 'image', readImage)
  const lead = image && leadImage(file, image.entry, image.value)
  const lang = take('lang', 'lang', (value) => then(readText(value), (text) => fits('lang', text)))?.value
  const slug = take('slug', 'slug', (value) =>
    then(readText(value), (text) => (suggestSlug(text) === '' ? { problem: 'nothing URL-safe can be made of it' } : { value: suggestSlug(text) })),
  )
  for (const entry of keysOf('aliases')) {
    used.add(entry)
    reportAliases(file, entry)
  }
  for (const entry of front.entries) if (!used.has(entry)) reportUnmapped(file, entry)
  if (!title || !date) return undefined

  const data: Post['data'] = {
    title: title.value,
    summary,
    author: names ? (names.value.names.length === 1 ? (names.value.names[0] as string) : names.value.names) : config.author,
    date,
    ...(updated && { updated }),
    ...(tags.length > 0 && { tags }),
    ...(lead && { image: lead }),
    ...(lang && { lang }),
    ...(draft && { draft }),
  }
  const name = slug ? slug.value : suggestSlug(stemOf(file.path).replace(/^\d{4}-\d\d-\d\d-/, ''))
  return {
    file,
    slug: name || slugFromHeadline(title.value) || `article-${date.slice(0, 10)}`,
    data,
    body: withoutMarkers(body, markers).replace(/\r\n?/g, '\n'),
    ...(url && { oldUrl: { url: url.value, key: url.entry.key, place: url.entry.place } }),
    wasPublished: !wasDraft,
    wanted: { ...(url && { url: url.value }), title: title.value, date },
  }
}

/**
 * The body as written (offsets in it are the file's less `bodyStart`), and
 * what only the old site's build understood in it, reported at its place:
 * whether there is any (`built`: the post must be a draft) and the excerpt markers.
 */
function readBody(file: VFile, bodyStart: number) {
  const body = String(file.value).slice(bodyStart)
  const tree = parser.parse(body)
  const toPoint = location(file).toPoint
  const pointAt = (offset: number) => toPoint(bodyStart + offset)
  const found = findBuildSyntax(body, tree, postExtension(file.path ?? '') === '.mdx')
  for (const item of found) {
    const place = pointAt(item.start)
    const tag = item.text.length > 60 ? `${item.text.slice(0, 59).replace(/\s+/g, ' ')}…` : item.text.replace(/\s+/g, ' ')
    if (item.kind === 'template') report(file, 'import-template-tag', place, { tag }, { severity: 'warning' })
    if (item.kind === 'shortcode') report(file, 'import-shortcode', place, { tag }, { severity: 'warning' })
    if (item.kind === 'mdx') report(file, 'import-mdx', place, { tag }, { severity: 'warning' })
  }
  return { body, tree, pointAt, markers: found.filter((item) => item.kind === 'more'), built: found.some((item) => item.kind !== 'more') }
}

/** Old URLs (`aliases`, `redirect_from`): one each reported, as wirefeed gives an article one URL. */
function reportAliases(file: VFile, entry: OldEntry) {
  const read = readTexts(entry.value)
  for (const alias of 'value' in read ? read.value : [String(entry.value)]) {
    const details = { url: alias, why: 'wirefeed publishes each article at one URL', fix: "make your web host redirect it to the article's URL" }
    report(file, 'import-url-not-kept', entry.place, details, { severity: 'warning' })
  }
}

/** A key wirefeed has no field for, reported with what it holds. */
function reportUnmapped(file: VFile, entry: OldEntry) {
  const inner = entry.value && typeof entry.value === 'object' && !Array.isArray(entry.value) ? Object.keys(entry.value) : []
  const why = `wirefeed has no such field${inner.length > 0 ? ` (it holds ${inner.map((key) => `\`${key}\``).join(', ')})` : ''}`
  report(file, 'import-unmapped-key', entry.place, { key: entry.key, why }, { severity: 'warning' })
}

/**
 * The article source for a post: the old feed's id for it when the feed had
 * it, else (for a post the old site published) the id the feed's rule gives
 * its old URL, else a new `tag:` id; and its old URL kept as `canonical`
 * when the site can serve it there. What cannot be kept is reported.
 */
export function postArticle(post: Post, config: Config, old?: FromOldFeed): NewArticle {
  const { file, slug, data } = post
  const { year, month, day } = calendarDate(toInstant(data.date, config.timeZone), config.timeZone)
  const own = new URL(`${year}/${month}/${slug}/`, config.url).href
  const link = old?.item?.link
  if (link && post.oldUrl && comparableLink(link) !== comparableLink(post.oldUrl.url)) {
    report(file, 'import-url-not-kept', post.oldUrl.place, {
      url: post.oldUrl.url,
      why: `the old feed links to ${link}, which is kept instead`,
      fix: "make your web host redirect it to the article's URL",
    }, { severity: 'warning' })
  }
  const kept = link ?? post.oldUrl?.url
  const canonical = kept === undefined ? undefined : keptUrl(file, kept, own, config, link ? top : post.oldUrl?.place)

  const fresh = permanentIdFor(config, day, slug)
  let id = fresh
  if (old?.item?.id) {
    const usable = permanentId.safeParse(old.item.id)
    if (usable.success) id = old.item.id
    else report(file, 'import-feed-id-unusable', top, { id: old.item.id, detail: usable.error.issues[0]?.message ?? 'not a URI', instead: fresh }, { severity: 'warning' })
  } else if (old && post.wasPublished) {
    const derived = kept && old.rule ? old.rule.id(kept) : undefined
    const usable = derived !== undefined && permanentId.safeParse(derived).success
    if (usable) id = derived
    report(file, 'import-not-in-feed', top, { id, how: usable ? ` (${old.rule?.how})` : '' }, { severity: 'warning' })
  }
  const { draft, lang, ...rest } = data
  const article: ArticleData = { ...rest, id, ...(canonical && { canonical }), ...(lang && { lang }), ...(draft && { draft }) }
  return { path: `${year}/${slug}.md`, text: articleSource(article, post.body) }
}

/**
 * `url` as `canonical` if the site serves it: under the site's address, at a
 * folder or `.html` URL; nothing when it is the URL wirefeed gives the
 * article anyway (`own`). Anything else is reported, and not kept.
 */
function keptUrl(file: VFile, url: string, own: string, config: Config, place: Position | { line: number; column: number } | undefined): string | undefined {
  const normal = URL.canParse(url) ? new URL(url).href : url
  if (comparableLink(normal) === comparableLink(own)) return undefined
  const notKept = (why: string, fix: string) => {
    report(file, 'import-url-not-kept', place, { url, why, fix }, { severity: 'warning' })
    return undefined
  }
  if (!normal.startsWith(config.url)) {
    return notKept(
      `it is not under the site's address, ${config.url}; the article will be at ${own}`,
      "to keep the old URLs, set `url` in the site config to the old site's address before importing; else make the old site redirect to the new URLs",
    )
  }
  if (outputPathFor(normal, config.url) === undefined || !absoluteUrl.safeParse(normal).success) {
    return notKept(
      `wirefeed publishes pages at folder URLs (ending in \`/\`) and \`.html\` files only; the article will be at ${own}`,
      "make your web host redirect the old URL to the article's URL",
    )
  }
  return normal
}

/** Every tag of every tag key, in order, once each (without regard to case); what the schema refuses is reported. */
function allTags(file: VFile, entries: readonly OldEntry[], used: Set<OldEntry>): string[] {
  const tags: string[] = []
  for (const entry of entries) {
    used.add(entry)
    const read = readWords(entry.value)
    if (!('value' in read)) {
      report(file, 'import-value-unusable', entry.place, { key: entry.key, field: 'tags', detail: read.problem, instead: 'it was left out', expects: expects('tags') }, { severity: 'warning' })
      continue
    }
    for (const tag of read.value) {
      const fitting = fits('tags', [tag])
      if (!('value' in fitting)) {
        report(file, 'import-value-unusable', entry.place, { key: entry.key, field: 'tags', detail: `\`${tag}\`: ${fitting.problem}`, instead: 'that tag was left out', expects: expects('tags') }, { severity: 'warning' })
      } else if (!tags.some((known) => known.toLowerCase() === tag.toLowerCase())) tags.push(tag)
    }
  }
  const limit = maxTags
  if (tags.length > limit) {
    const last = entries.at(-1)
    report(file, 'import-value-unusable', last?.place, { key: last?.key ?? 'tags', field: 'tags', detail: `${tags.length} tags`, instead: `the first ${limit} were kept`, expects: expects('tags') }, { severity: 'warning' })
  }
  return tags.slice(0, limit)
}

/** The lead image as the schema takes it, or `undefined` with the reason reported: wirefeed needs its alt text and a URL it can publish. */
function leadImage(file: VFile, entry: OldEntry, image: { src: string; alt?: string }): { src: string; alt: string } | undefined {
  const notKept = (why: string) => {
    report(file, 'import-image-not-kept', entry.place, { key: entry.key, why }, { severity: 'warning' })
    return undefined
  }
  // `./x.png`, `x.png`, `@/assets/x.png`: a path the old build resolved from the post's folder or an alias, not a URL.
  if (!/^(?:\/|https?:\/\/)/.test(image.src)) return notKept(`\`${image.src}\` is a path the old site's build resolved, not a URL path`)
  if (!image.alt) return notKept(`\`${image.src}\` has no alt text, which wirefeed needs for readers who cannot see it`)
  const checked = fits('image', { src: image.src, alt: image.alt })
  return 'value' in checked ? (checked.value as { src: string; alt: string }) : notKept(checked.problem)
}

/** An old URL as written in front matter, absolute: a relative one (Zola's `path`) is relative to the site and names a folder. */
function oldUrl(value: unknown, config: Config): Read<string> {
  const read = readText(value)
  if (!('value' in read)) return read
  if (/(^|\/):[a-z_]+|\{\{/.test(read.value)) return { problem: `\`${read.value}\` is a pattern for URLs, not one URL` }
  const relative = !/^[a-z][a-z0-9+.-]*:/i.test(read.value) && !read.value.startsWith('/')
  // Zola's `path = "2015/05/15/Rust-1.0"` is a folder: its last part may hold dots, but is no file.
  const text = relative && !/\.html?$|\/$/i.test(read.value) ? `${read.value}/` : read.value
  return URL.canParse(text, config.url) ? { value: new URL(text, config.url).href } : { problem: `\`${read.value}\` is not a URL` }
}

type Shape = typeof articleSchema.shape

/** `read`'s problem, or what `next` makes of its value. */
function then<A, B>(read: Read<A>, next: (value: A) => Read<B>): Read<B> {
  return 'value' in read ? next(read.value) : read
}

/** `value` as the article schema's `field` gives it back, or the schema's first complaint. */
function fits<K extends keyof Shape>(field: K, value: unknown): Read<z.output<Shape[K]>> {
  const result = articleSchema.shape[field].safeParse(value)
  return result.success ? { value: result.data as z.output<Shape[K]> } : { problem: result.error.issues[0]?.message ?? 'not valid' }
}

/** What the schema says `field` takes, for a fix. */
function expects(field: string): string {
  let schema: z.ZodType | undefined = articleSchema.shape[field as keyof Shape]
  while (schema && !schema.description && schema instanceof z.ZodOptional) schema = schema.unwrap() as z.ZodType
  return schema?.description ?? 'a valid value'
}

/** The post's name: its file's without the extension, or for a page bundle's `index` file, its folder's. */
function stemOf(path: string | undefined): string {
  const file = posix.basename(path ?? '')
  const stem = file.slice(0, file.length - (postExtension(file)?.length ?? 0))
  return stem === 'index' ? posix.basename(posix.dirname(path ?? '')) : stem
}

/** The text of a tree's paragraphs, one space between them. */
function plainText(tree: Root): string {
  return tree.children
    .filter((node) => node.type === 'paragraph')
    .map((node) => toString(node, { includeHtml: false }).replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join(' ')
}

/** `text` cut at a word to the length cards show (`limits.summary`), with an ellipsis when cut. */
function cut(text: string): string {
  if (text.length <= limits.summary) return text
  const part = text.slice(0, limits.summary)
  return `${part.slice(0, part.lastIndexOf(' ') > 0 ? part.lastIndexOf(' ') : limits.summary - 1)}…`
}

/** The body without its excerpt markers, a marker alone on its line taking the line with it. */
function withoutMarkers(body: string, markers: ReadonlyArray<{ start: number; end: number }>): string {
  let result = body
  for (const { start, end } of [...markers].reverse()) {
    const after = /^\r?\n|^$/.exec(body.slice(end))?.[0]
    const alone = (start === 0 || body[start - 1] === '\n') && after !== undefined
    result = result.slice(0, start) + result.slice(end + (alone ? (after?.length ?? 0) : 0))
  }
  return result.replace(/^\s*\n/, '')
}
