// The baseline the benchmark compares with: the plain unified pipeline
// (remark-parse → remark-rehype → rehype-stringify) on one thread over the
// same files, front matter cut off. Prints {seconds, maxRssMb} as JSON.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import rehypeStringify from 'rehype-stringify'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'

const dir = process.argv[2]
if (!dir) throw new Error('usage: baseline.ts <articles dir>')
const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeStringify)
const started = performance.now()
const names = (await readdir(dir, { recursive: true })).filter((name) => name.endsWith('.md')).sort()
let bytes = 0
for (const name of names) {
  const text = await readFile(join(dir, name), 'utf8')
  const body = text.slice(text.indexOf('\n---\n', 4) + 5)
  bytes += String(processor.processSync(body)).length
}
const seconds = (performance.now() - started) / 1000
console.log(JSON.stringify({ seconds, maxRssMb: process.resourceUsage().maxRSS / 1024, files: names.length, bytes }))
