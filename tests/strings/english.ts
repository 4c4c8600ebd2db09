// Test support: what English interface text looks like, to prove a page in another language has none.
import { en } from '../../src/strings/en.ts'
import { templateParts } from '../../src/strings/index.ts'
import { stringKeys } from '../../src/strings/keys.ts'

/**
 * Every piece of the English strings table a page could show: each text
 * without its placeholders, split where they were (`By {names}` → `By`),
 * each with a letter in it ("RSS", "Atom", "JSON Feed" are names, not text,
 * and are in no string).
 */
export const englishPieces: readonly string[] = [
  ...new Set(
    stringKeys.flatMap((key) => {
      const value = en[key]
      return (typeof value === 'string' ? [value] : Object.values(value)).flatMap((text) =>
        templateParts(text ?? '')
          .filter((part): part is string => typeof part === 'string')
          .map((part) => part.trim())
          .filter((part) => /\p{L}/u.test(part)),
      )
    }),
  ),
]

/**
 * The English pieces found in `texts` (a page's interface text: visible
 * text, labels, titles). A piece counts where it stands as words of its own,
 * case and all, outside URLs: "feed" in `…/feed.xml` is an address, not text.
 */
export function englishIn(texts: readonly string[]): string[] {
  const text = texts.join('\n').replace(/\bhttps?:\/\/\S+/g, ' ')
  return englishPieces.filter((piece) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(piece)}(?![\\p{L}\\p{N}])`, 'u').test(text))
}

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Names an interface in any language may show as they are: formats, keys, apps. */
const names = new Set(['RSS', 'Atom', 'JSON', 'Feed', 'OPML', 'Ctrl', 'C', 'NetNewsWire', 'Feedly', 'Inoreader', 'NewsBlur', 'Thunderbird'])

/**
 * Words in Latin letters in `texts`, outside URLs, but for names: on a site
 * whose own text is all Cyrillic, any is English left over.
 */
export function latinWords(texts: readonly string[]): string[] {
  const text = texts.join('\n').replace(/\bhttps?:\/\/\S+/g, ' ')
  return [...new Set(text.match(/\p{Script=Latin}+/gu) ?? [])].filter((word) => !names.has(word))
}
