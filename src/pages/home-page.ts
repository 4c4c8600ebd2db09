import { h } from 'hastscript'
import type { Config } from '../config.ts'
import type { FeedModel } from '../feeds/build.ts'
import { feedList } from './feed-list.ts'
import { displayDate } from './format.ts'
import { jsonLdScript } from './json-ld.ts'
import { linkFrom, renderPage } from './layout.ts'

/**
 * The home page: the feed's items as headlines (newest first, as many as the
 * feeds hold), and the three feeds offered to people, not only to readers'
 * autodiscovery.
 */
export function homePage(model: FeedModel, config: Config): string {
  const url = config.url
  const link = linkFrom({ url })
  const feeds = feedList(config)
  const headlines =
    model.items.length === 0
      ? [h('p', 'Nothing has been published yet.')]
      : [
          h(
            'ul.headlines',
            model.items.map((item) =>
              h('li', [
                h('h3', [h('a', { href: link(item.url) }, item.title)]),
                h('p.meta', [
                  h('time', { dateTime: item.published.toISOString() }, displayDate(item.published, config.language, config.timeZone)),
                ]),
                h('p', item.summary),
              ]),
            ),
          ),
        ]
  return renderPage(config, {
    url,
    title: config.title,
    description: config.description,
    isHome: true,
    head: [
      h('link', { rel: 'canonical', href: url }),
      jsonLdScript({ '@context': 'https://schema.org', '@type': 'WebSite', name: config.title, description: config.description, url }),
    ],
    main: [
      h('h1', config.title),
      h('p.standfirst', config.description),
      h('section', { ariaLabelledBy: 'latest' }, [h('h2', { id: 'latest' }, 'Latest headlines'), ...headlines]),
      h('section', { ariaLabelledBy: 'subscribe' }, [
        h('h2', { id: 'subscribe' }, 'Subscribe'),
        h('p', [
          'Get every new article in your news reader app, with no account and no tracking: ',
          'add one of these feeds to it (most readers also find them if you give them this page’s address).',
        ]),
        h(
          'ul.feeds',
          feeds.map((feed) => h('li', [h('a', { href: link(feed.url), type: feed.type }, feed.format), `: ${feed.url}`])),
        ),
      ]),
    ],
  })
}
