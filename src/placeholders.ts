import type { Root } from 'mdast'
import { report } from './messages.ts'
import type { Article } from './validate.ts'

/** What `wirefeed new` writes for an editor to replace: it must never be published. */
export const placeholder = {
  summary: 'One or two sentences that tell the reader what happened.',
  body: ['Write the article here. Use `## ` for sub-headings.', 'Remove `draft: true` above when it is ready to publish.'],
}

/**
 * Report, as errors, the placeholder text an article that is not a draft
 * still holds: its summary, or a paragraph of its body, as `new` wrote them.
 */
export function checkPlaceholders(article: Article, tree: Root) {
  if (article.draft) return
  const { file, places } = article
  if (article.summary === placeholder.summary) report(file, 'placeholder-text', places.summary, { field: 'summary' })
  const text = String(file.value)
  for (const node of tree.children) {
    const { start, end } = node.position ?? {}
    if (node.type !== 'paragraph' || start?.offset === undefined || end?.offset === undefined) continue
    if (placeholder.body.includes(text.slice(start.offset, end.offset))) report(file, 'placeholder-text', start, { field: 'body' })
  }
}
