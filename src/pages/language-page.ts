import { h } from 'hastscript'
import type { Config } from '../config.ts'
import type { LanguageFeed } from '../feeds/languages.ts'
import { inLanguage, partLanguage } from '../languages.ts'
import type { ShownArticle } from '../shown.ts'
import { fill, siteStrings } from '../strings/index.ts'
import { jsonLdScript } from './json-ld.ts'
import { linkFrom, renderPage } from './layout.ts'
import { feedAlternates, feedSentence, headlineList, pageFolder, pageLinks, pageNav } from './listing.ts'

/**
 * One page of a language's articles (issue #21), at its feeds' folder
 * (`languages/en/`, then `languages/en/page/2/`…), so the feeds' id and
 * alternate link lead to it; in that language's interface when wirefeed has
 * one (`inLanguage`), as a topic's page is laid out (src/pages/topic-page.ts).
 */
export function languagePage(entry: LanguageFeed<ShownArticle>, articles: readonly ShownArticle[], number: number, count: number, site: Config): string {
  const config = inLanguage(site, entry.language)
  const strings = siteStrings(config)
  const folder = entry.feed.folder
  const url = new URL(pageFolder(folder, number), config.url).href
  const link = linkFrom({ url })
  // The feeds' description (src/feeds/languages.ts): the page says what its feeds say.
  const description = entry.feed.description
  const heading = number === 1 ? entry.name : `${entry.name} (${fill(strings.pageOf, { page: String(number), pages: String(count) })})`
  // A language the interface is not in (no built-in strings): its name is in it, the rest is not.
  const own = partLanguage(entry.language, config.language)
  return renderPage(config, {
    url,
    title: `${heading} – ${config.title}`,
    description,
    hasMarks: articles.some((article) => article.preview !== undefined),
    alternates: feedAlternates(folder, entry.feed.title, config, link),
    head: [
      h('link', { rel: 'canonical', href: url }),
      ...pageLinks(folder, number, count, config, link),
      jsonLdScript({ '@context': 'https://schema.org', '@type': 'CollectionPage', name: entry.name, inLanguage: entry.language, url }),
    ],
    main: [
      h('header.page-head', [
        h('p.kicker', strings.languageKicker),
        h('h1', own, heading),
        h('p.standfirst', description),
        feedSentence(strings.followThese, folder, entry.name, config, link),
      ]),
      headlineList(articles, config, link, 'h2'),
      ...pageNav(folder, number, count, config, link),
    ],
  })
}
