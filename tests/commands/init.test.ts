import assert from 'node:assert/strict'
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { parse } from 'yaml'
import { wirefeed } from '../run-cli.ts'

const now = '2026-03-02T10:00:00Z'

async function empty() {
  return mkdtemp(join(tmpdir(), 'wirefeed-init-'))
}

/** Every file under `dir`, relative, sorted. */
async function tree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort()
}

test('init writes a newsroom that checks clean, and says what to do next and what the schedule costs', async () => {
  const parent = await empty()
  const run = await wirefeed(['init', 'kyiv-desk', '--title', 'Kyiv Desk', '--url', 'https://desk.example.org/', '--time-zone', 'Europe/Kyiv', '--schedule', '15min', '--now', now], parent)
  assert.equal(run.code, 0, run.stderr)
  const dir = join(parent, 'kyiv-desk')
  assert.deepEqual(await tree(dir), [
    '.github/workflows/check.yml',
    '.github/workflows/publish.yml',
    '.gitignore',
    'articles/2026/welcome-to-kyiv-desk.md',
    'package.json',
    'wirefeed.config.yaml',
  ])
  assert.deepEqual(parse(await readFile(join(dir, 'wirefeed.config.yaml'), 'utf8')), {
    title: 'Kyiv Desk',
    description: 'News from Kyiv Desk',
    url: 'https://desk.example.org/',
    language: 'en',
    timeZone: 'Europe/Kyiv',
    author: 'Kyiv Desk newsroom',
  })
  assert.match(run.stdout, /^ {2}1\. cd kyiv-desk && npm install, then edit articles\/2026\/welcome-to-kyiv-desk\.md/m)
  assert.match(run.stdout, /^ {2}3\. Push to GitHub/m)
  assert.match(run.stdout, /about 2,976 runs.*2,000 minutes a month, less than this schedule needs: choose --schedule hourly\.$/m)

  const check = await wirefeed(['check', '--now', now], dir)
  assert.equal(check.code, 0, check.stderr)
  assert.equal(check.stdout, 'Checked articles/: 0 published, 0 scheduled, 1 draft.\n', 'the welcome article waits as a draft')
})

test('init refuses to overwrite anything, and then writes nothing at all', async () => {
  const dir = await empty()
  await mkdir(join(dir, '.github', 'workflows'), { recursive: true })
  await writeFile(join(dir, '.github', 'workflows', 'publish.yml'), 'name: ours\n')
  await writeFile(join(dir, 'package.json'), '{"name":"ours"}\n')
  const run = await wirefeed(['init', '--title', 'Desk', '--url', 'https://desk.example.org/', '--now', now], dir)
  assert.equal(run.code, 1)
  assert.match(run.stderr, /already has \.github\/workflows\/publish\.yml; init overwrites nothing, so nothing was written\.\n$/)
  assert.deepEqual(await tree(dir), ['.github/workflows/publish.yml', 'package.json'])
  assert.equal(await readFile(join(dir, 'package.json'), 'utf8'), '{"name":"ours"}\n')
})

test('init guesses the GitHub Pages address from the git remote, and says when it had to make one up', async () => {
  const dir = await empty()
  await mkdir(join(dir, '.git'))
  await writeFile(join(dir, '.git', 'config'), '[remote "origin"]\n\turl = git@github.com:harbour/news.git\n')
  const run = await wirefeed(['init', '--now', now, '--time-zone', 'UTC'], dir)
  assert.equal(run.code, 0, run.stderr)
  assert.match(await readFile(join(dir, 'wirefeed.config.yaml'), 'utf8'), /^url: https:\/\/harbour\.github\.io\/news\/$/m)
  assert.match(run.stdout, /every hour \(at 7 past\): about 744 runs/)

  const elsewhere = await empty()
  const placeholder = await wirefeed(['init', '--now', now, '--time-zone', 'UTC'], elsewhere)
  assert.equal(placeholder.code, 0, placeholder.stderr)
  assert.match(placeholder.stdout, /set `url` to where the site will be published, now https:\/\/example\.org\//)
})

test('init rejects a bad flag value before writing anything', async () => {
  for (const [flag, value, message] of [
    ['--url', 'desk.example.org', /^wirefeed: --url is not valid: /],
    ['--time-zone', 'Mars/Olympus', /^wirefeed: --time-zone is not valid: /],
    ['--schedule', 'weekly', /--schedule/],
  ] as const) {
    const dir = await empty()
    const run = await wirefeed(['init', flag, value, '--now', now], dir)
    assert.equal(run.code, 2, `${flag} ${value}`)
    assert.match(run.stderr, message)
    assert.deepEqual(await tree(dir), [])
  }
})

test('init for a language wirefeed has no interface texts in writes the English ones to translate, and the site builds', async () => {
  const dir = await empty()
  const run = await wirefeed(['init', '--language', 'fr', '--url', 'https://desk.example.org/', '--time-zone', 'Europe/Paris', '--now', now], dir)
  assert.equal(run.code, 0, run.stderr)
  assert.match(run.stdout, /translate the interface texts under `strings` into fr\.$/m)
  const config = parse(await readFile(join(dir, 'wirefeed.config.yaml'), 'utf8')) as { language: string; strings: Record<string, string> }
  assert.equal(config.language, 'fr')
  assert.equal(config.strings.latestHeadlines, 'Latest headlines')
  const check = await wirefeed(['check', '--now', now], dir)
  assert.equal(check.code, 0, check.stderr)
})
