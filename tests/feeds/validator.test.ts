// What the W3C Feed Validation Service reports, pinned without it: the
// service cannot run here (it is in neither the npm registry nor Debian, and
// we vendor no fetched code), so these are its rules, as its source
// (feedvalidator/validators.py `nonhtml`, feed.py, logging.py) applies them,
// run over every RSS and Atom document of every fixture newsroom. A build the
// service found clean passes; each rule fails on the markup it reported.
// Where a copy of the service runs offline, the last test runs it too.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, test } from 'node:test'
import { SaxesParser } from 'saxes'
import { pastArchivePolling } from '../../src/feeds/polling.ts'
import { historyNamespace, syndicationNamespace, tombstonesNamespace } from '../../src/feeds/xml/edit.ts'
import { fixtureOutput } from './fixture-site.ts'

const xhtml = 'http://www.w3.org/1999/xhtml'
const atom = 'http://www.w3.org/2005/Atom'

/** The namespaces the service knows (UnknownNamespace otherwise); RFC 6721's is not among them. */
const knownNamespaces = new Set([
  xhtml,
  atom,
  'http://purl.org/dc/elements/1.1/',
  'http://purl.org/rss/1.0/modules/content/',
  'http://search.yahoo.com/mrss/',
  historyNamespace,
  syndicationNamespace,
])

/** HTML element names, for the end tags the service takes for HTML in text (a sample of its list). */
const htmlTags = new Set(['a', 'b', 'i', 'em', 'strong', 'p', 'div', 'span', 'br', 'img', 'script', 'style', 'ul', 'ol', 'li', 'table', 'h1', 'h2', 'h3'])

interface Element {
  name: string
  uri: string
  attributes: Record<string, string>
  children: Element[]
  text: string
  startLine: number
  endLine: number
  parent?: Element
}

/** A strict parse keeping each element's first and last line, as the service's checks use them. */
function parse(xml: string): { root: Element; namespaces: string[] } {
  const parser = new SaxesParser({ xmlns: true, position: true })
  const stack: Element[] = []
  const namespaces: string[] = []
  let root: Element | undefined
  parser.on('error', (error) => {
    throw error
  })
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {}
    for (const attribute of Object.values(tag.attributes)) {
      if (typeof attribute === 'string') continue
      if (attribute.prefix === 'xmlns' || attribute.name === 'xmlns') namespaces.push(attribute.value)
      else attributes[attribute.name] = attribute.value
    }
    const parent = stack.at(-1)
    const element: Element = { name: tag.local ?? tag.name, uri: tag.uri ?? '', attributes, children: [], text: '', startLine: parser.line, endLine: parser.line, ...(parent && { parent }) }
    parent?.children.push(element)
    stack.push(element)
    root ??= element
  })
  const text = (value: string) => {
    const top = stack.at(-1)
    if (top) top.text += value
  }
  parser.on('text', text)
  parser.on('cdata', text)
  parser.on('closetag', () => {
    const element = stack.pop()
    if (element) element.endLine = parser.line
  })
  parser.write(xml).close()
  if (!root) throw new Error('no root element')
  return { root, namespaces }
}

const descendants = (element: Element): Element[] => [element, ...element.children.flatMap(descendants)]

/** Elements whose text the service reads as plain text (`nonhtml`), in RSS 2.0 and Atom 1.0 as we write them. */
function plainText(element: Element): boolean {
  const parent = element.parent?.name
  if (element.uri === '') {
    if (parent === 'channel') return ['title', 'description', 'copyright'].includes(element.name)
    if (parent === 'item') return ['title', 'category', 'guid', 'author'].includes(element.name)
    return false
  }
  if (element.uri === 'http://purl.org/dc/elements/1.1/') return element.name === 'creator'
  if (element.uri === 'http://search.yahoo.com/mrss/') return element.name === 'description' && element.attributes.type !== 'html'
  if (element.uri === atom) {
    if (['title', 'subtitle', 'rights', 'summary'].includes(element.name)) return (element.attributes.type ?? 'text') === 'text'
    return element.name === 'name'
  }
  return false
}

