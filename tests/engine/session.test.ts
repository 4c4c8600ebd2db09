// Builds within a session (serve --watch): told what changed, they give what builds on their own give.
import assert from 'node:assert/strict'
import { mkdir, mkdtemp, readdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { test } from 'node:test'
import { VFile } from 'vfile'
import { build, openSession, type BuildRequest, type BuildResult } from '../../src/engine/index.ts'
import { sessionOf } from '../../src/engine/session.ts'
import { listInputs, updateInputs, type Inputs } from '../../src/engine/inputs.ts'
import { readRecord } from '../../src/engine/record.ts'
import { config, source } from '../helpers.ts'

const now = new Date('2026-02-01T00:00:00Z')
const text = (title: string, body = 'Body.\n', fields: Record<string, unknown> = {}) => String(source({ title, date: '2026-01-06', ...fields }, body).value)

/** A site folder of `files` (path under articles/ → text), relative to the working directory as a CLI user's would be. */
async function folder(files: Record<string, string>) {
  const root = relative(process.cwd(), await mkdtemp(join(tmpdir(), 'wirefeed-session-')))
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(root, 'articles', path, '..'), { recursive: true })
    await writeFile(join(root, 'articles', path), content)
  }
  return root
}

/** Each output file's bytes by path. */
async function output(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const paths = entries.filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name)))
  return new Map(await Promise.all(paths.sort().map(async (path) => [path, await readFile(join(dir, path), 'utf8')] as const)))
}

/** What a build said; a message on an output file (a byte budget's) named within the output folder `out`. */
const said = (result: BuildResult, out = '') => ({
  ok: result.ok,
  summary: result.summary,
  output: result.output === 'unchanged' ? 'same' : result.output,
  messages: result.files.flatMap((file) => file.messages.map((m) => `${out && file.path.startsWith(`${out}/`) ? `<out>${file.path.slice(out.length)}` : file.path}:${m.line}:${m.column} ${m.ruleId}`)).sort(),
})

test('a build in a session gives what a build on its own gives, change after change, told only what changed', async () => {
  const root = await folder({
    '2026/01/one.md': text('One', 'First.\n', { tags: ['Energy'] }),
    '2026/01/two.md': text('Two', 'Second, with ![a map](images/map.png).\n'),
    '2026/01/images/map.png': 'png',
    'notes.txt': 'not an article',
  })
  const articles = join(root, 'articles')
  const alone: BuildRequest = { articles, config: config(), now, write: true, out: join(root, 'alone'), cache: join(root, 'alone-cache') }
  const session = openSession()
  const within: BuildRequest = { ...alone, out: join(root, 'within'), cache: join(root, 'within-cache'), session }
  const a = (path: string) => join(articles, path)
  /** Each step changes the articles, and names what it changed as a watcher would. */
  const steps: Array<[string, () => Promise<string[]>]> = [
    ['nothing', async () => []],
    ['an article edited', async () => (await writeFile(a('2026/01/one.md'), text('One, edited', 'First.\n', { tags: ['Energy'] })), [a('2026/01/one.md')])],
    ['an article added in a new folder', async () => {
      await mkdir(a('2026/02/deep'), { recursive: true })
      await writeFile(a('2026/02/deep/three.md'), text('Three'))
      return [a('2026/02')]
    }],
    ['an article replaced by a rename', async () => {
      await writeFile(a('2026/01/two.md.tmp'), text('Two, replaced', 'Second, with ![a map](images/map.png).\n'))
      await rename(a('2026/01/two.md.tmp'), a('2026/01/two.md'))
      return [a('2026/01/two.md.tmp'), a('2026/01/two.md')]
    }],
    ['an image removed', async () => (await rm(a('2026/01/images/map.png')), [a('2026/01/images/map.png')])],
    ['an image added, its name in capitals', async () => (await writeFile(a('2026/01/images/MAP.PNG'), 'png'), [a('2026/01/images/MAP.PNG')])],
    ['an article broken', async () => (await writeFile(a('2026/01/one.md'), '---\ntitel: One\n---\n'), [a('2026/01/one.md')])],
    ['the broken article mended', async () => (await writeFile(a('2026/01/one.md'), text('One, mended')), [a('2026/01/one.md')])],
    ['hidden and foreign files', async () => {
      await mkdir(a('.git'))
      await writeFile(a('.git/story.md'), text('Hidden'))
      await writeFile(a('2026/01/.draft.md'), text('Hidden too'))
      await writeFile(a('2026/01/one.md~'), 'a backup')
      return [a('.git'), a('.git/story.md'), a('2026/01/.draft.md'), a('2026/01/one.md~')]
    }],
    ['a folder renamed', async () => (await rename(a('2026/02'), a('2026/03')), [a('2026/02'), a('2026/03')])],
    ['a folder removed', async () => (await rm(a('2026/03'), { recursive: true }), [a('2026/03')])],
    ['a link to an article inside', async () => (await symlink('one.md', a('2026/01/linked.md')), [a('2026/01/linked.md')])],
    ['the same text saved again', async () => (await writeFile(a('2026/01/two.md'), await readFile(a('2026/01/two.md'))), [a('2026/01/two.md')])],
    ['everything, as a watch that lost track says', async () => (await writeFile(a('2026/01/four.md'), text('Four')), ['all'])],
  ]
  try {
    for (const [what, step] of steps) {
      const changed = await step()
      session.changed(changed.includes('all') ? 'all' : changed)
      const [mine, theirs] = [await build(within), await build(alone)]
      assert.deepEqual(said(mine), said(theirs), what)
      if (theirs.ok) assert.deepEqual(await output(within.out), await output(alone.out), what)
    }
  } finally {
    await session.close()
  }
  // Closing wrote the session's record: a build on its own after it finds nothing to do.
  assert.equal((await build({ ...within, session: undefined })).output, 'unchanged')
})

