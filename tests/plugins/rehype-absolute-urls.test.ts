import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Root } from 'hast'
import rehypeAbsoluteUrls from '../../src/plugins/rehype-absolute-urls.ts'

function element(tagName: string, properties: Record<string, string>): Root {
  return { type: 'root', children: [{ type: 'element', tagName, properties, children: [] }] }
}

const base = 'https://news.example.org/2026/01/story/'

test('resolves href, src, poster and cite against the base', () => {
  const cases: Array<[string, string, string, string]> = [
    ['a', 'href', 'next/', `${base}next/`],
    ['img', 'src', '../pic.jpg', 'https://news.example.org/2026/01/pic.jpg'],
    ['video', 'poster', '/p.png', 'https://news.example.org/p.png'],
    ['blockquote', 'cite', 'https://source.example/', 'https://source.example/'],
  ]
  for (const [tagName, property, value, expected] of cases) {
    const tree = element(tagName, { [property]: value })
    rehypeAbsoluteUrls({ base })(tree)
    const node = tree.children[0]
    assert.equal(node?.type === 'element' && node.properties[property], expected, `${tagName} ${property}`)
  }
})

test('leaves attributes of other elements alone', () => {
  const tree = element('span', { title: 'x/y' })
  rehypeAbsoluteUrls({ base })(tree)
  const node = tree.children[0]
  assert.equal(node?.type === 'element' && node.properties.title, 'x/y')
})

test('drops a value that cannot be resolved instead of publishing it broken', () => {
  const tree = element('a', { href: 'http://[broken' })
  rehypeAbsoluteUrls({ base })(tree)
  const node = tree.children[0]
  assert.equal(node?.type === 'element' && node.properties.href, undefined)
})
