// The build itself: front matter is data only, a build reads and writes only
// where it should, and it never touches the network.
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { VFile } from 'vfile'
import { validateArticle } from '../../src/validate.ts'
import { config } from '../helpers.ts'
import { stubServer } from '../stub-server.ts'
import { now, repo, site, snapshot, wirefeed } from './run.ts'

const noNetwork = fileURLToPath(new URL('./no-network.mjs', import.meta.url))

test('parses front matter as data only: no custom or JS tags, no evaluation, no prototype pollution', async () => {
  const dir = await site()
  await writeFile(
    join(dir, 'articles', 'tags.md'),
    '---\ntitle: !!js/function "function () { globalThis.pwned = true }"\nsummary: !<tag:yaml.org,2002:js/undefined> x\nauthor: !custom Ann\ndate: 2026-01-10\n---\n',
  )
  await writeFile(
    join(dir, 'articles', 'proto.md'),
    '---\ntitle: Proto\nsummary: S.\nauthor: A\ndate: 2026-01-10\n__proto__: { polluted: yes }\nconstructor: { prototype: { polluted: yes } }\n---\n',
  )
  const run = await wirefeed(['build', '--now', now], dir)
  assert.equal(run.code, 1)
  const problems = run.stderr.split('\n').filter((line) => line.startsWith('articles/') && line.includes('  error  '))
  assert.deepEqual(problems.map((line) => line.replace(/ {2}error {2}.*\[/, ' [')), [
    'articles/proto.md:6:1 [unknown-field]',
    'articles/proto.md:7:1 [unknown-field]',
    'articles/tags.md:2:8 [yaml-syntax]',
    'articles/tags.md:3:10 [yaml-syntax]',
    'articles/tags.md:4:9 [yaml-syntax]',
  ])
  assert.match(run.stderr, /Unresolved tag: tag:yaml\.org,2002:js\/function/)

  // In process, where evaluation or pollution would show.
  for (const name of ['tags.md', 'proto.md']) {
    const file = new VFile({ path: name, value: await readFile(join(dir, 'articles', name), 'utf8') })
    assert.equal(validateArticle(file, config()), undefined)
  }
  assert.equal((globalThis as { pwned?: boolean }).pwned, undefined)
  assert.equal(({} as { polluted?: unknown }).polluted, undefined)
  assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false)
})

test(
  'reports a YAML alias bomb on its file instead of stopping the build',
  () => {
    // Seven levels of ten aliases each: ten million nodes if expanded.
    const levels = ['&l0 [x, x, x, x, x, x, x, x, x, x]', ...[1, 2, 3, 4, 5, 6].map((n) => `&l${n} [${Array(10).fill(`*l${n - 1}`).join(', ')}]`)]
    const yaml = levels.map((level, n) => `l${n}: ${level}`).join('\n')
    const file = new VFile({ path: 'articles/bomb.md', value: `---\ntitle: T\nsummary: S\nauthor: A\ndate: 2026-01-10\n${yaml}\n---\n` })
    assert.equal(validateArticle(file, config()), undefined)
    assert.ok(file.messages.some((message) => message.fatal && message.ruleId && message.line), file.messages.join('; '))
  },
)

test('the network guard used below catches fetch, http, https, net and DNS', async () => {
  const stub = await stubServer((_, res) => res.end('ok'))
  try {
    const attempts = [
      `await fetch('${stub.url}')`,
      `await new Promise((resolve, reject) => http.get('${stub.url}', resolve).on('error', reject))`,
      `await new Promise((resolve, reject) => https.get('${stub.url.replace('http:', 'https:')}', resolve).on('error', reject))`,
      `await new Promise((resolve, reject) => net.connect(${new URL(stub.url).port}, '127.0.0.1', resolve).on('error', reject))`,
      `await dns.lookup('example.org')`,
    ]
    for (const attempt of attempts) {
      const code = `import http from 'node:http'; import https from 'node:https'; import net from 'node:net'; import dns from 'node:dns/promises'; try { ${attempt} } catch {}`
      const { stderr } = await promisify(execFile)(process.execPath, ['--import', noNetwork, '--input-type=module', '-e', code])
      assert.match(stderr, /^wirefeed-test: network used: /m, attempt)
    }
    assert.deepEqual(stub.requests, [], 'the guard stopped every attempt before it left the process')
  } finally {
    await stub.close()
  }
})

