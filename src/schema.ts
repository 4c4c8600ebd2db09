import { z } from 'zod'
import { calendarProblem, timePattern } from './dates.ts'
import { suggestSlug } from './slug.ts'
import { xmlSafe } from './xml-safe.ts'

/** A time as editors write it: a date, or an RFC 3339 date-time in any of its forms (see `timePattern`). */
export const when = z
  .string()
  .regex(timePattern, 'not a date or a date and time in a form we read')
  // zod runs this even when the pattern failed: `calendarProblem` says nothing about other shapes.
  .refine((value) => calendarProblem(value) === undefined, { error: (issue) => calendarProblem(String(issue.input)) })
  .describe(
    "a date (2026-01-06) or an RFC 3339 date-time (2026-01-06T09:30:00+01:00, 2026-01-06 09:30:00 +0100); a date, or a time without an offset, is read in the site's time zone",
  )

/**
 * Plain text on one line: stripped of characters no feed may carry, line
 * breaks (YAML block scalars bring them) made spaces, since readers show
 * headlines and bylines on one line and HTML would fold CR anyway.
 */
export const plainText = (max: number) =>
  z
    .string()
    .transform((value) => xmlSafe(value).replace(/\s*[\r\n]+\s*/g, ' '))
    .pipe(z.string().trim().min(1).max(max))

const text = plainText

/** The BCP 47 tags `Intl` accepts, in their canonical spelling. */
export const languageTag = z
  .string()
  .refine((tag) => {
    try {
      return Intl.getCanonicalLocales(tag)[0] === tag
    } catch {
      return false
    }
  }, 'not a canonical BCP 47 language tag')
  .describe('a BCP 47 language tag in canonical case, such as `en`, `en-GB` or `uk`')

/** An absolute URL already in the normalised form `new URL()` gives, so nothing downstream rewrites it. */
export const absoluteUrl = z
  .url({ protocol: /^https?$/ })
  // zod runs this even when `z.url()` failed: check parseability before normalising.
  .refine((value) => !URL.canParse(value) || new URL(value).href === value, {
    error: (issue) => `write it as ${new URL(String(issue.input)).href}`,
  })
  .describe('an absolute http(s) URL in normal form (lower-case host, a path, no spaces)')

/** Image extensions we know the media type of: feeds must state it. */
export const imageTypes = {
  avif: 'image/avif',
  gif: 'image/gif',
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  png: 'image/png',
  svg: 'image/svg+xml',
  webp: 'image/webp',
} as const

const imageSource = z
  .string()
  .trim()
  .min(1)
  .refine((src) => URL.canParse(src, 'https://x.invalid/'), 'not a URL or path')
  // Only web URLs: `javascript:x.png` or `data:` would otherwise reach every feed.
  .refine((src) => !URL.canParse(src, 'https://x.invalid/') || /^https?:$/.test(new URL(src, 'https://x.invalid/').protocol), 'must be a path or an http(s) URL')
  .refine((src) => {
    if (!URL.canParse(src, 'https://x.invalid/')) return true
    const extension = new URL(src, 'https://x.invalid/').pathname.split('.').pop()?.toLowerCase()
    return extension !== undefined && Object.hasOwn(imageTypes, extension)
  }, `must end in .${Object.keys(imageTypes).join(', .')}`)
  .describe('a path from the site root (/images/x.jpg) or an absolute URL, ending in a known image extension')

/**
 * A slug, the last folder of an article's URL and the end of its `tag:` id:
 * lower-case letters and digits in runs separated by single `-`, `.` or `_`
 * (`paris-summit`, `release-v0.4.10`, `my_post`). Dots and underscores stay,
 * as Hugo and Jekyll publish them; upper case never, as two URLs differing
 * only in case are one folder on macOS and Windows. RFC 3986 leaves all three
 * unreserved, and RFC 4151 allows them in a tag's specific part. Never
 * `.`, `..` or a name starting or ending with a dot (hidden, or dropped by Windows).
 * A file name gives one in lower case (`slugFromFileName`).
 */
export const slugPattern = /^[a-z0-9]+(?:[-._][a-z0-9]+)*$/

/**
 * The item's permanent id, as RFC 4151 `tag:` URIs are written
 * (`tag:news.example.org,2026-01-06:first-slug`) or any absolute URI in normal form.
 */
export const permanentId = z
  .string()
  .refine((id) => URL.canParse(id) && new URL(id).href === id, 'not an absolute URI in normal form')
  .refine((id) => /^(tag|urn|https?):/.test(id), 'must be a tag:, urn: or http(s) URI')
  .describe('a permanent URI such as `tag:news.example.org,2026-01-06:first-slug`, never changed once published')

