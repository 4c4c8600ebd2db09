// A site assembled again after an edit (a watcher's rebuild) is the site a whole assembly makes.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { VFile } from 'vfile'
import { analyseSource } from '../src/analyse.ts'
import { assembleSite, SiteAssembler, type Site, type SiteOptions, type SourceResult } from '../src/site.ts'
import { config, source } from './helpers.ts'

const now = new Date('2026-02-01T00:00:00Z')
const settings = config()

/** The sources of a small newsroom: two stories under one headline (a warning on each), one draft, one scheduled. */
const texts = {
  one: [{ title: 'Same headline', date: '2026-01-06' }, 'First.\n'],
  two: [{ title: 'Same headline', date: '2026-01-07' }, 'Second.\n'],
  draft: [{ title: 'Not yet', date: '2026-01-08', draft: true }, 'Draft.\n'],
  later: [{ title: 'Later', date: '2026-03-01' }, 'Later.\n'],
} as const

type Name = keyof typeof texts

/** Each source's result, analysed afresh (new files, new objects), with the texts of `edits` in place of the ones above. */
function results(edits: Partial<Record<Name, readonly [Record<string, unknown>, string]>> = {}, at = now): SourceResult[] {
  return (Object.keys(texts) as Name[]).map((name) => {
    const [fields, body] = edits[name] ?? texts[name]
    const file = source(fields, body, `articles/${name}.md`)
    const { article, body: rendered } = analyseSource(file, settings, at)
    return { file, ...(article && { article }), ...(rendered && { readingTime: rendered.readingTime }) }
  })
}

/** What a site says, its messages in their order. */
function said(site: Site) {
  const { files, published, scheduled, drafts, previewed, ...rest } = site
  const ids = (articles: readonly { id: string }[]) => articles.map((article) => article.id)
  return {
    ...rest,
    published: ids(published),
    scheduled: ids(scheduled),
    drafts: ids(drafts),
    previewed: ids(previewed),
    messages: files.flatMap((file) => file.messages.map((message) => `${file.path}:${message.line}:${message.column} ${message.ruleId}`)),
  }
}

/** The ledger the live site published: the first build's, so that an edited body is a silent change. */
const ledger = assembleSite(results(), settings, { now }).ledger as string
const options = (): SiteOptions => ({ now, ledger: new VFile({ path: 'ledger.json', value: ledger }) })

test('a body edited alone: the site a whole assembly makes, the other articles taken again as they were', () => {
  const assembler = new SiteAssembler()
  const first = results()
  const before = assembler.assemble(first, settings, options())
  const edit = { two: [texts.two[0], 'Second, and a good deal more than before.\n'] } as const
  const edited = results(edit)[1] as SourceResult
  // The others are given again as the same results, as a session gives them.
  const site = assembler.assemble(first.map((result, index) => (index === 1 ? edited : result)), settings, options())
  assert.deepEqual(said(site), said(assembleSite(results(edit), settings, options())))
  // The edited story keeps the duplicate headline its data earns, and gains the silent change its body does.
  const rules = edited.file.messages.map((message) => message.ruleId)
  assert.ok(rules.includes('duplicate-headline') && rules.at(-1) === 'silent-change', rules.join())
  assert.equal(site.shown[0], before.shown[0], 'the unedited story (the newest) is shown as the last assembly made it')
  assert.notEqual(site.shown[1], before.shown[1], 'the edited story is shown anew')
  assert.notEqual(site.ledger, before.ledger)
})

test('an article\'s data edited: assembled whole, and what its old data earned goes from the stories given again', () => {
  const assembler = new SiteAssembler()
  const first = results()
  assembler.assemble(first, settings, options())
  const retitled = results({ one: [{ ...texts.one[0], title: 'Another headline' }, texts.one[1]] })
  const site = assembler.assemble([retitled[0] as SourceResult, ...first.slice(1)], settings, options())
  assert.deepEqual(said(site), said(assembleSite(results({ one: [{ ...texts.one[0], title: 'Another headline' }, texts.one[1]] }), settings, options())))
  assert.ok(!(first[1] as SourceResult).file.messages.some((message) => message.ruleId === 'duplicate-headline'), 'the other story no longer shares a headline')
})

test('a message put on a source after the assembly (a path clash the listing found) makes the next one whole', () => {
  const assembler = new SiteAssembler()
  const first = results()
  assembler.assemble(first, settings, options())
  ;(first[1] as SourceResult).file.message('a clash', { ruleId: 'output-path-clash', source: 'wirefeed' })
  const edited = results({ one: [texts.one[0], 'First, edited.\n'] })
  const site = assembler.assemble([edited[0] as SourceResult, ...first.slice(1)], settings, options())
  assert.deepEqual(said(site), said(assembleSite(results({ one: [texts.one[0], 'First, edited.\n'] }), settings, options())))
})

test('a body edited once "now" has passed a scheduled article\'s time: assembled whole, the article live', () => {
  const assembler = new SiteAssembler()
  const first = results()
  assembler.assemble(first, settings, options())
  const later = new Date('2026-03-02T00:00:00Z')
  const edit = { one: [texts.one[0], 'First, edited.\n'] } as const
  // Rendered now that it is due, as the engine renders an article whose time came.
  const [edited, , , due] = results(edit, later) as [SourceResult, SourceResult, SourceResult, SourceResult]
  const site = assembler.assemble([edited, ...first.slice(1, 3), due], settings, { ...options(), now: later })
  assert.deepEqual(said(site), said(assembleSite(results(edit, later), settings, { ...options(), now: later })))
  assert.ok(site.published.some((article) => article.title === 'Later'))
})
