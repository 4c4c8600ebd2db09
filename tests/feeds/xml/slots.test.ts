import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { editFeedXml } from '../../../src/feeds/xml/edit.ts'
import { createSlots } from '../../../src/feeds/xml/slots.ts'
import { findAll, parseXml } from '../../helpers.ts'

describe('createSlots', () => {
  test('fills each marker with the value it was made for', () => {
    const { slot, fillXml: fill } = createSlots()
    const values = Array.from({ length: 12 }, (_, index) => `value ${index}`)
    const markers = values.map(slot)
    const xml = fill(`<list>${markers.map((marker) => `<v>${marker}</v>`).join('')}</list>`)
    assert.deepEqual(
      findAll(parseXml(xml), 'v').map((element) => element.text),
      values,
    )
  })

  test('makes markers that carry none of the value and no markup', () => {
    const { slot } = createSlots()
    const marker = slot('<b>secret & "quoted"</b>')
    assert.doesNotMatch(marker, /[<>&"]|secret/)
    assert.notEqual(slot('same'), slot('same'))
  })

  test('replaces a marker and the CDATA section around it with escaped text', () => {
    const { slot, fillXml: fill } = createSlots()
    const xml = fill(`<title><![CDATA[${slot('A < B')}]]></title>`)
    assert.equal(xml, '<title>A &#x3C; B</title>')
  })

  test('escapes & and < in text as &#x26; and &#x3C;, > only in ]]>, each exactly once; attributes with named references', () => {
    const { slot, fillXml: fill } = createSlots()
    assert.equal(fill(slot('& < > " ]]> &amp;')), '&#x26; &#x3C; > " ]]&#x3E; &#x26;amp;')
    assert.equal(fill(`<a b="${slot('a&b "c" <d>')}"/>`), '<a b="a&amp;b &quot;c&quot; &lt;d&gt;"/>')
    const value = 'Q&A: "x < y" ]]> ]]> &amp; done\r'
    const root = parseXml(fill(`<a title="${slot(value)}"><![CDATA[${slot(value)}]]><b>${slot(value)}</b></a>`))
    assert.deepEqual([root.attributes.title, root.text, root.children[0]?.text], [value, value, value])
  })

  test('gives text and attribute values that a strict parser reads back unchanged', () => {
    const { slot, fillXml: fill } = createSlots()
    const value = 'Q&A: "x < y" ]]> ]]> &amp; done'
    const root = parseXml(fill(`<a title="${slot(value)}"><![CDATA[${slot(value)}]]><b>${slot(value)}</b></a>`))
    assert.equal(root.attributes.title, value)
    assert.equal(root.text, value)
    assert.equal(root.children[0]?.text, value)
  })
})

describe('fillJson', () => {
  test('replaces the markers that are values of its key with the value as a JSON string, and nothing else', () => {
    const { slot, fillJson } = createSlots()
    const value = '<p>"quoted" \\ \u2028 😀</p>'
    const marker = slot(value)
    const json = JSON.stringify({ content_html: marker, other: marker, text: `"content_html": "${marker}"` }, null, 2)
    const read = JSON.parse(fillJson(json, 'content_html')) as Record<string, string>
    assert.deepEqual(read, { content_html: value, other: marker, text: `"content_html": "${marker}"` })
  })
})

describe('root attributes (editFeedXml)', () => {
  const xml = '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">\n<feed/></feed>'
  const addRootAttributes = (text: string, _root: string, root: Record<string, string>) => editFeedXml(text, 'atom', createSlots().slot, { root })

  test('adds missing attributes to the root start tag only', () => {
    const result = addRootAttributes(xml, 'feed', { 'xmlns:media': 'http://search.yahoo.com/mrss/' })
    const root = parseXml(result)
    assert.equal(root.attributes['xmlns:media'], 'http://search.yahoo.com/mrss/')
    assert.deepEqual(root.children[0]?.attributes, {})
    assert.equal(result.match(/xmlns:media=/g)?.length, 1)
  })

  test('leaves attributes already there as they are', () => {
    const result = addRootAttributes(xml, 'feed', { 'xml:lang': 'uk', xmlns: 'urn:other' })
    assert.equal(result, xml)
  })

  test('escapes the values it adds', () => {
    const root = parseXml(addRootAttributes(xml, 'feed', { 'data-note': 'a & "b" <c>' }))
    assert.equal(root.attributes['data-note'], 'a & "b" <c>')
  })
})
