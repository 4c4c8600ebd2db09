import type { Point, Position } from 'unist'
import type { VFile } from 'vfile'
import { location } from 'vfile-location'
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml'
import { z } from 'zod'
import { report } from './messages.ts'
import { nearestName } from './suggest.ts'

/** Where YAML text sits inside a file: its start offset in `file.value`. */
export interface YamlSource {
  text: string
  offset: number
}

/**
 * Parse YAML data in `file` and validate it with `schema`, reporting every
 * problem on `file` at the real line and column of the offending node.
 * Returns the parsed output, or `undefined` when anything was reported.
 */
export function validateYaml<S extends z.ZodType>(
  file: VFile,
  source: YamlSource,
  schema: S,
): { data: z.output<S>; locate: Locate } | undefined {
  const toPoint = location(file).toPoint
  const pointAt = (offset: number): Point | undefined => toPoint(source.offset + offset)
  // Front matter sits inside its file, after its fence; a config file is YAML from its first byte.
  const what = source.offset > 0 ? 'front matter' : 'file'
  const lineCounter = new LineCounter()
  // The core schema (YAML 1.2) keeps dates as strings and has no custom tags:
  // front matter is data only, never code.
  const doc = parseDocument(source.text, { lineCounter, schema: 'core', prettyErrors: false, uniqueKeys: true })

  // Warnings too: an unknown tag (`!!js/function`) would silently become text.
  const problems = [...doc.errors, ...doc.warnings]
  if (problems.length > 0) {
    for (const error of problems) {
      report(file, 'yaml-syntax', pointAt(error.pos[0]), { what, detail: firstLine(error.message) })
    }
    return undefined
  }

  let input: unknown
  try {
    input = doc.toJS() ?? {}
  } catch (error) {
    // An alias bomb (billion laughs) is refused by yaml's alias limit: report it like any syntax error.
    report(file, 'yaml-syntax', pointAt(0), { what, detail: firstLine((error as Error).message) })
    return undefined
  }
  if (typeof input !== 'object' || Array.isArray(input)) {
    report(file, 'not-a-map', pointAt(doc.contents?.range?.[0] ?? 0), {})
    return undefined
  }

  const locate = (path: readonly PropertyKey[], key = false) => rangeOf(doc, path, key, pointAt)
  const result = schema.safeParse(input, { reportInput: true })
  if (result.success) return { data: result.data, locate }

  // A misspelt field (`titel`) is reported once, as unknown with its correction, not also as missing.
  const misspelt = new Set(
    result.error.issues.flatMap((issue) =>
      issue.code === 'unrecognized_keys' ? issue.keys.flatMap((key) => suggestionFor(schema, issue.path, key) ?? []).map((name) => [...issue.path, name].join('.')) : [],
    ),
  )
  for (const issue of result.error.issues) {
    if (issue.code === 'invalid_type' && issue.input === undefined && misspelt.has(issue.path.join('.'))) continue
    reportIssue(file, schema, issue, locate)
  }
  return undefined
}

/** Find the place of a value (or, with `key`, of its key) by path; a missing node points at its parent. */
export type Locate = (path: readonly PropertyKey[], key?: boolean) => Position | undefined

function reportIssue(file: VFile, schema: z.ZodType, issue: z.core.$ZodIssue, locate: Locate) {
  const field = issue.path.join('.')
  if (issue.code === 'unrecognized_keys') {
    const known = Object.keys(shapeAt(schema, issue.path) ?? {})
    for (const key of issue.keys) {
      const suggestion = suggestionFor(schema, issue.path, key)
      const name = [...issue.path, key].join('.')
      report(file, 'unknown-field', locate([...issue.path, key], true), {
        field: name,
        suggestion: suggestion && [...issue.path, suggestion].join('.'),
        known: known.map((k) => `\`${k}\``).join(', '),
      })
    }
    return
  }

  if (issue.code === 'invalid_key') {
    // A map's key (`profiles: { Google News: … }`): at the key, with what its own schema says of it.
    const record = unwrap(schemaAt(schema, issue.path.slice(0, -1)))
    const expects = (record instanceof z.ZodRecord && (record.keyType as z.ZodType).description) || 'valid'
    report(file, 'invalid-field', locate(issue.path, true), { field, expects, detail: explain(issue) })
    return
  }
  const expects = describeAt(schema, issue.path) ?? 'valid'
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    report(file, 'missing-field', locate(issue.path), { field, expects })
    return
  }
  report(file, 'invalid-field', locate(issue.path), { field, expects, detail: explain(issue) })
}

