import assert from 'node:assert/strict'
import { test } from 'node:test'
import { withImageSizes } from '../../src/pages/image-sizes.ts'

const sizes = { 'https://news.example.org/images/a.png': { width: 800, height: 600 }, 'https://news.example.org/images/b&c.png': { width: 10, height: 20 } }

test('gives each known body image its width and height, as rehype-stringify wrote the tag', () => {
  assert.equal(
    withImageSizes('<p><img src="https://news.example.org/images/a.png" alt="A chart"></p>', sizes),
    '<p><img src="https://news.example.org/images/a.png" alt="A chart" width="800" height="600"></p>',
  )
  // An escaped `&` in the address; a `>` inside the alt text.
  assert.equal(
    withImageSizes('<img src="https://news.example.org/images/b&#x26;c.png" alt="1 > 0">', sizes),
    '<img src="https://news.example.org/images/b&#x26;c.png" alt="1 > 0" width="10" height="20">',
  )
})

test('leaves an image the site has no size for, one that states its own size, and text that only looks like a tag', () => {
  const unchanged = [
    '<img src="https://elsewhere.example.com/a.png" alt="">',
    '<img src="https://news.example.org/images/a.png" alt="" width="400">',
    '<p>&#x3C;img src="https://news.example.org/images/a.png"></p>',
    '<code>&#x3C;img src="https://news.example.org/images/a.png"&#x3E;</code>',
  ]
  for (const html of unchanged) assert.equal(withImageSizes(html, sizes), html)
  assert.equal(withImageSizes('<img src="https://news.example.org/images/a.png" alt="">', undefined), '<img src="https://news.example.org/images/a.png" alt="">')
})
