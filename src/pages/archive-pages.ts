import { h } from 'hastscript'
import type { Config } from '../config.ts'
import { archiveFolder, archiveRoot, type Month } from '../feeds/archives.ts'
import type { Topic } from '../feeds/topics.ts'
import type { ShownArticle } from '../shown.ts'
import { fill, siteStrings } from '../strings/index.ts'
import { displayMonth, displayNumber } from '../strings/format.ts'
import { linkFrom, renderPage } from './layout.ts'
import { feedAlternates, feedSentence, headlineList } from './listing.ts'
import { topicTexts } from './topic-page.ts'

/** One month of the site's archive, or of a topic's, as its page shows it. */
export interface ArchiveMonth {
  month: Month
  /** Its articles, newest first: all of them, as its archive feed documents hold. */
  articles: readonly ShownArticle[]
  /** Whether the month has archive feed documents (src/feeds/archives.ts says when), which its page then offers. */
  feeds: boolean
}

/**
 * A month's page, at its archive feed documents' folder (`archive/2026/01/`,
 * or a topic's: `tags/ukraine/archive/2026/01/`), so their alternate link
 * leads to it (RFC 5005 archives, for people): every article of the month,
 * newest first, the months before and after it that have a page, and the
 * month's feeds when it has them. The site's months lead back to the
 * archive's page, a topic's to the topic's page. A month whose last article
 * was retracted keeps its page, as it keeps its archive, saying so.
 */
export function monthPage(entry: ArchiveMonth, earlier: Month | undefined, later: Month | undefined, config: Config, topic?: Topic<unknown>): string {
  const strings = siteStrings(config)
  const feed = topic?.feed ?? { folder: '', title: config.title }
  const folder = archiveFolder(feed, entry.month)
  const url = new URL(folder, config.url).href
  const link = linkFrom({ url })
  const name = displayMonth(entry.month, config.language)
  const description = topic
    ? fill(topicTexts(topic.kind, strings).month, { name: topic.name, month: name, site: config.title })
    : fill(strings.monthDescription, { month: name, site: config.title })
  const monthLink = (month: Month, template: string, rel: string) =>
    h('li', [h('a', { href: link(new URL(archiveFolder(feed, month), config.url).href), rel }, fill(template, { month: displayMonth(month, config.language) }))])
  const around = [...(later ? [monthLink(later, strings.laterMonth, 'next')] : []), ...(earlier ? [monthLink(earlier, strings.earlierMonth, 'prev')] : [])]
  const [up, upName] = topic ? [topic.feed.folder, topic.name] : [archiveRoot, strings.archiveTitle]
  return renderPage(config, {
    url,
    title: `${name} – ${upName} – ${config.title}`,
    description,
    hasMarks: entry.articles.some((article) => article.preview !== undefined),
    alternates: entry.feeds ? feedAlternates(folder, `${feed.title} — ${name}`, config, link) : [],
    head: [h('link', { rel: 'canonical', href: url })],
    main: [
      h('header.page-head', [
        h('p.kicker', [h('a', { href: link(new URL(up, config.url).href) }, upName)]),
        h('h1', name),
        h('p.standfirst', description),
        ...(entry.feeds ? [feedSentence(strings.monthFeeds, folder, name, config, link)] : []),
      ]),
      entry.articles.length === 0
        ? h('p', strings.nothingThisMonth)
        : headlineList(entry.articles, config, link, 'h2', topic?.kind === 'section' ? topic.name : undefined),
      ...(around.length > 0 ? [h('nav.pages', { ariaLabel: strings.archiveTitle }, [h('ul', around)])] : []),
    ],
  })
}

/**
 * The archive's page (`archive/`): every month that has a page, newest
 * first, grouped by year, each with how many articles it holds, in brackets. The colophon
 * of every page links to it, so every month, and every article, is a few
 * links from anywhere.
 */
export function archiveIndexPage(months: readonly ArchiveMonth[], config: Config): string {
  const strings = siteStrings(config)
  const url = new URL(archiveRoot, config.url).href
  const link = linkFrom({ url })
  const years = new Map<string, ArchiveMonth[]>()
  for (const entry of months) {
    const year = entry.month.slice(0, 4)
    years.set(year, [...(years.get(year) ?? []), entry])
  }
  const description = fill(strings.archiveDescription, { site: config.title })
  // A count alone, in the language's digits: no words, so no plural forms for a site's own language to supply.
  const count = (value: number) => displayNumber(value, config.language)
  return renderPage(config, {
    url,
    title: `${strings.archiveTitle} – ${config.title}`,
    description,
    head: [h('link', { rel: 'canonical', href: url })],
    main: [
      h('h1', strings.archiveTitle),
      h('p.standfirst', description),
      ...(months.length === 0
        ? [h('p', strings.nothingPublished)]
        : [...years].map(([year, entries]) =>
            h('section', { ariaLabelledBy: `year-${year}` }, [
              h('h2', { id: `year-${year}` }, year),
              h(
                'ul.months',
                entries.map((entry) =>
                  h('li', [
                    h('a', { href: link(new URL(archiveFolder({ folder: '' }, entry.month), config.url).href) }, displayMonth(entry.month, config.language)),
                    ` (${count(entry.articles.length)})`,
                  ]),
                ),
              ),
            ]),
          )),
    ],
  })
}
