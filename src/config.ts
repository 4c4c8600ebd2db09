import { VFile } from 'vfile'
import { z } from 'zod'
import type { Author } from './authors.ts'
import { report } from './messages.ts'
import { absoluteUrl, languageTag, permanentId, plainText, when } from './schema.ts'
import { siteImagePath, siteImagesOf, type ImageRead, type SiteImageKind, type SiteImageProblem, type SiteImages } from './site-images.ts'
import { stringsProblems, stringsSchema, type StringsProblem } from './strings/index.ts'
import { validateYaml, type Locate } from './yaml-data.ts'

/** A time zone Intl knows, such as `Europe/Kyiv` or `UTC`. */
const timeZone = z
  .string()
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone })
      return true
    } catch {
      return false
    }
  }, 'not an IANA time zone')
  .describe('an IANA time zone name such as `Europe/Paris` or `UTC`')

/**
 * The config's fields, each checked alone. The YAML file is validated with
 * these, and what only fields together show (`stringsProblems`) is reported
 * after, each with its own rule at its own node.
 */
const configFields = z.strictObject({
  title: z.string().trim().min(1).default('wirefeed').describe('the site name as plain text'),
  description: z
    .string()
    .trim()
    .min(1)
    .default('News from the wirefeed newsroom')
    .describe('one sentence about the site, as plain text'),
  url: absoluteUrl
    .refine((url) => url.endsWith('/'), 'must end with `/`')
    .default('https://wirefeed.example.org/')
    .describe('the absolute URL the site is published at, ending with `/`'),
  language: languageTag.default('en'),
  timeZone: timeZone.default('UTC'),
  author: z.string().trim().min(1).default('wirefeed newsroom').describe('the default byline for new articles'),
  feedItems: z
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(50)
    .describe('a whole number from 1 to 1000: how many items each feed holds'),
  // 512 KiB: the strictest cap we know of a reader that fetches feeds for others (FeedBurner refuses a source
  // feed over 512K; Google News takes 2 MB, most readers 1 MB), so the site's feeds pass every one (issue #20).
  feedBytes: z
    .number()
    .int()
    .min(16384)
    .default(524288)
    .describe(
      'a whole number of bytes, at least 16384: the most the site’s feed.xml, atom.xml and feed.json may weigh; the newest items that fit are kept, whole',
    ),
  archives: z
    .enum(['teasers', 'full'])
    .default('teasers')
    .describe(
      '`teasers` (headline, standfirst and a link) or `full` (the whole text, about three times the size): what the monthly archive feeds carry',
    ),
  siteSizeLimit: z
    .number()
    .int()
    .min(1)
    .default(1024)
    .describe('a whole number of megabytes: the most the built site may weigh (GitHub Pages publishes at most 1 GB)'),
  copyright: z.string().trim().min(1).optional().describe('the copyright line, as plain text'),
  hub: absoluteUrl
    .optional()
    .describe('the absolute URL of a WebSub hub, such as https://pubsubhubbub.appspot.com/'),
  // A plain id is the form of earlier versions: withdrawn with no date, so no tombstone (src/site.ts `retractionsOf`).
  retracted: z
    .array(
      z.preprocess(
        (entry) => (typeof entry === 'string' ? { id: entry } : entry),
        z.strictObject({
          id: permanentId,
          at: when.optional(),
          reason: plainText(1000).optional().describe('why it was withdrawn, as one line of plain text'),
        }),
      ),
    )
    .default([])
    .describe(
      'a list of published ids withdrawn on purpose, each `- id:`, `at:` (when, a date or date-time) and `reason:` (one line of plain text), or an id alone',
    ),
  profiles: z
    .record(
      z
        .string()
        .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a profile’s name is part of its URL')
        .describe('a slug: lower-case letters, digits and single hyphens, such as `google-news`'),
      z.strictObject({
        maxBytes: z.number().int().min(16384).describe('a whole number of bytes, at least 16384: the most the document may weigh'),
        maxItems: z.number().int().min(1).max(1000).default(100).describe('a whole number from 1 to 1000: the most items it holds'),
        minItems: z
          .number()
          .int()
          .min(0)
          .max(1000)
          .default(1)
          .describe('a whole number from 0 to 1000: fewer items than this fitting in `maxBytes` is an error'),
        content: z.enum(['full', 'summary']).default('full').describe('`full` (each article whole) or `summary` (its standfirst and a link)'),
        format: z.enum(['rss', 'atom', 'json']).default('rss').describe('`rss`, `atom` or `json`'),
      }),
    )
    .default({})
    .describe('feeds for partners by name, each `maxBytes`, `maxItems`, `minItems`, `content` and `format`, written to `partners/<name>/`'),
  // Names, not slugs: an article's `section` is one of them exactly as written (src/validate.ts); pages list them in this order.
  sections: z
    .array(plainText(50).describe('a name as plain text, 50 characters at most'))
    .superRefine((names, context) => {
      names.forEach((name, index) => {
        const first = names.indexOf(name)
        if (first < index) context.addIssue({ code: 'custom', path: [index], message: `\`${name}\` is already section ${first + 1}` })
      })
    })
    .default([])
    .describe('a list of the site’s sections by name, such as `[World, Business, Sport]`, each given once'),
  icon: siteImagePath('icon').optional(),
  logo: siteImagePath('logo').optional(),
  strings: stringsSchema
    .optional()
    .describe('the interface texts in the site’s language, by key (the README lists them), each as plain text'),
})

