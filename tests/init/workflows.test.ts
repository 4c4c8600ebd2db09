import assert from 'node:assert/strict'
import { test } from 'node:test'
import { validateWorkflow } from '@action-validator/core'
import { parse } from 'yaml'
import { checkWorkflow, freePrivateMinutes, publishWorkflow, schedules, type Schedule } from '../../src/init/workflows.ts'

interface Step {
  uses?: string
  run?: string
  if?: string
  with?: Record<string, string>
  'continue-on-error'?: boolean
}
interface Workflow {
  on: Record<string, unknown>
  permissions?: unknown
  concurrency?: { group: string; 'cancel-in-progress': boolean }
  jobs: Record<string, { needs?: string; if?: string; permissions?: Record<string, string>; steps: Step[] }>
}

const names = Object.keys(schedules) as Schedule[]

test('the check workflow runs `wirefeed check`, guarded by the live ids, on every push and pull request', () => {
  assert.deepEqual(validateWorkflow(checkWorkflow()).errors, [])
  const check = parse(checkWorkflow()) as Workflow
  assert.deepEqual(Object.keys(check.on).sort(), ['pull_request', 'push'])
  assert.deepEqual(check.permissions, { contents: 'read' })
  const steps = Object.values(check.jobs).flatMap((job) => job.steps.filter((step) => step.run))
  assert.deepEqual(steps.map((step) => step.run), ['npm ci', 'npx wirefeed fetch --into .live', 'npx wirefeed check --format github'])
  // Guarded by the live ledger when there is one (the check's default), never stopped by its absence.
  assert.equal(steps[1]?.['continue-on-error'], true)
})

for (const name of names) {
  test(`publish (${name}): valid, on push to main and by hand, one at a time, least privilege`, () => {
    assert.deepEqual(validateWorkflow(publishWorkflow(name)).errors, [])
    const publish = parse(publishWorkflow(name)) as Workflow
    assert.deepEqual(publish.on.push, { branches: ['main'] })
    assert.ok('workflow_dispatch' in publish.on)
    const { cron } = schedules[name]
    assert.deepEqual(publish.on.schedule, cron === undefined ? undefined : [{ cron }])
    assert.equal(publish.concurrency?.['cancel-in-progress'], false)
    assert.deepEqual(publish.permissions, {})
    assert.deepEqual(publish.jobs.build?.permissions, { contents: 'read' })
    assert.deepEqual(publish.jobs.deploy?.permissions, { pages: 'write', 'id-token': 'write' })
    assert.deepEqual(publish.jobs.ping?.permissions, { contents: 'read' })
  })
}

test('publish deploys only a changed build, and pings the hub only after a deploy, never failing on it', () => {
  const publish = parse(publishWorkflow('hourly')) as Workflow
  const build = publish.jobs.build
  assert.ok(build)
  const upload = build.steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact@'))
  assert.equal(upload?.if, "steps.compare.outputs.changed == 'true'")
  assert.equal(publish.jobs.deploy?.if, "needs.build.outputs.changed == 'true'")
  assert.equal(publish.jobs.ping?.needs, 'deploy')
  const ping = publish.jobs.ping?.steps.find((step) => step.run === 'npx wirefeed ping')
  assert.equal(ping?.['continue-on-error'], true)
  // The incremental cache survives between runs, keyed on what a build reads.
  const cache = build.steps.find((step) => step.uses?.startsWith('actions/cache@'))
  assert.equal(cache?.with?.path, '.cache/wirefeed')
  assert.match(cache?.with?.key ?? '', /hashFiles\('articles\/\*\*', 'wirefeed\.config\.yaml', 'package-lock\.json'/)
  // The build is guarded by the live ledger once there is one.
  assert.ok(build.steps.some((step) => step.run?.includes('npx wirefeed fetch --into .live')))
  assert.ok(build.steps.some((step) => step.run?.includes('--ledger .live/ledger.json')))
})

test("each schedule's stated runs a month are what its cron makes in a 31-day month", () => {
  for (const name of names) {
    const { cron, runsAMonth } = schedules[name]
    if (cron === undefined) {
      assert.equal(runsAMonth, 0)
      continue
    }
    const [minute, hour] = cron.split(' ') as [string, string]
    const perHour = minute.startsWith('*/') ? 60 / Number(minute.slice(2)) : 1
    const hours = hour === '*' ? 24 : 1
    assert.equal(runsAMonth, perHour * hours * 31, name)
  }
  // The default fits a private repository's free minutes; every 15 minutes does not.
  assert.ok(schedules.hourly.runsAMonth < freePrivateMinutes)
  assert.ok(schedules['15min'].runsAMonth > freePrivateMinutes)
})
