import { basename } from 'node:path'
import slugify from '@sindresorhus/slugify'

/**
 * Ukrainian letters transliterated by the national standard (KMU 2010), as
 * Ukrainian media spell place names: Київ → kyiv, Харків → kharkiv. The
 * library's defaults follow Russian usage (Київ → kiyiv), which we only keep
 * for headlines with no letter unique to Ukrainian.
 */
const ukrainian: Array<[string, string]> = [
  ['Зг', 'Zgh'], ['зг', 'zgh'],
  ['Г', 'H'], ['г', 'h'], ['Ґ', 'G'], ['ґ', 'g'], ['Е', 'E'], ['е', 'e'],
  ['Є', 'Ie'], ['є', 'ie'], ['И', 'Y'], ['и', 'y'], ['І', 'I'], ['і', 'i'],
  ['Ї', 'I'], ['ї', 'i'], ['Й', 'I'], ['й', 'i'], ['Х', 'Kh'], ['х', 'kh'],
  ['Ц', 'Ts'], ['ц', 'ts'], ['Ч', 'Ch'], ['ч', 'ch'], ['Ш', 'Sh'], ['ш', 'sh'],
  ['Щ', 'Shch'], ['щ', 'shch'], ['Ю', 'Iu'], ['ю', 'iu'], ['Я', 'Ia'], ['я', 'ia'],
  ['Ь', ''], ['ь', ''], ['’', ''], ["'", ''], ['ʼ', ''],
]

/** Longest slug we make; cut at a word boundary. Long URLs help nobody. */
const maxLength = 60

/**
 * A URL-safe slug from a headline, transliterating non-Latin scripts
 * (Cyrillic, Greek, …); empty when nothing Latin can be made of it (CJK), so
 * the caller can fall back to something else.
 */
export function slugFromHeadline(headline: string): string {
  const isUkrainian = /[ґєіїҐЄІЇ]/.test(headline)
  const slug = slugify(headline, { customReplacements: isUkrainian ? ukrainian : [], decamelize: false })
  if (slug.length <= maxLength) return slug
  const cut = slug.slice(0, maxLength + 1)
  return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : maxLength)
}

/** The extensions of article sources, each read as Markdown: `.markdown` is Jekyll's. */
export const articleExtensions = ['.md', '.markdown'] as const

/** Whether `name` is an article source's, by its extension. */
export function isArticleName(name: string): boolean {
  return articleExtensions.some((extension) => name.endsWith(extension) && name.length > extension.length)
}

/**
 * The name at the end of `path` without its article extension (`.md`,
 * `.markdown`), and that name lower-cased: the slug an article without
 * `slug:` gets. Only a known extension is cut: in `release-v0.4.10.md` the
 * dots before it belong to the name. Lower case because URLs that differ only
 * in case are one folder on macOS and Windows (and Hugo lowercases too);
 * nothing else is changed, a Jekyll date prefix neither, so ids stay as published.
 */
export function slugFromFileName(path: string): { name: string; extension: string; slug: string } {
  const file = basename(path)
  const extension = articleExtensions.find((known) => file.endsWith(known) && file.length > known.length) ?? ''
  const name = file.slice(0, file.length - extension.length)
  return { name, extension, slug: name.toLowerCase() }
}

/**
 * Why the file name `name` (without extension) gives no slug, pointing at the
 * first character at fault and its place (counted in characters, from 1), or
 * `undefined` when it gives one. Upper case is no fault here: it is lowered.
 */
export function fileNameProblem(name: string): string | undefined {
  const characters = Array.from(name)
  if (characters.length === 0) return 'it is empty'
  for (const [index, character] of characters.entries()) {
    const at = `at character ${index + 1}`
    if (!/[A-Za-z0-9._-]/.test(character)) {
      // Invisible characters (controls, marks a decomposed `é` carries) by their code point.
      const code = `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`
      const shown = /\s/.test(character) ? 'a space' : /[\p{Cc}\p{Cf}\p{M}]/u.test(character) ? code : `\`${character}\``
      return `${shown} ${at} cannot be in a URL (only a to z, digits, \`-\`, \`.\` and \`_\` can)`
    }
    if (!/[-._]/.test(character)) continue
    if (index === 0 || index === characters.length - 1) return `\`${character}\` ${at} cannot start or end a slug`
    if (/[-._]/.test(characters[index + 1] ?? '')) return `\`${character}${characters[index + 1]}\` ${at} puts two separators together`
  }
  return undefined
}

/**
 * A slug close to `text` (a file name, or a slug written with capitals or
 * spaces), keeping its dots and underscores: each run between them as
 * `slugFromHeadline` makes it (lower case, transliterated, other
 * punctuation a hyphen). Empty when nothing Latin can be made of it.
 */
export function suggestSlug(text: string): string {
  const parts = text.split(/([._]+)/)
  let slug = ''
  for (let index = 0; index < parts.length; index += 2) {
    const words = slugFromHeadline(parts[index] ?? '')
    if (words === '') continue
    slug += slug === '' ? words : `${parts[index - 1]?.[0] ?? '-'}${words}`
  }
  return slug
}
