import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { correctionsHtml, imageType } from '../../src/feeds/model.ts'
import { config, model, source } from '../helpers.ts'

/** An article published at `date` (ISO with offset), with its slug from `slug`. */
const story = (slug: string, date: string, fields: Record<string, unknown> = {}) =>
  source({ date, ...fields }, 'Body text.\n', `articles/${slug}.md`)

const slugs = (files: ReturnType<typeof story>[], settings = config()) =>
  model(files, settings).items.map((item) => item.id.split(':').pop())

function permutations<T>(list: readonly T[]): T[][] {
  if (list.length <= 1) return [[...list]]
  return list.flatMap((head, index) =>
    permutations([...list.slice(0, index), ...list.slice(index + 1)]).map((rest) => [head, ...rest]),
  )
}

describe('feedModel', () => {
  test('puts items newest first by publication date', () => {
    const files = [
      story('middle', '2026-01-06T12:00:00+00:00'),
      story('oldest', '2026-01-05T12:00:00+00:00'),
      story('newest', '2026-01-06T12:00:01+00:00'),
    ]
    assert.deepEqual(slugs(files), ['newest', 'middle', 'oldest'])
  })

  test('orders items with equal dates by id, whatever order the sources come in', () => {
    const specs = [
      ['c', '2026-01-06T09:00:00+00:00'],
      ['a', '2026-01-06T09:00:00+00:00'],
      ['later', '2026-01-07T09:00:00+00:00'],
      ['b', '2026-01-06T09:00:00+00:00'],
    ] as const
    const orders = permutations(specs).map((order) => slugs(order.map(([slug, date]) => story(slug, date))))
    assert.equal(orders.length, 24)
    for (const order of orders) assert.deepEqual(order, ['later', 'a', 'b', 'c'])
  })

  test('keeps at most config.feedItems items, the newest ones', () => {
    const files = ['01', '02', '03', '04'].map((day) => story(`day-${day}`, `2026-01-${day}T09:00:00+00:00`))
    assert.deepEqual(slugs(files, config({ feedItems: 2 })), ['day-04', 'day-03'])
  })

  test('dates the feed by its newest item, never by the wall clock', (t) => {
    const files = () => [
      story('first', '2026-01-05T08:00:00+00:00'),
      story('second', '2026-01-06T08:00:00+00:00', { updated: '2026-01-06T10:30:00+00:00' }),
    ]
    t.mock.timers.enable({ apis: ['Date'], now: new Date('2030-03-01T00:00:00Z') })
    const early = model(files()).updated
    t.mock.timers.setTime(new Date('2040-07-01T00:00:00Z').getTime())
    const late = model(files()).updated
    assert.equal(early.toISOString(), '2026-01-06T10:30:00.000Z')
    assert.equal(late.toISOString(), early.toISOString())
  })

  test('dates the feed by the newest publication date when nothing was updated', () => {
    const files = [story('first', '2026-01-05T08:00:00+00:00'), story('second', '2026-01-06T08:00:00+00:00')]
    assert.equal(model(files).updated.toISOString(), '2026-01-06T08:00:00.000Z')
  })

  test('dates the feed by the latest update even when an older item has it', () => {
    const files = [
      story('newest', '2026-01-06T08:00:00+00:00'),
      story('older', '2026-01-05T08:00:00+00:00', { updated: '2026-01-09T08:00:00+00:00' }),
    ]
    assert.equal(model(files).updated.toISOString(), '2026-01-09T08:00:00.000Z')
  })

  test('gives an item its publication date as update time when it was never updated', () => {
    const [item] = model([story('once', '2026-01-05T08:00:00+00:00')]).items
    assert.equal(item?.updated.getTime(), item?.published.getTime())
  })

  test('removes XML-illegal characters from every text field', () => {
    const dirty = (text: string) => `${text}\u0001\u001F\uFFFF`
    const m = model(
      [
        story('dirty', '2026-01-06T08:00:00+00:00', {
          title: dirty('Title'),
          summary: dirty('Summary'),
          author: [dirty('Ann')],
          tags: [dirty('tag')],
          image: { src: '/images/a.jpg', alt: dirty('Alt') },
        }),
      ],
      config({ title: dirty('Site'), description: dirty('About'), copyright: dirty('Copyright') }),
    )
    const item = m.items[0]
    assert.deepEqual(
      [m.title, m.description, m.copyright, item?.title, item?.summary, item?.authors, item?.tags, item?.image?.alt],
      ['Site', 'About', 'Copyright', 'Title', 'Summary', ['Ann'], ['tag'], 'Alt'],
    )
  })

  test('keeps the title plain text, and escapes < and & in summaryHtml, so HTML readers of the RSS description show the plain standfirst', () => {
    const [item] = model([story('html', '2026-01-06T08:00:00+00:00', { title: 'A < B & C', summary: 'D < E & F' })]).items
    assert.equal(item?.title, 'A < B & C')
    assert.equal(item?.summaryHtml, 'D &lt; E &amp; F')
  })
})

describe('corrections', () => {
  test('end the content as dated notes in the site\'s time zone, the note escaped as text', () => {
    const at = new Date('2026-01-06T22:30:00Z')
    const html = correctionsHtml([{ at, kind: 'correction', note: 'It said <script>x()</script> & more.' }], config({ timeZone: 'Europe/Kyiv' }))
    assert.equal(html, '\n<p><strong>Correction, January 7, 2026:</strong> It said &lt;script>x()&lt;/script> &amp; more.</p>')
    assert.equal(correctionsHtml([], config()), '')
  })

  test('speak the site\'s language, as its pages do', () => {
    const at = new Date('2026-01-06T22:30:00Z')
    const html = correctionsHtml([{ at, kind: 'clarification', note: 'Уточнено назву.' }], config({ language: 'uk', timeZone: 'Europe/Kyiv' }))
    assert.equal(html, '\n<p><strong>Уточнення від 7 січня 2026 р.:</strong> Уточнено назву.</p>')
  })

  test('move the item\'s update time and ride along as data; the body comes first', () => {
    const corrections = [{ at: '2026-01-07T10:00:00Z', kind: 'update', note: 'New figures.' }]
    const [item] = model([source({ date: '2026-01-06T08:00:00Z', corrections }, 'Body.\n')]).items
    assert.equal(item?.updated.toISOString(), '2026-01-07T10:00:00.000Z')
    assert.deepEqual(item?.corrections, [{ at: new Date('2026-01-07T10:00:00Z'), kind: 'update', note: 'New figures.' }])
    assert.match(item?.contentHtml ?? '', /^<p>Body\.<\/p>\n<p><strong>Update, January 7, 2026:<\/strong> New figures\.<\/p>$/)
  })
})

describe('imageType', () => {
  test('maps .jpg and .JPG to image/jpeg', () => {
    assert.equal(imageType('https://news.example.org/images/a.jpg'), 'image/jpeg')
    assert.equal(imageType('https://news.example.org/images/a.JPG'), 'image/jpeg')
  })

  test('reads the extension from the path, not the query', () => {
    assert.equal(imageType('https://news.example.org/images/a.png?v=2.jpg'), 'image/png')
  })

  test('falls back to application/octet-stream for an unknown extension', () => {
    assert.equal(imageType('https://news.example.org/images/a.tiff'), 'application/octet-stream')
  })
})
