// `wirefeed serve --watch` as an editor uses it: a subprocess on a copy of the
// fixture newsroom, edited the ways editors save, each edit waited for over HTTP.
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdir, readdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { join, relative } from 'node:path'
import { test } from 'node:test'
import { promisify } from 'node:util'
import { preview, type Preview } from '../preview/process.ts'
import { site, wirefeed } from '../run-cli.ts'

const now = '2026-01-06T12:00:00+02:00'

/** Run `body` with a preview of a fresh copy of the newsroom, stopped afterwards whatever happens. */
async function withPreview(body: (server: Preview, dir: string) => Promise<void>, args: string[] = [], prepare?: (dir: string) => Promise<void>) {
  const dir = await site('newsroom')
  await prepare?.(dir)
  const server = await preview(dir, ['--now', now, ...args])
  try {
    await body(server, dir)
  } finally {
    await server.stop()
    await rm(dir, { recursive: true, force: true })
  }
}

const summit = 'articles/2026/01/summit.md'

/** Wait until the summit page shows `marker`. */
const shows = (server: Preview, path: string, marker: string) => server.until(async () => (await server.get(path)).text.includes(marker), `${path} to show "${marker}"`)

/** The ways editors save a file, each given the file and its new text. */
const saves: Record<string, (path: string, text: string) => Promise<void>> = {
  'written in place': (path, text) => writeFile(path, text),
  'written to a temporary file, then renamed over it': async (path, text) => {
    await writeFile(`${path}.tmp-${process.pid}`, text)
    await rename(`${path}.tmp-${process.pid}`, path)
  },
  'replaced as sed -i does (a temporary file in its folder, renamed over it)': async (path, text) => {
    const temporary = join(path, '..', `sed${Math.random().toString(36).slice(2, 8)}`)
    await writeFile(temporary, text)
    await rename(temporary, path)
  },
  'kept as a backup by rename, written anew, backup removed (vim)': async (path, text) => {
    await rename(path, `${path}~`)
    await writeFile(path, text)
    await unlink(`${path}~`)
  },
  'deleted and created again': async (path, text) => {
    await unlink(path)
    await writeFile(path, text)
  },
}

test('serve --watch serves every save, however the editor saves, several times each', async () => {
  await withPreview(async (server, dir) => {
    const path = join(dir, summit)
    const original = await readFile(path, 'utf8')
    let n = 0
    for (const [how, save] of Object.entries(saves)) {
      for (let time = 1; time <= 3; time++) {
        const marker = `Edit ${++n}: ${how}, time ${time}.`
        await save(path, `${original}\n${marker}\n`)
        await shows(server, '2026/01/summit/', marker)
      }
    }
    // And with sed itself, twice: the first `sed -i` rebuilt and the second did not, in the old watch.
    for (const word of ['sign', 'seal']) {
      await promisify(execFile)('sed', ['-i', `s/^title: Allies [a-z]*/title: Allies ${word}/`, path])
      await shows(server, 'feed.json', `"title": "Allies ${word} \\"binding\\" guarantees at Paris summit"`)
    }
  })
})

test('serve --watch serves a new article in a new folder, and drops one whose folder is removed', async () => {
  await withPreview(async (server, dir) => {
    for (const [n, folder] of ['2026/02', '2026/03/deep/er', 'desk'].entries()) {
      const file = join(dir, 'articles', folder, `story-${n}.md`)
      await mkdir(join(file, '..'), { recursive: true })
      await writeFile(file, `---\ntitle: Story ${n} from ${folder}\nsummary: A new story.\nauthor: Ann Writer\ndate: 2026-01-05\n---\n\nNew story ${n}.\n`)
      await shows(server, `2026/01/story-${n}/`, `New story ${n}.`)
    }
    await rm(join(dir, 'articles/2026/03'), { recursive: true })
    await server.until(async () => (await server.get('2026/01/story-1/')).status === 404, 'the removed folder\'s article to be gone')
    assert.equal((await server.get('2026/01/story-0/')).status, 200)
    // A folder made, then an article moved into it, then the folder renamed.
    await mkdir(join(dir, 'articles/moved'))
    await rename(join(dir, 'articles/2026/02/story-0.md'), join(dir, 'articles/moved/story-0.md'))
    await rename(join(dir, 'articles/moved'), join(dir, 'articles/renamed'))
    await writeFile(join(dir, 'articles/renamed/story-0.md'), `---\ntitle: Story 0 moved\nsummary: A new story.\nauthor: Ann Writer\ndate: 2026-01-05\n---\n\nMoved story.\n`)
    await shows(server, '2026/01/story-0/', 'Moved story.')
  })
})

