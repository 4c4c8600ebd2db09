// The package as a newsroom gets it: packed with `npm pack`, installed into an
// empty folder with no network (npm's cache holds what `npm ci` fetched for this
// repository), then `wirefeed --version`, `init`, `build` and the API, the way a user runs them.
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cp, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { parseFeed } from '@rowanmanning/feed-parser'

const run = promisify(execFile)
const repo = fileURLToPath(new URL('..', import.meta.url))
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

interface LockEntry {
  dev?: boolean
  version?: string
  license?: string
  dependencies?: Record<string, string>
  bin?: Record<string, string>
  engines?: Record<string, string>
}

/**
 * Pack a copy of the repository's packable files, so that the scripts npm
 * runs (prepack, prepare, postpack) cannot touch the checkout other tests run from.
 */
async function pack(): Promise<{ tarball: string; files: string[] }> {
  const copy = await mkdtemp(join(tmpdir(), 'wirefeed-pack-'))
  for (const name of ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'README.md', 'LICENSE', 'src']) {
    await cp(join(repo, name), join(copy, name), { recursive: true })
  }
  await symlink(join(repo, 'node_modules'), join(copy, 'node_modules'))
  const { stdout } = await run(npm, ['pack', '--json', '--pack-destination', copy], { cwd: copy })
  const [packed] = JSON.parse(stdout) as [{ filename: string; files: { path: string }[] }]
  return { tarball: join(copy, packed.filename), files: packed.files.map((file) => file.path) }
}

/**
 * An empty app that depends on the tarball, with a lockfile made of this
 * repository's: `npm ci --offline` then installs exactly the locked
 * dependencies from npm's cache, where `npm install` would ask the registry.
 */
async function app(tarball: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'wirefeed-app-'))
  const lock = JSON.parse(await readFile(join(repo, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> }
  const { version, license, dependencies, bin, engines } = lock.packages[''] as LockEntry
  const spec = `file:${tarball}`
  const integrity = `sha512-${createHash('sha512').update(await readFile(tarball)).digest('base64')}`
  const packages: Record<string, unknown> = {
    '': { dependencies: { wirefeed: spec } },
    'node_modules/wirefeed': { version, resolved: spec, integrity, license, dependencies, bin, engines },
  }
  for (const [path, entry] of Object.entries(lock.packages)) if (path !== '' && !entry.dev) packages[path] = entry
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'desk', private: true, dependencies: { wirefeed: spec } }))
  await writeFile(join(dir, 'package-lock.json'), JSON.stringify({ name: 'desk', lockfileVersion: 3, requires: true, packages }))
  await run(npm, ['ci', '--offline', '--no-audit', '--no-fund'], { cwd: dir })
  return dir
}

test('the packed tarball installs offline and runs init, build and the API', { timeout: 300_000 }, async (t) => {
  const { tarball, files } = await pack()

  await t.test('the tarball holds the built JavaScript, its types and the lockfile, nothing else', () => {
    assert.ok(files.includes('lib/cli/bin.js'))
    assert.ok(files.includes('lib/index.d.ts'))
    assert.ok(files.includes('npm-shrinkwrap.json'), 'the locked dependency versions ship with the package')
    const others = files.filter((path) => !path.startsWith('lib/') && !['package.json', 'README.md', 'LICENSE', 'npm-shrinkwrap.json'].includes(path))
    assert.deepEqual(others, [], 'no tests, sources, fixtures or sample articles')
    assert.ok(!files.some((path) => path.endsWith('.ts') && !path.endsWith('.d.ts')))
  })

  const dir = await app(tarball)
  const wirefeed = (...args: string[]) => run(join(dir, 'node_modules', '.bin', 'wirefeed'), args, { cwd: dir, env: { ...process.env, SOURCE_DATE_EPOCH: '' } })
  const { version } = JSON.parse(await readFile(join(repo, 'package.json'), 'utf8')) as { version: string }

  await t.test('`wirefeed --version` prints the version', async () => {
    assert.equal((await wirefeed('--version')).stdout, `wirefeed ${version}\n`)
  })

  await t.test('`init` then `build` make feeds an independent parser reads', async () => {
    await wirefeed('init', '--title', 'Harbour Desk', '--url', 'https://example.org/desk/', '--time-zone', 'Europe/Kyiv', '--now', '2026-03-02T10:00:00Z')
    const [name] = await readdir(join(dir, 'articles', '2026'))
    const path = join(dir, 'articles', '2026', name as string)
    // The welcome article is a draft; an editor publishes it by removing the line.
    await writeFile(path, (await readFile(path, 'utf8')).replace('draft: true\n', ''))
    const { stdout } = await wirefeed('build', '--now', '2026-03-03T00:00:00Z')
    assert.match(stdout, /1 published/)
    const rss = parseFeed(await readFile(join(dir, 'dist', 'feed.xml'), 'utf8'))
    const atom = parseFeed(await readFile(join(dir, 'dist', 'atom.xml'), 'utf8'))
    for (const feed of [rss, atom]) {
      assert.equal(feed.title, 'Harbour Desk')
      assert.deepEqual(feed.items.map((item) => item.url), ['https://example.org/desk/2026/03/welcome-to-harbour-desk/'])
    }
    const json = JSON.parse(await readFile(join(dir, 'dist', 'feed.json'), 'utf8')) as { version: string; items: unknown[] }
    assert.equal(json.version, 'https://jsonfeed.org/version/1.1')
    assert.equal(json.items.length, 1)
  })

  await t.test('the API is importable and its types check in a TypeScript consumer', async () => {
    const script = join(dir, 'report.mts')
    await writeFile(
      script,
      `import { check, type CheckReport } from 'wirefeed'
const report: CheckReport = await check({ now: new Date('2026-03-03T00:00:00Z') })
console.log(JSON.stringify(report.articles.map((article) => [article.state, article.title])))
`,
    )
    await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', target: 'es2022', strict: true, noEmit: true, types: [] }, files: ['report.mts'] }))
    await run(process.execPath, [join(repo, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir])
    await writeFile(join(dir, 'report.mjs'), (await readFile(script, 'utf8')).replace(', type CheckReport', '').replace(': CheckReport', ''))
    const { stdout } = await run(process.execPath, ['report.mjs'], { cwd: dir })
    assert.deepEqual(JSON.parse(stdout), [['published', 'Welcome to Harbour Desk']])
  })

  await t.test('a type error against the API is caught', async () => {
    await writeFile(join(dir, 'report.mts'), `import { defaults } from 'wirefeed'\nconst out: number = defaults.out\n`)
    await assert.rejects(run(process.execPath, [join(repo, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir]), (error: { stdout: string }) =>
      /report\.mts\(2,7\): error TS2322/.test(error.stdout),
    )
  })
})
