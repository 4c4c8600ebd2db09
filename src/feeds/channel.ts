import { Feed } from 'feed'
import type { FeedModel } from './model.ts'

/**
 * A `feed` instance with the channel every format shares. `text` wraps each
 * free-text value (a slot for XML, identity for JSON); `description` is the
 * channel's, as the format reads it (RSS readers read HTML there). The self
 * links go in `feedLinks`, never in `feed`, which would override Atom's self
 * link with the RSS URL. `updated` is always given, since `feed` falls back
 * to the wall clock. `images` are the channel's, as the format names them:
 * `feed` writes `image` as RSS `<image>`, Atom `logo` and JSON Feed `icon`,
 * and `favicon` as Atom `icon`; each format passes the one it means.
 */
export function createFeed(
  model: FeedModel,
  text: (value: string) => string = (value) => value,
  description = model.description,
  images: { image?: string; favicon?: string } = {},
): Feed {
  return new Feed({
    id: text(model.id),
    title: text(model.title),
    description: text(description),
    link: model.page,
    language: model.language,
    ...(model.copyright !== undefined && { copyright: text(model.copyright) }),
    updated: model.updated,
    generator: model.generator,
    feedLinks: model.self,
    ...(model.hub !== undefined && { hub: model.hub }),
    ...(images.image !== undefined && { image: images.image }),
    ...(images.favicon !== undefined && { favicon: images.favicon }),
  })
}