test('serve --watch follows the config: edited, replaced by a rename, removed, and created after the start', async () => {
  const config = (title: string) => `title: ${title}\nurl: https://news.example.org/desk/\nlanguage: en-GB\ntimeZone: Europe/Kyiv\nauthor: Desk\n`
  await withPreview(async (server, dir) => {
    const path = join(dir, 'wirefeed.config.yaml')
    await writeFile(path, config('Edited in place'))
    await shows(server, '', '<title>Edited in place</title>')
    await writeFile(`${path}.new`, config('Replaced by a rename'))
    await rename(`${path}.new`, path)
    await shows(server, '', '<title>Replaced by a rename</title>')
    await writeFile(`${path}.new`, config('Replaced again'))
    await rename(`${path}.new`, path)
    await shows(server, '', '<title>Replaced again</title>')
    assert.match(server.stdout(), /^\d\d:\d\d:\d\d rebuilt: wirefeed\.config\.yaml changed, 2 published/m)
  })
  // No config at the start: the defaults, served at /; then one is written, and the site moves to its path.
  await withPreview(
    async (server, dir) => {
      assert.match(server.base, /^http:\/\/127\.0\.0\.1:\d+\/$/)
      assert.match((await server.get('')).text, /<title>wirefeed<\/title>/)
      await writeFile(join(dir, 'wirefeed.config.yaml'), config('Created later'))
      await server.until(() => /Serving dist\/ at http:\S+\/desk\/ now/.test(server.stdout()), 'the new address')
      const base = /Serving dist\/ at (http:\S+\/desk\/) now/.exec(server.stdout())?.[1] ?? ''
      assert.match(await (await fetch(base)).text(), /<title>Created later<\/title>/)
      // Removed: the defaults again.
      await unlink(join(dir, 'wirefeed.config.yaml'))
      await server.until(async () => /<title>wirefeed<\/title>/.test(await (await fetch(new URL('/', base))).text()), 'the defaults again')
    },
    [],
    (dir) => unlink(join(dir, 'wirefeed.config.yaml')),
  )
})

test('a burst of saves is served as its last one, in fewer rebuilds than saves', async () => {
  await withPreview(async (server, dir) => {
    const path = join(dir, summit)
    const original = await readFile(path, 'utf8')
    const before = server.stdout().split('\n').length
    for (let n = 1; n <= 30; n++) await writeFile(path, `${original}\nBurst save ${n}.\n`)
    await shows(server, '2026/01/summit/', 'Burst save 30.')
    // Wait for the rebuilds to end (a line each), then count them.
    await server.until(() => /rebuilt: .*\n$/.test(server.stdout()), 'the last rebuild line')
    const rebuilds = server.stdout().split('\n').length - before
    assert.ok(rebuilds >= 1 && rebuilds < 30, `${rebuilds} rebuilds for 30 saves`)
  })
})

test('one timestamped line a rebuild: what changed, what is published, how long; a failure says so and keeps the last good build', async () => {
  await withPreview(async (server, dir) => {
    assert.match(server.stdout(), /^\d\d:\d\d:\d\d built: 2 published, 1 scheduled, 1 draft \(\d+\.\d\d s\)\nServing dist\/ at http:\/\/127\.0\.0\.1:\d+\/desk\/ \(Ctrl\+C stops\)\n$/)
    const path = join(dir, summit)
    const original = await readFile(path, 'utf8')
    await writeFile(path, original.replace('title: Allies draft', 'title: Allies sign'))
    await server.until(() => /rebuilt: 1 changed/.test(server.stdout()), 'the rebuild line')
    assert.match(server.stdout(), /^\d\d:\d\d:\d\d rebuilt: 1 changed \(articles\/2026\/01\/summit\.md\), 2 published, 1 scheduled, 1 draft \(\d+\.\d\d s\)$/m)

    await writeFile(path, original.replace('title: Allies draft', 'titel: Allies draft'))
    await server.until(() => /failed: /.test(server.stdout()), 'the failure line')
    assert.match(server.stdout(), /^\d\d:\d\d:\d\d failed: 1 changed \(articles\/2026\/01\/summit\.md\), 1 error in articles\/2026\/01\/summit\.md; still serving the last good build \(\d+\.\d\d s\)$/m)
    assert.match(server.stderr(), /^articles\/2026\/01\/summit\.md:2:1 {2}error {2}.*\[unknown-field\]$/m)
    assert.match((await server.get('2026/01/summit/')).text, /Allies sign/)

    // The same text as before the failure: nothing new to write, but the site is good again.
    await writeFile(path, original.replace('title: Allies draft', 'title: Allies sign'))
    await server.until(() => /the site is the same/.test(server.stdout()), 'the good build again')
    assert.match(server.stdout(), /rebuilt: 1 changed \(articles\/2026\/01\/summit\.md\), 2 published, 1 scheduled, 1 draft; the site is the same \(\d+\.\d\d s\)\n$/)
  })
})

