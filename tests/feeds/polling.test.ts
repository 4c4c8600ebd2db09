// Polling hints: RSS `ttl` and `sy:updatePeriod`/`sy:updateFrequency` from the
// publish workflow's cron, the one record of when the site changes; archives
// of past months say they will not.
import assert from 'node:assert/strict'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import type { Config } from '../../src/config.ts'
import { pastArchivePolling, pollingHint, publishSchedule } from '../../src/feeds/polling.ts'
import { publishWorkflow, schedules, type Schedule } from '../../src/init/workflows.ts'
import { config, parseXml } from '../helpers.ts'
import { wirefeed } from '../run-cli.ts'
import { documents, files, story } from './documents.ts'
import { ns } from './outputs.ts'

const sy = 'http://purl.org/rss/1.0/modules/syndication/'

/** A config carrying the publish workflow's cron, as src/api.ts `readConfig` sets it. */
const scheduled = (cron: string | undefined, input: Parameters<typeof config>[0] = {}) =>
  ({ ...config(input), ...(cron !== undefined && { schedule: cron }) }) satisfies Config

/** The hint an RSS channel carries, or undefined for none. */
function hintOf(xml: string) {
  const root = parseXml(xml)
  const channel = root.children.find((child) => child.name === 'channel')
  const text = (name: string, uri = '') => channel?.children.find((child) => child.name === name && child.uri === uri)?.text
  const ttl = text('ttl')
  if (ttl === undefined) {
    assert.equal(root.attributes['xmlns:sy'], undefined, 'no sy: namespace without a hint')
    return undefined
  }
  assert.equal(root.attributes['xmlns:sy'], sy)
  return { ttl: Number(ttl), period: text('updatePeriod', sy), frequency: Number(text('updateFrequency', sy)) }
}

describe('the publish schedule', () => {
  test('is read from the workflow `wirefeed init` writes, for each schedule it offers', () => {
    for (const [name, { cron }] of Object.entries(schedules)) {
      assert.equal(publishSchedule(publishWorkflow(name as Schedule)), cron, name)
    }
  })

  test('gives the hint of each schedule init offers: every 15 minutes, hourly, daily, and none when publishing only on a push', () => {
    const hints = Object.fromEntries(Object.entries(schedules).map(([name, { cron }]) => [name, pollingHint(cron)]))
    assert.deepEqual(hints, {
      '15min': { ttl: 15, period: 'hourly', frequency: 4 },
      hourly: { ttl: 60, period: 'hourly', frequency: 1 },
      daily: { ttl: 1440, period: 'daily', frequency: 1 },
      none: undefined,
    })
  })

  test('moves the hint when the workflow\'s cron is changed by hand', () => {
    const workflow = publishWorkflow('hourly')
    const edited = workflow.replace("cron: '7 * * * *'", "cron: '*/30 6-21 * * 1-5'")
    assert.notEqual(edited, workflow)
    assert.equal(publishSchedule(edited), '*/30 6-21 * * 1-5')
    // 32 runs on each of 261 weekdays of 2026: one every 62.9 minutes on average, about once an hour.
    assert.deepEqual(pollingHint(publishSchedule(edited)), { ttl: 63, period: 'hourly', frequency: 1 })
  })

  test('takes the most frequent of several crons, and reads names, lists, ranges and steps as cron does', () => {
    const workflow = `on:\n  schedule:\n    - cron: '0 6 * * MON'\n    - cron: '0 */2 * * *'\n`
    assert.equal(publishSchedule(workflow), '0 */2 * * *')
    assert.deepEqual(pollingHint('0 */2 * * *'), { ttl: 120, period: 'daily', frequency: 12 })
    // 52 Mondays in 2026, a year of 52 weeks and a day.
    assert.deepEqual(pollingHint('0 6 * * MON'), { ttl: 10108, period: 'weekly', frequency: 1 })
    assert.deepEqual(pollingHint('0 6 1 * *'), { ttl: 43800, period: 'monthly', frequency: 1 })
    assert.deepEqual(pollingHint('0 6 1 JAN *'), { ttl: 525600, period: 'yearly', frequency: 1 })
    // Both day fields restricted: either matches (the 1st, and every Sunday).
    assert.equal(pollingHint('0 0 1 * 0')?.period, 'weekly')
    assert.equal(pollingHint('0 0 1 * 7')?.ttl, pollingHint('0 0 1 * 0')?.ttl)
  })

  test('gives no hint for a workflow without a schedule, or a cron it cannot read, rather than a wrong one', () => {
    assert.equal(publishSchedule('on:\n  push:\n'), undefined)
    assert.equal(publishSchedule('not: [yaml'), undefined)
    for (const cron of ['@hourly', '* * *', '61 * * * *', '0 0 30 2 *', '*/0 * * * *', 'x * * * *']) assert.equal(pollingHint(cron), undefined, cron)
    assert.equal(pollingHint(config().schedule), undefined, 'a config read without a workflow has no schedule')
  })
})

