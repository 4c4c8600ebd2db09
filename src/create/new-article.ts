import { DateTime } from 'luxon'
import type { Config } from '../config.ts'
import { placeholder } from '../placeholders.ts'
import { permanentIdFor } from '../validate.ts'
import { articleSource } from './front-matter.ts'
import { slugFromHeadline } from '../slug.ts'

export interface NewArticle {
  /** Path relative to the articles folder: `<yyyy>/<slug>.md`. */
  path: string
  text: string
}

/** What a new article says before an editor writes it. */
export interface ArticleContent {
  summary: string
  body: string
}

const placeholderContent: ArticleContent = { summary: placeholder.summary, body: placeholder.body.join('\n\n') }

/**
 * A new article skeleton: valid front matter filled in (date now in the site's
 * time zone, the default author, the permanent id) and marked `draft: true`,
 * so nothing goes out before an editor has written it and removed that line.
 */
export function newArticle(headline: string, config: Config, now: Date, content: ArticleContent = placeholderContent): NewArticle {
  const local = DateTime.fromJSDate(now, { zone: config.timeZone }).startOf('second')
  const slug = slugFromHeadline(headline) || `article-${local.toFormat('yyyy-MM-dd-HHmm')}`
  const date = local.toISO({ suppressMilliseconds: true }) ?? ''
  const text = articleSource(
    {
      title: headline,
      summary: content.summary,
      author: config.author,
      date,
      id: permanentIdFor(config, local.toISODate() ?? '', slug),
      draft: true,
    },
    content.body,
  )
  return { path: `${local.toFormat('yyyy')}/${slug}.md`, text }
}
