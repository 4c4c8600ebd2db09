import type { VFile } from 'vfile'
import type { Point, Position } from 'unist'

/**
 * Every problem wirefeed reports, keyed by a rule id that never changes.
 * Each entry says what happened (`reason`) and what to do (`fix`), from the
 * details the caller passes. No "Error:" prefixes: the reporter adds severity.
 */
const catalogue = {
  'missing-front-matter': {
    reason: () => 'This article has no front matter',
    fix: () =>
      'start the file with a `---` line, the fields (title, summary, author, date), and another `---` line',
  },
  'yaml-syntax': {
    reason: (d: { detail: string }) => `The front matter is not valid YAML: ${d.detail}`,
    fix: () => 'fix the YAML at this place; quote text that contains `: ` or starts with a special character',
  },
  'not-a-map': {
    reason: () => 'The front matter must be a list of `field: value` lines',
    fix: () => 'write each field on its own line as `name: value`',
  },
  'missing-field': {
    reason: (d: { field: string }) => `Required field \`${d.field}\` is missing`,
    fix: (d: { field: string; expects: string }) => `add \`${d.field}:\` with ${d.expects}`,
  },
  'unknown-field': {
    reason: (d: { field: string; suggestion?: string }) =>
      `Unknown field \`${d.field}\`` + (d.suggestion ? `: did you mean \`${d.suggestion}\`?` : ''),
    fix: (d: { field: string; suggestion?: string; known: string }) =>
      d.suggestion
        ? `rename \`${d.field}\` to \`${d.suggestion}\``
        : `remove \`${d.field}\`; the known fields are ${d.known}`,
  },
  'invalid-field': {
    reason: (d: { field: string; detail: string }) => `\`${d.field}\` is not valid: ${d.detail}`,
    fix: (d: { field: string; expects: string }) => `make \`${d.field}\` ${d.expects}`,
  },
  'updated-before-date': {
    reason: () => '`updated` is earlier than `date`',
    fix: () => 'set `updated` to the time of the last substantive change, at or after `date`, or remove it',
  },
  'duplicate-id': {
    reason: (d: { id: string; other: string }) => `The id \`${d.id}\` is also used by ${d.other}`,
    fix: () => 'give one of the two articles its own `id`; ids must be unique forever',
  },
  'duplicate-url': {
    reason: (d: { url: string; other: string }) => `The URL ${d.url} is also used by ${d.other}`,
    fix: () => 'give one of the two articles another `slug`',
  },
  'id-changed': {
    reason: (d: { id: string; previous: string }) =>
      `This article was published with the id \`${d.previous}\` but now has \`${d.id}\`; readers would see it twice`,
    fix: (d: { previous: string }) => `add \`id: ${d.previous}\` to the front matter to keep the published id`,
  },
  'id-vanished': {
    reason: (d: { id: string; url: string }) =>
      `The published id \`${d.id}\` (${d.url}) is in no article any more`,
    fix: () =>
      'restore the article or its `id`; to withdraw it on purpose, list the id under `retracted` in the site config',
  },
  'id-moved': {
    reason: (d: { id: string; url: string; source: string }) =>
      `The id \`${d.id}\` was published for another article (${d.url}, from ${d.source}); readers would take this one for an update of it`,
    fix: () =>
      'give this article an id of its own (remove `id`, or write a new one); if it really is that article moved to another file and another URL, move it in one build and change its URL in the next',
  },
  'id-swapped': {
    reason: (d: { id: string; source: string; other: string }) =>
      `The id \`${d.id}\` was published for ${d.source}, which now has \`${d.other}\`, which was published for this file: the two articles have traded ids (were their slugs swapped?)`,
    fix: (d: { id: string; source: string; other: string }) => `give each its id back: add \`id: ${d.other}\` here and \`id: ${d.id}\` to ${d.source}`,
  },
  'id-retracted': {
    reason: (d: { id: string }) => `The id \`${d.id}\` was retracted and cannot be published again`,
    fix: () => 'give this article a new `id`, or remove the id from `retracted` in the site config',
  },
  'invalid-ledger': {
    reason: (d: { detail: string }) => `The ledger of published ids is not valid: ${d.detail}`,
    fix: () => 'restore `ledger.json` from the live site; a build never trusts a damaged ledger',
  },
  'headline-too-long': {
    reason: (d: { length: number; limit: number }) =>
      `The headline is ${d.length} characters long; readers cut it after about ${d.limit}`,
    fix: () => 'shorten the headline, keeping its news in the first words',
  },
  'summary-too-long': {
    reason: (d: { length: number; limit: number }) =>
      `The summary is ${d.length} characters long; cards and previews cut it after about ${d.limit}`,
    fix: () => 'shorten the summary to one or two sentences',
  },
  'missing-image': {
    reason: () => 'This article has no lead image; link previews and readers will show none',
    fix: () => 'add `image:` with `src` and `alt`',
  },
  'insecure-link': {
    reason: (d: { url: string }) => `The link ${d.url} uses http:, which readers may block or warn about`,
    fix: () => 'use https: if the site supports it',
  },
  'missing-image-file': {
    reason: (d: { path: string }) => `The image ${d.path} is not in the articles folder, so the site will not have it`,
    fix: (d: { path: string }) => `add the file as ${d.path} under the articles folder, or point to an image that exists`,
  },
  'malformed-image-path': {
    reason: (d: { path: string }) => `The image path ${d.path} has a \`%\` that starts no escape (such as \`%20\`), so no file can have it`,
    fix: () => 'write a percent sign as `%25`, or rename the image without one',
  },
  'invalid-svg': {
    reason: (d: { detail: string }) => `This SVG image is not well-formed XML: ${d.detail}`,
    fix: () => 'export the image again from its editor, or save it as PNG',
  },
  'unsafe-svg': {
    reason: (d: { what: string }) => `This SVG image holds ${d.what}, which would run or load when the image is opened on the site`,
    fix: () => 'remove it (most editors can export a plain SVG, or use svgo), or publish the image as PNG',
  },
  'output-clash': {
    reason: (d: { path: string; other: string; why: string }) => `This would be published as \`${d.path}\`, which clashes with ${d.other}: ${d.why}`,
    fix: () => 'give the article another `slug` or `canonical`, or the image another name',
  },
  'name-too-long': {
    reason: (d: { name: string; bytes: number; limit: number }) =>
      `This would be published under the name \`${d.name.slice(0, 40)}…\`, ${d.bytes} bytes long; file systems allow ${d.limit}`,
    fix: () => 'shorten the `slug` or `canonical`, or the file name',
  },
  'duplicate-headline': {
    reason: (d: { other: string }) => `The same headline is used by ${d.other}`,
    fix: () => 'make each headline distinct, so readers can tell the articles apart',
  },
  'import-no-date': {
    reason: () => 'No date line found in the first lines (after the headline, standfirst and author)',
    fix: (d: { formats: string }) => `put the publication date on its own line, in one of these forms: ${d.formats}`,
  },
  'import-unrecognised-header': {
    reason: (d: { count: number }) =>
      `${d.count} lines stand before the date line; expected headline, standfirst and author`,
    fix: () => 'leave only the headline, the standfirst and the author before the date line, each on its own line',
  },
  'import-no-standfirst': {
    reason: () => 'No standfirst found between the headline and the author; imported as a draft with a placeholder summary',
    fix: () => 'write the `summary` in the new article, then remove `draft: true`',
  },
  'import-no-author': {
    reason: (d: { author: string }) => `No author line found; imported as a draft by ${d.author}`,
    fix: () => 'set `author` in the new article, then remove `draft: true`',
  },
  'file-exists': {
    reason: (d: { path: string }) => `${d.path} already exists; it was left as it is`,
    fix: () => 'choose another headline, or edit the existing article',
  },
  'unreadable-file': {
    reason: (d: { detail: string }) => `This file cannot be read: ${d.detail}`,
    fix: () => 'check that the file exists and is readable',
  },
  'invalid-encoding': {
    reason: (d: { detail: string }) => `This file is not valid UTF-8 text: ${d.detail}`,
    fix: () =>
      'save the file as UTF-8 (in most editors: "Save with Encoding" → UTF-8); text pasted from old systems or Word is often Windows-1252',
  },
  'binary-file': {
    reason: (d: { detail: string }) => `This file is binary, not Markdown text: ${d.detail}`,
    fix: () =>
      'keep only Markdown articles in the articles folder: move images and documents elsewhere, or give the file its real extension',
  },
  'too-deeply-nested': {
    reason: (d: { limit: number }) => `Markup (lists, quotes, emphasis, links or HTML elements) is nested here more than ${d.limit} levels deep`,
    fix: () => 'flatten the nesting: no article needs this many levels, and readers cannot show them',
  },
  'too-slow': {
    reason: (d: { seconds: number }) => `This file took more than ${d.seconds} seconds to parse and was given up; no real article takes a tenth of that`,
    fix: () =>
      'look for a long run of brackets, `*`, `_`, `~` or backticks, or lists and quotes opened on one line, which Markdown parsers take very long over, and remove it',
  },
  'file-too-large': {
    reason: (d: { size: string; limit: string }) => `This file is ${d.size}, more than the ${d.limit} an article may be`,
    fix: () =>
      'split it into several articles, or remove what makes it large (pasted data, embedded base64 images); images belong in their own files',
  },
  'invalid-file-name': {
    reason: () => 'This name is not UTF-8 text (shown with `�` where its bytes are not), so it cannot be published at any URL',
    fix: () => 'rename it in UTF-8, as every current system names files: `convmv` does it for a whole folder',
  },
  'outside-articles': {
    reason: (d: { target: string }) => `This is a link to \`${d.target}\`, which is outside the articles folder`,
    fix: () => 'move or copy the article into the articles folder: a build reads nothing outside it',
  },
} as const

export type RuleId = keyof typeof catalogue
type Argument<F> = F extends (details: infer D) => string ? D : never
type Details<R extends RuleId> = Argument<(typeof catalogue)[R]['reason']> & Argument<(typeof catalogue)[R]['fix']>

export interface Report {
  /** Severity: errors stop the build, warnings do not. */
  severity?: 'error' | 'warning'
}

/**
 * Attach a catalogue message to `file` at `place`, with the fix in `note`.
 */
export function report<R extends RuleId>(
  file: VFile,
  ruleId: R,
  place: Point | Position | undefined,
  details: Details<R>,
  options: Report = {},
) {
  const entry = catalogue[ruleId] as {
    reason: (d: Details<R>) => string
    fix: (d: Details<R>) => string
  }
  const message = file.message(entry.reason(details), { place, ruleId, source: 'wirefeed' })
  message.note = entry.fix(details)
  message.fatal = (options.severity ?? 'error') === 'error'
  return message
}
