import type { Config } from './config.ts'
import { byCodePoint } from './order.ts'
import { builtInFor } from './strings/index.ts'

/**
 * The languages a site publishes in (issue #21): an article's `language`,
 * else the site's. A site whose articles are in one language has no feeds
 * or pages by language, and its output is what it was before they existed.
 */

/** The languages of `articles`, in code-point order, when there are two or more; none for a one-language site. */
export function siteLanguages(articles: readonly { lang: string }[]): string[] {
  const tags = [...new Set(articles.map((article) => article.lang))].sort(byCodePoint)
  return tags.length > 1 ? tags : []
}

/** A language's name in that language, capitalised as a heading or menu shows it: `English`, `Українська`. */
export function languageName(tag: string): string {
  let name: string | undefined
  try {
    name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag)
  } catch {
    name = undefined
  }
  const text = name ?? tag
  return text.charAt(0).toLocaleUpperCase(tag) + text.slice(1)
}

/**
 * The `lang` of a part of a page whose text is in `language`, on a page in
 * `page`: none when they are the same, so only text in another language is
 * marked, and screen readers speak it in its own voice (WCAG 3.1.2,
 * Language of Parts).
 */
export function partLanguage(language: string, page: string): { lang?: string } {
  return language === page ? {} : { lang: language }
}

/** Configs as a page in another language than the site's sees them, made once each. */
const inLanguages = new WeakMap<Config, Map<string, Config>>()

/**
 * The config as a page whose text is in `language` uses it: that language
 * and its built-in strings, when wirefeed has some and it is not the site's
 * (whose `strings` are the config's, in the site's language, and stay
 * theirs); else the config itself. Dates are then written in that language,
 * in the site's time zone. The same object every time, so the strings are
 * resolved once (`siteStrings`).
 */
export function inLanguage(config: Config, language: string): Config {
  const own = builtInFor(language)
  if (language === config.language || !own || own === builtInFor(config.language)) return config
  let made = inLanguages.get(config)
  if (!made) inLanguages.set(config, (made = new Map()))
  let found = made.get(language)
  if (!found) {
    const { strings: _, ...rest } = config
    made.set(language, (found = { ...rest, language }))
  }
  return found
}
