import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { Script } from 'node:vm'
import { feedViewFiles } from '../../src/feeds/xml/edit.ts'
import { feedViewScript } from '../../src/pages/feed-view-script.ts'
import { cssString, feedViewStyle } from '../../src/pages/feed-view-style.ts'
import { timeZoneNames } from '../../src/pages/format.ts'
import { en } from '../../src/strings/en.ts'
import { uk } from '../../src/strings/uk.ts'
import { config } from '../helpers.ts'

const english = config()
const ukrainian = config({ language: 'uk', timeZone: 'Europe/Kyiv' })

describe('the feed view', () => {
  test('is a script that compiles and a stylesheet with its namespaces first', () => {
    for (const settings of [english, ukrainian]) {
      assert.doesNotThrow(() => new Script(feedViewScript(settings), { filename: feedViewFiles.script }))
      const style = feedViewStyle(settings)
      assert.match(style, /^@namespace url\(http:\/\/www\.w3\.org\/1999\/xhtml\);\n@namespace rss "";\n@namespace atom url\(http:\/\/www\.w3\.org\/2005\/Atom\);\n/)
      assert.equal(style.match(/@namespace/g)?.length, 3, 'an @namespace after other rules is ignored')
    }
  })

  test('never builds the page from markup: feed text goes into text nodes only', () => {
    assert.doesNotMatch(feedViewScript(ukrainian), /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/)
  })

  test("carries the site's strings, language and zone as data, and no English under a Ukrainian site", () => {
    const script = feedViewScript(ukrainian)
    const data = JSON.parse(/var site = (\{.*\});\n/.exec(script)?.[1] ?? 'null')
    assert.equal(data.lang, 'uk')
    // The zone as configured, then as older browsers' ICU names it.
    assert.deepEqual(data.zones, ['Europe/Kyiv', 'Europe/Kiev'])
    assert.equal(data.strings.copyAddress, uk.copyAddress)
    assert.equal(data.strings.feedKicker, 'Стрічка {format}')
    for (const key of ['copyAddress', 'copied', 'copyByHand', 'feedWhatIsThis', 'latestArticles', 'goToWebsite'] as const) {
      assert.ok(!script.includes(en[key]), key)
    }
    assert.doesNotMatch(script, /toLocaleDateString/, 'no date in the visitor\'s zone')
    assert.match(script, /timeZone: site\.zones\[z\]/)
  })

  test("writes the no-script note in the site's language, escaped so no charset or quote can break it", () => {
    const style = feedViewStyle(ukrainian)
    assert.ok(style.includes(`content:${cssString(uk.feedWithoutScript)};`))
    assert.doesNotMatch(style, /This is a web feed/)
    assert.match(feedViewStyle(english), /content:"This is a web feed\. To follow it, copy this page\\2019 s address/)
    assert.equal(cssString('a "b" \\ ї'), '"a \\22 b\\22  \\5c  \\457 "')
  })

  test("keeps a newsroom's hostile strings as text: the script compiles, the stylesheet's string stays one", () => {
    const hostile = "</script><script>alert(1)</script> \u2028 '); alert(2); (' \" } * { color: red SITE $& {"
    const settings = config({ strings: { copyAddress: hostile, feedWithoutScript: hostile } })
    const script = feedViewScript(settings)
    assert.doesNotThrow(() => new Script(script))
    assert.doesNotMatch(script, /\u2028/, 'escaped for engines before ES2019')
    assert.equal(JSON.parse(/var site = (\{.*\});\n/.exec(script)?.[1] ?? 'null').strings.copyAddress, hostile.trim())
    assert.match(feedViewStyle(settings), /content:"[^"\n]*";margin/)
  })

  test('names a renamed zone by its old name too, for browsers older than the rename, whatever Node builds it', () => {
    assert.deepEqual(timeZoneNames('Europe/Kyiv'), ['Europe/Kyiv', 'Europe/Kiev'])
    assert.deepEqual(timeZoneNames('Europe/Kiev'), ['Europe/Kiev'])
    assert.deepEqual(timeZoneNames('UTC'), ['UTC'])
  })
})
