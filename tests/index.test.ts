import assert from 'node:assert/strict'
import { test } from 'node:test'
import * as wirefeed from '../src/index.ts'

test('exposes the public API', () => {
  assert.deepEqual(Object.keys(wirefeed).sort(), [
    'analyseSource',
    'articleSchema',
    'build',
    'buildSite',
    'configSchema',
    'feedModel',
    'formatReport',
    'renderBody',
    'resolveConfig',
    'siteFeed',
    'toAtom',
    'toJsonFeed',
    'toRss',
    'validateArticle',
    'validateConfig',
  ])
})
