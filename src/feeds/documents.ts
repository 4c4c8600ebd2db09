import type { Config } from '../config.ts'
import type { Retraction } from '../ids.ts'
import { outputFile, type OutputFile } from '../output.ts'
import type { BodyOf, ShownArticle } from '../shown.ts'
import { feedArchives, monthsIn, tombstoneOf } from './archives.ts'
import { toAtom } from './atom.ts'
import { toJsonFeed } from './json.ts'
import { fillToBudget, type Fill, type Measured } from './budget.ts'
import { feedFiles, feedModel, newestFirst, siteFeed, teaserOf, type FeedModel, type FeedModelOptions, type FeedSpec } from './model.ts'
import { opmlFile, toOpml } from './opml.ts'
import { pollingHint } from './polling.ts'
import { toRss } from './rss.ts'
import { topicFeed, topicsOf } from './topics.ts'
import { languageFeedLink, languageFeedsOf } from './languages.ts'

/**
 * Every feed document of the site: the site's feed, each tag's
 * (`tags/<slug>/`), each author's (`authors/<slug>/`), each section's that
 * has articles (`sections/<slug>/`), and on a site in several languages each
 * language's (`languages/<tag>/`), each with its
 * monthly archives (src/feeds/archives.ts), in RSS, Atom and JSON Feed; then
 * `feeds.opml`, which lists them; then each partner profile's document
 * (`profileDocuments`). The site's subscription documents hold the newest
 * of their `feedItems` articles that fit in `feedBytes` (src/feeds/budget.ts);
 * their retractions and links are those of all `feedItems`, whatever fits.
 *
 * The site's subscription documents carry each article whole, its body from
 * `bodyOf`. Topic feeds carry teasers (see `teaserOf`), and so do the site's
 * archives unless the config asks for `archives: full`: with the full text
 * in every document that lists an article, 10,000 articles made about 1.5 GB
 * of feeds, past GitHub Pages' 1 GB limit for a whole site. An article that
 * says `feed: summary` is a teaser in every document (see `feedModel`).
 *
 * The site's documents also announce `retractions` (src/feeds/archives.ts
 * says which of them); every subscription document says how often to look
 * again, from the publish schedule (src/feeds/polling.ts).
 *
 * Each is made only when the writer asks for it, and says what it is made
 * of: so memory holds one document's items at a time however large the
 * archive, and a rebuild can keep the documents whose articles did not change.
 */
export function* feedDocuments(
  articles: readonly ShownArticle[],
  config: Config,
  bodyOf: BodyOf,
  retractions: readonly Retraction[] = [],
): Generator<OutputFile> {
  const monthOf = monthsIn(config.timeZone)
  const topics = topicsOf(articles, config)
  const teasers: BodyOf = (article) => teaserOf(article, config)
  const polling = pollingHint(config.schedule)
  const languages = languageFeedsOf(articles, config)
  const feeds = [
    { feed: siteFeed(config), articles, topic: false, record: { retractions, polling } },
    ...topics.map(({ feed, articles }) => ({ feed, articles, topic: true, record: { polling } })),
    // A language's feed is the site's in one language: whole texts, filled to the same budget.
    ...languages.map(({ feed, articles }) => ({ feed, articles, topic: false, record: { polling } })),
  ]
  for (const { feed, articles: own, topic, record } of feeds) {
    for (const { folder, articles: members, archive, options } of feedArchives(own, config, feed, monthOf, record)) {
      const whole = !topic && (!archive || config.archives === 'full')
      // The view's files are at the site's root: from `tags/ukraine/archive/2026/01/`, five folders up.
      const view = '../'.repeat(folder.split('/').length - 1)
      // A teaser model serves the three formats, made when the first of them is. A whole one is made for each:
      // it holds bodies, and a listing kept from one build to the next (src/engine/listing.ts) must read each afresh.
      let model: FeedModel | undefined
      const made = () => (whole ? feedModel(members, config, feed, bodyOf, options) : (model ??= feedModel(members, config, feed, teasers, options)))
      const file = (name: string, content: () => string) =>
        outputFile(folder + name, content, { articles: members, whole, with: [folder + name, feed, options] })
      if (topic || archive) {
        yield file(feedFiles.rss, () => toRss(made(), view))
        yield file(feedFiles.atom, () => toAtom(made(), view))
        yield file(feedFiles.json, () => toJsonFeed(made()))
        continue
      }
      // The site's subscription documents: the newest `feedItems` that fit in `feedBytes` (src/feeds/budget.ts).
      for (const format of formats) yield file(feedFiles[format], () => subscriptionFill(format, { members, options, feed, view }, config, bodyOf).text)
    }
  }
  yield outputFile(opmlFile, toOpml(config, topics.map((topic) => topicFeed(topic, config)), languages.map((entry) => languageFeedLink(entry, config))))
  yield* profileDocuments(articles, config, bodyOf, retractions)
}

