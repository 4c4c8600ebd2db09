import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { VFile } from 'vfile'
import { visit } from 'unist-util-visit'
import { toString } from 'mdast-util-to-string'
import type { Node, Parent } from 'unist'
import { parseSource } from '../../src/parse.ts'
import { validateArticle } from '../../src/validate.ts'
import { lintArticle } from '../../src/lint.ts'
import { renderBody, readingTime } from '../../src/render.ts'
import { analyseSource } from '../../src/analyse.ts'
import { resolveConfig } from '../../src/config.ts'
import { validateYaml } from '../../src/yaml-data.ts'
import { articleSchema } from '../../src/schema.ts'

const dir = process.argv[2]!
const paths = readdirSync(dir, { recursive: true }).map(String).filter((n) => n.endsWith('.md')).sort().slice(0, 1500).map((n) => join(dir, n))
const texts = paths.map((p) => readFileSync(p, 'utf8'))
const config = resolveConfig({ url: 'https://news.example.org/' })
const now = new Date('2030-01-01')
const time = (name: string, fn: (i: number) => void) => {
  for (let i = 0; i < 300; i++) fn(i)
  const t = performance.now()
  for (let i = 0; i < texts.length; i++) fn(i)
  console.log(name.padEnd(22), ((performance.now() - t) / texts.length).toFixed(3), 'ms/article')
}
time('analyseSource', (i) => analyseSource(new VFile({ path: paths[i], value: texts[i] }), config, now))
time('parse', (i) => parseSource(new VFile({ path: paths[i], value: texts[i] })))
const parsed = texts.map((t, i) => parseSource(new VFile({ path: paths[i], value: t })))
time('yaml', (i) => validateYaml(new VFile({ value: texts[i] }), parsed[i]!.frontMatter!, articleSchema))
time('validate(all)', (i) => validateArticle(new VFile({ path: paths[i], value: texts[i] }), config))
const valid = texts.map((t, i) => { const f = new VFile({ path: paths[i], value: t }); return { f, v: validateArticle(f, config)! } })
time('lint', (i) => lintArticle(valid[i]!.v.article, valid[i]!.v.tree))
time('render', (i) => renderBody(valid[i]!.v.tree, valid[i]!.v.article.url, valid[i]!.f))
time('readingTime', (i) => readingTime(valid[i]!.v.tree))
time('toString', (i) => toString(valid[i]!.v.tree))
time('visit all', (i) => visit(valid[i]!.v.tree, () => {}))
time('visit text', (i) => visit(valid[i]!.v.tree, 'text', () => {}))
const walk = (node: Node, f: (n: Node) => void) => { f(node); const c = (node as Parent).children; if (c) for (const k of c) walk(k, f) }
time('hand walk', (i) => walk(valid[i]!.v.tree, () => {}))
