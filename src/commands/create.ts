import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { VFile } from 'vfile'
import type { Options } from '../cli/flags.ts'
import type { Io } from '../cli/io.ts'
import type { Config } from '../config.ts'
import { postArticle, readPost, type Post } from '../create/import-markdown.ts'
import { importText } from '../create/import-text.ts'
import { newArticle, type NewArticle } from '../create/new-article.ts'
import { idRuleOf, matchItems, readOldFeed, type OldFeed } from '../create/old-feed.ts'
import { frontMatterFormat } from '../create/old-front-matter.ts'
import { postsIn } from '../create/post-files.ts'
import { report } from '../messages.ts'
import { formatReport, problemsOf } from '../report.ts'

/** new: write a draft skeleton for a headline; never overwrites. */
export async function newCommand(config: Config, options: Options, io: Io): Promise<number> {
  const headline = options.operands[0]?.trim() ?? ''
  if (headline === '') {
    io.stderr('wirefeed: the headline is empty; write it in quotes: wirefeed new "Headline".\n')
    return 2
  }
  const file = new VFile({ path: '<headline>' })
  const written = await create(newArticle(headline, config, options.now), file, options)
  io.stderr(formatReport(problemsOf([file]), 'text', { color: options.color }))
  if (!written) return 1
  if (!options.quiet) io.stdout(`Created ${written} (a draft: remove \`draft: true\` to publish).\n`)
  return 0
}

/**
 * import: turn plain-text exports and Markdown posts (files, or folders
 * walked for them) into articles; with `--feed`, posts keep the ids and URLs
 * the old site's feed gave them. Reports what was not recognised or skipped;
 * exit 1 if any file failed.
 */
export async function importCommand(config: Config, options: Options, io: Io): Promise<number> {
  const files: VFile[] = []
  const print = () => io.stderr(formatReport(problemsOf(files), 'text', { color: options.color }))
  let feed: OldFeed | undefined
  if (options.feed !== undefined) {
    const file = await readInto(options.feed, files)
    feed = file.messages.length === 0 ? readOldFeed(file) : undefined
    // Without the ids it was asked to keep, importing would publish every post again: nothing is written.
    if (!feed) {
      print()
      return 1
    }
  }
  const pending: Array<{ file: VFile; post: Post } | { file: VFile; article: NewArticle }> = []
  for (const { path, walked } of await sourcesOf(options.operands, files)) {
    const file = await readInto(path, files)
    if (file.messages.length > 0) continue
    const isPost = frontMatterFormat(String(file.value)) !== undefined
    if (walked && !isPost) {
      report(file, 'import-skipped', undefined, { why: 'no front matter, so not a post of the old site' }, { severity: 'warning' })
      continue
    }
    const made = isPost ? { post: readPost(file, config, { walked }) } : { article: importText(file, config) }
    if (made.post) pending.push({ file, post: made.post })
    else if (made.article) pending.push({ file, article: made.article })
  }
  const posts = pending.flatMap((entry) => ('post' in entry ? [entry.post] : []))
  const items = feed ? matchItems(feed, posts.map((post) => post.wanted), config.timeZone) : []
  const rule = feed && idRuleOf(feed)
  for (const entry of pending) {
    const article = 'article' in entry ? entry.article : postArticle(entry.post, config, feed && { item: items[posts.indexOf(entry.post)], rule })
    const written = await create(article, entry.file, options)
    if (written && !options.quiet) io.stdout(`imported  ${entry.file.path}  →  ${written}${article.text.includes('\ndraft: true\n') ? '  (draft)' : ''}\n`)
  }
  print()
  // A file failed when it has an error: it was not imported (a skipped one has a warning).
  return files.some((file) => file.messages.some((message) => message.fatal)) ? 1 : 0
}

/** A file read into a VFile (added to `files`), or carrying why it could not be. */
async function readInto(path: string, files: VFile[]): Promise<VFile> {
  const file = new VFile({ path })
  files.push(file)
  try {
    file.value = await readFile(path, 'utf8')
  } catch (error) {
    report(file, 'unreadable-file', undefined, { detail: (error as Error).message })
  }
  return file
}

/**
 * The files to import: each file operand, and the posts under each folder
 * operand (`postsIn`), once each. What a folder holds besides is reported
 * as skipped, on a VFile added to `files`.
 */
async function sourcesOf(operands: readonly string[], files: VFile[]): Promise<Array<{ path: string; walked: boolean }>> {
  const sources = new Map<string, { path: string; walked: boolean }>()
  for (const operand of operands) {
    const isFolder = await stat(operand).then((info) => info.isDirectory(), () => false)
    if (!isFolder) {
      if (!sources.has(resolve(operand))) sources.set(resolve(operand), { path: operand, walked: false })
      continue
    }
    const entries = await readdir(operand, { recursive: true, withFileTypes: true })
    const paths = entries.filter((entry) => entry.isFile()).map((entry) => relative(operand, join(entry.parentPath, entry.name)).split(sep).join('/'))
    const listing = postsIn(paths)
    for (const path of listing.posts) {
      const full = join(operand, path)
      if (!sources.has(resolve(full))) sources.set(resolve(full), { path: full, walked: true })
    }
    for (const { path, why } of listing.skipped) {
      const file = new VFile({ path: join(operand, path) })
      report(file, 'import-skipped', undefined, { why }, { severity: 'warning' })
      files.push(file)
    }
    if (listing.others > 0) {
      const file = new VFile({ path: operand })
      report(file, 'import-files-left', undefined, { count: listing.others }, { severity: 'warning' })
      files.push(file)
    }
  }
  return [...sources.values()]
}

/** Write an article under the articles folder unless the path is taken; the path written, or undefined. */
async function create(article: NewArticle, file: VFile, options: Options): Promise<string | undefined> {
  const path = join(options.articles, article.path)
  await mkdir(dirname(path), { recursive: true })
  try {
    // `wx`: fail if it exists, atomically, instead of checking first and racing.
    await writeFile(path, article.text, { flag: 'wx' })
    return path
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    report(file, 'file-exists', { line: 1, column: 1 }, { path })
    return undefined
  }
}
