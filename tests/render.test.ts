import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { test } from 'node:test'
import { VFile } from 'vfile'
import { renderBody } from '../src/render.ts'
import { validateArticle } from '../src/validate.ts'
import { config, fixtures, source } from './helpers.ts'

function renderFile(file: VFile) {
  const valid = validateArticle(file, config())
  assert.ok(valid)
  return renderBody(valid.tree, valid.article.url, file)
}

function render(body: string) {
  return renderFile(source({}, body, 'articles/2026/story.md'))
}

test('renders GFM: headings, lists, tables, strikethrough, code', () => {
  const { html } = render('## Head\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ `code`\n')
  for (const fragment of ['<h2>Head</h2>', '<li>one</li>', '<table>', '<td>1</td>', '<del>old</del>', '<code>code</code>']) {
    assert.ok(html.includes(fragment), `missing ${fragment} in ${html}`)
  }
})

test('keeps figures, blockquotes and images with their alt', () => {
  const { html } = render(
    '<figure><img src="a.jpg" alt="A map"><figcaption>Map</figcaption></figure>\n\n> quoted\n\n![Crowd](/img/c.png)\n',
  )
  assert.ok(html.includes('<figure><img src="https://news.example.org/2026/01/story/a.jpg" alt="A map"><figcaption>Map</figcaption></figure>'), html)
  assert.ok(html.includes('<blockquote>'))
  assert.ok(html.includes('<img src="https://news.example.org/img/c.png" alt="Crowd">'), html)
})

test('removes scripts, event handlers, iframes, styles and javascript: URLs', () => {
  const { html } = render(
    [
      '<script>alert(1)</script>',
      '<img src="x.png" onerror="alert(1)">',
      '<iframe src="https://evil.example"></iframe>',
      '<style>body{display:none}</style>',
      '[click](javascript:alert(1))',
      '<a href="JaVaScRiPt:alert(1)">x</a>',
      '<svg><script>alert(1)</script></svg>',
    ].join('\n\n'),
  )
  assert.doesNotMatch(html, /<script|onerror|<iframe|<style|javascript:|<svg/i)
  assert.ok(html.includes('<img src="https://news.example.org/2026/01/story/x.png">'), html)
})

test('makes relative links absolute against the article URL, keeping fragments and absolute ones', () => {
  const { html } = render('[a](../other/) [b](#notes) [c](https://elsewhere.example/x) [d](/about)\n')
  assert.ok(html.includes('href="https://news.example.org/2026/01/other/"'), html)
  assert.ok(html.includes('href="https://news.example.org/2026/01/story/#notes"'), html)
  assert.ok(html.includes('href="https://elsewhere.example/x"'), html)
  assert.ok(html.includes('href="https://news.example.org/about"'), html)
})

test('computes reading time from the body: the seed article reads in 2 minutes', async () => {
  const path = 'seed/articles/2026/ukraine-security-guarantees.md'
  const file = new VFile({ path, value: await readFile(new URL(path, fixtures), 'utf8') })
  assert.equal(renderFile(file).readingTime, 2)
  assert.equal(render('Short.').readingTime, 1)
  assert.equal(render('word '.repeat(230 * 5)).readingTime, 5)
})

test('counts words in scripts written without spaces', () => {
  assert.equal(render('日本語の文章です。'.repeat(300)).readingTime > 1, true)
})

test('does not change the validated tree', () => {
  const file = source({}, '# Title\n\ntext', 'articles/x.md')
  const valid = validateArticle(file, config())
  assert.ok(valid)
  const before = structuredClone(valid.tree)
  renderBody(valid.tree, valid.article.url, file)
  assert.deepEqual(valid.tree, before)
})

test('drops attribute text that would break out of a raw-text context, however it is written', () => {
  for (const body of [
    '<p title="</noscript><img src=x onerror=alert(1)>">x</p>',
    '![&lt;/noscript&gt;&lt;img src=x onerror=alert(1)&gt;](a.png)',
    '[link](/a "&#60;/style&#62;")',
    '![a --> b](a.png)',
  ]) {
    const { html } = render(body)
    assert.doesNotMatch(html, /noscript|style|-->|onerror/, `${body} gave ${html}`)
  }
})

test('parses raw HTML only where there is some, and then sanitises it', () => {
  assert.equal(render('Plain *text*.').html, '<p>Plain <em>text</em>.</p>')
  assert.equal(render('Plain <em>text</em>.<script>x</script>').html, '<p>Plain <em>text</em>.</p>')
})
