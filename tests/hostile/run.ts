// Test support: run the CLI as a user does (a subprocess in the site's
// folder), on private copies of fixture sites; a copy of the helper in
// tests/cli.test.ts, plus node flags for the tests that need them.
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { cp, mkdtemp, readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { fixtures } from '../helpers.ts'

export const bin = fileURLToPath(new URL('../../lib/cli/bin.js', import.meta.url))
export const repo = fileURLToPath(new URL('../..', import.meta.url))
export const hostileFixtures = new URL('hostile/', fixtures)

/** The "now" every hostile build uses: after every fixture article. */
export const now = '2026-02-01T00:00:00Z'

export interface Run {
  code: number
  stdout: string
  stderr: string
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv
  /** Flags for node itself, before the script: `--import` a preload, the permission model. */
  node?: string[]
}

export async function wirefeed(args: string[], cwd: string, options: RunOptions = {}): Promise<Run> {
  const { SOURCE_DATE_EPOCH, ...rest } = process.env
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [...(options.node ?? []), bin, ...args], {
      cwd,
      env: { ...rest, ...options.env },
      maxBuffer: 64 * 1024 * 1024,
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

/** A private copy of a fixture site under tests/fixtures/hostile/, so a test may build and edit it. */
export async function site(name = 'base') {
  const dir = await mkdtemp(join(tmpdir(), `wirefeed-hostile-${name}-`))
  await cp(new URL(name, hostileFixtures), dir, { recursive: true })
  return dir
}

/** Every file under `dir` with its bytes, for "exactly as before" comparisons. */
export async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>()
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  for (const entry of entries.filter((entry) => entry.isFile()).sort((a, b) => (a.parentPath + a.name < b.parentPath + b.name ? -1 : 1))) {
    const path = join(entry.parentPath, entry.name)
    files.set(relative(dir, path), await readFile(path))
  }
  return files
}

/** A successful build of the site at `dir`, returning what it wrote. */
export async function build(dir: string, args: string[] = []) {
  const run = await wirefeed(['build', '--now', now, ...args], dir)
  assert.equal(run.code, 0, run.stderr)
  return snapshot(join(dir, 'dist'))
}

/**
 * A failed build: exit code 1, one `path:line:column  error  … [rule]` line
 * for the file with its fix, no stack trace, and `dist/` exactly as before.
 */
export async function assertRefused(dir: string, expected: { path: string; line: number; column: number; rule: string; reason: RegExp; fix: RegExp }) {
  const before = await snapshot(join(dir, 'dist'))
  const run = await wirefeed(['build', '--now', now], dir)
  assert.equal(run.code, 1, `exit code; stderr:\n${run.stderr}`)
  const line = run.stderr.split('\n').find((text) => text.startsWith(`${expected.path}:`))
  assert.ok(line, `no message for ${expected.path} in:\n${run.stderr}`)
  const place = `${expected.path}:${expected.line}:${expected.column}  error  `
  assert.ok(line.startsWith(place), `expected ${place}…, got ${line}`)
  assert.match(line, expected.reason)
  assert.ok(line.endsWith(`[${expected.rule}]`), line)
  const fix = run.stderr.split('\n')[run.stderr.split('\n').indexOf(line) + 1] ?? ''
  assert.match(fix, /^ {2}fix: /)
  assert.match(fix, expected.fix)
  assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace')
  assert.deepEqual(await snapshot(join(dir, 'dist')), before, 'dist/ is exactly as before')
  return run
}
