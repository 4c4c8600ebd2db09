// The watch in this process: what it reports of each way a file or folder changes.
import assert from 'node:assert/strict'
import { mkdir, mkdtemp, rename, rm, unlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { after, before, test } from 'node:test'
import { watchSite, type Changes, type Watch } from '../../src/preview/watch.ts'

let root = ''
let watch: Watch
const reports: Changes[] = []
const errors: Error[] = []

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'wirefeed-watch-'))
  await mkdir(join(root, 'articles/2026/01'), { recursive: true })
  await writeFile(join(root, 'articles/2026/01/story.md'), 'one')
  watch = watchSite({ articles: join(root, 'articles'), config: join(root, 'site.yaml'), onChange: (changes) => reports.push(changes), onError: (error) => errors.push(error), settle: 20 })
})
after(async () => {
  watch.close()
  await rm(root, { recursive: true, force: true })
})

/** Make a change, then the paths (relative to the articles folder) and config flag of what the watch reported, once it has settled. */
async function reported(change: () => Promise<unknown>): Promise<{ paths: string[] | 'all'; config: boolean }> {
  reports.length = 0
  await change()
  // A report comes once the burst has settled; wait for one, then a little more for any second one.
  const end = Date.now() + 10_000
  while (reports.length === 0 && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 10))
  await new Promise((resolve) => setTimeout(resolve, 150))
  const paths = new Set<string>()
  let all = false
  let config = false
  for (const report of reports) {
    if (report.paths === 'all') all = true
    else for (const path of report.paths) paths.add(relative(join(root, 'articles'), path))
    config ||= report.config
  }
  return { paths: all ? 'all' : [...paths].sort(), config }
}

const story = () => join(root, 'articles/2026/01/story.md')

/**
 * Whether a report names `expected`: each of those paths, or a folder above
 * it (a folder's report stands for all in it), and nothing but those, the
 * folders on their way, and what is in them (a folder made a moment before
 * may be reported with what was made in it).
 */
function names(result: { paths: string[] | 'all'; config: boolean }, expected: string[], config = false) {
  assert.equal(result.config, config)
  assert.notEqual(result.paths, 'all')
  const paths = result.paths as string[]
  const related = (a: string, b: string) => a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`)
  for (const path of expected) assert.ok(paths.some((reported) => path === reported || path.startsWith(`${reported}/`)), `${path} not in ${paths.join(', ')}`)
  for (const path of paths) assert.ok(expected.some((wanted) => related(path, wanted)), `${path} reported, not one of ${expected.join(', ')}`)
}

test('reports a file written in place, every time', async () => {
  for (let n = 0; n < 3; n++) names(await reported(() => writeFile(story(), `in place ${n}`)), ['2026/01/story.md'])
})

test('reports a file replaced by a rename, every time, and not the temporary file', async () => {
  for (let n = 0; n < 3; n++) {
    const result = await reported(async () => {
      await writeFile(join(root, 'articles/2026/01/sedAb12cd'), `renamed ${n}`)
      await rename(join(root, 'articles/2026/01/sedAb12cd'), story())
    })
    names(result, ['2026/01/story.md'])
  }
})

test('reports nothing for editors\' backups, swap files and hidden names', async () => {
  const result = await reported(async () => {
    await writeFile(`${story()}~`, 'backup')
    await writeFile(join(root, 'articles/2026/01/.story.md.swp'), 'swap')
    await writeFile(join(root, 'articles/2026/01/4913'), 'vim probe')
    await writeFile(`${story()}___jb_tmp___`, 'JetBrains')
    await mkdir(join(root, 'articles/.git'))
    await writeFile(join(root, 'articles/.git/HEAD.md'), 'hidden')
  })
  assert.equal(reports.length, 0, JSON.stringify(result))
})

test('reports a new folder, then watches it and the folders made in it', async () => {
  names(await reported(() => mkdir(join(root, 'articles/2026/02'))), ['2026/02'])
  names(await reported(() => mkdir(join(root, 'articles/2026/02/a/b'), { recursive: true })), ['2026/02/a'])
  names(await reported(() => writeFile(join(root, 'articles/2026/02/a/b/deep.md'), 'deep')), ['2026/02/a/b/deep.md'])
  names(await reported(() => writeFile(join(root, 'articles/2026/02/a/b/photo.JPG'), 'jpg')), ['2026/02/a/b/photo.JPG'])
})

test('reports a folder removed or renamed, and watches it under its new name', async () => {
  names(await reported(() => rename(join(root, 'articles/2026/02'), join(root, 'articles/2026/03'))), ['2026/02', '2026/03'])
  names(await reported(() => writeFile(join(root, 'articles/2026/03/a/b/deep.md'), 'moved')), ['2026/03/a/b/deep.md'])
  names(await reported(() => rm(join(root, 'articles/2026/03'), { recursive: true })), ['2026/03'])
})

test('reports a file deleted and one created again', async () => {
  names(await reported(() => unlink(story())), ['2026/01/story.md'])
  names(await reported(() => writeFile(story(), 'again')), ['2026/01/story.md'])
})

test('reports the config created after the start, written, replaced by a rename and removed', async () => {
  const config = join(root, 'site.yaml')
  names(await reported(() => writeFile(config, 'title: A')), [], true)
  names(await reported(() => writeFile(config, 'title: B')), [], true)
  names(await reported(async () => {
    await writeFile(`${config}.tmp`, 'title: C')
    await rename(`${config}.tmp`, config)
  }), [], true)
  names(await reported(() => unlink(config)), [], true)
  assert.equal(reports.length, 1)
})

test('a burst of saves is one report; a great many changes are all reported, or `all`', async () => {
  const burst = await reported(async () => {
    for (let n = 0; n < 50; n++) await writeFile(story(), `burst ${n}`)
  })
  names(burst, ['2026/01/story.md'])
  assert.ok(reports.length <= 3, `${reports.length} reports of 50 saves`)
  const many = await reported(async () => {
    await mkdir(join(root, 'articles/many'))
    await Promise.all(Array.from({ length: 600 }, (_, n) => writeFile(join(root, 'articles/many', `${n}.md`), 'x')))
  })
  // Past 500 paths in one report, the watch says `all` rather than trust it saw every event.
  if (many.paths !== 'all') assert.equal(many.paths.filter((path) => path.startsWith('many/') || path === 'many').length >= 1, true)
  assert.deepEqual(errors, [])
})
