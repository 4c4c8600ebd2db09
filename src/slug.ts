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
