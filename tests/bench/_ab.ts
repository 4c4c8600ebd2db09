import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { unified, type Processor } from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import remarkFrontmatter from 'remark-frontmatter'
import { VFile } from 'vfile'
import { parseSource } from '../../src/parse.ts'
const dir = process.argv[2]!
const paths = readdirSync(dir, { recursive: true }).map(String).filter((n) => n.endsWith('.md')).sort().slice(0, 1000).map((n) => join(dir, n))
const texts = paths.map((p) => readFileSync(p, 'utf8'))
function remarkWithout(this: Processor, names: readonly string[], noTransforms: boolean) {
  const data = this.data() as any
  const without = (record: any) => Object.fromEntries(Object.entries(record).flatMap(([code, constructs]) => { const kept = [constructs ?? []].flat().filter((c: any) => !names.includes(c.name ?? '')); return kept.length === 0 ? [] : [[code, kept]] }))
  data.micromarkExtensions = data.micromarkExtensions?.map((extension: any) => { const copy = { ...extension }; for (const field of ['document', 'contentInitial', 'flowInitial', 'flow', 'string', 'text']) if (copy[field]) copy[field] = without(copy[field]); return copy })
  if (noTransforms) data.fromMarkdownExtensions = data.fromMarkdownExtensions?.map((e: any) => [e].flat().map((x: any) => ({ ...x, transforms: [] })))
}
const reduced = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkWithout, ['emailAutolink', 'table', 'wwwAutolink', 'protocolAutolink'], true).freeze()
const plain = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze()
const fns: Record<string, (i: number) => unknown> = {
  plain: (i) => plain.parse(texts[i]!),
  reduced: (i) => reduced.parse(texts[i]!),
  ours: (i) => parseSource(new VFile({ path: paths[i], value: texts[i] })),
}
const results: Record<string, number[]> = {}
for (let round = 0; round < 5; round++) for (const [name, fn] of Object.entries(fns)) {
  const t = performance.now()
  for (let i = 0; i < texts.length; i++) fn(i)
  ;(results[name] ??= []).push((performance.now() - t) / texts.length)
}
for (const [name, list] of Object.entries(results)) console.log(name.padEnd(10), list.sort((a, b) => a - b)[2]!.toFixed(3), 'ms median', list.map((x) => x.toFixed(2)).join(' '))
