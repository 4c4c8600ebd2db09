import { z } from 'zod'
import { nearestName } from '../suggest.ts'
import { xmlSafe } from '../xml-safe.ts'
import { en } from './en.ts'
import { pluralCategories, stringKeys, stringSpecs, type CountKey, type PluralForms, type StringKey, type Strings, type StringSpec } from './keys.ts'
import { uk } from './uk.ts'

export type { CountKey, PluralForms, StringKey, Strings } from './keys.ts'

/**
 * The interface strings wirefeed has, by language subtag. A site whose
 * language is not here (or one that wants other words) writes them under
 * `strings:` in its config.
 */
export const builtInStrings: Readonly<Record<string, Strings>> = { en, uk }

/**
 * The built-in strings for a site's BCP 47 tag: those of its language
 * (`uk`, `uk-UA` → Ukrainian; `en-GB` → English), or none. Regional
 * differences that matter (date order, list commas) come from `Intl` with
 * the whole tag, not from the strings.
 */
export function builtInFor(language: string): Strings | undefined {
  const base = languageOf(language)
  return Object.hasOwn(builtInStrings, base) ? builtInStrings[base] : undefined
}

function languageOf(tag: string): string {
  try {
    return new Intl.Locale(tag).language
  } catch {
    return tag.split('-')[0]?.toLowerCase() ?? tag
  }
}

/** What the interface of a site in `language` shows: the built-in strings, with the config's `strings` over them. */
export interface SiteLanguage {
  language: string
  strings?: Partial<Strings> | undefined
}

const resolved = new WeakMap<SiteLanguage, Strings>()

/**
 * The site's complete interface strings, made once per config. The config's
 * validation (`stringsProblems`) has made sure every key has a text, so a
 * missing one here is a bug, not a user's mistake.
 */
export function siteStrings(site: SiteLanguage): Strings {
  let made = resolved.get(site)
  if (!made) {
    const merged: Partial<Strings> = { ...builtInFor(site.language), ...site.strings }
    const missing = stringKeys.filter((key) => merged[key] === undefined)
    if (missing.length > 0) throw new Error(`siteStrings: no ${site.language} text for ${missing.join(', ')}; the config's validation should have refused it`)
    made = merged as Strings
    resolved.set(site, made)
  }
  return made
}

/** A template's text and placeholders, in order: `"By {names}"` → `["By ", { name: "names" }]`. */
export function templateParts(template: string): Array<string | { name: string }> {
  const parts: Array<string | { name: string }> = []
  let at = 0
  for (const match of template.matchAll(placeholder)) {
    if (match.index > at) parts.push(template.slice(at, match.index))
    parts.push({ name: match[1] ?? '' })
    at = match.index + match[0].length
  }
  if (at < template.length) parts.push(template.slice(at))
  return parts
}

/** A template with its placeholders filled in by plain text; one with no value is left as written. */
export function fill(template: string, values: Readonly<Record<string, string>> = {}): string {
  return templateParts(template)
    .map((part) => (typeof part === 'string' ? part : (values[part.name] ?? `{${part.name}}`)))
    .join('')
}

/** The text for `count` in `language`: the one text, or the plural form `Intl.PluralRules` picks. */
export function pluralForm(value: string | PluralForms, language: string, count: number): string {
  if (typeof value === 'string') return value
  const form = value[pluralRules(language).select(count)] ?? value.other
  if (form === undefined) throw new Error(`pluralForm: no form for ${count} in ${language}; the config's validation should have refused it`)
  return form
}

const rules = new Map<string, Intl.PluralRules>()

function pluralRules(language: string): Intl.PluralRules {
  let made = rules.get(language)
  if (!made) rules.set(language, (made = new Intl.PluralRules(language)))
  return made
}

/** `{name}`: anything between braces is a placeholder, so a text has no literal braces. */
const placeholder = /\{([^{}]*)\}/g

/**
 * Plain text on one line, as other config text is: no characters XML
 * forbids, line breaks (YAML block scalars bring them) made spaces. It is
 * escaped where it is used, in HTML, scripts and CSS alike.
 */
function plainText(value: string): string {
  return xmlSafe(value).replace(/\s*[\r\n]+\s*/g, ' ').trim()
}

/** What is wrong with a text's placeholders for `spec`, one sentence each. */
export function placeholderProblems(text: string, spec: StringSpec): string[] {
  const known = Object.keys(spec.holds ?? {})
  const found = [...text.matchAll(placeholder)].map((match) => match[1] ?? '')
  const problems: string[] = []
  const suggested: string[] = []
  for (const name of new Set(found.filter((name) => !known.includes(name)))) {
    const suggestion = nearestName(name, known)
    if (suggestion) suggested.push(suggestion)
    problems.push(
      `\`{${name}}\` is not one of its placeholders` +
        (suggestion ? `: did you mean \`{${suggestion}}\`?` : known.length > 0 ? `, which are ${known.map((k) => `\`{${k}}\``).join(', ')}` : ': it has none, and braces are for placeholders only'),
    )
  }
  for (const name of spec.needs ?? []) {
    // `{lnk}` for `{link}` is one mistake, already named.
    if (!found.includes(name) && !suggested.includes(name)) problems.push(`it must hold \`{${name}}\`, where ${spec.holds?.[name] ?? name} goes`)
  }
  return problems
}

