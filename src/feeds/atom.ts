import { createFeed } from './channel.ts'
import type { FeedModel } from './model.ts'
import { editFeedXml } from './xml/edit.ts'
import { createSlots } from './xml/slots.ts'

/** Atom 1.0 (RFC 4287), with RFC 5005 links and RFC 6721 tombstones. `view`: see `XmlAdditions`. */
export function toAtom(model: FeedModel, view?: string): string {
  const slots = createSlots()
  const { slot } = slots
  // RFC 4287 §4.2.5 and §4.2.14: `icon` square, `logo` wide.
  const feed = createFeed(model, slot, model.description, {
    ...(model.logo && { image: model.logo.url }),
    ...(model.icon && { favicon: model.icon.url }),
  })
  for (const item of model.items) {
    feed.addItem({
      // Plain text, written `type="text"` (src/feeds/xml/edit.ts): `feed` says `type="html"`.
      title: slot(item.title),
      id: item.id,
      link: item.url,
      date: item.updated,
      published: item.published,
      description: slot(item.summary),
      content: slot(item.contentHtml),
      // `link` is written as `uri` (RFC 4287 §3.2.2): the author's page, from the register.
      author: item.people.map((person) => ({ name: slot(person.name), ...(person.url !== undefined && { link: person.url }) })),
      // A name alone gives no `term`, which Atom requires.
      category: item.tags.map((tag) => ({ term: slot(tag) })),
      ...(item.image && { image: { url: item.image.url, title: slot(item.image.alt) } }),
    })
  }
  const xml = editFeedXml(feed.atom1(), 'atom', slot, {
    root: { 'xml:lang': model.language },
    ...(model.history && { history: model.history }),
    ...(model.tombstones.length > 0 && { tombstones: model.tombstones }),
    ...(view !== undefined && { view, ...(model.viewLanguage !== undefined && { viewLanguage: model.viewLanguage }) }),
    entryLanguages: model.items.map((item) => (item.language === model.language ? undefined : item.language)),
  })
  return `${slots.fillXml(xml)}\n`
}
