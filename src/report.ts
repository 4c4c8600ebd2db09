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
  /** Text only: print at most this many warnings, and count the rest (default: all; 0, none and no count). Errors always print. */
  mostWarnings?: number
  /** JSON only: what the build found besides problems. */
  summary?: ReportSummary
}

/** One message of one file, as plain data: what every report format, and the API, gives. */
export interface Problem {
  file: string
  line: number
  column: number
  severity: 'error' | 'warning'
  /** The rule's id, such as `unknown-field` (src/messages.ts has them all). */
  rule: string
  message: string
  /** What to do about it. */
  fix?: string
}

/** Every message of every file, sorted by file and place. */
export function problemsOf(files: readonly VFile[]): Problem[] {
  return files
    .flatMap((file) => file.messages.map((message) => toProblem(file.path ?? '<input>', message)))
    .sort((a, b) => byCodePoint(a.file, b.file) || a.line - b.line || a.column - b.column)
}

/**
 * Problems (sorted, as `problemsOf` gives them) in one of three forms:
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
export function formatReport(all: readonly Problem[], format: ReportFormat = 'text', options: ReportOptions = {}): string {
  if (format === 'json') {
    return JSON.stringify({ ok: !all.some(isError), problems: all, ...options.summary }, null, 2) + '\n'
  }
  if (format === 'github') return all.map(toGithub).join('')

  const most = options.mostWarnings ?? Infinity
  const errors = all.filter(isError).length
  const warnings = all.filter((entry) => !isError(entry))
  const kept = new Set(warnings.slice(0, most))
  const hidden = warnings.length - kept.size
  const shown = all.filter((entry) => isError(entry) || kept.has(entry))
  const hint = kept.size > 0 && hidden > 0 ? `and ${count(hidden, 'more warning')}: run \`wirefeed check\` to see them all.\n` : ''
  if (shown.length === 0) return hint
  const total = [errors > 0 && count(errors, 'error'), kept.size > 0 && count(warnings.length, 'warning')]
    .filter(Boolean)
    .join(', ')
  // The files of everything the total counts, printed or not.
  const sources = new Set(all.filter((entry) => isError(entry) || kept.size > 0).map(({ file }) => file)).size
  const paint = options.color ? styleText : (_: unknown, text: string) => text
  const lines = shown.map((problem) => {
    const level = paint(isError(problem) ? 'red' : 'yellow', problem.severity)
    const fix = problem.fix ? `\n  fix: ${printable(problem.fix)}` : ''
    return `${printable(problem.file)}:${problem.line}:${problem.column}  ${level}  ${printable(problem.message)}  ${paint('dim', `[${problem.rule}]`)}${fix}`
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

function toProblem(file: string, message: VFileMessage): Problem {
  return {
    file,
    line: message.line ?? 1,
    column: message.column ?? 1,
    severity: message.fatal ? 'error' : 'warning',
    rule: message.ruleId ?? 'unknown',
    message: message.reason,
    ...(message.note !== undefined && { fix: message.note }),
  }
}

/** A GitHub workflow command; its data and properties escape `%`, CR and LF, properties also `:` and `,`. */
function toGithub(problem: Problem) {
  const data = (text: string) => text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A')
  const property = (text: string) => data(text).replaceAll(':', '%3A').replaceAll(',', '%2C')
  const properties = [
    `file=${property(problem.file)}`,
    `line=${problem.line}`,
    `col=${problem.column}`,
    `title=${property(`wirefeed ${problem.rule}`)}`,
  ].join(',')
  return `::${problem.severity} ${properties}::${data(`${problem.message}\nfix: ${problem.fix ?? ''}`)}\n`
}

const isError = (problem: Problem) => problem.severity === 'error'
const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

