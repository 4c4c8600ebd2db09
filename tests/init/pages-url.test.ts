import assert from 'node:assert/strict'
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { pagesUrl } from '../../src/init/pages-url.ts'

/** A folder in a repository whose `.git/config` has `remotes`. */
async function repository(remotes: string): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'wirefeed-remote-'))
  await mkdir(join(root, '.git'))
  await writeFile(join(root, '.git', 'config'), `[core]\n\tbare = false\n${remotes}`)
  return root
}

const origin = (url: string) => `[remote "origin"]\n\turl = ${url}\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n`

test('the GitHub Pages address comes from the origin remote, in every form git writes it', async () => {
  const cases: Array<[string, string]> = [
    ['git@github.com:Kyiv-Desk/news.git', 'https://kyiv-desk.github.io/news/'],
    ['https://github.com/kyiv-desk/news', 'https://kyiv-desk.github.io/news/'],
    ['https://github.com/kyiv-desk/news.git', 'https://kyiv-desk.github.io/news/'],
    ['https://token@github.com/kyiv-desk/news.site.git', 'https://kyiv-desk.github.io/news.site/'],
    ['ssh://git@github.com/kyiv-desk/news.git', 'https://kyiv-desk.github.io/news/'],
    // A user or organisation site is served at the root.
    ['git@github.com:kyiv-desk/Kyiv-Desk.github.io.git', 'https://kyiv-desk.github.io/'],
  ]
  for (const [remote, url] of cases) assert.equal(pagesUrl(await repository(origin(remote))), url, remote)
})

test('from a sub-folder, the nearest repository counts', async () => {
  const root = await repository(origin('git@github.com:desk/site.git'))
  await mkdir(join(root, 'newsroom'))
  assert.equal(pagesUrl(join(root, 'newsroom')), 'https://desk.github.io/site/')
})

test('no guess without a GitHub origin', async () => {
  assert.equal(pagesUrl(await repository(origin('git@gitlab.com:desk/site.git'))), undefined)
  assert.equal(pagesUrl(await repository('[remote "upstream"]\n\turl = git@github.com:desk/site.git\n')), undefined)
  assert.equal(pagesUrl(await mkdtemp(join(tmpdir(), 'wirefeed-no-git-'))), undefined)
})
