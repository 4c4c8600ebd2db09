/**
 * What one interface string may hold: `{name}` placeholders, each standing
 * for something the page fills in (`holds`: name → what it stands for);
 * those it must hold (`needs`); and the one a number fills (`count`), which
 * picks the plural form when the string is given as forms.
 */
export interface StringSpec {
  readonly holds?: Readonly<Record<string, string>>
  readonly needs?: readonly string[]
  readonly count?: string
}

/**
 * Every text the site's interface shows, by key: the pages, the 404 page,
 * the feed view and the partner headlines. The keys are stable: newsrooms
 * write them in `strings:` in their config. Names of formats ("RSS", "Atom",
 * "JSON Feed") are names, not text, and have no key.
 */
export const stringSpecs = {
  skipToContent: {},
  followInReader: { holds: { feeds: 'the links to the feeds' }, needs: ['feeds'] },
  latestHeadlines: {},
  nothingPublished: {},
  subscribe: {},
  subscribeHelp: {},
  opmlSentence: { holds: { link: 'the link to the list of all feeds (`opmlLink`)' }, needs: ['link'] },
  opmlLink: {},
  feedsByTag: {},
  feedsByAuthor: {},
  byline: { holds: { names: 'the author’s name' }, needs: ['names'] },
  bylineSeveral: { holds: { names: 'the authors’ names, as a list in the language' }, needs: ['names'] },
  updated: { holds: { date: 'the date of the update' }, needs: ['date'] },
  readingTime: { holds: { minutes: 'the number of minutes' }, needs: ['minutes'], count: 'minutes' },
  topics: {},
  notFoundTitle: {},
  notFoundDescription: {},
  notFoundText: { holds: { link: 'the link to the home page (`notFoundHomeLink`)' }, needs: ['link'] },
  notFoundHomeLink: {},
  feedKicker: { holds: { format: 'the format’s name: RSS or Atom' } },
  feedReaderHelp: {},
  latestArticles: {},
  feedWithoutScript: {},
  headlinesFrom: { holds: { site: 'the site’s name' } },
  latestFrom: { holds: { site: 'the site’s name' } },
  moreFrom: { holds: { site: 'the site’s name' } },
  readArticle: {},
  // A preview's marks (#18, `--drafts`, `--future`): an article shown before its time, on its page and the home page.
  previewDraft: {},
  previewScheduled: { holds: { date: 'the date and time it goes live' }, needs: ['date'] },
  // The record over time (#19): an article's corrections, and the notice at a retracted article's URL.
  correctionsHeading: {},
  correctionLabel: {},
  updateLabel: {},
  clarificationLabel: {},
  correctionEntry: { holds: { kind: 'what kind of change it is (`correctionLabel`, `updateLabel`, `clarificationLabel`)', date: 'its date' }, needs: ['kind', 'date'] },
  retractedTitle: {},
  retractedOn: { holds: { date: 'the date of the retraction' }, needs: ['date'] },
  retractedUndated: {},
  retractedReason: { holds: { reason: 'why it was retracted, as the config gives it' }, needs: ['reason'] },
  retractedHome: { holds: { link: 'the link to the home page (`notFoundHomeLink`)' }, needs: ['link'] },
  // The site readers browse (#21): topic, author and month pages, the archive, pages of older articles.
  tagKicker: {},
  authorKicker: {},
  tagDescription: { holds: { name: 'the tag', site: 'the site’s name' }, needs: ['name'] },
  authorDescription: { holds: { name: 'the author’s name', site: 'the site’s name' }, needs: ['name'] },
  followThese: { holds: { feeds: 'the links to the feeds of the page’s articles' }, needs: ['feeds'] },
  archiveTitle: {},
  archiveDescription: { holds: { site: 'the site’s name' } },
  archiveLink: {},
  monthDescription: { holds: { month: 'the month and year', site: 'the site’s name' }, needs: ['month'] },
  monthFeeds: { holds: { feeds: 'the links to the month’s archive feeds' }, needs: ['feeds'] },
  earlierMonth: { holds: { month: 'the month and year' }, needs: ['month'] },
  laterMonth: { holds: { month: 'the month and year' }, needs: ['month'] },
  nothingThisMonth: {},
  pagination: {},
  newerArticles: {},
  olderArticles: {},
  pageOf: { holds: { page: 'the page’s number', pages: 'how many pages there are' }, needs: ['page', 'pages'] },
  pageHeading: {
    holds: { name: 'what the list is: `latestHeadlines` on the home page, the tag, author or section', page: 'the page’s number', pages: 'how many pages there are' },
    needs: ['name', 'page', 'pages'],
  },
  // Sections (#21): the config's `sections`, their pages, and the months of every topic.
  sectionKicker: {},
  sectionDescription: { holds: { name: 'the section', site: 'the site’s name' }, needs: ['name'] },
  feedsBySection: {},
  topicMonths: {},
  tagMonthDescription: { holds: { name: 'the tag', month: 'the month and year', site: 'the site’s name' }, needs: ['name', 'month'] },
  authorMonthDescription: { holds: { name: 'the author’s name', month: 'the month and year', site: 'the site’s name' }, needs: ['name', 'month'] },
  sectionMonthDescription: { holds: { name: 'the section', month: 'the month and year', site: 'the site’s name' }, needs: ['name', 'month'] },
  // A site in several languages (#21): an article's translations, and each language's page and feeds.
  alsoIn: { holds: { languages: 'the links to the translations, each named in its language' }, needs: ['languages'] },
  languageKicker: {},
  languageDescription: { holds: { language: 'the language’s name, in that language', site: 'the site’s name' } },
  feedsByLanguage: {},
} as const satisfies Record<string, StringSpec>

export type StringKey = keyof typeof stringSpecs

/** The keys whose text holds a count, and so may be given as plural forms. */
export type CountKey = { [K in StringKey]: (typeof stringSpecs)[K] extends { count: string } ? K : never }[StringKey]

/**
 * A text for each plural category the language's counts fall in
 * (`Intl.PluralRules`): Ukrainian has `one` (1, 21), `few` (2–4, 22), `many`
 * (5–20, 25) and `other` (fractions).
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>>

/** A complete set of interface strings: plain text with `{placeholders}`, or plural forms where a count goes. */
export type Strings = { readonly [K in StringKey]: K extends CountKey ? string | PluralForms : string }

export const stringKeys = Object.keys(stringSpecs) as StringKey[]

/** The plural categories `Intl.PluralRules` names. */
export const pluralCategories = ['zero', 'one', 'two', 'few', 'many', 'other'] as const satisfies readonly Intl.LDMLPluralRule[]
