// A build killed mid-write (SIGKILL: no handler runs, nothing is cleaned up)
// must cost nothing: before its commit dist/ stays exactly as it was; after
// it, the next run finishes the commit. Either way the next build succeeds
// and leaves no debris.
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test } from 'node:test'
import { setTimeout as delay } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { recoverOutput } from '../../src/engine/commit.ts'
import { bin, build, now, site, snapshot, wirefeed } from './run.ts'

const hold = fileURLToPath(new URL('./hold.mjs', import.meta.url))

/**
 * Start `wirefeed build` in `dir`, wait until `ready(pid)` says the moment has
 * come, and SIGKILL it there. `holdAt` stops the write at a chosen point (see
 * hold.mjs); without it the build runs freely and the kill races it.
 */
async function killWhen(dir: string, ready: (pid: number) => boolean, holdAt?: 'write' | 'apply') {
  const child = spawn(process.execPath, [...(holdAt ? ['--import', hold] : []), bin, 'build', '--now', now], {
    cwd: dir,
    env: { ...process.env, WIREFEED_TEST_HOLD: holdAt ?? '', WIREFEED_TEST_HELD: held(dir) },
    stdio: 'ignore',
  })
  const pid = child.pid
  assert.ok(pid)
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_, signal) => resolve(signal)))
  const deadline = Date.now() + 20_000
  while (!ready(pid)) {
    assert.equal(child.exitCode, null, 'the build ended before the moment to kill it came')
    assert.ok(Date.now() < deadline, 'timed out waiting for the moment to kill the build')
    await delay(1)
  }
  child.kill('SIGKILL')
  assert.equal(await exited, 'SIGKILL')
  return pid
}

/** The file hold.mjs creates once it holds the build. */
const held = (dir: string) => join(dir, 'held')

async function debris(dir: string) {
  return (await readdir(dir)).filter((name) => name.startsWith('dist.'))
}

// One site for the three kills, in order, as each CLI run costs a second:
// every kill finds a change not yet published and a previous build to keep.
test('a killed build never costs the last good dist/', async (t) => {
  const dir = await site()
  const before = await build(dir)
  const path = join(dir, 'articles/2026/steady.md')
  await writeFile(path, (await readFile(path, 'utf8')).replace('title: Steady as she goes', 'title: Steady, then sudden'))
  const published = (files: Map<string, Buffer>) => /Steady, then sudden/.test(files.get('feed.json')?.toString() ?? '')

  await t.test('killed while staging its changes, it leaves dist/ exactly as it was', async () => {
    const staging = (pid: number) => join(dir, `dist.new-${pid}`)
    const pid = await killWhen(dir, () => existsSync(held(dir)), 'write')
    await rm(held(dir))
    assert.ok(existsSync(staging(pid)), 'killed mid-write: its half-written folder is still there')
    assert.deepEqual(await snapshot(join(dir, 'dist')), before)
  })

  let firstChange: Map<string, Buffer> | undefined
  await t.test('killed halfway through applying its commit, the next run finishes it, even a run that fails', async () => {
    await killWhen(dir, () => existsSync(held(dir)), 'apply')
    await rm(held(dir))
    assert.ok(existsSync(join(dir, 'dist.commit')), 'the commit is still there to finish')
    const half = await snapshot(join(dir, 'dist'))
    assert.ok(!isDeepEqual(half, before), 'the kill came after the commit began to be applied')
    // A build that fails validation still finishes the commit first: that output was a good build's.
    const broken = join(dir, 'articles/broken.md')
    await writeFile(broken, 'no front matter\n')
    assert.equal((await wirefeed(['build', '--now', now], dir)).code, 1)
    await rm(broken)
    firstChange = await snapshot(join(dir, 'dist'))
    assert.ok(published(firstChange))
    assert.deepEqual(await debris(dir), [])
    assert.deepEqual(firstChange, await build(dir), 'the finished commit is exactly what a whole build writes')
  })

  await t.test('a real build, killed the moment it stages, leaves the previous build or the new one', async () => {
    // No fault injection: the kill races the build, so either outcome may happen, but nothing in between
    // once the next run has finished any commit it left.
    await writeFile(path, (await readFile(path, 'utf8')).replace('title: Steady, then sudden', 'title: Sudden, then steady'))
    await killWhen(dir, (pid) => existsSync(join(dir, `dist.new-${pid}`)))
    recoverOutput(join(dir, 'dist'))
    const killed = await snapshot(join(dir, 'dist'))
    const resteadied = (files: Map<string, Buffer>) => /Sudden, then steady/.test(files.get('feed.json')?.toString() ?? '')
    assert.ok(isDeepEqual(killed, firstChange) || resteadied(killed), 'dist/ after the kill is neither the previous build nor the new one')
    if (resteadied(killed)) assert.deepEqual(killed, await build(dir))
  })

  await t.test('the next build publishes the change and clears what the killed builds left', async () => {
    const after = await build(dir)
    assert.ok(/Sudden, then steady/.test(after.get('feed.json')?.toString() ?? ''))
    assert.deepEqual(await debris(dir), [])
  })
})

function isDeepEqual(a: unknown, b: unknown) {
  try {
    assert.deepEqual(a, b)
    return true
  } catch {
    return false
  }
}
