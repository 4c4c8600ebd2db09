import { imageTypes } from '../schema.ts'
import type { FeedModel } from './build.ts'
import { createFeed } from './channel.ts'
import { addFeedHistory } from './history.ts'
import { addRootAttributes, createSlots } from './xml-slots.ts'

/** Atom 1.0 (RFC 4287), with RFC 5005 links; `edit` as in `toRss`. */
export function toAtom(model: FeedModel, edit: (xml: string) => string = (xml) => xml): string {
  const { slot, fill } = createSlots()
  const feed = createFeed(model, slot)
  for (const item of model.items) {
    feed.addItem({
      // Atom titles and summaries are written `type="html"`: give them HTML.
      title: slot(item.titleHtml),
      id: item.id,
      link: item.url,
      date: item.updated,
      published: item.published,
      description: slot(item.summaryHtml),
      content: slot(item.contentHtml),
      author: item.authors.map((name) => ({ name: slot(name) })),
      // A name alone gives no `term`, which Atom requires.
      category: item.tags.map((tag) => ({ term: slot(tag) })),
      ...(item.image && { image: { url: item.image.url, title: slot(item.image.alt) } }),
    })
  }
  const xml = addRootAttributes(feed.atom1(), 'feed', { 'xml:lang': model.language })
  return fill(`${edit(withImageTypes(addFeedHistory(xml, 'atom', model.history, slot)))}\n`)
}

/**
 * `feed` types an image link `image/` + its file extension (`image/jpg`,
 * `image/svg`), which are not media types. All free text is still in slots at
 * this point, so the only `type="image/…"` attributes are those links.
 */
function withImageTypes(xml: string) {
  return xml.replace(/ type="image\/([^"]*)"/g, (whole, extension: string) => {
    const type = imageTypes[extension.toLowerCase() as keyof typeof imageTypes]
    return type ? ` type="${type}"` : whole
  })
}