/** The site's subscription document in `format`, filled to `feedBytes`. */
function subscriptionFill(
  format: FeedFormat,
  { members, options, feed, view }: { members: readonly ShownArticle[]; options: FeedModelOptions; feed: FeedSpec; view: string },
  config: Config,
  bodyOf: BodyOf,
  measured?: Measured,
): Fill {
  const body = remembered(bodyOf)
  return fillToBudget(members, writer(format, (list) => feedModel(list, config, feed, body, options), view), config.feedBytes, measured)
}

/** A document filled to a byte budget, as `check` and the build's report tell of it. */
export interface BudgetedDocument {
  path: string
  /** The partner profile's name; absent for the site's own feed. */
  profile?: string
  maxBytes: number
  /** Fewer kept than this is a problem (a profile's `minItems`); 0 for the site's feed. */
  minItems: number
  /** The articles it could hold, newest first (`feedItems`, a profile's `maxItems`), and how many it holds. */
  candidates: readonly ShownArticle[]
  /** How many more there were beyond `feedItems` or `maxItems`, never considered. */
  beyond: number
  kept: number
  bytes: number
  /** The empty document's bytes, and each measured candidate's share (see `Fill`). */
  envelope: number
  shares: readonly number[]
}

/**
 * A document with a byte budget, before it is filled: `fill` writes it as
 * the build does (see `fillToBudget`), taking the candidates' shares that are
 * `measured` already.
 */
export interface BudgetPlan extends Omit<BudgetedDocument, 'kept' | 'bytes' | 'envelope' | 'shares'> {
  fill: (measured?: Measured) => Fill
}

/**
 * Every document with a byte budget, to be filled as the build writes it:
 * the site's three subscription documents and each profile's, with every
 * candidate measured once when filled: for the build's report (a warning
 * when the site's feed leaves articles out, an error-free warning when a
 * profile holds fewer than its `minItems`) and for `check --profile`.
 * `only`: one profile's alone.
 */
export function* budgetedDocuments(
  articles: readonly ShownArticle[],
  config: Config,
  bodyOf: BodyOf,
  retractions: readonly Retraction[] = [],
  only?: string,
): Generator<BudgetPlan> {
  if (only === undefined) {
    const feed = siteFeed(config)
    const polling = pollingHint(config.schedule)
    const [subscription] = feedArchives(articles, config, feed, monthsIn(config.timeZone), { retractions, polling })
    if (subscription) {
      const members = subscription.articles
      for (const format of formats) {
        const fill = (measured?: Measured) => subscriptionFill(format, { members, options: subscription.options, feed, view: '' }, config, bodyOf, measured)
        yield { path: feedFiles[format], maxBytes: config.feedBytes, minItems: 0, candidates: members, beyond: Math.max(0, articles.length - members.length), fill }
      }
    }
  }
  for (const [name, profile] of Object.entries(config.profiles)) {
    if (only !== undefined && name !== only) continue
    const { candidates, write } = profileWriter(name, profile, articles, config, bodyOf, retractions)
    const fill = (measured?: Measured) => fillToBudget(candidates, write, profile.maxBytes, measured)
    yield { path: profilePath(name, profile.format), profile: name, maxBytes: profile.maxBytes, minItems: profile.minItems, candidates, beyond: articles.length - candidates.length, fill }
  }
}

/** `plan`'s document as `fill` (its `fill()`) filled it, as the report tells of it. */
export function filledDocument(plan: BudgetPlan, fill: Fill): BudgetedDocument {
  const { fill: _plan, ...document } = plan
  const { text: _text, ...measures } = fill
  return { ...document, ...measures }
}

