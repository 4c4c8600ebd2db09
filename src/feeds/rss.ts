import { createFeed } from './channel.ts'
import type { FeedModel } from './build.ts'
import { addFeedHistory } from './history.ts'
import { addRootAttributes, createSlots } from './xml-slots.ts'

/**
 * RSS 2.0, with bylines in `dc:creator`, the lead image as `media:content`,
 * and RFC 5005 links as `atom:link`. `edit` changes the document before its
 * slots are filled (see `withFeedView`): an edit after would copy the whole
 * document, every item's content with it.
 */
export function toRss(model: FeedModel, edit: (xml: string) => string = (xml) => xml): string {
  const { slot, fill } = createSlots()
  const feed = createFeed(model, slot)
  for (const item of model.items) {
    feed.addItem({
      title: slot(item.title),
      id: slot(item.id),
      link: item.url,
      date: item.updated,
      published: item.published,
      description: slot(item.summaryHtml),
      content: slot(item.contentHtml),
      category: item.tags.map((tag) => ({ name: slot(tag) })),
      // Not `author`: RSS's <author> must be an e-mail address; a byline is `dc:creator`.
      extensions: [
        // xml-js writes an array as repeated elements; feed's type says only "object".
        { name: 'dc:creator', objects: item.authors.map((name) => ({ _text: slot(name) })) as unknown as Record<string, unknown> },
        ...(item.image
          ? [
              {
                name: 'media:content',
                objects: {
                  _attributes: { url: slot(item.image.url), type: item.image.type, medium: 'image' },
                  'media:description': { _attributes: { type: 'plain' }, _text: slot(item.image.alt) },
                },
              },
            ]
          : []),
      ],
    })
  }
  const xml = addRootAttributes(feed.rss2(), 'rss', {
    'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
    'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
    'xmlns:atom': 'http://www.w3.org/2005/Atom',
    'xmlns:media': 'http://search.yahoo.com/mrss/',
  })
  return fill(`${edit(addFeedHistory(xml, 'rss', model.history, slot))}\n`)
}
