import assert from 'node:assert/strict'
import { readdir, readFile } from 'node:fs/promises'
import { test } from 'node:test'
import { validateWorkflow } from '@action-validator/core'
import { parse } from 'yaml'

const folder = new URL('../.github/workflows/', import.meta.url)

async function workflows() {
  const names = (await readdir(folder)).filter((name) => name.endsWith('.yml')).sort()
  return Promise.all(names.map(async (name) => ({ name, text: await readFile(new URL(name, folder), 'utf8') })))
}

interface Step {
  uses?: string
  run?: string
  if?: string
  'continue-on-error'?: boolean
}
interface Job {
  needs?: string
  if?: string
  permissions?: Record<string, string>
  steps: Step[]
}
interface Workflow {
  on: Record<string, unknown>
  permissions?: unknown
  concurrency?: { group: string; 'cancel-in-progress': boolean }
  jobs: Record<string, Job>
}

test('the validator catches a typo, so a passing workflow means something', () => {
  const { errors } = validateWorkflow('on: push\njobs:\n  a:\n    run-on: ubuntu-latest\n    steps: [{run: x}]\n')
  assert.ok(errors.length > 0)
})

test('every workflow passes the GitHub workflow schema', async () => {
  const all = await workflows()
  assert.deepEqual(all.map((w) => w.name), ['ci.yml', 'publish.yml'])
  for (const { name, text } of all) {
    assert.deepEqual(validateWorkflow(text).errors, [], name)
  }
})

test('every action is pinned to a full commit SHA', async () => {
  for (const { name, text } of await workflows()) {
    const workflow = parse(text) as Workflow
    for (const job of Object.values(workflow.jobs)) {
      for (const step of job.steps) {
        if (step.uses) assert.match(step.uses, /^[\w-]+\/[\w-]+@[0-9a-f]{40}$/, `${name}: ${step.uses}`)
      }
    }
  }
})

test('CI runs the tests and checks the articles as annotations', async () => {
  const ci = parse((await workflows())[0]?.text ?? '') as Workflow
  assert.deepEqual(Object.keys(ci.on).sort(), ['pull_request', 'push'])
  const runs = Object.values(ci.jobs).flatMap((job) => job.steps.map((step) => step.run))
  // .ci/run is npm ci, chromium for the browser tests, npm test: one script for every CI.
  assert.ok(runs.includes('bash .ci/run'))
  const script = await readFile(new URL('../.ci/run', import.meta.url), 'utf8')
  assert.match(script, /^npm ci\b/m)
  assert.match(script, /^npm test$/m)
  assert.ok(runs.includes('npx wirefeed check --format github'))
})

test('publish runs on push to main, by hand and every 15 minutes, one at a time, least privilege', async () => {
  const publish = parse((await workflows())[1]?.text ?? '') as Workflow
  assert.deepEqual(publish.on.push, { branches: ['main'] })
  assert.ok('workflow_dispatch' in publish.on)
  assert.deepEqual(publish.on.schedule, [{ cron: '*/15 * * * *' }])
  assert.equal(publish.concurrency?.['cancel-in-progress'], false)
  assert.deepEqual(publish.permissions, {})
  assert.deepEqual(publish.jobs.build?.permissions, { contents: 'read' })
  assert.deepEqual(publish.jobs.deploy?.permissions, { pages: 'write', 'id-token': 'write' })
  assert.deepEqual(publish.jobs.ping?.permissions, { contents: 'read' })
})

test('publish deploys only a changed build, and pings the hub only after a deploy, never failing on it', async () => {
  const publish = parse((await workflows())[1]?.text ?? '') as Workflow
  const build = publish.jobs.build
  assert.ok(build)
  const upload = build.steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact@'))
  assert.equal(upload?.if, "steps.compare.outputs.changed == 'true'")
  assert.equal(publish.jobs.deploy?.if, "needs.build.outputs.changed == 'true'")
  assert.equal(publish.jobs.ping?.needs, 'deploy')
  const ping = publish.jobs.ping?.steps.find((step) => step.run === 'npx wirefeed ping')
  assert.equal(ping?.['continue-on-error'], true)
  // The incremental cache survives between runs.
  const cache = build.steps.find((step) => step.uses?.startsWith('actions/cache@')) as Step & { with?: Record<string, string> }
  assert.equal(cache?.with?.path, '.cache/wirefeed')
  // The build is guarded by the live ledger once there is one.
  assert.ok(build.steps.some((step) => step.run?.includes('npx wirefeed fetch --into .live')))
  assert.ok(build.steps.some((step) => step.run?.includes('--ledger .live/ledger.json')))
})