/** The schema of one key's text: plain text, its placeholders checked; forms by plural category where a count goes. */
function textSchema(key: StringKey) {
  const spec: StringSpec = stringSpecs[key]
  const text = z
    .string()
    .transform(plainText)
    .pipe(z.string().min(1).max(2000))
    .superRefine((value, context) => {
      // An empty text has its own message.
      if (value === '') return
      for (const message of placeholderProblems(value, spec)) context.addIssue({ code: 'custom', message, input: value })
    })
  const expects = describeKey(key)
  if (!('count' in spec)) return text.describe(expects)
  // The categories a language has are checked with the language (`stringsProblems`).
  return z.union([text, z.record(z.string(), text)]).describe(expects)
}

/** What a key's text says, for messages: its English text and its placeholders. */
function describeKey(key: StringKey): string {
  const spec: StringSpec = stringSpecs[key]
  const holds = Object.entries(spec.holds ?? {}).map(
    ([name, what]) => `\`{${name}}\` for ${what}${spec.needs?.includes(name) ? ' (needed)' : ''}`,
  )
  const english = en[key]
  const sample = typeof english === 'string' ? english : (english.other ?? '')
  return (
    `text that says what “${sample}” says in English` +
    (holds.length > 0 ? `, with ${holds.join(', ')}` : '') +
    ('count' in spec ? '; or its plural forms, one per line (`one:`, `few:`, `many:`, `other:`, as the language has them)' : '')
  )
}

/**
 * The config's `strings`: interface texts by key, in the site's language,
 * each over the built-in one. A key that is not one is refused with the
 * nearest known key (src/yaml-data.ts), a placeholder that is not one with
 * the nearest known placeholder.
 *
 * Only the type is narrowed: the schema stays an object, whose shape
 * src/yaml-data.ts reads to suggest the nearest key.
 */
export const stringsSchema = z.strictObject(
  Object.fromEntries(stringKeys.map((key) => [key, textSchema(key).optional()])),
) as unknown as z.ZodType<Partial<Strings>, Partial<Strings>>

/** A problem only the language and the strings together show, with where it is and what the message catalogue needs. */
export type StringsProblem =
  | { rule: 'missing-strings'; path: ['strings'] | ['language']; key: boolean; details: { language: string; keys: string; count: number; builtIn: string } }
  | { rule: 'missing-field'; path: ['strings', CountKey]; key: boolean; details: { field: string; expects: string } }
  | { rule: 'unknown-field'; path: ['strings', CountKey, string]; key: boolean; details: { field: string; suggestion?: string; known: string } }

/**
 * What the site's `language` and `strings` say together: a language with
 * no built-in strings needs every key (named, all at once); plural forms
 * must cover every category the language's whole numbers fall in, and
 * name no category it does not have. `strings` is the validated overrides.
 */
export function stringsProblems(language: string, strings: Partial<Strings> | undefined): StringsProblem[] {
  const problems: StringsProblem[] = []
  if (!builtInFor(language)) {
    const missing = stringKeys.filter((key) => strings?.[key] === undefined)
    if (missing.length > 0) {
      problems.push({
        rule: 'missing-strings',
        path: strings === undefined ? ['language'] : ['strings'],
        key: strings !== undefined,
        details: {
          language,
          keys: missing.map((key) => `\`${key}\``).join(', '),
          count: missing.length,
          builtIn: Object.keys(builtInStrings).map((tag) => `\`${tag}\``).join(', '),
        },
      })
    }
  }
  const has = [...pluralRules(language).resolvedOptions().pluralCategories].sort((a, b) => pluralCategories.indexOf(a) - pluralCategories.indexOf(b))
  const used = countCategories(language)
  for (const key of stringKeys) {
    const value = strings?.[key]
    if (value === undefined || typeof value === 'string') continue
    const countKey = key as CountKey
    const unused = has.filter((name) => !Object.hasOwn(value, name))
    const suggested: string[] = []
    for (const category of Object.keys(value)) {
      if (has.includes(category as Intl.LDMLPluralRule)) continue
      // The categories are short words (`one`, `few`): two edits at most, however long the misspelling.
      const suggestion = nearestName(category, unused, 2)
      if (suggestion) suggested.push(suggestion)
      problems.push({
        rule: 'unknown-field',
        path: ['strings', countKey, category],
        key: true,
        details: {
          field: `strings.${key}.${category}`,
          ...(suggestion && { suggestion: `strings.${key}.${suggestion}` }),
          known: `${has.map((name) => `\`${name}\``).join(', ')}, the plural categories of \`${language}\``,
        },
      })
    }
    for (const [category, examples] of used) {
      // `fwe` for `few` is one mistake, already named.
      if (value[category] !== undefined || suggested.includes(category)) continue
      problems.push({
        rule: 'missing-field',
        path: ['strings', countKey],
        key: false,
        details: { field: `strings.${key}.${category}`, expects: `the text for counts such as ${examples.join(', ')}` },
      })
    }
  }
  return problems
}

/** The plural categories whole numbers fall in, in `language`, each with its first few numbers. */
function countCategories(language: string): Map<Intl.LDMLPluralRule, number[]> {
  const found = new Map<Intl.LDMLPluralRule, number[]>()
  const select = pluralRules(language)
  for (let count = 0; count <= 1000; count++) {
    const category = select.select(count)
    const examples = found.get(category) ?? []
    if (examples.length < 4) found.set(category, [...examples, count])
  }
  return new Map([...found].sort(([a], [b]) => pluralCategories.indexOf(a) - pluralCategories.indexOf(b)))
}
