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
    reason: (d: { what: 'front matter' | 'file'; detail: string }) => `The ${d.what} is not valid YAML: ${d.detail}`,
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
  'missing-strings': {
    reason: (d: { language: string; keys: string; count: number }) =>
      `There are no built-in interface strings for \`${d.language}\`, and \`strings\` lacks ${d.count === 1 ? 'this one' : `these ${d.count}`}: ${d.keys}`,
    fix: (d: { builtIn: string }) =>
      `add each under \`strings:\` as the site's readers should read it (the README lists every key with its English text), or set \`language\` to one wirefeed has strings for: ${d.builtIn}`,
  },
  'updated-before-date': {
    reason: () => '`updated` is earlier than `date`',
    fix: () => 'set `updated` to the time of the last substantive change, at or after `date`, or remove it',
  },
  'correction-before-date': {
    reason: () => 'This `corrections` entry is dated before the article’s `date`',
    fix: () => 'set its `at` to when the article was changed, at or after `date`',
  },
  'updated-before-correction': {
    reason: (d: { at: string }) => `\`updated\` is earlier than the newest correction or update (${d.at})`,
    fix: () => 'remove `updated`: the newest `corrections` entry of kind `correction` or `update` sets the update time; or set `updated` to that time or later',
  },
  'silent-change': {
    reason: () => 'The text of this published article changed since it was last published, and no `corrections` entry records it',
    fix: () =>
      'if readers should know (a fact, a name, a number), add a `corrections` entry with `at`, `kind` (`correction` or `update`) and `note`; a typo fixed needs nothing, and this warning goes once the change is published',
  },
  'conflicting-language': {
    reason: (d: { language: string; lang: string }) => `\`language\` says \`${d.language}\` and \`lang\`, its older name, says \`${d.lang}\``,
    fix: () => 'keep `language` alone, with the tag of the language the article is written in',
  },
  'translation-unknown': {
    reason: (d: { id: string; suggestion?: string }) =>
      `\`translationOf\` names \`${d.id}\`, which no article has` + (d.suggestion ? `: did you mean \`${d.suggestion}\`?` : ''),
    fix: (d: { suggestion?: string }) =>
      d.suggestion ? `write \`translationOf: ${d.suggestion}\`` : 'write the `id` of the original article (its own `id`, or the one wirefeed gives it, `tag:<host>,<yyyy-mm-dd>:<slug>`), or remove `translationOf`',
  },
  'translation-same-language': {
    reason: (d: { language: string; other: string }) => `This article and the one it translates (${d.other}) are both in \`${d.language}\``,
    fix: () => 'set `language` to the language this translation is written in, or remove `translationOf` if it is not a translation',
  },
  'translation-chain': {
    reason: (d: { other: string; original: string }) => `\`translationOf\` names ${d.other}, which is itself a translation of \`${d.original}\``,
    fix: (d: { original: string }) => `point every translation at the original: \`translationOf: ${d.original}\``,
  },
  'translation-duplicate-language': {
    reason: (d: { language: string; other: string }) => `The original already has a translation in \`${d.language}\`: ${d.other}`,
    fix: () => 'keep one translation per language: remove `translationOf` from one of the two, or correct its `language`',
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
    fix: (d: { id: string }) =>
      `renamed or moved the file? add \`id: ${d.id}\` to its front matter; deleted or re-drafted it by mistake? restore it; withdrawing it on purpose? list the id under \`retracted\` in the site config`,
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
  'placeholder-text': {
    reason: (d: { field: string }) => `The ${d.field} is still the placeholder \`wirefeed new\` wrote; it would be published as it is`,
    fix: (d: { field: string }) => `write the ${d.field}, or put back \`draft: true\` until it is written`,
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
  'not-an-image': {
    reason: (d: { path: string }) => `The lead image ${d.path} is not an image: its bytes are of no type the site publishes`,
    fix: () => 'save it again as JPEG, PNG, GIF, WebP or AVIF (a page or a document saved under an image’s name will not show), or point to another image',
  },
  'narrow-lead-image': {
    reason: (d: { path: string; width: number; min: number }) => `The lead image ${d.path} is ${d.width} pixels wide, less than ${d.min}`,
    fix: (d: { min: number }) =>
      `use one at least ${d.min} pixels wide: Google Discover shows large cards only for such images, and Microsoft Start asks for ${d.min} × 624 promos`,
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
  'duplicate-author': {
    reason: (d: { field: 'name' | 'slug'; value: string; first: number }) => `The ${d.field} \`${d.value}\` is already that of author ${d.first} in the register`,
    fix: (d: { field: 'name' | 'slug' }) => (d.field === 'name' ? 'give each author once, with every field under the one entry' : 'give each author a slug of their own'),
  },
  'unknown-author': {
    reason: (d: { name: string; suggestion?: string }) =>
      `The byline \`${d.name}\` is not in authors.yaml` + (d.suggestion ? `: did you mean \`${d.suggestion}\`?` : ''),
    fix: (d: { name: string; suggestion?: string }) =>
      d.suggestion
        ? `write \`${d.suggestion}\` if it is the same person, or add \`${d.name}\` to authors.yaml; as it is, they get a page and feeds of their own`
        : `add \`${d.name}\` to authors.yaml, so their byline links to their page with their bio`,
  },
  'unknown-section': {
    reason: (d: { name: string; suggestion?: string }) =>
      `The section \`${d.name}\` is not one of the config’s \`sections\`` + (d.suggestion ? `: did you mean \`${d.suggestion}\`?` : ''),
    fix: (d: { name: string; suggestion?: string; known: string }) =>
      d.suggestion
        ? `write \`${d.suggestion}\``
        : `write one of ${d.known}, or add \`${d.name}\` to \`sections:\` in wirefeed.config.yaml`,
  },
  'no-sections': {
    reason: (d: { name: string }) => `The section \`${d.name}\` is not one of the site’s: the config lists no \`sections\``,
    fix: (d: { name: string }) => `add \`sections:\` to wirefeed.config.yaml with the site’s sections (such as \`sections: [${d.name}]\`), or remove \`section\``,
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
  'import-skipped': {
    reason: (d: { why: string }) => `Not imported: ${d.why}`,
    fix: () => 'nothing to do if this is not an article; if it is, name the file itself on the command line',
  },
  'import-files-left': {
    reason: (d: { count: number }) => `${d.count} ${d.count === 1 ? 'file' : 'files'} here ${d.count === 1 ? 'is' : 'are'} not Markdown (images, data, scripts) and ${d.count === 1 ? 'was' : 'were'} not imported`,
    fix: () => "copy the images the posts show into the articles folder, at the path of each article's URL, so they are published beside it",
  },
  'toml-syntax': {
    reason: (d: { detail: string }) => `The front matter is not valid TOML: ${d.detail}`,
    fix: () => 'fix the TOML at this place; quote text with `"`, and write one `key = value` per line',
  },
  'import-unmapped-key': {
    reason: (d: { key: string; why: string }) => `\`${d.key}\` was left out: ${d.why}`,
    fix: () => 'if it matters, carry it over into the new article by hand (into the body, or a field wirefeed has)',
  },
  'import-value-unusable': {
    reason: (d: { key: string; field: string; detail: string; instead: string }) =>
      `\`${d.key}\` cannot be used${d.key === d.field ? '' : ` as \`${d.field}\``}: ${d.detail}; ${d.instead}`,
    fix: (d: { field: string; expects: string }) => `check \`${d.field}\` in the new article: it takes ${d.expects}`,
  },
  'import-no-summary': {
    reason: (d: { keys: string; from: string }) => `No summary (none of ${d.keys}); imported as a draft with ${d.from} as its summary`,
    fix: () => 'write the `summary` in the new article (one or two sentences), then remove `draft: true`',
  },
  'import-default-author': {
    reason: (d: { author: string }) => `No \`author\` or \`authors\`; the site's author (${d.author}) was set`,
    fix: () => 'set `author` in the new article if someone else wrote it',
  },
  'import-byline-read': {
    reason: (d: { byline: string; names: string }) => `The byline \`${d.byline}\` was read as ${d.names}`,
    fix: () => 'check `author` in the new article: links in a byline are not kept, and names are split at commas and "and"',
  },
  'import-template-tag': {
    reason: (d: { tag: string }) =>
      `\`${d.tag}\` is a template tag (Liquid, Nunjucks or Tera) that the old site ran and wirefeed shows as text; imported as a draft`,
    fix: () => 'replace it with the Markdown or HTML it made on the old site (or remove it), then remove `draft: true`',
  },
  'import-shortcode': {
    reason: (d: { tag: string }) => `\`${d.tag}\` is a Hugo shortcode, which wirefeed shows as text; imported as a draft`,
    fix: () => 'replace it with the Markdown or HTML it made on the old site (an image, a figure, a note), then remove `draft: true`',
  },
  'import-mdx': {
    reason: (d: { tag: string }) => `\`${d.tag}\` is MDX (an import or a component), which wirefeed shows as text or drops; imported as a draft`,
    fix: () => 'replace components with the Markdown or HTML they made on the old site, remove imports and exports, then remove `draft: true`',
  },
  'import-more-marker': {
    reason: (d: { summary: boolean }) =>
      `The excerpt marker was removed${d.summary ? '; the text before it became the summary' : ''}: in wirefeed the teaser is the \`summary\``,
    fix: () => 'check the `summary` in the new article',
  },
  'import-url-not-kept': {
    reason: (d: { url: string; why: string }) => `The old URL ${d.url} is not kept: ${d.why}`,
    fix: (d: { fix: string }) => d.fix,
  },
  'import-image-not-kept': {
    reason: (d: { key: string; why: string }) => `The lead image in \`${d.key}\` was left out: ${d.why}`,
    fix: () => 'add `image:` with `src` (a path from the site root or an https URL) and `alt` to the new article',
  },
  'import-not-in-feed': {
    reason: (d: { id: string; how: string }) => `Not found in the old feed; given the id \`${d.id}\`${d.how}`,
    fix: () => 'if the old site published it under another id, set that as `id` in the new article before the first build, or readers see it twice',
  },
  'import-feed-item-left': {
    reason: (d: { title: string; id: string }) => `In the old feed, not imported: "${d.title}" (${d.id})`,
    fix: () => 'import its file too; readers keep it from the old feed either way',
  },
  'import-feed-id-unusable': {
    reason: (d: { id: string; detail: string; instead: string }) =>
      `The old feed's id \`${d.id}\` for this article cannot be a wirefeed id (${d.detail}); it gets \`${d.instead}\`, so readers may see it twice`,
    fix: () => 'nothing wirefeed can do: ids must be absolute URIs in normal form; tell readers the feed moved',
  },
  'import-feed-unreadable': {
    reason: (d: { detail: string }) => `The old feed cannot be read as RSS, Atom or JSON Feed: ${d.detail}`,
    fix: () => 'give the feed file exactly as the old site published it (save it from the browser, or from the old build output)',
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
  'feed-budget': {
    reason: (d: { kept: number; candidates: number; budget: string }) =>
      `This feed holds ${d.kept} of its ${d.candidates} newest articles: the next would take it past its budget of ${d.budget} (\`feedBytes\`)`,
    fix: () =>
      'nothing, if the newest that fit are enough; raise `feedBytes` if every service that fetches the feed takes more, or give the longest articles `feed: summary`',
  },
  'profile-too-small': {
    reason: (d: { name: string; kept: number; minItems: number; budget: string }) =>
      `The partner profile \`${d.name}\` holds ${d.kept} ${d.kept === 1 ? 'article' : 'articles'}, fewer than its \`minItems\` (${d.minItems}): no more fit in its \`maxBytes\` of ${d.budget}`,
    fix: (d: { name: string }) =>
      `run \`wirefeed check --profile ${d.name}\` to see each article's size; raise its \`maxBytes\` if the partner takes more, give it \`content: summary\`, or lower \`minItems\``,
  },
  'missing-site-image': {
    reason: (d: { field: string; path: string }) => `The \`${d.field}\` file \`articles/${d.path}\` does not exist`,
    fix: (d: { field: string }) =>
      `put the image in the articles folder and name it from the site root (\`images/${d.field}.png\` for \`articles/images/${d.field}.png\`), or remove \`${d.field}\``,
  },
  'invalid-site-image': {
    reason: (d: { field: string; detail: string }) => `The \`${d.field}\` cannot be used: ${d.detail}`,
    fix: (d: { field: string; types: string }) => `save the ${d.field} as ${d.types}, or remove \`${d.field}\``,
  },
  'icon-not-square': {
    reason: (d: { width: number; height: number }) => `The \`icon\` is ${d.width} × ${d.height} pixels, not square`,
    fix: () => 'crop it square: readers, browsers and phones show it in a square, and would stretch or cut it; a wide image is the `logo`',
  },
  'icon-too-small': {
    reason: (d: { size: number; min: number }) => `The \`icon\` is ${d.size} pixels wide, less than ${d.min}`,
    fix: (d: { min: number }) => `save it at ${d.min} × ${d.min} pixels or more (512 × 512 suits every use): phones and readers would show it blurred`,
  },
  'logo-not-wide': {
    reason: (d: { width: number; height: number }) => `The \`logo\` is ${d.width} × ${d.height} pixels, not wider than it is tall`,
    fix: () => 'use a wide version of the logo (Atom suggests twice as wide as tall); a square image is the `icon`',
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