// A listing kept from one build to the next (src/engine/listing.ts) must never serve a body of an earlier build:
// with `archives: full` the month's archive holds the body too, and a partner profile with the full text.
for (const [kind, settings] of [
  ['the default config', config()],
  // The profile wants three items: its warning comes and goes with a body too long for it (one long word: the reading
  // time, and so the site's listing, stay as they were).
  ['full archives and a full-text profile', config({ archives: 'full', profiles: { partner: { maxBytes: 16_384, minItems: 3, maxItems: 10, content: 'full' } } })],
] as const) test(`an editor's edits in one session leave the output a cold build of the same articles and ledger makes, byte for byte (${kind})`, async () => {
  const root = await folder({
    '2026/01/one.md': text('One', 'First.\n', { tags: ['Energy'] }),
    '2026/01/two.md': text('Two', 'Second.\n', { tags: ['Energy', 'Water'] }),
    '2025/12/three.md': text('Three', 'Third.\n', { date: '2025-12-20', tags: ['Water'] }),
  })
  const articles = join(root, 'articles')
  const first: BuildRequest = { articles, config: settings, now, write: true, out: join(root, 'first'), cache: join(root, 'first-cache') }
  assert.equal((await build(first)).ok, true)
  // The live site's ledger, which the edits are built against: an id it holds must stay.
  const ledgerText = await readFile(join(first.out, 'ledger.json'), 'utf8')
  const ledger = () => new VFile({ path: 'ledger.json', value: ledgerText })
  const session = openSession()
  const a = (path: string) => join(articles, path)
  const save = (path: string, content: string) => async () => (await writeFile(a(path), content), [a(path)])
  const steps: Array<[string, () => Promise<string[]>]> = [
    ['a body edited', save('2026/01/one.md', text('One', 'First, and more.\n', { tags: ['Energy'] }))],
    ['the body edited again', save('2026/01/one.md', text('One', 'First, and more again.\n', { tags: ['Energy'] }))],
    ['a body past the profile\'s budget', save('2026/01/one.md', text('One', `First, and ${'more'.repeat(5000)}.\n`, { tags: ['Energy'] }))],
    // A new listing (the headline is in every list) keeps the budgets' fills and shares, known by what they hold.
    ['its title edited, still past it', save('2026/01/one.md', text('One, past', `First, and ${'more'.repeat(5000)}.\n`, { tags: ['Energy'] }))],
    ['and again, back as it was', save('2026/01/one.md', text('One', 'First, and more.\n', { tags: ['Energy'] }))],
    ['a title edited', save('2026/01/one.md', text('One, retitled', 'First, and more.\n', { tags: ['Energy'] }))],
    // Two stories under one headline warn on the later one, whose warning stays when only its body changes.
    ['a headline another story has', save('2026/01/two.md', text('One, retitled', 'Second.\n', { tags: ['Energy', 'Water'] }))],
    ['a body edited beside it', save('2026/01/two.md', text('One, retitled', 'Second, and more.\n', { tags: ['Energy', 'Water'] }))],
    ['a tag changed', save('2026/01/two.md', text('Two', 'Second.\n', { tags: ['Water', 'Grain'] }))],
    ['an article added', save('2026/01/four.md', text('Four', 'Fourth.\n', { tags: ['Energy'] }))],
    // Not yet in the live site's ledger, so its URL, which holds the month, may still change.
    ['a date moved into another month', save('2026/01/four.md', text('Four', 'Fourth.\n', { date: '2025-12-28', tags: ['Energy'] }))],
    ['an article deleted', async () => (await rm(a('2026/01/four.md')), [a('2026/01/four.md')])],
    ['a published id changed: refused', save('2025/12/three.md', text('Three', 'Third.\n', { date: '2025-12-20', tags: ['Water'], id: 'urn:example:three' }))],
    ['the id put back', save('2025/12/three.md', text('Three', 'Third, amended.\n', { date: '2025-12-20', tags: ['Water'] }))],
  ]
  const warned = new Set<boolean>()
  try {
    for (const [index, [what, step]] of steps.entries()) {
      session.changed(await step())
      const within: BuildRequest = { ...first, ledger: ledger(), session }
      // A cold build: its own output and cache, made from nothing.
      const cold: BuildRequest = { ...first, ledger: ledger(), out: join(root, `cold-${index}`), cache: join(root, `cold-cache-${index}`) }
      const [mine, theirs] = [await build(within), await build(cold)]
      assert.deepEqual(said(mine, within.out), said(theirs, cold.out), what)
      if (mine.ok) warned.add(said(mine).messages.some((message) => message.endsWith('profile-too-small')))
      assert.equal(mine.ok, !what.endsWith('refused'), what)
      if (mine.ok) assert.deepEqual(await output(within.out), await output(cold.out), what)
    }
    assert.deepEqual([...warned].sort(), settings.profiles.partner ? [false, true] : [false])
  } finally {
    await session.close()
    await rm(root, { recursive: true, force: true })
  }
})

