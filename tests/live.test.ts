import assert from 'node:assert/strict'
import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { fetchLive } from '../src/live.ts'
import { stubServer } from './stub-server.ts'

test('downloads the live ledger and manifest from the site URL', async () => {
  const site = await stubServer((req, res) => res.writeHead(200).end(`live ${req.url}`))
  const into = await mkdtemp(join(tmpdir(), 'wirefeed-live-'))
  try {
    const result = await fetchLive(`${site.url}news/`, into)
    assert.deepEqual(result, { fetched: ['ledger.json', 'build.json'], missing: [] })
    assert.equal(await readFile(join(into, 'ledger.json'), 'utf8'), 'live /news/ledger.json')
  } finally {
    await site.close()
  }
})

test('treats 404 as "not published yet", writing nothing', async () => {
  const site = await stubServer((_, res) => res.writeHead(404).end())
  const into = await mkdtemp(join(tmpdir(), 'wirefeed-live-'))
  try {
    assert.deepEqual(await fetchLive(site.url, into), { fetched: [], missing: ['ledger.json', 'build.json'] })
    assert.deepEqual(await readdir(into), [])
  } finally {
    await site.close()
  }
})

test('fails on any other answer, so a publish never runs blind', async () => {
  const site = await stubServer((_, res) => res.writeHead(503).end())
  try {
    await assert.rejects(fetchLive(site.url, await mkdtemp(join(tmpdir(), 'wirefeed-live-'))), /HTTP 503/)
  } finally {
    await site.close()
  }
})
