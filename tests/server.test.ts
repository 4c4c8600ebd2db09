import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { request, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import type { Server } from 'node:http'
import { LiveReload } from '../src/preview/live-reload.ts'
import { listen } from '../src/server.ts'
import { fixtures } from './helpers.ts'

/**
 * A plain GET, as an aggregator sends it. Not fetch(): it adds
 * `Cache-Control: no-cache` to conditional requests and decodes gzip itself.
 */
function get(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
    })
      .on('error', reject)
      .end()
  })
}

describe('the preview server', () => {
  let base = ''
  let close = () => {}
  before(async () => {
    const server = await listen(fileURLToPath(new URL('newsroom/expected/', fixtures)), 0)
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
    close = () => server.close()
  })
  after(() => close())

  test('sends each feed with its own media type, utf-8, CORS and a short cache', async () => {
    const expected: Record<string, string> = {
      'feed.xml': 'application/rss+xml; charset=utf-8',
      'atom.xml': 'application/atom+xml; charset=utf-8',
      'feed.json': 'application/feed+json; charset=utf-8',
    }
    for (const [name, type] of Object.entries(expected)) {
      const response = await fetch(base + name)
      assert.equal(response.status, 200)
      assert.equal(response.headers.get('content-type'), type)
      assert.equal(response.headers.get('access-control-allow-origin'), '*')
      assert.equal(response.headers.get('cache-control'), 'public, max-age=300')
      assert.ok(response.headers.get('etag'))
      assert.ok(response.headers.get('last-modified'))
      assert.equal(await response.text(), await readFile(new URL(`newsroom/expected/${name}`, fixtures), 'utf8'))
    }
  })

  test('sends a browser the feeds as application/xml, so their stylesheet and view apply', async () => {
    for (const name of ['feed.xml', 'atom.xml']) {
      const response = await get(base + name, { Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' })
      assert.equal(response.headers['content-type'], 'application/xml; charset=utf-8')
      assert.match(String(response.headers.vary), /Accept/)
    }
    const json = await get(`${base}feed.json`, { Accept: 'text/html' })
    assert.equal(json.headers['content-type'], 'application/feed+json; charset=utf-8')
  })

  test('answers 304 Not Modified to a matching If-None-Match or If-Modified-Since', async () => {
    const first = await get(`${base}atom.xml`)
    assert.equal(first.status, 200)
    const byTag = await get(`${base}atom.xml`, { 'If-None-Match': String(first.headers.etag) })
    assert.equal(byTag.status, 304)
    assert.equal(byTag.body.length, 0)
    const byDate = await get(`${base}atom.xml`, { 'If-Modified-Since': String(first.headers['last-modified']) })
    assert.equal(byDate.status, 304)
    const stale = await get(`${base}atom.xml`, { 'If-None-Match': 'W/"other"' })
    assert.equal(stale.status, 200)
  })

  test('gzips when asked, and only then', async () => {
    const zipped = await get(`${base}feed.xml`, { 'Accept-Encoding': 'gzip' })
    assert.equal(zipped.headers['content-encoding'], 'gzip')
    assert.match(String(zipped.headers.vary), /Accept-Encoding/)
    const expected = await readFile(new URL('newsroom/expected/feed.xml', fixtures), 'utf8')
    assert.equal(gunzipSync(zipped.body).toString(), expected)
    const plain = await get(`${base}feed.xml`)
    assert.equal(plain.headers['content-encoding'], undefined)
    assert.equal(plain.body.toString(), expected)
  })

  test('answers 404 for missing files and refuses paths outside the folder', async () => {
    for (const path of ['nope.xml', '..%2f..%2fpackage.json', '%2e%2e/%2e%2e/package.json']) {
      const response = await fetch(base + path)
      assert.ok([403, 404].includes(response.status), `${path}: ${response.status}`)
      assert.doesNotMatch(await response.text(), /"name": "wirefeed"/)
    }
  })

  test('answers an unknown path with the site\'s 404 page and status 404, as a static host does', async () => {
    const response = await fetch(`${base}2026/01/nope/`)
    assert.equal(response.status, 404)
    assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8')
    assert.equal(await response.text(), await readFile(new URL('newsroom/expected/404.html', fixtures), 'utf8'))
  })

  test('answers only GET and HEAD', async () => {
    const response = await fetch(`${base}feed.xml`, { method: 'POST' })
    assert.deepEqual([response.status, response.headers.get('allow')], [405, 'GET, HEAD'])
  })
})

describe('the preview: the site at its path, its address the preview\'s', () => {
  const expected = fileURLToPath(new URL('newsroom/expected/', fixtures))
  let origin = ''
  let base = ''
  const live = new LiveReload()
  const servers: Server[] = []
  before(async () => {
    servers.push(await listen(expected, 0, { site: () => 'https://news.example.org/desk/', live }))
    origin = `http://127.0.0.1:${(servers[0]!.address() as AddressInfo).port}`
    base = `${origin}/desk/`
  })
  after(() => {
    live.close()
    for (const server of servers) server.close()
  })

  test('serves the site at its URL\'s path, and leads there from /', async () => {
    assert.deepEqual([(await get(`${origin}/`)).status, (await get(`${origin}/`)).headers.location], [302, '/desk/'])
    assert.deepEqual([(await get(`${origin}/desk`)).status, (await get(`${origin}/desk`)).headers.location], [301, '/desk/'])
    assert.deepEqual([(await get(`${base}2026/01/summit`)).status, (await get(`${base}2026/01/summit?a=1`)).headers.location], [301, '/desk/2026/01/summit/?a=1'])
    assert.equal((await get(base)).status, 200)
  })

  test('answers unknown paths, and paths outside the site or its folder, with its 404 page and status 404', async () => {
    for (const path of [`${origin}/nope`, `${origin}/feed.xml`, `${base}nope.xml`, `${base}..%2f..%2fpackage.json`, `${base}%2e%2e/%2e%2e/package.json`]) {
      const response = await get(path)
      assert.equal(response.status, 404, path)
      const text = response.body.toString()
      assert.match(text, /<title>Page not found/)
      assert.doesNotMatch(text, /"name": "wirefeed"|news\.example\.org\/desk\//)
      assert.match(text, new RegExp(`href="${origin}/desk/feed\\.xml"`))
    }
  })

  test('rewrites the site\'s URL to the preview\'s in every text response (pages, feeds, JSON, OPML, robots.txt, the sitemap), and leaves the files as built', async () => {
    for (const name of ['index.html', '2026/01/summit/index.html', '404.html', 'feed.xml', 'atom.xml', 'feed.json', 'headlines.json', 'feeds.opml', 'robots.txt', 'sitemap.xml']) {
      const built = await readFile(join(expected, name), 'utf8')
      assert.match(built, /https:\/\/news\.example\.org\/desk\//, `${name} names the site`)
      const served = (await get(base + name)).body.toString()
      assert.doesNotMatch(served, /https:\/\/news\.example\.org\/desk\//, name)
      const back = served.replaceAll(base, 'https://news.example.org/desk/').replace(/<script src="\/_wirefeed\/live\.js" data-generation="\d+" defer><\/script>/, '')
      assert.equal(back, built, `${name}: only the address differs`)
    }
  })

  test('trusts only a loopback Host header for the address it writes', async () => {
    const forged = await get(`${base}feed.json`, { Host: 'evil.example' })
    assert.match(forged.body.toString(), new RegExp(`"feed_url": "${origin}/desk/feed\\.json"`))
    const named = await get(`${base}feed.json`, { Host: `localhost:${new URL(origin).port}` })
    assert.match(named.body.toString(), /"feed_url": "http:\/\/localhost:\d+\/desk\/feed\.json"/)
  })

  test('gives a rewritten response its own ETag, answers 304 to it, and gzips it when asked', async () => {
    const first = await get(`${base}atom.xml`)
    assert.equal(first.status, 200)
    assert.match(String(first.headers.etag), /^"[\w-]{27}"$/)
    assert.equal(first.headers['cache-control'], 'no-cache')
    assert.equal(first.headers['content-type'], 'application/atom+xml; charset=utf-8')
    assert.equal((await get(`${base}atom.xml`, { 'If-None-Match': String(first.headers.etag) })).status, 304)
    assert.equal((await get(`${base}atom.xml`, { 'If-None-Match': `W/"other", ${first.headers.etag}` })).status, 304)
    assert.equal((await get(`${base}atom.xml`, { 'If-Modified-Since': String(first.headers['last-modified']) })).status, 304)
    assert.equal((await get(`${base}atom.xml`, { 'If-None-Match': '"other"' })).status, 200)
    const zipped = await get(`${base}atom.xml`, { 'Accept-Encoding': 'gzip' })
    assert.equal(zipped.headers['content-encoding'], 'gzip')
    assert.equal(gunzipSync(zipped.body).toString(), first.body.toString())
    // A page carrying the live reload script changes with each build: its ETag does, and no date stands for it.
    const page = await get(base)
    assert.equal(page.headers['last-modified'], undefined)
    live.built({ changed: true })
    const next = await get(base, { 'If-None-Match': String(page.headers.etag) })
    assert.equal(next.status, 200)
    assert.notEqual(next.headers.etag, page.headers.etag)
  })

  test('adds the live reload script to HTML only, and serves it and its events', async () => {
    assert.match((await get(base)).body.toString(), /<script src="\/_wirefeed\/live\.js" data-generation="\d+" defer><\/script><\/body><\/html>\n$/)
    // The script's path, not JSON Feed's `_wirefeed` extension, which feed.json carries.
    for (const name of ['feed.xml', 'feed.json', 'embed.js']) assert.doesNotMatch((await get(base + name)).body.toString(), /\/_wirefeed\//)
    const script = await get(`${origin}/_wirefeed/live.js`)
    assert.deepEqual([script.status, script.headers['content-type']], [200, 'text/javascript; charset=utf-8'])
    const stream = await fetch(`${origin}/_wirefeed/events`)
    assert.equal(stream.headers.get('content-type'), 'text/event-stream; charset=utf-8')
    await stream.body?.cancel()
  })

  test('without live reload (serve, not --watch), pages are sent with no script', async () => {
    const server = await listen(expected, 0, { site: () => 'https://news.example.org/desk/' })
    servers.push(server)
    const plain = `http://127.0.0.1:${(server.address() as AddressInfo).port}/desk/`
    const page = (await get(plain)).body.toString()
    assert.doesNotMatch(page, /_wirefeed/)
    assert.equal((await get(plain.replace('/desk/', '/_wirefeed/events'))).status, 404)
  })
})

test('serve --watch rebuilds on change and keeps serving the last good build when an article breaks', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'wirefeed-watch-'))
  await cp(new URL('newsroom', fixtures), dir, { recursive: true, filter: (path) => !path.includes('/expected') })
  const bin = fileURLToPath(new URL('../lib/cli/bin.js', import.meta.url))
  const child = spawn(process.execPath, [bin, 'serve', '--watch', '--port', '0', '--now', '2026-01-06T12:00:00+02:00'], { cwd: dir })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => (stdout += chunk))
  child.stderr.on('data', (chunk) => (stderr += chunk))
  const until = async (condition: () => boolean | Promise<boolean>, what: string) => {
    for (let i = 0; i < 200; i++) {
      if (await condition()) return
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    throw new Error(`timed out waiting for ${what}\nstdout: ${stdout}\nstderr: ${stderr}`)
  }
  try {
    await until(() => /Serving dist\/ at (http:\S+)/.test(stdout), 'the server')
    const base = stdout.match(/Serving dist\/ at (http:\S+)/)?.[1] ?? ''
    const title = async () => ((await (await fetch(`${base}feed.json`)).json()) as { items: { title: string }[] }).items[0]?.title
    assert.equal(await title(), 'Allies draft "binding" guarantees at Paris summit')

    const path = join(dir, 'articles/2026/01/summit.md')
    const text = await readFile(path, 'utf8')
    await writeFile(path, text.replace('title: Allies draft', 'title: Allies sign'))
    await until(async () => (await title()) === 'Allies sign "binding" guarantees at Paris summit', 'the rebuild')

    await writeFile(path, text.replace('title: Allies draft', 'titel: Allies draft'))
    await until(() => stderr.includes('[unknown-field]'), 'the error report')
    assert.equal(await title(), 'Allies sign "binding" guarantees at Paris summit')
  } finally {
    child.kill()
  }
})
