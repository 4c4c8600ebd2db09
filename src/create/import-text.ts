import type { Heading, Paragraph, Root } from 'mdast'
import { DateTime } from 'luxon'
import remarkStringify from 'remark-stringify'
import { unified } from 'unified'
import type { VFile } from 'vfile'
import type { Config } from '../config.ts'
import { placeholder } from '../placeholders.ts'
import { report } from '../messages.ts'
import type { ArticleData } from '../schema.ts'
import { permanentIdFor } from '../validate.ts'
import { articleSource } from './front-matter.ts'
import { slugFromHeadline } from '../slug.ts'
import type { NewArticle } from './new-article.ts'

/** Date forms seen in wire copy, tried in order (M/D/YYYY is how our CMS exports them). */
const dateFormats = ['M/d/yyyy', 'yyyy-MM-dd', 'd MMMM yyyy', 'd MMM yyyy', 'MMMM d, yyyy', 'MMM d, yyyy', 'MMMM d yyyy']

/**
 * The reading time a CMS appends to the date line, even glued to the year
 * (`1/6/20262 min read`): it starts right after a four-digit year or a non-digit.
 */
const readingTimeSuffix = /(?<=\d{4}|\D)\s*(?:[·|•-]\s*)?\d{1,3}\s*min(?:ute)?s?\s+read$/i

/** Sub-headings are short lines without closing punctuation. */
const maxHeading = 120
const closingPunctuation = /[.!?,;:…"”’)]$/

interface Block {
  text: string
  line: number
}

const toMarkdown = unified().use(remarkStringify, { bullet: '-', emphasis: '_' })

/**
 * Turn a plain-text article laid out like our CMS exports (headline,
 * standfirst, author, a date line, then the body in paragraphs with
 * sub-headings) into an article source. What it cannot recognise is reported
 * on `file` instead of guessed; an article with any such report is imported
 * as a draft. Returns `undefined` when there is nothing sensible to write.
 */
export function importText(file: VFile, config: Config): NewArticle | undefined {
  const blocks = paragraphs(String(file.value))
  const dateIndex = blocks.slice(0, 5).findIndex((block) => parseDateline(block.text, config) !== undefined)
  if (dateIndex < 1) {
    report(file, 'import-no-date', { line: blocks[0]?.line ?? 1, column: 1 }, { formats: dateFormats.join(', ') })
    return undefined
  }
  const dateline = blocks[dateIndex] as Block
  const date = parseDateline(dateline.text, config) as string
  const header = blocks.slice(0, dateIndex)
  if (header.length > 3) {
    report(file, 'import-unrecognised-header', { line: header[3]?.line ?? 1, column: 1 }, { count: header.length })
    return undefined
  }
  const [title, second, third] = header as [Block, Block?, Block?]
  let draft = false
  // Two lines before the date are headline and author: the standfirst is the one missing.
  const standfirst = header.length === 3 ? second : undefined
  const author = header.length === 3 ? third : second
  if (!standfirst) {
    report(file, 'import-no-standfirst', { line: title.line + 1, column: 1 }, {}, { severity: 'warning' })
    draft = true
  }
  if (!author) {
    report(file, 'import-no-author', { line: dateline.line, column: 1 }, { author: config.author }, { severity: 'warning' })
    draft = true
  }

  const slug = slugFromHeadline(title.text) || `article-${date}`
  const data: ArticleData = {
    title: title.text,
    summary: standfirst?.text ?? placeholder.summary,
    author: author?.text ?? config.author,
    date,
    id: permanentIdFor(config, date, slug),
    ...(draft && { draft }),
  }
  return { path: `${date.slice(0, 4)}/${slug}.md`, text: articleSource(data, body(blocks.slice(dateIndex + 1))) }
}

/** The body as Markdown, written by remark so text that looks like syntax is escaped. */
function body(blocks: Block[]): string {
  const tree: Root = {
    type: 'root',
    children: blocks.map((block): Heading | Paragraph => {
      const children = [{ type: 'text' as const, value: block.text }]
      const isHeading = !block.text.includes('\n') && block.text.length <= maxHeading && !closingPunctuation.test(block.text)
      return isHeading ? { type: 'heading', depth: 2, children } : { type: 'paragraph', children }
    }),
  }
  return toMarkdown.stringify(tree)
}

/** The date as `yyyy-MM-dd`, or `undefined` when the line is not a date line. */
export function parseDateline(line: string, config: Config): string | undefined {
  const date = line.trim().replace(readingTimeSuffix, '').trim()
  for (const format of dateFormats) {
    const parsed = DateTime.fromFormat(date, format, { zone: config.timeZone, locale: 'en' })
    if (parsed.isValid) return parsed.toISODate() ?? undefined
  }
  return undefined
}

/** Blank-line separated blocks, trimmed, with their first line number. BOM and CRLF are normalised. */
function paragraphs(text: string): Block[] {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n')
  const blocks: Block[] = []
  let current: string[] = []
  let start = 1
  lines.forEach((line, index) => {
    if (line.trim() === '') {
      if (current.length > 0) blocks.push({ text: current.join('\n').trim(), line: start })
      current = []
    } else {
      if (current.length === 0) start = index + 1
      current.push(line.trim())
    }
  })
  if (current.length > 0) blocks.push({ text: current.join('\n').trim(), line: start })
  return blocks
}
