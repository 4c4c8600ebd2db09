// The code's own version, and its copy compiled to JavaScript. Plain JS (typed in code.d.ts)
// because src/cli/bin.js needs it before any TypeScript can be loaded.
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'

/** In a compiled copy: the version of the sources it was compiled from. */
const versionFile = 'version'

/**
 * The version of the code in `folder` (src/, or a compiled copy of it): a
 * hash of its files and the locked dependencies, so any change to either
 * changes it. A compiled copy has the version of the sources it came from.
 */
export async function codeVersion(folder) {
  const compiled = await readFile(new URL(versionFile, folder), 'utf8').catch(() => undefined)
  if (compiled !== undefined) return compiled
  const hash = createHash('sha256')
  const names = (await readdir(folder, { recursive: true })).filter((name) => /\.(ts|js)$/.test(name)).sort()
  for (const name of names) hash.update(`${name}\0${await readFile(new URL(name, folder))}\0`)
  hash.update(await readFile(new URL('../package-lock.json', folder)).catch(() => ''))
  return hash.digest('hex')
}

/**
 * The folder holding src/ compiled to JavaScript, made the first time this
 * version of the code runs (about a second), under node_modules/.cache/;
 * `undefined` when it cannot be made (no TypeScript installed, a read-only
 * node_modules), and then the caller loads the TypeScript through tsx.
 *
 * Compiled code starts in a third of the time, and spares every thread the
 * module-loading thread tsx's hooks run on, about 40 MB each.
 */
export async function compiledCode() {
  const src = new URL('../', import.meta.url)
  const version = await codeVersion(src)
  const root = new URL('../../node_modules/.cache/wirefeed-code/', import.meta.url)
  const folder = new URL(`${version}/`, root)
  if (existsSync(new URL(versionFile, folder))) return folder
  try {
    await compile(src, root, version)
    return folder
  } catch {
    return undefined
  }
}

/**
 * Compile every file of `src` into `root/<version>/`: TypeScript transpiled
 * one file at a time (type-checking is `npm test`'s job), JavaScript copied.
 * Made in a folder of its own and renamed into place, so a process never
 * sees half a copy; when two compile at once, the first rename wins.
 */
async function compile(src, root, version) {
  const { default: ts } = await import('typescript')
  const options = {
    module: ts.ModuleKind.ESNext,
    target: ts.ScriptTarget.ES2022,
    verbatimModuleSyntax: true,
    rewriteRelativeImportExtensions: true,
  }
  const temporary = new URL(`${version}.${process.pid}/`, root)
  await rm(temporary, { recursive: true, force: true })
  for (const name of await readdir(src, { recursive: true })) {
    if (!/\.(ts|js)$/.test(name) || name.endsWith('.d.ts')) continue
    const text = await readFile(new URL(name, src), 'utf8')
    const output = name.endsWith('.ts') ? ts.transpileModule(text, { fileName: name, compilerOptions: options }).outputText : text
    const target = new URL(name.replace(/\.ts$/, '.js'), temporary)
    await mkdir(new URL('./', target), { recursive: true })
    await writeFile(target, output)
  }
  await writeFile(new URL(versionFile, temporary), version)
  try {
    // The folder's time is when this version was compiled: see below.
    await rename(temporary, new URL(`${version}/`, root))
  } catch (error) {
    await rm(temporary, { recursive: true, force: true })
    if (!existsSync(new URL(`${version}/${versionFile}`, root))) throw error
  }
  // Older copies go once a day has passed: a process started on one (serve --watch) loads
  // some of its modules, and its worker threads, later.
  for (const name of await readdir(root)) {
    const old = new URL(`${name}/`, root)
    if (name !== version && Date.now() - (await stat(old)).mtimeMs > 24 * 60 * 60 * 1000) await rm(old, { recursive: true, force: true })
  }
}