/**
 * The site config: one YAML file at the project root. Every field has a
 * default, so a fresh clone builds without touching it; but a `language`
 * wirefeed has no interface strings for needs them all under `strings`.
 */
export const configSchema = configFields.superRefine((config, context) => {
  // Only over fields that are valid each alone: a `language` Intl refuses has its own message.
  if (context.issues.length > 0) return
  for (const problem of stringsProblems(config.language, config.strings)) {
    context.addIssue({ code: 'custom', path: problem.path, message: sentence(problem) })
  }
})

/**
 * The config as a build uses it: the file's fields; the cron of the
 * project's publish workflow when it has one (src/feeds/polling.ts), which
 * whoever reads the config adds (src/api.ts `readConfig`): the workflow, not
 * the config, is the one record of when the site changes; the authors'
 * register (`authors.yaml` beside it, src/authors.ts) when there is one; and
 * its `icon` and `logo` as read from their files (`siteImages`,
 * src/site-images.ts), which whoever reads the config adds too: their sizes
 * are part of the config, so a build whose icon changed size is made again.
 */
export type Config = z.output<typeof configSchema> & { schedule?: string; siteImages?: SiteImages; authors?: Author[] }
export type ConfigInput = z.input<typeof configSchema>

/** The file name looked for at the project root. */
export const configFileName = 'wirefeed.config.yaml'

/** Resolve config input (possibly empty) into settings with every default applied. */
export function resolveConfig(input: ConfigInput = {}): Config {
  return configSchema.parse(input)
}

/**
 * The site config from its YAML file, or the embedded defaults when there is
 * none. With `readImage` (what reads a file in the articles folder), its
 * `icon` and `logo` are read and checked too, each problem at its value.
 */
export function validateConfig(file: VFile | undefined, readImage?: (path: string) => ImageRead): Config | undefined {
  if (!file) return configSchema.parse({})
  if (file.messages.length > 0) return undefined
  const valid = validateYaml(file, { text: String(file.value), offset: 0 }, configFields)
  if (!valid) return undefined
  const problems = stringsProblems(valid.data.language, valid.data.strings)
  for (const problem of problems) reportProblem(file, problem, valid.locate)
  if (problems.length > 0) return undefined
  if (!readImage || (valid.data.icon === undefined && valid.data.logo === undefined)) return valid.data
  let failed = false
  const siteImages = siteImagesOf(valid.data, valid.data.url, readImage, (kind, problem) => {
    failed = true
    reportImageProblem(file, problem, valid.locate([kind]))
  })
  return failed ? undefined : { ...valid.data, siteImages }
}

/** An icon's or logo's problem on `file` at `place`, or (with no place) as the one sentence a config given as data gets. */
export function reportImageProblem(file: VFile, problem: SiteImageProblem, place: ReturnType<Locate>) {
  switch (problem.rule) {
    case 'missing-site-image':
      return report(file, problem.rule, place, problem.details)
    case 'invalid-site-image':
      return report(file, problem.rule, place, problem.details)
    case 'icon-not-square':
      return report(file, problem.rule, place, problem.details)
    case 'icon-too-small':
      return report(file, problem.rule, place, problem.details)
    case 'logo-not-wide':
      return report(file, problem.rule, place, problem.details)
  }
}

/** The `icon` and `logo` of a config given as data, read and checked; the first problem as a sentence with its fix. */
export function siteImagesOfData(config: Config, readImage: (path: string) => ImageRead): SiteImages | string {
  const found: Array<[SiteImageKind, SiteImageProblem]> = []
  const images = siteImagesOf(config, config.url, readImage, (kind, problem) => found.push([kind, problem]))
  const [first] = found
  if (!first) return images
  const message = reportImageProblem(new VFile(), first[1], undefined)
  return `\`${first[0]}\`: ${message.reason}; ${message.note ?? ''}`
}

function reportProblem(file: VFile, problem: StringsProblem, locate: Locate) {
  const place = locate(problem.path, problem.key)
  switch (problem.rule) {
    case 'missing-strings':
      return report(file, problem.rule, place, problem.details)
    case 'missing-field':
      return report(file, problem.rule, place, problem.details)
    case 'unknown-field':
      return report(file, problem.rule, place, problem.details)
  }
}

/** A problem as one sentence, with its fix, for a config given as an object (the API), which has no places. */
function sentence(problem: StringsProblem): string {
  const file = new VFile()
  const message = reportProblem(file, problem, () => undefined)
  return `${message.reason}; ${message.note ?? ''}`
}
