// Issue #20: an article that says `feed: summary` (an interactive story, one
// for subscribers) never puts its body in any feed, archive, topic feed or
// partner file; only its own page shows it.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { buildSite } from '../src/site.ts'
import { config, contents, source } from './helpers.ts'

const now = new Date('2026-03-01T00:00:00Z')
// `archives: full`, so that every document that can carry a body does.
const settings = config({ archives: 'full' })

/** Two months of a newsroom: a summary-only story among whole ones, sharing its tag and author. */
function newsroom() {
  const story = (slug: string, date: string, body: string, fields: Record<string, unknown> = {}) =>
    source({ title: `Story ${slug}`, date, tags: ['Ukraine'], ...fields }, body, `articles/${slug}.md`)
  return [
    story('whole-january', '2026-01-05', 'Openly told WHOLEMARKER text.\n'),
    story('members-only', '2026-01-20', 'Only subscribers read SECRETMARKER here.\n\n![A chart](/images/chart.png)\n', {
      feed: 'summary',
      summary: 'The standfirst everyone may read.',
    }),
    story('whole-february', '2026-02-10', 'Openly told WHOLEMARKER text.\n'),
  ]
}

test('a summary-only article keeps its body out of every output file but its own page', () => {
  const site = buildSite(newsroom(), settings, { now })
  assert.ok(site.ok, site.files.flatMap((file) => file.messages.map(String)).join('\n'))
  const output = contents(site.output)
  const page = '2026/01/members-only/index.html'
  assert.match(output.get(page) ?? '', /SECRETMARKER/, 'its page shows it whole')
  const leaks = [...output].filter(([path, text]) => path !== page && /SECRETMARKER/.test(text)).map(([path]) => path)
  assert.deepEqual(leaks, [])
  // The scan can see a body: the whole articles' is in the feeds, the archives and their pages.
  const shows = [...output].filter(([, text]) => /WHOLEMARKER/.test(text)).map(([path]) => path)
  for (const path of ['feed.xml', 'atom.xml', 'feed.json', 'archive/2026/01/feed.xml', 'archive/2026/01/atom.xml', 'archive/2026/01/feed.json'])
    assert.ok(shows.includes(path), `${path} carries whole bodies`)
  // Its feed items are there, as teasers: the standfirst and a link.
  for (const path of ['feed.xml', 'atom.xml', 'feed.json', 'archive/2026/01/feed.xml', 'tags/ukraine/feed.xml', 'headlines.json']) {
    assert.match(output.get(path) ?? '', /The standfirst everyone may read\./, path)
    assert.match(output.get(path) ?? '', /2026\/01\/members-only\//, path)
  }
  // Not even the body's image, which would tell what it shows.
  assert.deepEqual([...output].filter(([path, text]) => path !== page && text.includes('chart.png')).map(([path]) => path), [])
})

test('the same article with `feed: full`, the default, is whole in the feeds: the scan above would catch a leak', () => {
  const files = newsroom()
  files[1] = source({ title: 'Story members-only', date: '2026-01-20', tags: ['Ukraine'] }, 'Only subscribers read SECRETMARKER here.\n', 'articles/members-only.md')
  const output = contents(buildSite(files, settings, { now }).output)
  for (const path of ['feed.xml', 'atom.xml', 'feed.json', 'archive/2026/01/feed.json']) assert.match(output.get(path) ?? '', /SECRETMARKER/, path)
})