const formats = ['rss', 'atom', 'json'] as const
export type FeedFormat = (typeof formats)[number]

/** What writes a document of `format` from its articles, newest first. */
function writer(format: FeedFormat, model: (articles: readonly ShownArticle[]) => FeedModel, view?: string) {
  switch (format) {
    case 'rss':
      return (articles: readonly ShownArticle[]) => toRss(model(articles), view)
    case 'atom':
      return (articles: readonly ShownArticle[]) => toAtom(model(articles), view)
    case 'json':
      return (articles: readonly ShownArticle[]) => toJsonFeed(model(articles))
  }
}

/** `bodyOf`, each body read once: a budget writes an item once alone and once in its document. */
function remembered(bodyOf: BodyOf): BodyOf {
  const bodies = new Map<string, string>()
  return (article) => {
    let body = bodies.get(article.id)
    if (body === undefined) bodies.set(article.id, (body = bodyOf(article)))
    return body
  }
}

/** Where a partner profile's document is published, relative to the site URL (see `Config['profiles']`). */
export function profilePath(name: string, format: FeedFormat): string {
  return `partners/${name}/${feedFiles[format]}`
}

/**
 * A profile's document as it would be filled: its candidates (the newest
 * `maxItems`), and what fits (see `fillToBudget`). For `check --profile`,
 * and for the file itself.
 */
export function profileFill(name: string, articles: readonly ShownArticle[], config: Config, bodyOf: BodyOf, retractions: readonly Retraction[] = []) {
  const profile = config.profiles[name]
  if (!profile) throw new Error(`no profile ${name}`)
  const { candidates, write } = profileWriter(name, profile, articles, config, bodyOf, retractions)
  return { profile, candidates, ...fillToBudget(candidates, write, profile.maxBytes) }
}

type Profile = Config['profiles'][string]

function profileWriter(name: string, profile: Profile, articles: readonly ShownArticle[], config: Config, bodyOf: BodyOf, retractions: readonly Retraction[]) {
  const candidates = [...articles].sort(newestFirst).slice(0, profile.maxItems)
  // No hub (only the site's feed is announced), no archive links: a partner fetches this one document.
  const { title, description } = siteFeed(config)
  // Its folder has no page: it shows what the home page shows, and its id is its own address.
  const feed: FeedSpec = { folder: `partners/${name}/`, title, description, page: '', id: profilePath(name, profile.format) }
  const body = profile.content === 'full' ? remembered(bodyOf) : (article: ShownArticle) => teaserOf(article, config)
  const polling = pollingHint(config.schedule)
  // As the site's feed does, the retractions made since the oldest item it may hold: the same whatever fits,
  // so that each item's share of the document is what it adds (src/feeds/budget.ts).
  const oldest = candidates.at(-1)?.date.getTime() ?? Number.NEGATIVE_INFINITY
  const tombstones = retractions.flatMap((retraction) => tombstoneOf(retraction) ?? []).filter((tombstone) => tombstone.when.getTime() >= oldest)
  const options = { ...(polling && { polling }), ...(tombstones.length > 0 && { tombstones }) }
  const write = writer(profile.format, (list) => feedModel(list, config, feed, body, options))
  return { candidates, write }
}

/**
 * Each partner profile's document (the config's `profiles`), at
 * `partners/<name>/feed.xml`, `atom.xml` or `feed.json` by its format: the
 * newest `maxItems` articles that fit in `maxBytes`, whole or as teasers
 * (an article's `feed: summary` wins), never listed in `feeds.opml`: a
 * partner is given its URL.
 */
function* profileDocuments(articles: readonly ShownArticle[], config: Config, bodyOf: BodyOf, retractions: readonly Retraction[]): Generator<OutputFile> {
  for (const [name, profile] of Object.entries(config.profiles)) {
    const path = profilePath(name, profile.format)
    const candidates = [...articles].sort(newestFirst).slice(0, profile.maxItems)
    yield outputFile(path, () => profileFill(name, articles, config, bodyOf, retractions).text, {
      articles: candidates,
      whole: profile.content === 'full',
      with: [path, profile, retractions],
    })
  }
}
