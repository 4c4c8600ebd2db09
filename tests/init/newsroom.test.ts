import assert from 'node:assert/strict'
import { test } from 'node:test'
import { parse } from 'yaml'
import { validateConfig } from '../../src/config.ts'
import { newsroomFiles } from '../../src/init/newsroom.ts'
import { config } from '../helpers.ts'
import { validateArticle } from '../../src/validate.ts'
import { VFile } from 'vfile'

const settings = {
  config: config({ title: 'Harbour Desk', url: 'https://example.org/desk/', timeZone: 'Europe/Kyiv', author: 'Harbour Desk newsroom' }),
  schedule: 'daily' as const,
  now: new Date('2026-03-02T10:00:00Z'),
  dir: '/home/ed/Harbour Desk',
  version: '1.2.3',
}

const byPath = (files: ReturnType<typeof newsroomFiles>) => new Map(files.map((file) => [file.path, file]))

test('a newsroom: the config, a draft welcome article, two workflows, package.json and .gitignore', () => {
  const files = byPath(newsroomFiles(settings, {}))
  assert.deepEqual([...files.keys()], [
    'wirefeed.config.yaml',
    'articles/2026/welcome-to-harbour-desk.md',
    '.github/workflows/check.yml',
    '.github/workflows/publish.yml',
    'package.json',
    '.gitignore',
  ])
  const configFile = new VFile({ path: 'wirefeed.config.yaml', value: files.get('wirefeed.config.yaml')?.text })
  assert.deepEqual(validateConfig(configFile), settings.config)
  assert.match(files.get('.github/workflows/publish.yml')?.text ?? '', /cron: '7 6 \* \* \*'/)
  const article = validateArticle(new VFile({ path: 'articles/2026/welcome-to-harbour-desk.md', value: files.get('articles/2026/welcome-to-harbour-desk.md')?.text }), settings.config)?.article
  assert.equal(article?.draft, true, 'nothing is published by accident')
  assert.equal(article?.title, 'Welcome to Harbour Desk')
  assert.deepEqual(JSON.parse(files.get('package.json')?.text ?? ''), {
    name: 'harbour-desk',
    private: true,
    scripts: { build: 'wirefeed build', check: 'wirefeed check', preview: 'wirefeed serve --watch' },
    dependencies: { wirefeed: '^1.2.3' },
  })
  assert.equal(files.get('.gitignore')?.text, 'node_modules/\ndist/\npreview/\n.cache/\n.live/\n')
})

test('package.json and .gitignore keep everything they had; only what is missing is added', () => {
  const files = byPath(
    newsroomFiles(settings, {
      packageJson: { scripts: { build: 'make site', test: 'vitest' }, devDependencies: { wirefeed: 'file:../wirefeed' } },
      gitignore: '# ours\n/node_modules\ndist\n*.log',
    }),
  )
  assert.deepEqual(JSON.parse(files.get('package.json')?.text ?? ''), {
    scripts: { build: 'make site', check: 'wirefeed check', preview: 'wirefeed serve --watch', test: 'vitest' },
    devDependencies: { wirefeed: 'file:../wirefeed' },
  })
  assert.equal(files.get('.gitignore')?.text, '# ours\n/node_modules\ndist\n*.log\npreview/\n.cache/\n.live/\n')
})

test('the files are text a YAML reader takes, whatever the title holds', () => {
  const tricky = { ...settings, config: config({ title: 'News: "Today" #1', url: 'https://example.org/' }) }
  const file = newsroomFiles(tricky, {}).find((entry) => entry.path === 'wirefeed.config.yaml')
  assert.equal((parse(file?.text ?? '') as { title: string }).title, 'News: "Today" #1')
})
