import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'

/**
 * Every message of every file, compiler style, sorted by file and place:
 *
 *     articles/a.md:3:1  error  Unknown field `titel`: did you mean `title`?  [unknown-field]
 *       fix: rename `titel` to `title`
 *
 * and a closing total. Empty when there is nothing to say.
 */
export function formatReport(files: readonly VFile[]): string {
  const messages = files
    .flatMap((file) => file.messages.map((message) => ({ path: file.path ?? '<input>', message })))
    .sort((a, b) => compare(a.path, b.path) || (a.message.line ?? 0) - (b.message.line ?? 0) || (a.message.column ?? 0) - (b.message.column ?? 0))
  if (messages.length === 0) return ''
  const lines = messages.map(({ path, message }) => formatMessage(path, message))
  const errors = messages.filter(({ message }) => message.fatal).length
  const warnings = messages.length - errors
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
  const summary = [errors > 0 && count(errors, 'error'), warnings > 0 && count(warnings, 'warning')]
    .filter(Boolean)
    .join(', ')
  const sources = new Set(messages.map(({ path }) => path)).size
  return `${lines.join('\n')}\n\n${errors > 0 ? '✖' : '⚠'} ${summary} in ${count(sources, 'file')}\n`
}

function formatMessage(path: string, message: VFileMessage) {
  const place = `${path}:${message.line ?? 1}:${message.column ?? 1}`
  const severity = message.fatal ? 'error' : 'warning'
  const fix = message.note ? `\n  fix: ${message.note}` : ''
  return `${place}  ${severity}  ${message.reason}  [${message.ruleId}]${fix}`
}

function compare(a: string, b: string) {
  return a < b ? -1 : a > b ? 1 : 0
}