test('a preview started on a broken site says so, serves once it is mended, and keeps serving through a broken config', async () => {
  await withPreview(
    async (server, dir) => {
      assert.match(server.stdout(), /^\d\d:\d\d:\d\d failed: 1 error in articles\/2026\/01\/summit\.md; serving dist\/ as it was \(\d+\.\d\d s\)$/m)
      // Nothing built yet: a page that tells so, and reloads when there is one.
      const empty = await server.get('')
      assert.equal(empty.status, 404)
      assert.match(empty.text, /<script src="\/_wirefeed\/live\.js" data-generation="1" defer><\/script>/)
      const path = join(dir, summit)
      await writeFile(path, (await readFile(path, 'utf8')).replace('titel: Allies', 'title: Allies'))
      await shows(server, '', '<title>Kyiv &#x26; Paris Desk</title>')
      await writeFile(join(dir, 'wirefeed.config.yaml'), 'title: Broken\nfeedItems: lots\n')
      await server.until(() => /failed: wirefeed\.config\.yaml changed, 1 error in wirefeed\.config\.yaml; still serving the last good build/.test(server.stdout()), 'the config failure')
      assert.match(server.stderr(), /^wirefeed\.config\.yaml:2:\d+ {2}error /m)
      assert.match((await server.get('')).text, /<title>Kyiv &#x26; Paris Desk<\/title>/)
    },
    [],
    async (dir) => {
      const path = join(dir, summit)
      await writeFile(path, (await readFile(path, 'utf8')).replace('title: Allies', 'titel: Allies'))
    },
  )
})

/** The events of the preview's stream, as they come: a reader of Server-Sent Events, as a browser's EventSource is. */
async function events(url: string) {
  const response = await fetch(url)
  assert.equal(response.headers.get('content-type'), 'text/event-stream; charset=utf-8')
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
  let buffer = ''
  return {
    /** The next event's name and data. */
    async next(): Promise<{ event: string; data: { generation: number; problems?: { file: string; line: number; column: number; rule: string; message: string }[] } }> {
      for (;;) {
        const end = buffer.indexOf('\n\n')
        if (end !== -1) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const event = /^event: (.*)$/m.exec(block)?.[1]
          const data = /^data: (.*)$/m.exec(block)?.[1]
          if (event && data) return { event, data: JSON.parse(data) }
          continue
        }
        const { value, done } = await reader.read()
        if (done) throw new Error('the event stream ended')
        buffer += value
      }
    },
    close: () => reader.cancel(),
  }
}

test('the pages open are told of each build: changed, failed with its errors, good again', async () => {
  await withPreview(async (server, dir) => {
    const stream = await events(new URL('/_wirefeed/events', server.base).href)
    try {
      const first = await stream.next()
      assert.equal(first.event, 'ok')
      // Each HTML page says which generation of the output it is: the one the stream says now.
      assert.match((await server.get('')).text, new RegExp(`<script src="/_wirefeed/live\\.js" data-generation="${first.data.generation}" defer></script></body>`))
      const path = join(dir, summit)
      const original = await readFile(path, 'utf8')
      await writeFile(path, `${original}\nA new paragraph.\n`)
      assert.deepEqual(await stream.next(), { event: 'changed', data: { generation: first.data.generation + 1 } })

      await writeFile(path, original.replace('title: Allies draft', 'titel: <img src=x onerror=alert(1)>'))
      const failed = await stream.next()
      assert.equal(failed.event, 'failed')
      assert.equal(failed.data.generation, first.data.generation + 1)
      // Errors only, each with its place and rule; the message quotes the key as typed, as data (the page shows it as text).
      assert.deepEqual(
        failed.data.problems?.map((problem) => `${problem.file}:${problem.line}:${problem.column} ${problem.rule}`),
        ['articles/2026/01/summit.md:2:1 unknown-field'],
      )
      await writeFile(path, `${original}\nAnother paragraph.\n`)
      assert.deepEqual(await stream.next(), { event: 'changed', data: { generation: first.data.generation + 2 } })
    } finally {
      await stream.close()
    }
    assert.ok(server.stderr().length > 0)
  })
})

