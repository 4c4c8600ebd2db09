import { createHash } from 'node:crypto'
import type { Config } from '../config.ts'
import { byCodePoint } from '../order.ts'
import { slugFromHeadline } from '../slug.ts'
import type { Article } from '../validate.ts'
import { xmlSafe } from '../xml-safe.ts'
import { offeredFeed, type FeedSpec, type FeedUrls } from './model.ts'

export type TopicKind = 'tag' | 'author' | 'section'

/** A tag, an author or a section, with its feed and its articles. */
export interface Topic<A> {
  kind: TopicKind
  /** As written in the articles (and as their items carry it). */
  name: string
  /** URL-safe, stable, unique among the topics of its kind. */
  slug: string
  feed: FeedSpec
  /** Every article with this tag, by this author or in this section, in the order given. */
  articles: A[]
}

/** A tag's, an author's or a section's feed, as pages and the OPML list offer it. */
export interface TopicFeed {
  kind: TopicKind
  /** The tag, byline or section, as written in the articles. */
  name: string
  /** The feed's channel title: "Site — Ukraine". */
  title: string
  self: FeedUrls
  /** Its page, at its feeds' folder (src/pages/topic-page.ts): their id and alternate link. */
  page: string
}

/** `topic`'s feed as pages and the OPML list offer it. */
export function topicFeed(topic: Topic<unknown>, config: Config): TopicFeed {
  return { kind: topic.kind, name: topic.name, ...offeredFeed(topic.feed, config) }
}

/** Where each kind's feeds live, relative to the site URL. */
export const topicFolders = { tag: 'tags/', author: 'authors/', section: 'sections/' } as const

/**
 * Every tag, author and section of `articles`, each with its feed: tags
 * first, then authors, each kind in slug order, then sections in the
 * config's order (a section with no articles has none). A name is a topic
 * exactly as written (`Ukraine` and `ukraine` are two), as the feeds'
 * categories and bylines are.
 */
export function topicsOf<A extends Pick<Article, 'tags' | 'authors' | 'section'>>(articles: readonly A[], config: Config): Topic<A>[] {
  const kinds: Array<[TopicKind, (article: A) => string[]]> = [
    ['tag', (article) => article.tags],
    ['author', (article) => article.authors],
    ['section', (article) => (article.section === undefined ? [] : [article.section])],
  ]
  return kinds.flatMap(([kind, namesOf]) => {
    const byName = new Map<string, A[]>()
    for (const article of articles) {
      // An article that lists a name twice is still one item in its feed.
      for (const name of new Set(namesOf(article).map(xmlSafe))) {
        const list = byName.get(name)
        if (list) list.push(article)
        else byName.set(name, [article])
      }
    }
    // A registered author's slug is theirs (src/authors.ts); other names get theirs around it.
    const slugs = kind === 'section' ? sectionSlugs(config) : topicSlugs(byName.keys(), kind, kind === 'author' ? registeredSlugs(config) : undefined)
    const order = (topic: Topic<A>) => config.sections.indexOf(topic.name)
    return [...byName]
      .map(([name, list]): Topic<A> => {
        const slug = slugs.get(name) ?? ''
        return { kind, name, slug, feed: feedOf(kind, name, slug, config), articles: list }
      })
      .sort((a, b) => (kind === 'section' ? order(a) - order(b) : byCodePoint(a.slug, b.slug)))
  })
}

const sectionSlugsOf = new WeakMap<Config, Map<string, string>>()

/**
 * Each of the config's sections' slugs, from the config's list alone: so a
 * section's folder is known to every page that links to it, and never moves
 * as articles come and go.
 */
function sectionSlugs(config: Config): Map<string, string> {
  let slugs = sectionSlugsOf.get(config)
  if (slugs === undefined) sectionSlugsOf.set(config, (slugs = topicSlugs(config.sections, 'section')))
  return slugs
}

/** The page of the config's section `name` (its feeds' folder), where a listed story's section links to. */
export function sectionPage(name: string, config: Config): string {
  return new URL(`${topicFolders.section}${sectionSlugs(config).get(name) ?? ''}/`, config.url).href
}

/**
 * The topic's name goes in the title only: RSS readers (and our XSS scan) may
 * read a channel's `description` as HTML, and a name is article text, so
 * `<b>` in a tag must never get there. The description is the site's.
 */
function feedOf(kind: TopicKind, name: string, slug: string, config: Config): FeedSpec {
  return { folder: `${topicFolders[kind]}${slug}/`, title: `${config.title} — ${name}`, description: config.description }
}

/**
 * Each name's slug, the last part of its feeds' folder. A name gets
 * `slugFromHeadline(name)` (`Україна` → `ukraina`, `R&D` → `r-and-d`) when no
 * other name of its kind gives the same; when several do (`Ukraine` and
 * `ukraine`), or it gives nothing (`中国`), each such name gets
 * `<slug or kind>--<hash>`, eight hex digits of the SHA-256 of the name.
 *
 * A name the authors' register gives a slug (`fixed`) has that one; a name
 * whose own slug the register gives another is hashed, as in a clash.
 *
 * So a slug depends only on its own name and on whether another name clashes
 * with it, never on the order the names come in, and no name ever takes
 * another's folder. `slugFromHeadline` never writes `--`, so a hashed slug
 * cannot equal a plain one. Should two hashes clash in their first eight
 * digits (a chance of one in four billion per pair), the hashed slugs all
 * get longer ones until none do.
 */
export function topicSlugs(names: Iterable<string>, kind: TopicKind, fixed: ReadonlyMap<string, string> = new Map()): Map<string, string> {
  const byBase = new Map<string, string[]>()
  const taken = new Set(fixed.values())
  const slugs = new Map<string, string>()
  for (const name of new Set(names)) {
    const own = fixed.get(name)
    if (own !== undefined) {
      slugs.set(name, own)
      continue
    }
    const slug = slugFromHeadline(name)
    // A slug the register gives another name is not free: this name is hashed, as in a clash.
    const base = /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) && !taken.has(slug) ? slug : ''
    const group = byBase.get(base)
    if (group) group.push(name)
    else byBase.set(base, [name])
  }
  const clashing: Array<{ name: string; prefix: string }> = []
  for (const [base, group] of byBase) {
    if (base !== '' && group.length === 1) slugs.set(group[0] ?? '', base)
    else clashing.push(...group.map((name) => ({ name, prefix: `${base || (taken.has(slugFromHeadline(name)) ? slugFromHeadline(name) : kind)}--` })))
  }
  for (let digits = 8; ; digits *= 2) {
    const hashed = clashing.map(({ name, prefix }) => prefix + hash(name).slice(0, digits))
    if (new Set(hashed).size === hashed.length || digits >= 64) {
      clashing.forEach(({ name }, index) => slugs.set(name, hashed[index] ?? ''))
      return slugs
    }
  }
}

/** The slugs the authors' register gives (src/authors.ts), by name. */
function registeredSlugs(config: Config): Map<string, string> {
  return new Map((config.authors ?? []).flatMap((author) => (author.slug === undefined ? [] : [[xmlSafe(author.name), author.slug] as const])))
}

function hash(name: string) {
  return createHash('sha256').update(name).digest('hex')
}

