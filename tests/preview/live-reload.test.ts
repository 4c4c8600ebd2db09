import assert from 'node:assert/strict'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { test } from 'node:test'
import { injectLive, LiveReload } from '../../src/preview/live-reload.ts'
import { liveScript } from '../../src/preview/live-script.ts'

const tag = (generation: number) => `<script src="/_wirefeed/live.js" data-generation="${generation}" defer></script>`

test('adds the script before the page\'s last </body>, or at its end when it has none', () => {
  assert.equal(injectLive('<p>a</p></body></html>', 3), `<p>a</p>${tag(3)}</body></html>`)
  assert.equal(injectLive('<p>&lt;/body&gt;</p></BODY >', 4), `<p>&lt;/body&gt;</p>${tag(4)}</BODY >`)
  assert.equal(injectLive('<pre></body></pre></body>', 1), `<pre></body></pre>${tag(1)}</body>`)
  assert.equal(injectLive('<p>no body end', 2), `<p>no body end${tag(2)}`)
})

test('the script shows errors as text, never as markup, and reloads only for another generation', () => {
  assert.doesNotMatch(liveScript, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/)
  assert.match(liveScript, /createTextNode/)
  assert.match(liveScript, /state\.generation !== generation\) return location\.reload\(\)/)
  assert.doesNotThrow(() => new Function(liveScript))
})

test('tells each page the state when it connects, and every build after: changed, failed with errors, good again', async () => {
  const live = new LiveReload()
  const server = createServer((req, res) => live.connect(req, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)
  assert.deepEqual([response.headers.get('content-type'), response.headers.get('cache-control')], ['text/event-stream; charset=utf-8', 'no-cache'])
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
  let text = ''
  const until = async (pattern: RegExp) => {
    while (!pattern.test(text)) text += (await reader.read()).value ?? ''
  }
  try {
    await until(/event: ok\n/)
    assert.equal(text, 'retry: 1000\n\nevent: ok\ndata: {"generation":1}\n\n')
    live.built({ changed: true })
    const problem = { file: 'articles/a.md', line: 2, column: 1, severity: 'error' as const, rule: 'unknown-field', message: 'Unknown field `<b>`' }
    live.built({ problems: [problem] })
    live.built({ changed: false })
    await until(/event: ok\ndata: \{"generation":2\}\n\n$/)
    assert.equal(
      text.slice(text.indexOf('event: changed')),
      `event: changed\ndata: {"generation":2}\n\nevent: failed\ndata: {"generation":2,"problems":[${JSON.stringify(problem)}]}\n\nevent: ok\ndata: {"generation":2}\n\n`,
    )
  } finally {
    await reader.cancel()
    live.close()
    server.close()
  }
})
