import assert from 'node:assert/strict'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { test } from 'node:test'
import { validateWorkflow } from '@action-validator/core'
import { parse } from 'yaml'
import { checkWorkflow, publishWorkflow } from '../src/init/workflows.ts'

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
  assert.deepEqual(all.map((w) => w.name), ['check.yml', 'ci.yml', 'publish.yml'])
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

test("the tool's tests run when the tool changes, not when an article does", async () => {
  const ci = parse((await workflows()).find((w) => w.name === 'ci.yml')?.text ?? '') as Workflow
  const runs = Object.values(ci.jobs).flatMap((job) => job.steps.map((step) => step.run))
  // .ci/run is npm ci, chromium for the browser tests, npm test: one script for every CI.
  assert.deepEqual(runs.filter(Boolean), ['bash .ci/run'])
  const script = await readFile(new URL('../.ci/run', import.meta.url), 'utf8')
  assert.match(script, /^npm ci\b/m)
  assert.match(script, /^npm test$/m)
  for (const event of ['push', 'pull_request']) {
    const { paths } = ci.on[event] as { paths: string[] }
    const matches = (file: string) => paths.some((glob) => path.matchesGlob(file, glob))
    for (const file of ['src/engine/index.ts', 'tests/cli.test.ts', 'package.json', 'package-lock.json', 'tsconfig.build.json', '.ci/run', '.github/workflows/ci.yml']) {
      assert.ok(matches(file), `${event}: ${file} runs the tests`)
    }
    for (const file of ['articles/2026/a-story.md', 'wirefeed.config.yaml', 'README.md']) assert.ok(!matches(file), `${event}: ${file} alone does not`)
  }
})

test("this newsroom's check and publish workflows are the ones `wirefeed init` writes", async () => {
  const all = await workflows()
  assert.equal(all.find((w) => w.name === 'check.yml')?.text, checkWorkflow())
  // This demo newsroom is public, so its Actions minutes are free: it publishes every 15 minutes.
  assert.equal(all.find((w) => w.name === 'publish.yml')?.text, publishWorkflow('15min'))
})
