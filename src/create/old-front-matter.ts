import { parse as parseToml, TomlDate, TomlError } from 'smol-toml'
import type { Position } from 'unist'
import type { VFile } from 'vfile'
import { location } from 'vfile-location'
import { isMap, isPair, isScalar, parseDocument } from 'yaml'
import { report } from '../messages.ts'

/** A top-level front-matter key, its value as plain data, and where the key is written in the file. */
export interface OldEntry {
  key: string
  value: unknown
  place: Position | undefined
}

/** Front matter as a static site generator reads it, and where the body starts. */
export interface OldFrontMatter {
  format: 'yaml' | 'toml'
  /** In source order. */
  entries: OldEntry[]
  /** Offset in `file.value` of the body's first character. */
  bodyStart: number
}

/** The fence lines: `---` YAML (Jekyll, Hugo, Eleventy, Astro), `+++` TOML (Hugo, Zola). */
const fences = { '---': 'yaml', '+++': 'toml' } as const

/** A line of its own, as the file writes it: `\n` or `\r\n` ends it. */
const lineEnd = /\r?\n/g

/** Which front matter `text` starts with, if any: what tells a Markdown post from a plain-text export. */
export function frontMatterFormat(text: string): 'yaml' | 'toml' | undefined {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0]?.trimEnd()
  return first === '---' || first === '+++' ? fences[first] : undefined
}

/**
 * The front matter of a Markdown post from another generator: YAML between
 * `---` lines (the YAML 1.2 core schema, so dates stay text as written) or
 * TOML between `+++` lines, each top-level key with its place in the file.
 * Syntax errors are reported on `file` at their place; `undefined` then.
 */
export function readOldFrontMatter(file: VFile): OldFrontMatter | undefined {
  const text = String(file.value)
  const format = frontMatterFormat(text)
  if (!format) return undefined
  const fence = format === 'yaml' ? '---' : '+++'
  const lines = [...text.matchAll(lineEnd)].map((match) => (match.index ?? 0) + match[0].length)
  // `lines` holds where each line after the first starts; the closing fence is one of them.
  const start = lines[0] ?? text.length
  const closing = lines.findIndex((at) => lineAt(text, at) === fence || (format === 'yaml' && lineAt(text, at) === '...'))
  const toPoint = location(file).toPoint
  if (closing === -1) {
    report(file, format === 'yaml' ? 'yaml-syntax' : 'toml-syntax', toPoint(0), { detail: `the front matter has no closing \`${fence}\` line` })
    return undefined
  }
  const end = lines[closing] as number
  const source = text.slice(start, end)
  const bodyStart = lines[closing + 1] ?? text.length
  const placeOf = (from: number, to: number): Position | undefined => {
    const a = toPoint(start + from)
    const b = toPoint(start + to)
    return a && b ? { start: a, end: b } : undefined
  }
  const entries = format === 'yaml' ? yamlEntries(file, source, placeOf) : tomlEntries(file, source, placeOf)
  return entries && { format, entries, bodyStart }
}

/** The line starting at `at`, without its line end and trailing spaces. */
function lineAt(text: string, at: number): string {
  const next = text.indexOf('\n', at)
  return text.slice(at, next === -1 ? text.length : next).trimEnd()
}

type PlaceOf = (from: number, to: number) => Position | undefined

function yamlEntries(file: VFile, source: string, placeOf: PlaceOf): OldEntry[] | undefined {
  const doc = parseDocument(source, { schema: 'core', prettyErrors: false, uniqueKeys: true })
  const problems = [...doc.errors, ...doc.warnings]
  for (const problem of problems) report(file, 'yaml-syntax', placeOf(problem.pos[0], problem.pos[1])?.start, { what: 'front matter', detail: problem.message.split('\n')[0] ?? '' })
  if (problems.length > 0) return undefined
  if (doc.contents === null) return []
  if (!isMap(doc.contents)) {
    report(file, 'not-a-map', placeOf(doc.contents.range?.[0] ?? 0, doc.contents.range?.[1] ?? 0)?.start, {})
    return undefined
  }
  let data: Record<string, unknown>
  try {
    data = doc.toJS() as Record<string, unknown>
  } catch (error) {
    // An alias bomb is refused by yaml's alias limit.
    report(file, 'yaml-syntax', placeOf(0, 0)?.start, { what: 'front matter', detail: (error as Error).message.split('\n')[0] ?? '' })
    return undefined
  }
  return doc.contents.items.flatMap((pair) => {
    if (!isPair(pair) || !isScalar(pair.key)) return []
    const key = String(pair.key.value)
    const range = pair.key.range
    return [{ key, value: data[key], place: range ? placeOf(range[0], range[1]) : undefined }]
  })
}

function tomlEntries(file: VFile, source: string, placeOf: PlaceOf): OldEntry[] | undefined {
  let data: Record<string, unknown>
  try {
    data = parseToml(source)
  } catch (error) {
    if (!(error instanceof TomlError)) throw error
    const offset = offsetOf(source, error.line, error.column)
    report(file, 'toml-syntax', placeOf(offset, offset)?.start, { detail: error.message.split('\n')[0] ?? '' })
    return undefined
  }
  const keys = tomlKeyPlaces(source)
  return Object.entries(data).map(([key, value]) => {
    const at = keys.get(key)
    return { key, value: plain(value), place: at ? placeOf(at[0], at[1]) : undefined }
  })
}

/** TOML dates as the text they were written as (`1979-05-27`, `1979-05-27T07:32:00-08:00`), like YAML's. */
function plain(value: unknown): unknown {
  if (value instanceof TomlDate) return value.toISOString()
  if (Array.isArray(value)) return value.map(plain)
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plain(inner)]))
  return value
}

function offsetOf(source: string, line: number, column: number): number {
  const before = source.split('\n').slice(0, line - 1)
  return before.reduce((sum, text) => sum + text.length + 1, 0) + column - 1
}

/**
 * Where each top-level key of a TOML text is first written: `key = …`,
 * `"key" = …` and `key.sub = …` before the first table, `[key]`,
 * `[key.sub]` and `[[key]]` anywhere. smol-toml gives values only, so this
 * reads the lines itself, skipping multi-line strings.
 */
function tomlKeyPlaces(source: string): Map<string, [number, number]> {
  const places = new Map<string, [number, number]>()
  const key = String.raw`(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')`
  const assignment = new RegExp(String.raw`^[ \t]*(${key})[ \t]*[.=]`)
  const header = new RegExp(String.raw`^[ \t]*\[\[?[ \t]*(${key})`)
  let inTable = false
  let open: string | undefined
  let at = 0
  for (const line of source.split('\n')) {
    if (open === undefined) {
      const heading = header.exec(line)
      const assigned = inTable ? null : assignment.exec(line)
      const match = heading ?? assigned
      if (heading) inTable = true
      if (match?.[1]) {
        const name = match[1].replace(/^["']|["']$/g, '')
        const column = match[0].length - match[0].trimStart().length + (heading ? match[0].trimStart().indexOf(match[1]) : 0)
        if (!places.has(name)) places.set(name, [at + column, at + column + match[1].length])
      }
    }
    // A line that opens or closes a multi-line string has an odd number of its delimiters.
    for (const delimiter of ['"""', "'''"]) {
      if ((line.split(delimiter).length - 1) % 2 === 1 && (open === undefined || open === delimiter)) open = open ? undefined : delimiter
    }
    at += line.length + 1
  }
  return places
}
