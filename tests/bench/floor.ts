// The floor every cold build is measured against: the plain unified pipeline
// (remark-parse → remark-rehype → rehype-stringify) on one thread over the same
// files, front matter cut off, run as its own process like a build.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import rehypeStringify from 'rehype-stringify'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'

const dir = process.argv[2]
if (!dir) throw new Error('usage: floor.ts <articles dir>')
const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeStringify)
const names = readdirSync(dir, { recursive: true }).map(String).filter((name) => name.endsWith('.md')).sort()
let bytes = 0
for (const name of names) {
  const text = readFileSync(join(dir, name), 'utf8')
  const body = text.slice(text.indexOf('\n---\n', 4) + 5)
  bytes += String(processor.processSync(body)).length
}
process.stdout.write(`${names.length} files, ${bytes} bytes of HTML\n`)
