import { articleSchema } from '../schema.ts'

/**
 * Which front-matter keys of Jekyll, Hugo, Eleventy, Astro and Zola sites
 * give each wirefeed field, in order of preference: the first that gives a
 * usable value is taken. Keys are matched without regard to case, as Hugo
 * reads them (`Author`, `Description`). `url` gives the old URL to keep,
 * `aliases` old URLs that cannot be kept.
 */
export const conventions = {
  title: ['title'],
  summary: ['description', 'excerpt', 'summary', 'teaser', 'subtitle'],
  author: ['author', 'authors'],
  date: ['date', 'pubDate', 'publishDate'],
  updated: ['lastmod', 'updated', 'updatedDate', 'last_modified_at'],
  // Every one of these is taken, not only the first: Jekyll's feed lists categories and tags alike.
  tags: ['categories', 'category', 'tags', 'keywords'],
  image: ['image', 'cover', 'heroImage', 'images'],
  draft: ['draft', 'published'],
  lang: ['lang'],
  slug: ['slug'],
  url: ['canonical', 'canonicalUrl', 'canonical_url', 'permalink', 'url', 'path'],
  aliases: ['aliases', 'redirect_from'],
} as const

export type Convention = keyof typeof conventions

/** A value read from an old key, or why it cannot be used. */
export type Read<T> = { value: T } | { problem: string }

const shown = (value: unknown) => JSON.stringify(value)?.slice(0, 80) ?? String(value)

/** Text on one line: a string, or a number (`title: 2025`). */
export function readText(value: unknown): Read<string> {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : undefined
  return text ? { value: text } : { problem: text === '' ? 'it is empty' : `expected text, got ${shown(value)}` }
}

/** A date or date-time in a form the article schema takes (TOML dates arrive as their text). */
export function readDate(value: unknown): Read<string> {
  if (typeof value !== 'string') return { problem: `expected a date, got ${shown(value)}` }
  const result = articleSchema.shape.date.safeParse(value)
  return result.success ? { value } : { problem: `${result.error.issues[0]?.message ?? 'not a date'} (got ${shown(value)})` }
}

/** Jekyll's `published: false` and Hugo's `draft: true`, with YAML 1.1's yes/no/on/off as Jekyll and Hugo read them. */
export function readFlag(value: unknown): Read<boolean> {
  if (typeof value === 'boolean') return { value }
  const word = typeof value === 'string' ? value.toLowerCase() : ''
  if (['true', 'yes', 'on', 'y'].includes(word)) return { value: true }
  if (['false', 'no', 'off', 'n'].includes(word)) return { value: false }
  return { problem: `expected true or false, got ${shown(value)}` }
}

/** A list of words: YAML or TOML lists, or Jekyll's space-separated string (`categories: release news`), or a comma-separated one (`keywords: a, b`). */
export function readWords(value: unknown): Read<string[]> {
  if (typeof value === 'string') return { value: value.split(value.includes(',') ? ',' : /\s+/).map((word) => word.trim()).filter(Boolean) }
  if (Array.isArray(value) && value.every((word) => typeof word === 'string' || typeof word === 'number')) {
    return { value: value.map((word) => String(word).trim()).filter(Boolean) }
  }
  return { problem: `expected a list of words, got ${shown(value)}` }
}

/** Bylines: a name, a list of names, or objects with a `name`, as `{ names, rewritten }` when a string had to be taken apart. */
export function readNames(value: unknown): Read<{ names: string[]; rewritten: boolean }> {
  if (typeof value === 'string') {
    const names = bylineNames(value)
    const rewritten = names.length !== 1 || names[0] !== value.replace(/\s+/g, ' ').trim()
    return names.length > 0 ? { value: { names, rewritten } } : { problem: 'it is empty' }
  }
  const list = Array.isArray(value) ? value : [value]
  const names = list.map((item) => (item && typeof item === 'object' && 'name' in item ? item.name : item))
  if (names.length > 0 && names.every((name) => typeof name === 'string' && name.trim() !== '')) {
    return { value: { names: names.map((name) => (name as string).replace(/\s+/g, ' ').trim()), rewritten: false } }
  }
  return { problem: `expected a name, a list of names, or objects with a \`name\`, got ${shown(value)}` }
}

/**
 * The names in a byline as blogs write it: Markdown links reduced to their
 * text (`[Ann](https://…)` → Ann), names split at commas, semicolons, `&`
 * and "and", but not inside parentheses (`Ann Writer (Kyiv, Ukraine)`).
 */
export function bylineNames(byline: string): string[] {
  const text = byline.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\s+/g, ' ')
  const names: string[] = []
  let depth = 0
  let current = ''
  for (let index = 0; index < text.length; index++) {
    const character = text[index] as string
    depth += character === '(' ? 1 : character === ')' && depth > 0 ? -1 : 0
    const separator = depth === 0 ? /^(?:[,;]| & | and )/.exec(text.slice(index))?.[0] : undefined
    if (separator) {
      names.push(current)
      current = ''
      index += separator.length - 1
    } else current += character
  }
  names.push(current)
  return names.map((name) => name.trim()).filter(Boolean)
}

/** A lead image: a path or URL, or an object with one (`src`, `path`, `url`, Astro's `light`) and its `alt`; of a list, the first. */
export function readImage(value: unknown): Read<{ src: string; alt?: string }> {
  const first = Array.isArray(value) ? value[0] : value
  if (typeof first === 'string') return { value: { src: first } }
  if (first && typeof first === 'object') {
    const record = first as Record<string, unknown>
    const src = [record.src, record.path, record.url, record.image, record.light].find((candidate) => typeof candidate === 'string')
    const alt = typeof record.alt === 'string' && record.alt.trim() !== '' ? record.alt : undefined
    if (typeof src === 'string') return { value: { src, ...(alt && { alt }) } }
  }
  return { problem: `expected an image path or URL, got ${shown(value)}` }
}

/** A list of texts (`aliases`), or one. */
export function readTexts(value: unknown): Read<string[]> {
  const list = Array.isArray(value) ? value : [value]
  return list.every((item) => typeof item === 'string') ? { value: list as string[] } : { problem: `expected URLs, got ${shown(value)}` }
}