test('a config changed in a session is analysed with on the thread it keeps, as on its own', async () => {
  const root = await folder({ 'one.md': text('One', 'First [link](../two/).\n'), 'two.md': text('Two') })
  const session = openSession()
  const alone: BuildRequest = { articles: join(root, 'articles'), config: config(), now, write: true, out: join(root, 'alone'), cache: join(root, 'alone-cache') }
  const within: BuildRequest = { ...alone, out: join(root, 'within'), cache: join(root, 'within-cache'), session }
  try {
    for (const settings of [config(), config({ title: 'Another title', url: 'https://example.org/news/' }), config({ language: 'uk' })]) {
      const [mine, theirs] = [await build({ ...within, config: settings }), await build({ ...alone, config: settings })]
      assert.deepEqual([mine.analysed, said(mine)], [theirs.analysed, said(theirs)])
      assert.deepEqual(await output(within.out), await output(alone.out))
    }
  } finally {
    await session.close()
  }
})

test('a session reads only what it is told changed: the watch is its eyes', async () => {
  const root = await folder({ 'one.md': text('One'), 'two.md': text('Two') })
  const session = openSession()
  const request: BuildRequest = { articles: join(root, 'articles'), config: config(), now, write: true, out: join(root, 'dist'), cache: join(root, 'cache'), session }
  try {
    await build(request)
    await writeFile(join(root, 'articles/one.md'), text('One, unseen'))
    assert.deepEqual([(await build(request)).analysed, (await output(request.out)).get('feed.xml')?.includes('One, unseen')], [0, false])
    session.changed([join(root, 'articles/one.md')])
    assert.deepEqual([(await build(request)).analysed, (await output(request.out)).get('feed.xml')?.includes('One, unseen')], [1, true])
  } finally {
    await session.close()
  }
})

test('a session keeps the record and the index in memory, and writes them when quiet and on closing', async () => {
  const root = await folder({ 'one.md': text('One') })
  const session = openSession()
  const request: BuildRequest = { articles: join(root, 'articles'), config: config(), now, write: true, out: join(root, 'dist'), cache: join(root, 'cache'), session }
  try {
    await build(request)
    const first = readRecord(request.cache)
    await writeFile(join(root, 'articles/one.md'), text('One, edited'))
    session.changed([join(root, 'articles/one.md')])
    await build(request)
    // Not yet on disk: the edit is served before anything is written but the output.
    assert.equal(readRecord(request.cache)?.manifest, first?.manifest)
    // Quiet for a moment: written.
    const deadline = Date.now() + 10_000
    while (readRecord(request.cache)?.manifest === first?.manifest && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50))
    assert.equal(readRecord(request.cache)?.manifest, await readFile(join(request.out, 'build.json'), 'utf8'))
  } finally {
    await session.close()
  }
})

