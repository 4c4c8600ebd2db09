import assert from 'node:assert/strict'
import { test } from 'node:test'
import { VFile } from 'vfile'
import { checkSvg } from '../src/svg.ts'

const svg = (body: string, head = '') => `${head}<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">\n${body}\n</svg>\n`

function problems(text: string) {
  const file = new VFile({ path: 'articles/images/x.svg', value: text })
  checkSvg(file)
  return file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.fatal ? 'error' : 'warning'}`)
}

test('publishes an SVG that only draws: shapes, gradients, text, internal references, an embedded raster image', () => {
  const clean = svg(
    [
      '<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>',
      '<rect width="10" height="10" fill="url(#g)" style="fill: url(#g)"/>',
      '<use href="#g"/><use xlink:href="#g"/>',
      '<text x="1" y="5">Київ &amp; Paris</text>',
      '<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>',
      '<style>rect { stroke: black }</style>',
    ].join('\n'),
    '<?xml version="1.0" encoding="UTF-8"?>\n',
  )
  assert.deepEqual(problems(clean), [])
})

test('refuses, at its place, what runs, embeds a document or loads from outside', () => {
  const cases: Array<[string, string]> = [
    ['<script>alert(1)</script>', 'a script'],
    ['<SCRIPT>alert(1)</SCRIPT>', 'a script in capitals'],
    ['<rect onload="alert(1)"/>', 'an event handler'],
    ['<rect ONCLICK="alert(1)"/>', 'an event handler in capitals'],
    ['<foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="https://evil.example/"/></foreignObject>', 'a foreign object'],
    ['<a href="javascript:alert(1)"><rect/></a>', 'a script link'],
    ['<a xlink:href="https://evil.example/"><rect/></a>', 'an external link'],
    ['<image href="https://tracker.example/pixel.png"/>', 'an external image'],
    ['<use href="https://evil.example/sprite.svg#a"/>', 'an external use'],
    ['<image href="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4="/>', 'an embedded SVG document'],
    ['<rect style="fill: url(https://tracker.example/a)"/>', 'a style that loads'],
    ['<style>@import url(https://evil.example/a.css);</style>', 'a stylesheet that imports'],
    ['<a><set attributeName="href" to="javascript:alert(1)"/><rect/></a>', 'an animation of a link'],
  ]
  for (const [body, name] of cases) {
    const found = problems(svg(body))
    assert.ok(found.length > 0, name)
    assert.ok(found.every((line) => /^2:\d+ unsafe-svg error$/.test(line)), `${name}: ${found}`)
  }
})

test('refuses a document type, which can declare entities, and a stylesheet instruction', () => {
  assert.deepEqual(problems(svg('<text>x</text>', '<!DOCTYPE svg>\n')), ['1:1 unsafe-svg error'])
  const withEntities = svg('<text>&lol;</text>', '<!DOCTYPE svg [<!ENTITY lol "lol">]>\n')
  assert.ok(problems(withEntities).some((line) => / (unsafe|invalid)-svg error$/.test(line)), String(problems(withEntities)))
  assert.deepEqual(problems(svg('<rect/>', '<?xml-stylesheet href="https://evil.example/a.css"?>\n')), ['1:1 unsafe-svg error'])
})

test('refuses an SVG that is not well-formed XML, at the place the parser stopped', () => {
  assert.deepEqual(problems('<svg xmlns="http://www.w3.org/2000/svg">\n<rect>\n</svg>\n').map((line) => line.replace(/^\d+:\d+ /, '')), ['invalid-svg error'])
})
