import assert from 'node:assert/strict'
import { test } from 'node:test'
import * as wirefeed from '../src/index.ts'

test('exposes the public API', () => {
  assert.deepEqual(Object.keys(wirefeed).sort(), [
    'articleSchema',
    'buildFeedModel',
    'buildSite',
    'configSchema',
    'formatReport',
    'renderArticle',
    'resolveConfig',
    'toAtom',
    'toJsonFeed',
    'toRss',
    'validateArticle',
    'validateConfig',
  ])
})
