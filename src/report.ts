import { styleText } from 'node:util'
import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { byCodePoint } from './order.ts'

export const reportFormats = ['text', 'json', 'github'] as const
export type ReportFormat = (typeof reportFormats)[number]

/** What a JSON report adds besides the problems. */
export interface ReportSummary {
  published: number
  scheduled: { file: string; goesLive: string }[]
}

export interface ReportOptions {
  /** Colour severities (for a terminal). */
  color?: boolean
  /** Text only: print warnings in `full`, as a one-line `count`, or `none`. Errors always print. */
  warnings?: 'full' | 'count' | 'none'
  /** JSON only: what the build found besides problems. */
  summary?: ReportSummary
}

interface Entry {
  path: string
  message: VFileMessage
}

/**
 * Every message of every file, sorted by file and place, in one of three forms:
 * - `text`, compiler style, with a closing total:
 *
 *       articles/a.md:3:1  error  Unknown field `titel`: did you mean `title`?  [unknown-field]
 *         fix: rename `titel` to `title`
 *
 * - `github`, one workflow command per message, which GitHub shows as an
 *   annotation on the line;
 * - `json`, for other machines, with `summary` included.
 *
 * Text and github give an empty string when there is nothing to say.
 */
export function formatReport(files: readonly VFile[], format: ReportFormat = 'text', options: ReportOptions = {}): string {
  const all = files
    .flatMap((file) => file.messages.map((message) => ({ path: file.path ?? '<input>', message })))
    .sort(
      (a, b) =>
        byCodePoint(a.path, b.path) ||
        (a.message.line ?? 0) - (b.message.line ?? 0) ||
        (a.message.column ?? 0) - (b.message.column ?? 0),
    )
  if (format === 'json') {
    return JSON.stringify({ ok: !all.some(isError), problems: all.map(toJson), ...options.summary }, null, 2) + '\n'
  }
  if (format === 'github') return all.map(toGithub).join('')

  const mode = options.warnings ?? 'full'
  const errors = all.filter(isError).length
  const warnings = all.length - errors
  const hidden = mode === 'full' ? 0 : warnings
  const shown = all.filter((entry) => isError(entry) || mode === 'full')
  const hint = mode === 'count' && hidden > 0 ? `${count(hidden, 'warning')}: run \`wirefeed check\` to see them.\n` : ''
  if (shown.length === 0) return hint
  const total = [errors > 0 && count(errors, 'error'), warnings - hidden > 0 && count(warnings - hidden, 'warning')]
    .filter(Boolean)
    .join(', ')
  const sources = new Set(shown.map(({ path }) => path)).size
  const paint = options.color ? styleText : (_: unknown, text: string) => text
  const lines = shown.map(({ path, message }) => {
    const level = paint(message.fatal ? 'red' : 'yellow', severity(message))
    const fix = message.note ? `\n  fix: ${printable(message.note)}` : ''
    return `${printable(path)}:${message.line ?? 1}:${message.column ?? 1}  ${level}  ${printable(message.reason)}  ${paint('dim', `[${message.ruleId}]`)}${fix}`
  })
  return `${lines.join('\n')}\n\n${errors > 0 ? '✖' : '⚠'} ${total} in ${count(sources, 'file')}\n${hint}`
}

/**
 * `text` safe to print on a terminal: control characters (C0, DEL, C1), which
 * a file name, a YAML key or a ledger may hold and a terminal would obey
 * (moving the cursor, rewriting the screen), shown as `\x1B`.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001F\u007F-\u009F]/g, (character) => `\\x${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
}

function toJson({ path, message }: Entry) {
  return {
    file: path,
    line: message.line ?? 1,
    column: message.column ?? 1,
    severity: severity(message),
    rule: message.ruleId,
    message: message.reason,
    fix: message.note,
  }
}

/** A GitHub workflow command; its data and properties escape `%`, CR and LF, properties also `:` and `,`. */
function toGithub({ path, message }: Entry) {
  const data = (text: string) => text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A')
  const property = (text: string) => data(text).replaceAll(':', '%3A').replaceAll(',', '%2C')
  const properties = [
    `file=${property(path)}`,
    `line=${message.line ?? 1}`,
    `col=${message.column ?? 1}`,
    `title=${property(`wirefeed ${message.ruleId}`)}`,
  ].join(',')
  const command = message.fatal ? 'error' : 'warning'
  return `::${command} ${properties}::${data(`${message.reason}\nfix: ${message.note ?? ''}`)}\n`
}

const isError = ({ message }: Entry) => message.fatal === true
const severity = (message: VFileMessage) => (message.fatal ? 'error' : 'warning')
const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

