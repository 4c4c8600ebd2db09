import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { xmlSafe } from '../src/xml-safe.ts'

describe('xmlSafe', () => {
  const illegal = [
    ...Array.from({ length: 0x20 }, (_, code) => code).filter((code) => ![0x09, 0x0a, 0x0d].includes(code)),
    0xfffe,
    0xffff,
  ].map((code) => String.fromCharCode(code))

  test('removes every C0 control but tab, newline and carriage return, and U+FFFE, U+FFFF', () => {
    assert.equal(illegal.length, 31)
    for (const character of illegal) assert.equal(xmlSafe(`a${character}b`), 'ab', `U+${character.charCodeAt(0).toString(16)}`)
  })

  test('keeps tab, newline and carriage return', () => {
    assert.equal(xmlSafe('a\tb\nc\rd'), 'a\tb\nc\rd')
  })

  test('removes lone surrogates but keeps surrogate pairs', () => {
    assert.equal(xmlSafe('a\uD800b\uDC00c\uDBFF'), 'abc')
    assert.equal(xmlSafe('\uDC00\uD800'), '')
    assert.equal(xmlSafe('ok 😀 \uD83D\uDE00'), 'ok 😀 😀')
  })

  test('keeps right-to-left text, bidi marks and combining marks', () => {
    const text = 'שלום \u200F مرحبا e\u0301 \u0915\u094D\u0937'
    assert.equal(xmlSafe(text), text)
  })

  test('keeps the legal characters at the edges of the forbidden ranges', () => {
    const text = ' \u007F\uD7FF\uE000\uFFFD\u{10000}\u{10FFFF}'
    assert.equal(xmlSafe(text), text)
  })
})
