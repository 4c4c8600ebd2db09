// The import graph of src/: no cycles, and the layers keep their order.
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, normalize, relative } from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'

const src = fileURLToPath(new URL('../src/', import.meta.url))
const modules = readdirSync(src, { recursive: true })
  .map(String)
  .filter((name) => /\.(ts|js)$/.test(name) && !name.endsWith('.d.ts'))

/** Each module's relative imports, static and dynamic, type-only ones included, as paths under src/. */
const graph = new Map(
  modules.map((name) => {
    const text = readFileSync(join(src, name), 'utf8')
    const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((match) => match[1] as string)
    return [name, specifiers.map((specifier) => normalize(join(dirname(name), specifier)))] as const
  }),
)

test('every relative import names a module that exists', () => {
  for (const [name, imports] of graph) for (const target of imports) assert.ok(graph.has(target), `${name} imports ${target}`)
})

test('no module imports one that imports it back, however far round', () => {
  const cycles: string[] = []
  const state = new Map<string, 'open' | 'done'>()
  const visit = (name: string, path: string[]) => {
    if (state.get(name) === 'done') return
    if (state.get(name) === 'open') {
      cycles.push([...path.slice(path.indexOf(name)), name].join(' → '))
      return
    }
    state.set(name, 'open')
    for (const target of graph.get(name) ?? []) visit(target, [...path, name])
    state.set(name, 'done')
  }
  for (const name of graph.keys()) visit(name, [])
  assert.deepEqual(cycles, [])
})

test('the layers keep their order: stages never reach the engine or the commands, feeds never reach pages', () => {
  const folder = (name: string) => (name.includes('/') ? name.slice(0, name.indexOf('/')) : '')
  const forbidden: Array<[from: (name: string) => boolean, to: (target: string) => boolean, why: string]> = [
    // The API (src/api.ts) is the engine's face to the commands and to programs.
    [(name) => !['engine', 'commands', 'cli'].includes(folder(name)) && !['index.ts', 'api.ts'].includes(name), (target) => folder(target) === 'engine', 'a stage imports the engine'],
    [(name) => folder(name) !== 'cli' && folder(name) !== 'commands', (target) => ['cli', 'commands'].includes(folder(target)), 'imports the CLI'],
    [(name) => folder(name) === 'feeds', (target) => folder(target) === 'pages' || folder(target) === 'widget', 'feeds import pages'],
    [(name) => folder(name) === 'engine', (target) => ['pages', 'widget', 'feeds'].includes(folder(target)), 'the engine imports a stage it should reach through src/site.ts'],
  ]
  const broken = [...graph].flatMap(([name, imports]) =>
    imports.flatMap((target) => forbidden.filter(([from, to]) => from(name) && to(target)).map(([, , why]) => `${name} → ${target}: ${why}`)),
  )
  assert.deepEqual(broken, [])
})

test('docs/architecture.md names every file in src/', () => {
  const doc = readFileSync(new URL('../docs/architecture.md', import.meta.url), 'utf8')
  const all = readdirSync(src, { recursive: true }).map(String).filter((name) => name.includes('.'))
  assert.deepEqual(all.filter((name) => !doc.includes(`src/${name}`)).map((name) => relative('.', `src/${name}`)), [])
})
