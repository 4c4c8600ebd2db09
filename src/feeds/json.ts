import { createFeed } from './channel.ts'
import type { FeedItem, FeedModel } from './model.ts'
import { createSlots } from './xml/slots.ts'

/**
 * JSON Feed 1.1. `feed`'s `json1()` writes version 1 (a single `author`, no
 * `authors`, no `language`), so we take what it wrote and complete it to 1.1
 * from the model; key order is fixed here, so the bytes are stable. Each
 * item's content goes through as a slot (src/feeds/xml/slots.ts), filled once
 * the document is written: otherwise it would be written, parsed and written again.
 *
 * Two extensions, as JSON Feed allows (keys starting with `_`, which readers
 * that do not know them ignore), both named `_wirefeed`: an item's holds its
 * corrections as data (`corrections`: `date`, `kind`, `note`), besides the
 * notes its `content_html` ends with, and what JSON Feed cannot say of its
 * lead image (`image`: `alt`, `caption` and `credit` when there are, `width`
 * and `height` in pixels and `size_in_bytes` when the site has the file, and
 * `mime_type`, named as JSON Feed names them in attachments); the document's holds the retractions
 * it announces (`retractions`: `id`, `url`, `date`, `reason`), as Atom's
 * `at:deleted-entry` elements do (RFC 6721).
 */
export function toJsonFeed(model: FeedModel): string {
  const slots = createSlots()
  const feed = createFeed(model)
  for (const item of model.items) {
    feed.addItem({
      title: item.title,
      id: item.id,
      link: item.url,
      date: item.updated,
      published: item.published,
      description: item.summary,
      content: slots.slot(item.contentHtml),
      category: item.tags.map((name) => ({ name })),
      ...(item.image && { image: item.image.url }),
    })
  }
  const v1 = JSON.parse(feed.json1()) as { items: Record<string, unknown>[] }
  const upgraded = {
    version: 'https://jsonfeed.org/version/1.1',
    title: model.title,
    home_page_url: model.page,
    feed_url: model.self.json,
    description: model.description,
    // JSON Feed's pagination leads to older items: the next older archive (RFC 5005's prev-archive).
    ...(model.history?.prevArchive && { next_url: model.history.prevArchive.json }),
    // JSON Feed 1.1: `icon` square, 512 px suits; `favicon` square, at least 64 px. The icon is both.
    ...(model.icon && { icon: model.icon.url, favicon: model.icon.url }),
    language: model.language,
    ...(model.hub !== undefined && { hubs: [{ type: 'WebSub', url: model.hub }] }),
    ...(model.tombstones.length > 0 && {
      _wirefeed: {
        retractions: model.tombstones.map((tombstone) => ({
          id: tombstone.id,
          ...(tombstone.url !== undefined && { url: tombstone.url }),
          date: tombstone.when.toISOString(),
          ...(tombstone.reason !== undefined && { reason: tombstone.reason }),
        })),
      },
    }),
    items: model.items.map((item, index) => upgradeItem(v1.items[index] ?? {}, item)),
  }
  return slots.fillJson(`${JSON.stringify(upgraded, null, 2)}\n`, 'content_html')
}

function upgradeItem(v1: Record<string, unknown>, item: FeedItem) {
  return {
    id: item.id,
    url: v1.url,
    title: v1.title,
    summary: item.summary,
    content_html: v1.content_html,
    ...(v1.image !== undefined && { image: v1.image }),
    date_published: v1.date_published,
    date_modified: v1.date_modified,
    authors: item.people.map((person) => ({
      name: person.name,
      ...(person.url !== undefined && { url: person.url }),
      ...(person.avatar !== undefined && { avatar: person.avatar }),
    })),
    ...(item.tags.length > 0 && { tags: v1.tags }),
    language: item.language,
    ...((item.corrections.length > 0 || item.image) && {
      _wirefeed: {
        ...(item.image && {
          image: {
            alt: item.image.alt,
            ...(item.image.caption !== undefined && { caption: item.image.caption }),
            ...(item.image.credit !== undefined && { credit: item.image.credit }),
            ...(item.image.width !== undefined && { width: item.image.width, height: item.image.height }),
            mime_type: item.image.type,
            ...(item.image.bytes !== undefined && { size_in_bytes: item.image.bytes }),
          },
        }),
        ...(item.corrections.length > 0 && {
          corrections: item.corrections.map((entry) => ({ date: entry.at.toISOString(), kind: entry.kind, note: entry.note })),
        }),
      },
    }),
  }
}
