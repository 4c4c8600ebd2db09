import { report } from './messages.ts'
import { byCodePoint } from './order.ts'
import { nearestName } from './suggest.ts'
import type { Article } from './validate.ts'

/**
 * Translations (issue #21): an article that says `translationOf: <id>`
 * translates the article with that id, its original. A group is the
 * original and all its translations, one article per language.
 *
 * A translation names the original itself, never another translation: a
 * chain (A translates B, which translates C) is refused with the id to write
 * instead, so every group has one original, the page search engines are told
 * to show when no language fits (`x-default`).
 */

/** Where a problem with `translationOf` goes: the field, or the file's first line. */
const top = { line: 1, column: 1 }

/**
 * Check every article's `translationOf` against all articles (drafts and
 * scheduled ones too, as ids are checked): it names an article that exists
 * (with the nearest id when one is close), that is no translation itself, in
 * another language, and no two translations of one original share a language
 * (the later in source order is refused). Messages go on the translations.
 */
export function checkTranslations(all: readonly Pick<Article, 'file' | 'id' | 'lang' | 'translationOf' | 'places'>[]): void {
  // Most sites translate nothing: no map of every id then, on each rebuild of a preview.
  const translations = all.filter((article) => article.translationOf !== undefined)
  if (translations.length === 0) return
  const byId = new Map(all.map((article) => [article.id, article]))
  const ids = [...byId.keys()]
  const taken = new Map<string, string>()
  for (const article of translations) {
    const target = article.translationOf
    if (target === undefined) continue
    const place = article.places.translationOf ?? top
    const original = byId.get(target)
    if (!original) {
      // Ids are long and differ only in their date and slug: a fifth of the length, or another article's id would be offered.
      const suggestion = nearestName(target, ids, Math.max(2, Math.floor(target.length / 5)))
      report(article.file, 'translation-unknown', place, { id: target, ...(suggestion && { suggestion }) })
      continue
    }
    // An article that names itself is in its own language: that is the mistake to tell of, not a chain.
    if (original !== article && original.translationOf !== undefined) {
      report(article.file, 'translation-chain', place, { other: original.file.path, original: original.translationOf })
      continue
    }
    if (original.lang === article.lang) {
      report(article.file, 'translation-same-language', place, { language: article.lang, other: original.file.path })
      continue
    }
    const key = `${original.id}\0${article.lang}`
    const other = taken.get(key)
    if (other !== undefined) report(article.file, 'translation-duplicate-language', place, { language: article.lang, other })
    else taken.set(key, article.file.path)
  }
}

/** One version of an article as its translations link to it: its language and address. */
export interface Version {
  language: string
  url: string
}

/** What an article's page and its sitemap entry say of its translations. */
export interface Versions {
  /** Every version shown (this article too), by language tag in code-point order. */
  versions: Version[]
  /** The original's address (`x-default`), when the original is shown. */
  original?: string
}

/**
 * For each shown article in a group of more than one shown version, the
 * group's versions, by article id. The groups were checked
 * (`checkTranslations`): an original never translates, a language appears
 * once. A version not shown (a draft, an article not yet published) is left
 * out, so no link leads to a page that is not there.
 */
export function versionsOf(articles: readonly { id: string; url: string; lang: string; translationOf?: string }[]): Map<string, Versions> {
  const groups = new Map<string, typeof articles[number][]>()
  for (const article of articles) {
    const root = article.translationOf ?? article.id
    groups.set(root, [...(groups.get(root) ?? []), article])
  }
  const found = new Map<string, Versions>()
  for (const [root, members] of groups) {
    if (members.length < 2) continue
    const original = members.find((member) => member.id === root)
    const versions = members.map(({ lang, url }) => ({ language: lang, url })).sort((a, b) => byCodePoint(a.language, b.language))
    for (const member of members) found.set(member.id, { versions, ...(original && { original: original.url }) })
  }
  return found
}
