import type { Config } from '../config.ts'
import { inLanguage, languageName, siteLanguages } from '../languages.ts'
import { fill, siteStrings } from '../strings/index.ts'
import { offeredFeed, type FeedSpec, type FeedUrls } from './model.ts'

/**
 * A language's feed (issue #21): only that language's articles, its channel
 * in that language, so that a service that takes one language per feed
 * (Microsoft Start) can be given one. A site publishes these only when its
 * articles are in two languages or more.
 */
export interface LanguageFeed<A> {
  /** The BCP 47 tag, as the articles give it. */
  language: string
  /** The language's name in itself: `English`, `Українська`. */
  name: string
  feed: FeedSpec
  /** Every article in this language, in the order given. */
  articles: A[]
}

/** Where the language feeds live, relative to the site URL: `languages/<tag>/`, the tag in lower case. */
export const languagesFolder = 'languages/'

/** Each language of `articles` with its feed, in tag order; none for a site in one language. */
export function languageFeedsOf<A extends { lang: string }>(articles: readonly A[], config: Config): LanguageFeed<A>[] {
  return siteLanguages(articles).map((language) => {
    const name = languageName(language)
    const folder = `${languagesFolder}${language.toLowerCase()}/`
    return {
      language,
      name,
      // The name in the title, as a topic's; the description is the language page's, in that language when wirefeed has
      // its strings (else the site's), made of the language's name and the site's title alone: no article text
      // (src/feeds/topics.ts says why). Its page, at its folder, shows all its articles: its archives have no month
      // pages, so they link there too.
      feed: { folder, title: `${config.title} — ${name}`, description: languageDescription(language, name, config), language, page: folder },
      articles: articles.filter((article) => article.lang === language),
    }
  })
}

/** "The latest articles in English from Київський вісник.", in `language`'s words when wirefeed has them, else the site's. */
function languageDescription(language: string, name: string, site: Config): string {
  const config = inLanguage(site, language)
  return fill(siteStrings(config).languageDescription, { language: name, site: config.title })
}

/** A language's feed as pages and the OPML list offer it. */
export interface LanguageFeedLink {
  language: string
  name: string
  title: string
  self: FeedUrls
  /** Its page, at its folder (src/pages/language-page.ts). */
  page: string
}

export function languageFeedLink(entry: LanguageFeed<unknown>, config: Config): LanguageFeedLink {
  return { language: entry.language, name: entry.name, ...offeredFeed(entry.feed, config) }
}
