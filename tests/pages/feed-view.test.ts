import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { Script } from 'node:vm'
import { feedViewFiles } from '../../src/feeds/xml/edit.ts'
import { feedViewScript } from '../../src/pages/feed-view-script.ts'
import { feedViewStyle } from '../../src/pages/feed-view-style.ts'

describe('the feed view', () => {
  test('is a script that compiles and a stylesheet with its namespaces first', () => {
    assert.doesNotThrow(() => new Script(feedViewScript, { filename: feedViewFiles.script }))
    const style = feedViewStyle
    assert.match(style, /^@namespace url\(http:\/\/www\.w3\.org\/1999\/xhtml\);\n@namespace rss "";\n@namespace atom url\(http:\/\/www\.w3\.org\/2005\/Atom\);\n/)
    assert.equal(style.match(/@namespace/g)?.length, 3, 'an @namespace after other rules is ignored')
  })

  test('never builds the page from markup: feed text goes into text nodes only', () => {
    assert.doesNotMatch(feedViewScript, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/)
  })
})
