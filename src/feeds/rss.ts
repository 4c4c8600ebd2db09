import { createFeed } from './channel.ts'
import { textToHtml, type FeedModel } from './model.ts'
import { editFeedXml } from './xml/edit.ts'
import { createSlots } from './xml/slots.ts'

/**
 * RSS 2.0, with the site's icon as `<image>`, bylines in `dc:creator`, the lead image as `media:content`,
 * RFC 5005 links as `atom:link`, and an item's update time, when it has
 * one, as `atom:updated`. `view`: see `XmlAdditions`.
 *
 * Why `atom:updated` and not `dcterms:modified`: the W3C validator takes
 * either, but of the readers' parsers, SimplePie (FreshRSS, WordPress),
 * gofeed (Miniflux's and many Go readers' library) and Python's feedparser
 * read `atom:updated` in an RSS item, and only feedparser reads
 * `dcterms:modified`; and the document declares the Atom namespace already.
 * Not `dc:date`, which readers take for the publication time, and which the
 * validator reports beside `pubDate` (`DuplicateItemSemantics`).
 */
export function toRss(model: FeedModel, view?: string): string {
  const slots = createSlots()
  const { slot } = slots
  // RSS 2.0's `<image>` is a GIF, JPEG or PNG (as the icon is); without `width` and `height`, which
  // may not pass 144 and 400 pixels: readers show it at their own size.
  const feed = createFeed(model, slot, textToHtml(model.description), { ...(model.icon && { image: model.icon.url }) })
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
        ...(item.updated.getTime() > item.published.getTime() ? [{ name: 'atom:updated', objects: { _text: item.updated.toISOString() } }] : []),
        // xml-js writes an array as repeated elements; feed's type says only "object".
        { name: 'dc:creator', objects: item.authors.map((name) => ({ _text: slot(name) })) as unknown as Record<string, unknown> },
        ...(item.image
          ? [
              {
                name: 'media:content',
                objects: {
                  _attributes: {
                    url: slot(item.image.url),
                    type: item.image.type,
                    medium: 'image',
                    // Media RSS 1.5.1: size and length, when the site has the file.
                    ...(item.image.bytes !== undefined && { fileSize: String(item.image.bytes) }),
                    ...(item.image.width !== undefined && { width: String(item.image.width), height: String(item.image.height) }),
                  },
                  // Media RSS: the caption, as readers show it under the picture; else the alt text.
                  'media:description': { _attributes: { type: 'plain' }, _text: slot(item.image.caption ?? item.image.alt) },
                  ...(item.image.credit !== undefined && { 'media:credit': { _text: slot(item.image.credit) } }),
                  // The image itself as its thumbnail: readers that list items with a picture take this one.
                  'media:thumbnail': {
                    _attributes: {
                      url: slot(item.image.url),
                      ...(item.image.width !== undefined && { width: String(item.image.width), height: String(item.image.height) }),
                    },
                  },
                },
              },
            ]
          : []),
      ],
    })
  }
  const root = {
    'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
    'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
    'xmlns:atom': 'http://www.w3.org/2005/Atom',
    'xmlns:media': 'http://search.yahoo.com/mrss/',
  }
  const xml = editFeedXml(feed.rss2(), 'rss', slot, {
    root,
    ...(model.history && { history: model.history }),
    ...(model.polling && { polling: model.polling }),
    ...(view !== undefined && { view, ...(model.viewLanguage !== undefined && { viewLanguage: model.viewLanguage }) }),
  })
  return `${slots.fillXml(xml)}\n`
}
