import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { feedViewFiles } from '../../src/feeds/xml/edit.ts'
import { cssString, feedViewStyle } from '../../src/pages/feed-view-style.ts'
import { timeZoneNames } from '../../src/strings/format.ts'
import { en } from '../../src/strings/en.ts'
import { uk } from '../../src/strings/uk.ts'
import { config } from '../helpers.ts'

const english = config()
const ukrainian = config({ language: 'uk', timeZone: 'Europe/Kyiv' })

/** Every text a stylesheet's `content:` shows, its escapes read back as CSS reads them (an empty one, the icon's box, shows none). */
function contents(style: string): string[] {
  return [...style.matchAll(/content:((?:"[^"]*"\s*)+);/g)]
    .map((match) =>
      [...(match[1] ?? '').matchAll(/"([^"]*)"/g)]
        .map((part) => (part[1] ?? '').replace(/\\([0-9a-f]{1,6}) ?/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16))))
        .join(''),
    )
    .filter((text) => text !== '')
}

describe('the feed view', () => {
  test('is one stylesheet, its namespaces first, and no script', () => {
    assert.deepEqual(Object.values(feedViewFiles), ['feed-view.css'])
    for (const settings of [english, ukrainian]) {
      const style = feedViewStyle(settings)
      assert.match(style, /^@namespace rss "";\n@namespace atom url\(http:\/\/www\.w3\.org\/2005\/Atom\);\n/)
      assert.equal(style.match(/@namespace/g)?.length, 2, 'an @namespace after other rules is ignored')
      assert.doesNotMatch(style, /content:[A-Z_]+;/, 'every placeholder is filled')
    }
  })

  test("shows the kind of feed, the note on following it and the list's heading in the site's language", () => {
    assert.deepEqual(contents(feedViewStyle(ukrainian)), [
      'Стрічка RSS',
      'Стрічка Atom',
      `${uk.feedWithoutScript}\n\n${uk.feedReaderHelp}`,
      'Останні статті',
    ])
    assert.deepEqual(contents(feedViewStyle(english)), ['RSS feed', 'Atom feed', `${en.feedWithoutScript}\n\n${en.feedReaderHelp}`, 'Latest articles'])
  })

  test('shows no English under a Ukrainian site', () => {
    const style = feedViewStyle(ukrainian)
    for (const key of ['feedKicker', 'feedWithoutScript', 'feedReaderHelp', 'latestArticles'] as const) {
      assert.ok(!contents(style).join('\n').includes(en[key].replace('{format} ', '')), key)
    }
    assert.doesNotMatch(style, /This is a web feed/)
  })

  test('hides what a stylesheet cannot show well: dates, whole articles, tombstones and polling hints', () => {
    const style = feedViewStyle(english)
    // Every child of the channel, feed, item and entry is hidden, then only these shown.
    assert.match(style, /rss\|channel>\*\|\*,atom\|feed>\*\|\*,rss\|item>\*\|\*,atom\|entry>\*\|\*\{display:none\}/)
    const shown = [...style.matchAll(/([^{}\n]+)\{[^}]*display:block/g)].flatMap((match) => (match[1] ?? '').split(','))
    assert.ok(shown.every((selector) => !/pubDate|published|updated|encoded|content|deleted-entry|ttl/.test(selector)), shown.join(' '))
  })

  test("keeps a newsroom's hostile strings as text: each stays one CSS string", () => {
    const hostile = "</style> \u2028 '); } * { color: red \" \\ $& RSS_KICKER {"
    const style = feedViewStyle(config({ strings: { feedWithoutScript: hostile, latestArticles: hostile } }))
    assert.equal(contents(style)[3], hostile.trim())
    assert.match(style, /content:"[^"\n]*" "\\a\\a" "[^"\n]*";white-space/)
    assert.equal(cssString('a "b" \\ ї'), '"a \\22 b\\22  \\5c  \\457 "')
  })

  test('names a renamed zone by its old name too, for browsers older than the rename, whatever Node builds it', () => {
    assert.deepEqual(timeZoneNames('Europe/Kyiv'), ['Europe/Kyiv', 'Europe/Kiev'])
    assert.deepEqual(timeZoneNames('Europe/Kiev'), ['Europe/Kiev'])
    assert.deepEqual(timeZoneNames('UTC'), ['UTC'])
  })
})