test('a session takes the output to be as it left it only while the output\'s manifest is the one it wrote', async () => {
  const root = await folder({ 'one.md': text('One'), 'two.md': text('Two'), 'three.md': text('Three') })
  const session = openSession()
  const request: BuildRequest = { articles: join(root, 'articles'), config: config(), now, write: true, out: join(root, 'dist'), cache: join(root, 'cache'), session }
  try {
    await build(request)
    const whole = await output(request.out)
    // Another build, on its own, with an article gone: it writes the output without its page.
    const three = await readFile(join(root, 'articles/three.md'), 'utf8')
    await rm(join(root, 'articles/three.md'))
    await build({ ...request, session: undefined, cache: join(root, 'other-cache') })
    assert.equal((await output(request.out)).has('2026/01/three/index.html'), false)
    // The article back as it was: the session finds its page under the same key, but must not take the file to be there.
    await writeFile(join(root, 'articles/three.md'), three)
    session.changed([join(root, 'articles/three.md')])
    await build(request)
    assert.deepEqual(await output(request.out), whole)
  } finally {
    await session.close()
  }
})

test('a damaged cache in a session: the build starts again without it, and the session goes on', async () => {
  const root = await folder({ 'one.md': text('One', 'First.\n'), 'two.md': text('Two', 'Second.\n') })
  const session = openSession()
  const request: BuildRequest = { articles: join(root, 'articles'), config: config(), now, write: true, out: join(root, 'dist'), cache: join(root, 'cache'), session }
  try {
    await build(request)
    await session.close()
    const again = openSession()
    const next = { ...request, session: again }
    try {
      for (const name of (await readdir(request.cache)).filter((file) => file.endsWith('.pack'))) {
        const path = join(request.cache, name)
        await writeFile(path, (await readFile(path, 'utf8')).replaceAll('Second.', 'Forged!'))
      }
      await writeFile(join(root, 'articles/one.md'), text('One', 'First, edited.\n'))
      again.changed([join(root, 'articles/one.md')])
      assert.equal((await build(next)).analysed, 2)
      assert.doesNotMatch([...(await output(request.out)).values()].join(''), /Forged!/)
      await writeFile(join(root, 'articles/two.md'), text('Two', 'Second, edited.\n'))
      again.changed([join(root, 'articles/two.md')])
      assert.equal((await build(next)).analysed, 1)
    } finally {
      await again.close()
    }
  } finally {
    await session.close()
  }
})

test('a session is one build at a time, of its own making', async () => {
  const root = await folder({ 'one.md': text('One') })
  const session = openSession()
  const request: BuildRequest = { articles: join(root, 'articles'), config: config(), now, write: true, out: join(root, 'dist'), cache: join(root, 'cache'), session }
  try {
    const first = build(request)
    await assert.rejects(build(request), /one build at a time/)
    await first
    await assert.rejects(build({ ...request, session: { changed() {}, close: async () => {} } }), /openSession/)
  } finally {
    await session.close()
  }
  await assert.rejects(build(request), /closed/)
})

/** What a listing says, comparably: sources, images, fingerprints, misnamed files. */
const listed = (inputs: Inputs | undefined) =>
  inputs && { sources: inputs.sources, images: inputs.images, prints: [...inputs.prints].sort(), sizes: [...inputs.sizes].sort(), misnamed: inputs.misnamed.map((file) => file.path) }

