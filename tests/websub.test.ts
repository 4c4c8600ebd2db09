import assert from 'node:assert/strict'
import { test } from 'node:test'
import { pingHub } from '../src/websub.ts'
import { stubServer } from './stub-server.ts'

const feeds = ['https://news.example.org/feed.xml', 'https://news.example.org/atom.xml']

test('posts hub.mode=publish with each feed URL, form-encoded', async () => {
  const hub = await stubServer((_, res) => res.writeHead(204).end())
  try {
    const results = await pingHub(hub.url, feeds)
    assert.deepEqual(results.map((r) => [r.url, r.ok, r.detail]), feeds.map((url) => [url, true, 'HTTP 204']))
    assert.deepEqual(
      hub.requests.map((r) => [r.method, r.contentType.split(';')[0], Object.fromEntries(new URLSearchParams(r.body))]),
      feeds.map((url) => ['POST', 'application/x-www-form-urlencoded', { 'hub.mode': 'publish', 'hub.url': url }]),
    )
  } finally {
    await hub.close()
  }
})

test('reports a failing or unreachable hub instead of throwing', async () => {
  const hub = await stubServer((_, res) => res.writeHead(500).end('down'))
  const failing = await pingHub(hub.url, feeds.slice(0, 1))
  await hub.close()
  assert.deepEqual(failing.map((r) => [r.ok, r.detail]), [[false, 'HTTP 500']])
  const unreachable = await pingHub(hub.url, feeds.slice(0, 1), { timeout: 2000 })
  assert.equal(unreachable[0]?.ok, false)
})
