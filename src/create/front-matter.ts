import { stringify } from 'yaml'
import type { ArticleData } from '../schema.ts'

/** An article source: YAML front matter between fences, a blank line, the body. */
export function articleSource(data: ArticleData, body: string): string {
  // Keep long headlines on one line: editors search and diff them.
  return `---\n${stringify(data, { lineWidth: 0 })}---\n\n${body.trimEnd()}\n`
}