test('the inputs brought up to date from the paths that changed are the inputs listed again', async () => {
  const root = await folder({ 'a/one.md': text('One'), 'a/img/x.jpg': 'jpg', 'b/two.markdown': text('Two') })
  const articles = join(root, 'articles')
  const p = (path: string) => join(articles, path)
  let inputs = listInputs(articles)
  const changes: Array<() => Promise<string[]>> = [
    async () => (await writeFile(p('a/one.md'), text('One, longer now')), [p('a/one.md')]),
    async () => (await mkdir(p('c/d/e'), { recursive: true }), await writeFile(p('c/d/e/three.md'), text('Three')), await writeFile(p('c/d/pic.WEBP'), 'webp'), [p('c')]),
    async () => (await rm(p('a'), { recursive: true }), [p('a')]),
    async () => (await rename(p('c/d'), p('c/f')), [p('c/d'), p('c/f')]),
    async () => (await writeFile(p('notes.txt'), 'x'), await writeFile(p('b/.hidden.md'), 'x'), [p('notes.txt'), p('b/.hidden.md')]),
    async () => (await symlink('/etc/hostname', p('b/out.md')), await symlink('two.markdown', p('b/plain-name')), [p('b/out.md'), p('b/plain-name')]),
    async () => (await rm(p('b/out.md')), await mkdir(p('b/out.md')), [p('b/out.md')]),
    async () => [p('does/not/exist.md'), join(root, 'elsewhere.md')],
  ]
  for (const [n, change] of changes.entries()) {
    const changed = await change()
    const updated = updateInputs(articles, inputs, changed)
    assert.deepEqual(listed(updated), listed(listInputs(articles)), `change ${n}`)
    inputs = updated as Inputs
  }
  // What only a full listing can see: the folder itself, a name that is not UTF-8.
  assert.equal(updateInputs(articles, inputs, [articles]), undefined)
  assert.equal(updateInputs(articles, inputs, [p('b/bad-\uFFFD.md')]), undefined)
})

test('in a session, a later "now" with nothing told changed publishes what was scheduled, and a preview\'s mark goes with it', async () => {
  const root = await folder({
    '2026/01/one.md': text('One'),
    '2026/03/soon.md': text('Soon', 'Later.\n', { date: '2026-03-01T09:00:00Z' }),
  })
  const articles = join(root, 'articles')
  const session = openSession()
  const before = new Date('2026-02-28T00:00:00Z')
  const after = new Date('2026-03-01T09:00:01Z')
  try {
    for (const preview of [undefined, { future: true }]) {
      const out = join(root, preview ? 'preview' : 'dist')
      const request: BuildRequest = { articles, config: config(), write: true, out, cache: join(root, preview ? 'preview-cache' : 'cache'), session, now: before, ...(preview && { preview }) }
      const first = await build(request)
      assert.deepEqual(first.summary.scheduled.map((entry) => entry.file), [join(articles, '2026/03/soon.md')])
      const page = () => readFile(join(out, '2026/03/soon/index.html'), 'utf8').catch(() => undefined)
      if (preview) assert.match((await page()) ?? '', /class="preview-mark"/)
      else assert.equal(await page(), undefined)
      const second = await build({ ...request, now: after })
      assert.equal(second.output, 'written')
      assert.deepEqual([second.summary.published, second.summary.scheduled], [2, []])
      assert.doesNotMatch((await page()) ?? 'no page', /class="preview-mark"|no page/)
      // The same as a build on its own at that time.
      const alone = join(root, `alone-${preview ? 'preview' : 'dist'}`)
      await build({ ...request, session: undefined, now: after, out: alone, cache: join(root, 'alone-cache') } as BuildRequest)
      assert.deepEqual(await output(out), await output(alone))
    }
  } finally {
    await session.close()
    await rm(root, { recursive: true, force: true })
  }
})

test('a session whose first build found nothing changed assembles and lists the site meanwhile, so the first edit finds it kept, and builds what a cold build does', async () => {
  const root = await folder({ '2026/01/one.md': text('One', 'First.\n', { tags: ['Energy'] }), '2026/01/two.md': text('Two', 'Second.\n') })
  const articles = join(root, 'articles')
  const request: BuildRequest = { articles, config: config(), now, write: true, out: join(root, 'out'), cache: join(root, 'cache') }
  assert.equal((await build(request)).ok, true)
  const session = openSession()
  try {
    assert.equal((await build({ ...request, session })).output, 'unchanged')
    // Waits for what the session does meanwhile, as the next build's beginning does.
    const memory = await sessionOf(session).begin(request)
    assert.ok(memory.site() !== undefined && memory.listing() !== undefined, 'the site is assembled and listed before any edit')
    sessionOf(session).end(undefined)
    await writeFile(join(articles, '2026/01/one.md'), text('One', 'First, and more.\n', { tags: ['Energy'] }))
    session.changed([join(articles, '2026/01/one.md')])
    const edited = await build({ ...request, session })
    const cold = await build({ ...request, out: join(root, 'cold'), cache: join(root, 'cold-cache') })
    assert.deepEqual(said(edited), said(cold))
    assert.deepEqual(await output(request.out), await output(join(root, 'cold')))
  } finally {
    await session.close()
    await rm(root, { recursive: true, force: true })
  }
})