describe('the hint in the feeds', () => {
  const settings = config({ feedItems: 2 })
  const sources = () => [
    story('dec-a', '2025-12-05T10:00:00+02:00', { tags: ['Kyiv'] }),
    story('jan-a', '2026-01-02T08:00:00+02:00', { tags: ['Kyiv'] }),
    story('feb-a', '2026-02-03T08:00:00+02:00'),
  ]

  test('puts the schedule\'s hint in every RSS subscription document and in the newest archive, which change with each publish', () => {
    const output = documents(sources(), scheduled('7 * * * *', { feedItems: 2 }))
    const hourly = { ttl: 60, period: 'hourly', frequency: 1 }
    for (const path of [files.rss, 'archive/2026/02/feed.xml', 'tags/kyiv/feed.xml', 'tags/kyiv/archive/2026/01/feed.xml', 'authors/ann-writer/feed.xml']) {
      assert.deepEqual(hintOf(output.get(path) ?? ''), hourly, path)
    }
  })

  test('says a past month\'s archive will not change: yearly, a ttl of a year', () => {
    const output = documents(sources(), scheduled('7 * * * *', { feedItems: 2 }))
    for (const path of ['archive/2026/01/feed.xml', 'archive/2025/12/feed.xml', 'tags/kyiv/archive/2025/12/feed.xml']) {
      assert.deepEqual(hintOf(output.get(path) ?? ''), pastArchivePolling, path)
    }
    assert.deepEqual(pastArchivePolling, { ttl: 525600, period: 'yearly', frequency: 1 })
  })

  test('changes the subscription documents\' hint, and nothing else, when the cron changes', () => {
    const hourly = documents(sources(), scheduled('7 * * * *', { feedItems: 2 }))
    const daily = documents(sources(), scheduled('7 6 * * *', { feedItems: 2 }))
    assert.deepEqual(hintOf(daily.get(files.rss) ?? ''), { ttl: 1440, period: 'daily', frequency: 1 })
    const changed = [...hourly.keys()].filter((path) => hourly.get(path) !== daily.get(path)).sort()
    assert.ok(changed.every((path) => path.endsWith(files.rss)), changed.join(' '))
    assert.ok(!changed.includes('archive/2026/01/feed.xml'))
  })

  test('writes no hint in a subscription document without a schedule, but still marks past archives', () => {
    const output = documents(sources(), settings)
    assert.equal(hintOf(output.get(files.rss) ?? ''), undefined)
    assert.equal(hintOf(output.get('archive/2026/02/feed.xml') ?? ''), undefined)
    assert.deepEqual(hintOf(output.get('archive/2026/01/feed.xml') ?? ''), pastArchivePolling)
  })

  test('leaves Atom and JSON Feed alone, which have no such field', () => {
    const plain = documents(sources(), settings)
    const hinted = documents(sources(), scheduled('7 * * * *', { feedItems: 2 }))
    for (const [path, text] of plain) if (!path.endsWith(files.rss)) assert.equal(hinted.get(path), text, path)
    assert.doesNotMatch(hinted.get(files.atom) ?? '', /ttl|xmlns:sy/)
    assert.ok(ns.atom)
  })
})

test('a build reads the schedule from the project\'s publish workflow: change its cron, and the next build\'s hint follows', async () => {
  const now = '2026-03-02T10:00:00Z'
  const parent = await mkdtemp(join(tmpdir(), 'wirefeed-polling-'))
  const made = await wirefeed(['init', 'desk', '--url', 'https://desk.example.org/', '--schedule', 'hourly', '--now', now], parent)
  assert.equal(made.code, 0, made.stderr)
  const dir = join(parent, 'desk')
  const built = async () => {
    const run = await wirefeed(['build', '--now', now], dir)
    assert.equal(run.code, 0, run.stderr)
    return hintOf(await readFile(join(dir, 'dist/feed.xml'), 'utf8'))
  }
  assert.deepEqual(await built(), { ttl: 60, period: 'hourly', frequency: 1 })
  const workflow = join(dir, '.github/workflows/publish.yml')
  const text = await readFile(workflow, 'utf8')
  await writeFile(workflow, text.replace("cron: '7 * * * *'", "cron: '*/30 * * * *'"))
  assert.deepEqual(await built(), { ttl: 30, period: 'hourly', frequency: 2 })
  await writeFile(workflow, text.replace(/  schedule:\n(    .*\n)+/, ''))
  assert.equal(await built(), undefined, 'a workflow without a schedule gives no hint')
})
