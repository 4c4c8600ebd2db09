import assert from 'node:assert/strict'
import { cp, mkdir, mkdtemp, readdir, stat, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { pathToFileURL } from 'node:url'

const here = new URL('../../', import.meta.url)

/** A project of two modules with src/engine/code.js beside them, and TypeScript installed unless `typescript` is false. */
async function project(typescript = true) {
  const root = await mkdtemp(join(tmpdir(), 'wirefeed-code-'))
  await mkdir(join(root, 'src', 'engine'), { recursive: true })
  await cp(new URL('src/engine/code.js', here), join(root, 'src', 'engine', 'code.js'))
  await writeFile(join(root, 'src', 'a.ts'), 'export const a: number = 1\n')
  await writeFile(join(root, 'src', 'b.ts'), "import type { Point } from 'unist'\nimport { a } from './a.ts'\nexport const b = (a satisfies number) + 1\nexport type P = Point\n")
  await writeFile(join(root, 'package-lock.json'), '{}\n')
  await mkdir(join(root, 'node_modules'))
  if (typescript) await symlink(new URL('node_modules/typescript', here), join(root, 'node_modules', 'typescript'))
  const code = (await import(pathToFileURL(join(root, 'src', 'engine', 'code.js')).href)) as typeof import('../../src/engine/code.js')
  return { root, code }
}

/** The value `b.ts` exports, as compiled into `folder`. */
async function b(folder: URL) {
  return ((await import(new URL(`b.js?${Math.random()}`, folder).href)) as { b: number }).b
}

test('compiles the sources once per version, into a copy that knows the version it came from', async () => {
  const { root, code } = await project()
  const folder = await code.compiledCode()
  assert.ok(folder)
  assert.equal(await b(folder), 2)
  const version = await code.codeVersion(pathToFileURL(join(root, 'src/')))
  assert.equal(await code.codeVersion(folder), version)
  assert.equal(folder.href, pathToFileURL(join(root, 'node_modules', '.cache', 'wirefeed-code', version)).href + '/')
  const made = (await stat(folder)).mtimeMs
  assert.equal((await code.compiledCode())?.href, folder.href)
  assert.equal((await stat(folder)).mtimeMs, made, 'not compiled again')

  // An edit is a new version, compiled afresh; the copy of the last one stays for a day.
  await writeFile(join(root, 'src', 'a.ts'), 'export const a: number = 2\n')
  const next = await code.compiledCode()
  assert.ok(next && next.href !== folder.href)
  assert.equal(await b(next), 3)
  assert.equal((await readdir(new URL('../', next))).length, 2)
})

test('gives no compiled copy when TypeScript is not installed, so the command runs through tsx', async () => {
  const { root, code } = await project(false)
  assert.equal(await code.compiledCode(), undefined)
  assert.deepEqual(await readdir(join(root, 'node_modules', '.cache', 'wirefeed-code')).catch(() => []), [])
})
