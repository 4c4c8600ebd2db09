import assert from 'node:assert/strict'
import { test } from 'node:test'
import { toJsonFeed } from '../../src/feeds/json.ts'
import { config, model, source } from '../helpers.ts'

test('toJsonFeed puts each item’s content in whole, whatever it holds and whatever the other fields hold', () => {
  const base = model([source({ title: 'One' }), source({ title: 'Two', date: '2026-01-05' }), source({ title: 'Three', date: '2026-01-04' })], config())
  const contents = ['<p>"quoted" \\ back\\slash $& $1 \u2028 line</p>', '', '<p>\uD800 lone, then 😀 whole</p>']
  // A caller's own model may hold text shaped like a marker (our models cannot: xmlSafe drops U+FFFE).
  const lookalike = '"content_html": "\uFFFE0\uFFFE"'
  const items = base.items.map((item, index) => ({ ...item, title: lookalike, summary: `\uFFFE${index}\uFFFE`, contentHtml: contents[index] ?? '' }))
  const feed = JSON.parse(toJsonFeed({ ...base, items })) as { items: { title: string; summary: string; content_html: string }[] }
  assert.deepEqual(
    feed.items.map((item) => [item.title, item.summary, item.content_html]),
    items.map((item) => [lookalike, item.summary, item.contentHtml]),
  )
})
