// The package's entry point (`import { build } from 'wirefeed'`): re-exports only.
// tests/index.test.ts pins this list; README.md's "Programmatic use" documents it.
export { build, check, defaults, readConfig, Refused, type CheckOptions, type CheckReport, type Listing, type Options, type ProfileItem, type ProfileReport, type Problem, type Report } from './api.ts'
export { configSchema, resolveConfig, validateConfig, type Config, type ConfigInput } from './config.ts'
export { articleSchema, type ArticleData } from './schema.ts'
export { validateArticle, type Article } from './validate.ts'
export { renderBody, type RenderedBody } from './render.ts'
export { analyseSource, type Analysis } from './analyse.ts'
export { feedModel, siteFeed, type FeedItem, type FeedModel } from './feeds/model.ts'
export { toRss } from './feeds/rss.ts'
export { toAtom } from './feeds/atom.ts'
export { toJsonFeed } from './feeds/json.ts'
export { buildSite, type Site, type SiteOptions } from './site.ts'
export { formatReport, problemsOf, type ReportFormat } from './report.ts'
