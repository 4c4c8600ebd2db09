import type { Strings } from './keys.ts'

/** The interface in English: `en` and every `en-…` site. */
export const en: Strings = {
  skipToContent: 'Skip to content',
  followInReader: 'Follow in your news reader: {feeds}',
  latestHeadlines: 'Latest headlines',
  nothingPublished: 'Nothing has been published yet.',
  subscribe: 'Subscribe',
  subscribeHelp:
    'Get every new article in your news reader app, with no account and no tracking: add one of these feeds to it (most readers also find them if you give them this page’s address).',
  opmlSentence: 'To follow everything at once, tags and authors included, import {link} into your reader.',
  opmlLink: 'the list of all our feeds (OPML)',
  feedsByTag: 'Feeds by tag',
  feedsByAuthor: 'Feeds by author',
  byline: 'By {names}',
  bylineSeveral: 'By {names}',
  updated: 'Updated {date}',
  readingTime: '{minutes} min read',
  topics: 'Topics',
  notFoundTitle: 'Page not found',
  notFoundDescription: 'There is no page at this address.',
  notFoundText: 'There is no page at this address. It may have moved, or the link may be mistyped. The {link} lists the latest articles.',
  notFoundHomeLink: 'home page',
  feedKicker: '{format} feed',
  feedWhatIsThis: 'What is this page?',
  feedExplainer:
    'This is a web feed. Add its address to a news reader app and every new article from {title} comes to you as it is published: no account, no algorithm, no tracking.',
  feedAddressLabel: 'The address to subscribe to:',
  copyAddress: 'Copy address',
  copied: 'Copied. Now paste it into your news reader.',
  copyByHand: 'Press Ctrl+C (or ⌘C) to copy the selected address.',
  feedReaderHelp:
    'In your reader, choose “Add feed” or “Subscribe” and paste it. Free readers include NetNewsWire, Feedly, Inoreader, NewsBlur and Thunderbird.',
  latestArticles: 'Latest articles',
  goToWebsite: 'Go to the website',
  feedWithoutScript:
    'This is a web feed. To follow it, copy this page’s address from the address bar into a news reader app: it then brings you every new article. Your browser shows the feed’s latest items below.',
  headlinesFrom: 'Headlines from {site}',
  latestFrom: 'Latest from {site}',
  moreFrom: 'More from {site}',
  readArticle: 'Read the article',
}
