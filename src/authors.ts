import type { VFile } from 'vfile'
import { z } from 'zod'
import { report } from './messages.ts'
import { nearestName } from './suggest.ts'
import type { Position } from 'unist'
import { validateYaml } from './yaml-data.ts'

/** The authors' register's file, beside the site config. Optional: without it, a byline is a name and nothing more. */
export const authorsFileName = 'authors.yaml'

const webUrl = z.url({ protocol: /^https?$/, hostname: z.regexes.domain })

const authorSchema = z.strictObject({
  /** The byline, exactly as articles write it. */
  name: z.string().trim().min(1).describe('the name exactly as bylines write it'),
  /** The last part of the author's page and feeds' folder (`authors/<slug>/`), instead of the one made from the name. */
  slug: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a slug is lower-case letters and digits between single hyphens')
    .optional()
    .describe('lower-case letters and digits between single hyphens, such as `ann-writer`'),
  /** Plain text, shown on the author's page. */
  bio: z.string().trim().min(1).optional().describe('a sentence or two about the author, as plain text'),
  /** The author's own page: Atom `author/uri`, JSON Feed `authors[].url`, JSON-LD `Person.url`. */
  url: webUrl.optional().describe('an https: or http: URL'),
  /** A picture of the author: JSON Feed `authors[].avatar`, JSON-LD `Person.image`, the author's page. */
  avatar: webUrl.optional().describe('an https: or http: URL of an image'),
  /** The author's profiles elsewhere (JSON-LD `Person.sameAs`). */
  sameAs: z.array(webUrl).optional().describe('a list of https: or http: URLs'),
})

/** `authors.yaml`: `authors:`, a list of people. */
export const authorsSchema = z.strictObject({ authors: z.array(authorSchema).describe('a list of authors, each with at least `name`') })

export type Author = z.output<typeof authorSchema>

/**
 * The register from its file, each problem reported on it at its place
 * (src/yaml-data.ts), as the config's are; a name or slug given twice is
 * an error at the second. `undefined` when there is any problem.
 */
export function validateAuthors(file: VFile): Author[] | undefined {
  if (file.messages.length > 0) return undefined
  const valid = validateYaml(file, { text: String(file.value), offset: 0 }, authorsSchema)
  if (!valid) return undefined
  const seen = new Map<string, number>()
  valid.data.authors.forEach((author, index) => {
    for (const [field, value] of [['name', author.name], ['slug', author.slug]] as const) {
      if (value === undefined) continue
      const first = seen.get(`${field}\0${value}`)
      if (first === undefined) seen.set(`${field}\0${value}`, index)
      else report(file, 'duplicate-author', valid.locate(['authors', index, field]), { field, value, first: first + 1 })
    }
  })
  return file.messages.some((message) => message.fatal) ? undefined : valid.data.authors
}

/** The register by name; empty without one. */
export function registerOf(authors: readonly Author[] | undefined): ReadonlyMap<string, Author> {
  return new Map((authors ?? []).map((author) => [author.name, author]))
}

/** What the check needs of an article (src/validate.ts `Article`): its file, bylines and where they are written. */
interface Byline {
  file: VFile
  authors: readonly string[]
  places: { author?: Position | undefined }
}

/**
 * A warning on each byline the register does not name, once a register
 * exists: a misspelt byline would otherwise make a second author, with a
 * page and feeds of its own. It suggests the nearest registered name.
 */
export function lintBylines(articles: readonly Byline[], authors: readonly Author[] | undefined) {
  if (authors === undefined) return
  const names = authors.map((author) => author.name)
  const known = new Set(names)
  for (const article of articles) {
    for (const name of new Set(article.authors)) {
      if (known.has(name)) continue
      const suggestion = nearestName(name, names)
      report(article.file, 'unknown-author', article.places.author, { name, ...(suggestion !== undefined && { suggestion }) }, { severity: 'warning' })
    }
  }
}