/** What the service would report of one RSS or Atom document, by its warning's name. */
export function findings(xml: string): string[] {
  const { root, namespaces } = parse(xml)
  const lines = xml.split('\n')
  const found: string[] = []
  const elements = descendants(root)
  for (const element of elements) {
    if (element.uri === xhtml) found.push(`MisplacedXHTMLContent <${element.name}> line ${element.startLine}`)
    if (!plainText(element)) continue
    // `nonhtml`: an HTML end tag always; else a reference or `<` once decoded, unless a line of the element holds `&#x`.
    const endTag = [...element.text.matchAll(/<\/(\w+)>/g)].find((match) => htmlTags.has((match[1] ?? '').toLowerCase()))
    const hex = lines.slice(element.startLine - 1, element.endLine).some((line) => line.includes('&#x'))
    if (endTag) found.push(`ContainsHTML <${element.name}> line ${element.startLine}: ${endTag[0]}`)
    // (The `<` rule is the RSS profile's, for RSS 2.0 only; a reference is suspect anywhere.)
    else if (!hex && (/&(#?\w+)/.test(element.text) || (root.name === 'rss' && /<[/a-zA-Z]/.test(element.text)))) {
      found.push(`ContainsHTML <${element.name}> line ${element.startLine}: ${element.text}`)
    }
  }
  const feed = root.name === 'rss' ? root.children.find((child) => child.name === 'channel') : root
  const links = (rel: string) => (feed?.children ?? []).filter((child) => child.name === 'link' && child.uri === atom && child.attributes.rel === rel)
  if (feed?.children.some((child) => child.name === 'archive' && child.uri === historyNamespace)) {
    if (links('prev-archive').length + links('next-archive').length === 0) found.push('ArchiveIncomplete')
    if (links('current').length === 0) found.push('MissingCurrentInArchive')
  }
  for (const uri of namespaces) {
    const used = elements.some((element) => element.uri === uri)
    if (uri === tombstonesNamespace) {
      if (!used) found.push('UnknownNamespace for RFC 6721 in a document without a tombstone')
    } else if (!knownNamespaces.has(uri) && uri !== (root.name === 'rss' ? '' : atom)) found.push(`UnknownNamespace ${uri}`)
  }
  const sy = (name: string) => feed?.children.find((child) => child.name === name && child.uri === syndicationNamespace)?.text
  const period = sy('updatePeriod')
  if (period !== undefined && !['hourly', 'daily', 'weekly', 'monthly', 'yearly'].includes(period)) found.push(`InvalidUpdatePeriod ${period}`)
  const frequency = sy('updateFrequency')
  if (frequency !== undefined && !/^[1-9]\d*$/.test(frequency)) found.push(`InvalidPositiveInteger ${frequency}`)
  const ttl = feed?.children.find((child) => child.name === 'ttl' && child.uri === '')?.text
  if (ttl !== undefined && !/^\d+$/.test(ttl)) found.push(`InvalidInteger ttl ${ttl}`)
  return found
}

/** Samples the service was run on (tests/feeds' own, written here), with what it reported. */
describe('the rules, on markup the service reported and markup it passed', () => {
  const rss = (channel: string, item = '') =>
    `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>\n<title>Desk</title>\n<link>https://news.example.org/</link>\n${channel}\n<item>\n<title>Summit</title>\n<guid isPermaLink="false">tag:x,2026:a</guid>\n${item}\n</item>\n</channel>\n</rss>\n`

  test('a channel description escaped with named references is HTML to it; in hexadecimal it is not', () => {
    assert.deepEqual(findings(rss('<description>Test newsroom &amp;lt;for&gt; wirefeed</description>')), ['ContainsHTML <description> line 6: Test newsroom &lt;for> wirefeed'])
    assert.deepEqual(findings(rss('<description>Test newsroom &lt;for&gt; wirefeed</description>')), ['ContainsHTML <description> line 6: Test newsroom <for> wirefeed'])
    assert.deepEqual(findings(rss('<description>Test newsroom &#x26;lt;for> wirefeed</description>')), [])
    assert.deepEqual(findings(rss('<description>Kyiv &amp; Paris</description>')), [])
  })

  test('an HTML end tag in text is HTML to it however escaped', () => {
    assert.deepEqual(findings(rss('<description>x</description>', '<category>&#x3C;b>bold&#x3C;/b></category>')), ['ContainsHTML <category> line 10: </b>'])
  })

  test('an XHTML script is misplaced content; a stylesheet instruction is nothing to it', () => {
    assert.deepEqual(findings(rss('<description>x</description>\n<script xmlns="http://www.w3.org/1999/xhtml" src="v.js"/>')), ['MisplacedXHTMLContent <script> line 7'])
  })

  test('an archive with neither prev-archive nor next-archive is incomplete', () => {
    const archive = (links: string) =>
      `<?xml version="1.0"?>\n<feed xmlns="${atom}" xmlns:fh="${historyNamespace}">\n<link rel="current" href="https://x/atom.xml"/>\n${links}\n<fh:archive/>\n</feed>\n`
    assert.deepEqual(findings(archive('')), ['ArchiveIncomplete'])
    assert.deepEqual(findings(archive('<link rel="next-archive" href="https://x/a/atom.xml"/>')), [])
  })
})

const fixtures = ['newsroom', 'names', 'seed', 'ukrainian', 'record', 'hostile/base', 'bilingual'] as const

describe('every RSS and Atom document of every fixture newsroom', () => {
  for (const name of fixtures) {
    test(`${name}: nothing the W3C Feed Validation Service would report but the tombstones' namespace`, async () => {
      const { site, output } = await fixtureOutput(name, new Date('2026-01-10T00:00:00Z'))
      assert.ok(site.ok, name)
      const documents = [...output].filter(([path]) => /(^|\/)(feed|atom)\.xml$/.test(path))
      assert.ok(documents.length > 0)
      for (const [path, xml] of documents) assert.deepEqual(findings(xml), [], `${name}/${path}`)
      // No XHTML, no script: the feed view is the stylesheet alone.
      for (const [path, xml] of documents) assert.doesNotMatch(xml, /1999\/xhtml|<script/, `${name}/${path}`)
      // Every archive of a past month says it will not change.
      for (const [path, xml] of documents) {
        if (path.endsWith('feed.xml') && /<atom:link rel="next-archive"/.test(xml)) assert.ok(xml.includes(`<ttl>${pastArchivePolling.ttl}</ttl>`), path)
      }
    })
  }
})

/**
 * The service itself, where a copy runs offline (`check.py` at
 * $FEEDVALIDATOR, /tmp/feedvalidator by default, with a Python that has
 * html5lib): skipped elsewhere, as nothing of it is vendored.
 */
const validatorDir = process.env.FEEDVALIDATOR ?? '/tmp/feedvalidator'
const python = ['python3', '/usr/bin/python3'].find((command) => spawnSync(command, ['-c', 'import html5lib'], { stdio: 'ignore' }).status === 0)
const noValidator = !existsSync(join(validatorDir, 'check.py')) ? `no ${validatorDir}/check.py` : python === undefined ? 'no python3 with html5lib' : false

describe('the W3C Feed Validation Service, run offline', { skip: noValidator }, () => {
  test('reports nothing on the record newsroom but the tombstones’ namespace, and only where one is', async () => {
    const { output } = await fixtureOutput('record', new Date('2026-01-10T00:00:00Z'))
    const dir = mkdtempSync(join(tmpdir(), 'wirefeed-validator-'))
    try {
      const documents = [...output].filter(([path]) => /(^|\/)(feed|atom)\.xml$/.test(path))
      for (const [path, xml] of documents) {
        mkdirSync(dirname(join(dir, path)), { recursive: true })
        writeFileSync(join(dir, path), xml)
      }
      const run = spawnSync(python ?? 'python3', [join(validatorDir, 'check.py'), ...documents.map(([path]) => path)], { cwd: dir, encoding: 'utf8' })
      const events = run.stdout.split('\n').filter((line) => /^\s+(error|warning)/.test(line))
      assert.deepEqual(events.map((line) => line.trim().split(' ').slice(0, 2).join(' ')), ['warning UnknownNamespace', 'warning UnknownNamespace', 'warning UnknownNamespace'], run.stdout + run.stderr)
      const flagged = run.stdout.split('\n').filter((line) => /^\S.*: 1 event/.test(line)).map((line) => line.split(':')[0])
      // The partner profile in Atom announces the retraction as the site's feed does.
      assert.deepEqual(flagged.sort(), ['archive/2025/12/atom.xml', 'atom.xml', 'partners/headlines/atom.xml'])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('reports nothing at all on the bilingual newsroom: its language feeds, their archives, its Atom entries in English (#21)', async () => {
    const { output } = await fixtureOutput('bilingual', new Date('2026-02-06T12:00:00+02:00'))
    const dir = mkdtempSync(join(tmpdir(), 'wirefeed-validator-'))
    try {
      const documents = [...output].filter(([path]) => /(^|\/)(feed|atom)\.xml$/.test(path))
      assert.equal(documents.filter(([path]) => path.startsWith('languages/')).length, 16)
      for (const [path, xml] of documents) {
        mkdirSync(dirname(join(dir, path)), { recursive: true })
        writeFileSync(join(dir, path), xml)
      }
      const run = spawnSync(python ?? 'python3', [join(validatorDir, 'check.py'), ...documents.map(([path]) => path)], { cwd: dir, encoding: 'utf8' })
      assert.deepEqual(run.stdout.split('\n').filter((line) => /^\s+(error|warning)/.test(line)), [], run.stdout + run.stderr)
      assert.equal(run.stdout.split('\n').filter((line) => /: OK \(/.test(line)).length, documents.length, run.stdout)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