test('the preview is the site: its path, its 404 page, its links and feeds leading to the preview', async () => {
  await withPreview(async (server) => {
    const origin = new URL(server.base).origin
    const root = await fetch(`${origin}/`, { redirect: 'manual' })
    assert.deepEqual([root.status, root.headers.get('location')], [302, '/desk/'])
    for (const path of [`${origin}/nope`, `${server.base}2026/01/nope/`, `${origin}/desk/../../package.json`]) {
      const response = await fetch(path)
      assert.equal(response.status, 404, path)
      assert.match(await response.text(), /<title>Page not found – Kyiv &#x26; Paris Desk<\/title>/)
    }
    const feed = JSON.parse((await server.get('feed.json')).text) as { feed_url: string; items: { url: string; image?: string }[] }
    assert.equal(feed.feed_url, `${server.base}feed.json`)
    assert.deepEqual(feed.items.map((item) => item.url), [`${server.base}2026/01/summit/`, `${server.base}2026/01/symbols/`])
    assert.equal(feed.items[0]?.image, `${server.base}images/summit.jpg`)
    assert.equal((await fetch(feed.items[0]!.image!)).status, 200)
    const page = (await server.get('2026/01/summit/')).text
    assert.doesNotMatch(page, /news\.example\.org\/desk\//)
    // Ids are not addresses, and stay as published.
    assert.match((await server.get('atom.xml')).text, /<id>tag:news\.example\.org,2026-01-06:summit<\/id>/)
  })
})

test('the site the preview built is, byte for byte, what `wirefeed build` makes', async () => {
  const built = await site('newsroom')
  const run = await wirefeed(['build', '--now', now], built)
  assert.equal(run.code, 0, run.stderr)
  await withPreview(async (server, dir) => {
    const path = join(dir, summit)
    await writeFile(path, `${await readFile(path, 'utf8')}\nEdited in preview.\n`)
    await shows(server, '2026/01/summit/', 'Edited in preview.')
    await writeFile(join(built, summit), await readFile(path, 'utf8'))
    assert.equal((await wirefeed(['build', '--now', now], built)).code, 0)
    assert.deepEqual(await tree(join(dir, 'dist')), await tree(join(built, 'dist')))
  })
  await rm(built, { recursive: true, force: true })
})

/** Every file under `dir` by path, with its bytes. */
async function tree(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files = entries.filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name)))
  return new Map(await Promise.all(files.sort().map(async (path) => [path, (await readFile(join(dir, path))).toString('base64')] as const)))
}

test('a busy port is one sentence and exit code 1, never a raw EADDRINUSE', async () => {
  const blocker = createServer()
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
  const port = String((blocker.address() as { port: number }).port)
  const dir = await site('newsroom')
  try {
    for (const args of [['serve', '--port', port], ['serve', '--watch', '--port', port, '--now', now]]) {
      if (!args.includes('--watch')) assert.equal((await wirefeed(['build', '--now', now], dir)).code, 0)
      const run = await wirefeed(args, dir)
      assert.deepEqual([run.code, run.stderr], [1, `wirefeed: port ${port} is in use; choose another with --port <n> (0 picks a free one).\n`])
      assert.doesNotMatch(run.stdout + run.stderr, /EADDRINUSE|listen/)
    }
  } finally {
    blocker.close()
    await rm(dir, { recursive: true, force: true })
  }
})

test('Ctrl+C ends the preview with code 0, the cache written for the next build', async () => {
  const dir = await site('newsroom')
  const server = await preview(dir, ['--now', now])
  const path = join(dir, summit)
  await writeFile(path, `${await readFile(path, 'utf8')}\nLast edit.\n`)
  await shows(server, '2026/01/summit/', 'Last edit.')
  assert.equal(await server.stop(), 0)
  // The build after it finds nothing changed: the session's record and index reached the disk.
  const after = await wirefeed(['build', '--now', now], dir)
  assert.equal(after.code, 0, after.stderr)
  assert.match(after.stdout, /^Unchanged: dist\//)
  await rm(dir, { recursive: true, force: true })
})
