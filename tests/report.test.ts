import assert from 'node:assert/strict'
import { test } from 'node:test'
import { VFile } from 'vfile'
import { report } from '../src/messages.ts'
import { formatReport, problemsOf } from '../src/report.ts'

test('prints path:line:column, severity, message, rule and fix, sorted, with a total', () => {
  const b = new VFile({ path: 'articles/b.md' })
  const a = new VFile({ path: 'articles/a.md' })
  report(b, 'updated-before-date', { line: 6, column: 10 }, {})
  report(a, 'unknown-field', { line: 3, column: 1 }, { field: 'titel', suggestion: 'title', known: '' })
  report(a, 'missing-field', { line: 2, column: 1 }, { field: 'date', expects: 'a date' })
  assert.equal(
    formatReport(problemsOf([b, a])),
    [
      'articles/a.md:2:1  error  Required field `date` is missing  [missing-field]',
      '  fix: add `date:` with a date',
      'articles/a.md:3:1  error  Unknown field `titel`: did you mean `title`?  [unknown-field]',
      '  fix: rename `titel` to `title`',
      'articles/b.md:6:10  error  `updated` is earlier than `date`  [updated-before-date]',
      '  fix: set `updated` to the time of the last substantive change, at or after `date`, or remove it',
      '',
      '✖ 3 errors in 2 files',
      '',
    ].join('\n'),
  )
})

test('says nothing when there is nothing to say', () => {
  assert.equal(formatReport(problemsOf([new VFile({ path: 'a.md' })])), '')
})

test('shows control characters a file name or a message holds, instead of letting the terminal obey them', () => {
  const file = new VFile({ path: 'articles/\u001b[2Jcleared\u009b.md' })
  report(file, 'unknown-field', { line: 2, column: 1 }, { field: '\u001b]0;title\u0007', known: '`title`' })
  const text = formatReport(problemsOf([file]))
  assert.doesNotMatch(text, /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/)
  assert.match(text, /^articles\/\\x1B\[2Jcleared\\x9B\.md:2:1 {2}error {2}Unknown field `\\x1B\]0;title\\x07`/)
})