test('a build fetches nothing, not even the hub, images or links the site and its articles name', async () => {
  const stub = await stubServer((_, res) => res.end('ok'))
  try {
    const dir = await site()
    await writeFile(join(dir, 'wirefeed.config.yaml'), `url: https://news.example.org/\nfeedItems: 50\nhub: ${stub.url}\n`)
    await writeFile(
      join(dir, 'articles', 'remote.md'),
      `---\ntitle: Remote things\nsummary: S.\nauthor: A\ndate: 2026-01-10\nimage:\n  src: ${stub.url}lead.jpg\n  alt: Lead\n---\n\n![inline](${stub.url}inline.png) <img src="${stub.url}raw.png"> [link](${stub.url}page) <iframe src="${stub.url}frame"></iframe>\n`,
    )
    const run = await wirefeed(['build', '--now', now], dir, { node: ['--import', noNetwork] })
    assert.equal(run.code, 0, run.stderr)
    assert.doesNotMatch(run.stderr, /network used/)
    assert.deepEqual(stub.requests, [])
    assert.match((await snapshot(join(dir, 'dist'))).get('feed.json')?.toString() ?? '', /Remote things/)
  } finally {
    await stub.close()
  }
})

// Node's permission model (experimental in Node 20) as an outside witness:
// the build runs with read access to its own code, articles/, the config,
// the live ledger (.live/), dist* and its cache, and write access to dist* and the cache only; anything else it touched would fail
// with ERR_ACCESS_DENIED. tsx needs workers and esbuild's child process, and
// its cache off, since the cache lives in the temp folder.
const permission = ['--permission', '--experimental-permission'].find((flag) => process.allowedNodeEnvironmentFlags.has(flag))

test('a build reads only its code, articles/, the config and the authors\' register, the live ledger, the output and its cache, and writes only the output and its cache', { skip: !permission && 'this Node has no permission model' }, async () => {
  const dir = await site()
  await mkdir(join(dir, 'private'))
  await writeFile(join(dir, 'private', 'secret.md'), '---\ntitle: TOP SECRET\nsummary: S.\nauthor: A\ndate: 2026-01-10\n---\n')
  const sandbox = [
    permission!,
    `--allow-fs-read=${repo}*`,
    `--allow-fs-read=${join(dir, 'articles')}/*`,
    `--allow-fs-read=${join(dir, 'wirefeed.config.yaml')}`,
    `--allow-fs-read=${join(dir, 'authors.yaml')}`,
    `--allow-fs-read=${join(dir, '.live')}*`,
    `--allow-fs-read=${join(dir, 'dist')}*`,
    `--allow-fs-write=${join(dir, 'dist')}*`,
    `--allow-fs-read=${join(dir, '.cache', 'wirefeed')}*`,
    `--allow-fs-write=${join(dir, '.cache', 'wirefeed')}*`,
    '--allow-worker',
    '--allow-child-process',
  ]
  const env = { TSX_DISABLE_CACHE: '1' }

  // The sandbox bites: reading the secret, or writing beside dist/, is denied.
  const probe = `const fs = require('node:fs'); for (const f of [() => fs.readFileSync(${JSON.stringify(join(dir, 'private', 'secret.md'))}), () => fs.writeFileSync(${JSON.stringify(join(dir, 'beside.txt'))}, 'x')]) { try { f(); console.log('allowed') } catch (e) { console.log(e.code) } }`
  const { stdout } = await promisify(execFile)(process.execPath, [...sandbox, '-e', probe])
  assert.equal(stdout, 'ERR_ACCESS_DENIED\nERR_ACCESS_DENIED\n')

  // A link to the secret is refused by wirefeed itself, before any read is attempted.
  await symlink('../private/secret.md', join(dir, 'articles', 'leak.md'))
  const refused = await wirefeed(['build', '--now', now], dir, { node: sandbox, env })
  assert.equal(refused.code, 1, refused.stderr)
  assert.match(refused.stderr, /^articles\/leak\.md:1:1 {2}error {2}.*\[outside-articles\]$/m)
  assert.doesNotMatch(refused.stderr, /ERR_ACCESS_DENIED|restricted/)

  await rm(join(dir, 'articles', 'leak.md'))
  const built = await wirefeed(['build', '--now', now], dir, { node: sandbox, env })
  assert.equal(built.code, 0, built.stderr)
  assert.doesNotMatch(built.stderr, /ERR_ACCESS_DENIED|restricted/)
  assert.deepEqual((await readdir(dir)).sort(), ['.cache', 'articles', 'dist', 'private', 'wirefeed.config.yaml'])
  assert.ok((await snapshot(join(dir, 'dist'))).has('feed.xml'))
})