/** The known field at `path` an unknown `key` is most likely a misspelling of, if any is close enough. */
function suggestionFor(schema: z.ZodType, path: readonly PropertyKey[], key: string): string | undefined {
  return nearestName(key, Object.keys(shapeAt(schema, path) ?? {}))
}

/** One readable sentence for a zod issue, quoting the value where that helps. */
function explain(issue: z.core.$ZodIssue): string {
  const got = 'input' in issue && issue.input !== undefined ? ` (got ${JSON.stringify(issue.input)})` : ''
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected === 'string' ? 'text' : issue.expected}${got}`
    case 'invalid_union':
      return `not in any accepted form${got}`
    case 'invalid_key':
      return `${issue.issues[0]?.message ?? issue.message}${got}`
    case 'too_small':
      return issue.origin === 'string' && issue.minimum === 1 ? 'it is empty' : `${issue.message}${got}`
    default:
      return `${issue.message}${got}`
  }
}

/** Walk wrappers (optional, default, pipe) and containers to the schema at `path`. */
function schemaAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema
  for (const key of path) {
    current = unwrap(current)
    if (current instanceof z.ZodObject) current = current.shape[String(key)]
    else if (current instanceof z.ZodArray) current = current.element as z.ZodType
    else if (current instanceof z.ZodRecord) current = current.valueType as z.ZodType
    else if (current instanceof z.ZodUnion) {
      // `author: a | a[]`: an index into the list form.
      current = (current.options as z.ZodType[]).map(unwrap).find((o) => o instanceof z.ZodArray)
      current = current instanceof z.ZodArray ? (current.element as z.ZodType) : undefined
    } else return undefined
  }
  return current
}

/** The schema a field's value is checked against: inside optional, default and pipes (see `inner`). */
function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema
  for (let next = inner(current); next; next = inner(current)) current = next
  return current
}

/** The schema one wrapper holds: optional's and default's, and a pipe's that reads the value (`z.preprocess(fn, schema)` and `schema.transform(fn)`: `schema`); undefined for any other. */
function inner(schema: z.ZodType | undefined): z.ZodType | undefined {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) return schema.unwrap() as z.ZodType
  if (schema instanceof z.ZodPipe) return (schema.out instanceof z.ZodTransform ? schema.in : schema.out) as z.ZodType
  return undefined
}

function shapeAt(schema: z.ZodType, path: readonly PropertyKey[]) {
  const found = unwrap(schemaAt(schema, path))
  return found instanceof z.ZodObject ? found.shape : undefined
}

/** The description of the field at `path`, or of its nearest described wrapper. */
function describeAt(schema: z.ZodType, path: readonly PropertyKey[]): string | undefined {
  let current = schemaAt(schema, path)
  for (; current; current = inner(current)) if (current.description) return current.description
  return undefined
}

function rangeOf(
  doc: Document,
  path: readonly PropertyKey[],
  key: boolean,
  pointAt: (offset: number) => Point | undefined,
): Position | undefined {
  let node: unknown = doc.contents
  let found: YamlNode | undefined = doc.contents ?? undefined
  for (const [index, segment] of path.entries()) {
    if (!isMap(node) && !(node && typeof node === 'object' && 'items' in node)) break
    const items = (node as { items: unknown[] }).items
    const item = isMap(node)
      ? items.find((pair) => isPair(pair) && isScalar(pair.key) && String(pair.key.value) === String(segment))
      : items[Number(segment)]
    if (item === undefined) break
    if (isPair(item)) {
      const last = index === path.length - 1
      found = ((last && key) || !item.value ? item.key : item.value) as YamlNode
      node = item.value
    } else {
      found = item as YamlNode
      node = item
    }
  }
  const range = found?.range
  if (!range) return undefined
  const start = pointAt(range[0])
  const end = pointAt(range[1])
  return start && end ? { start, end } : undefined
}

function firstLine(text: string) {
  return text.split('\n')[0] ?? text
}
