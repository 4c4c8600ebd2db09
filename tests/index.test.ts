import assert from 'node:assert/strict'
import { test } from 'node:test'
import * as wirefeed from '../src/index.ts'

test('exposes the public API', () => {
  assert.deepEqual(Object.keys(wirefeed).sort(), [
    'Refused',
    'analyseSource',
    'articleSchema',
    'build',
    'buildSite',
    'check',
    'configSchema',
    'defaults',
    'feedModel',
    'formatReport',
    'problemsOf',
    'readConfig',
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