/**
 * The most tags and bylines an article may have. Each makes feeds of its own
 * in which the article appears with all the others as categories: a few
 * thousand tags on one article made gigabytes.
 */
export const maxTags = 20
export const maxAuthors = 10

/**
 * What kind of change a `corrections` entry records. A correction fixes an
 * error and an update adds news: both make the article's `updated` time, so
 * readers see it again. A clarification adds context without changing the
 * facts: it is shown with the others but moves no time.
 */
export const correctionKinds = ['correction', 'update', 'clarification'] as const
export type CorrectionKind = (typeof correctionKinds)[number]

/**
 * The most entries `corrections` may have. Each is shown under the article
 * in every feed and on its page; a story corrected more often than this
 * needs a new article.
 */
export const maxCorrections = 20

/** One entry of `corrections`: when, what kind, and the note readers see. */
export const correction = z
  .strictObject({
    at: when,
    kind: z.enum(correctionKinds).describe('`correction`, `update` or `clarification`'),
    note: text(1000).describe('what changed, as one line of plain text, as readers should read it'),
  })
  .describe('`at`, `kind` and `note` on indented lines')

/**
 * What the feeds carry of an article (issue #20): `full`, its whole text
 * where the document carries whole texts; `summary`, only ever its teaser
 * (the standfirst and a link), for an interactive story or one for
 * subscribers. Its page shows it whole either way.
 */
export const feedPolicies = ['full', 'summary'] as const
export type FeedPolicy = (typeof feedPolicies)[number]

/**
 * Article front matter. Exported so sites can extend it.
 * Types come from it (`ArticleData`); nothing else describes an article.
 */
export const articleSchema = z.strictObject({
  title: text(300).describe('the headline as plain text'),
  summary: text(1000).describe('the standfirst as plain text'),
  author: z
    .union([text(200), z.array(text(200)).min(1).max(maxAuthors, `at most ${maxAuthors} names`)])
    .describe(`a name, or a list of at most ${maxAuthors} names`),
  date: when,
  updated: when.optional(),
  corrections: z
    .array(correction)
    .max(maxCorrections, `at most ${maxCorrections} entries`)
    .describe(
      `a list of at most ${maxCorrections} entries, each \`- at:\` (a date or date-time, not before \`date\`), \`kind:\` (\`correction\`, \`update\` or \`clarification\`) and \`note:\` (one line of plain text)`,
    )
    .optional(),
  tags: z
    .array(text(50))
    .max(maxTags, `at most ${maxTags} tags`)
    .describe(`a list of at most ${maxTags} short words or phrases (50 characters at most each)`)
    .optional(),
  section: text(50).describe('one of the config’s `sections`, exactly as it writes it').optional(),
  image: z
    .strictObject({
      src: imageSource,
      alt: text(500).describe('a description of the image for people who cannot see it'),
      caption: text(1000).describe('what the picture shows, as readers see it under it, as plain text').optional(),
      credit: text(200).describe('who made it or owns it (`Photo: Ann Lee/Agency`), as plain text').optional(),
    })
    .describe('`src` and `alt` on indented lines, and `caption` and `credit` if there are')
    .optional(),
  id: permanentId.optional(),
  slug: z
    .string()
    .regex(slugPattern, {
      error: (issue) => {
        const input = String(issue.input)
        if (slugPattern.test(input.toLowerCase())) return `write it in lower case: \`${input.toLowerCase()}\``
        const suggestion = suggestSlug(input)
        return `use lower-case letters and digits separated by single \`-\`, \`.\` or \`_\`${suggestion ? `, such as \`${suggestion}\`` : ''}`
      },
    })
    .max(100)
    .describe('lower-case letters and digits separated by single `-`, `.` or `_`, such as `paris-summit-draft` or `release-v0.4.10`')
    .optional(),
  canonical: absoluteUrl.optional(),
  draft: z.boolean().describe('`true` or `false`').optional(),
  language: languageTag.optional(),
  /** `language`'s older name, still read (src/validate.ts); giving both with different tags is an error. */
  lang: languageTag.optional(),
  translationOf: permanentId
    .describe('the `id` of the article this one translates (the original, never another translation): its own `id`, or the one wirefeed gives it, `tag:<host>,<yyyy-mm-dd>:<slug>`')
    .optional(),
  feed: z.enum(feedPolicies).describe('`full` (the whole text in feeds, the default) or `summary` (the standfirst and a link)').optional(),
})

export type ArticleData = z.infer<typeof articleSchema>
