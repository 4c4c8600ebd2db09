// Running the CLI as a user does: a subprocess in a private copy of a fixture site.
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { fixtures } from './helpers.ts'

const bin = fileURLToPath(new URL('../lib/cli/bin.js', import.meta.url))
const update = process.env.UPDATE === '1'

export interface Run {
  code: number
  stdout: string
  stderr: string
}

/** Run the CLI as a user does: a subprocess in the site's folder. */
export async function wirefeed(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const { SOURCE_DATE_EPOCH, ...rest } = process.env
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], { cwd, env: { ...rest, ...env } })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

/** A private copy of a fixture site, so each test may build and edit it. */
export async function site(name: string) {
  const dir = await mkdtemp(join(tmpdir(), `wirefeed-${name}-`))
  await cp(new URL(name, fixtures), dir, { recursive: true, filter: (path) => !path.includes('/expected') })
  return dir
}

/** Compare with a reviewed golden file, or rewrite it with UPDATE=1. */
export async function golden(actual: string, name: string) {
  const path = new URL(name, fixtures)
  if (update) {
    await mkdir(new URL('.', path), { recursive: true })
    await writeFile(path, actual)
  }
  assert.equal(actual, await readFile(path, 'utf8'), `differs from ${name}; rerun with UPDATE=1 and review the diff`)
}

