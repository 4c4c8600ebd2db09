import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { Script } from 'node:vm'
import { gzipSync } from 'node:zlib'
import { embedFile, embedScript } from '../../src/widget/embed-script.ts'
import { framePage, framePageFile } from '../../src/widget/frame-page.ts'
import { headlinesFile, headlinesJson, type Headlines } from '../../src/widget/headlines.ts'
import { widgetFiles } from '../../src/widget/widget-files.ts'
import { config, model, source } from '../helpers.ts'
import { all, one, parseHtml, text } from '../pages/html.ts'

const settings = config({ title: 'Desk "&" <Co>' })
const m = model(
  [
    source({ title: '<img src=x onerror=alert(1)> & more', tags: ['Ukraine', 'R&D'], date: '2026-01-06T10:00:00+02:00', image: { src: '/a.jpg', alt: 'An image' } }, 'Body.\n', 'articles/a.md'),
    source({ title: 'Older', summary: 'Before.', date: '2026-01-05' }, 'Body.\n', 'articles/b.md'),
  ],
  settings,
)

describe('headlines.json', () => {
  const data = JSON.parse(headlinesJson(m, settings)) as Headlines

  test('holds the feed items newest first, with title, URL, date, summary, image, tags and language', () => {
    assert.equal(data.version, 1)
    assert.equal(data.title, 'Desk "&" <Co>')
    assert.equal(data.home, 'https://news.example.org/')
    assert.deepEqual(data.items, [
      {
        id: 'tag:news.example.org,2026-01-06:a',
        title: '<img src=x onerror=alert(1)> & more',
        url: 'https://news.example.org/2026/01/a/',
        date: '2026-01-06T08:00:00.000Z',
        summary: 'What happened.',
        image: { url: 'https://news.example.org/a.jpg', alt: 'An image' },
        tags: ['Ukraine', 'R&D'],
        language: 'en',
      },
      {
        id: 'tag:news.example.org,2026-01-05:b',
        title: 'Older',
        url: 'https://news.example.org/2026/01/b/',
        date: '2026-01-04T22:00:00.000Z',
        summary: 'Before.',
        tags: [],
        language: 'en',
      },
    ])
  })

  test('is compact: one line', () => {
    assert.equal(headlinesJson(m, settings).split('\n').length, 2)
  })
})

describe('embed.js', () => {
  const script = embedScript(settings)

  test('is under 5 KB gzipped', () => {
    assert.ok(gzipSync(script).length < 5 * 1024, `${gzipSync(script).length} bytes`)
  })

  test('compiles, whatever the site is called', () => {
    for (const title of ['plain', '</script><script>alert(1)//', "'; alert(1); '", 'a\u2028b $& $1 NAME STYLE']) {
      const source = embedScript(config({ title }))
      assert.doesNotThrow(() => new Script(source, { filename: embedFile }), title)
      assert.ok(source.includes(`say(ours.strings.headlinesFrom, ${JSON.stringify(title).replace('\u2028', '\\u2028')})`), title)
    }
  })

  test('never builds markup from data: text nodes and attributes only', () => {
    assert.doesNotMatch(script, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function|setHTML/)
    assert.match(script, /createTextNode/)
  })

  test('does nothing when it cannot tell where it was loaded from', () => {
    // No document.currentScript (a module, or code run later): it must return quietly, not throw.
    const globals = { document: { currentScript: null } }
    assert.doesNotThrow(() => new Script(script).runInNewContext(globals))
  })

  test('has every placeholder filled in', () => {
    assert.doesNotMatch(script, /\b(NAME|SITE|STYLE|DATA|DEFAULT_COUNT|MAX_COUNT)\b/)
  })
})

describe('the frame page', () => {
  const html = framePage(m, settings)
  const page = parseHtml(html)

  test('holds every headline with its tags, as text, linking out of the frame', () => {
    const items = all(one(page, 'ul'), 'li')
    assert.deepEqual(
      items.map((li) => [text(one(li, 'a')), one(li, 'a').properties.href, li.properties.dataTags]),
      [
        ['<img src=x onerror=alert(1)> & more', 'https://news.example.org/2026/01/a/', '["ukraine","r&d"]'],
        ['Older', 'https://news.example.org/2026/01/b/', '[]'],
      ],
    )
    assert.equal(all(page, 'img').length, 0)
    assert.equal(one(page, 'base').properties.target, '_top')
    assert.equal(text(one(page, 'title')), 'Latest from Desk "&" <Co>')
  })

  test('has one script, a constant that compiles', () => {
    const scripts = all(page, 'script')
    assert.equal(scripts.length, 1)
    assert.doesNotThrow(() => new Script(text(scripts[0] ?? page)))
    assert.equal(framePage(model([], settings), settings).match(/<script>[\s\S]*?<\/script>/)?.[0], html.match(/<script>[\s\S]*?<\/script>/)?.[0])
  })
})

test('the widget files are the data, the script and the frame page', () => {
  assert.deepEqual(widgetFiles(m, settings).map((file) => file.path), [headlinesFile, embedFile, framePageFile])
})

describe('the widget in the site’s language', () => {
  const ukrainian = config({ title: 'Київський вісник', language: 'uk', timeZone: 'Europe/Kyiv' })
  const late = model([source({ title: 'Пізня новина', date: '2026-01-09T00:30:00+02:00' }, 'Текст.\n', 'articles/late.md')], ukrainian)

  test('embed.js carries the strings, the language and the zone, and marks the list with the language', () => {
    const script = embedScript(ukrainian)
    const data = JSON.parse(/var ours = (\{.*\});\n/.exec(script)?.[1] ?? 'null')
    assert.deepEqual(data, {
      lang: 'uk',
      zones: ['Europe/Kyiv', 'Europe/Kiev'],
      strings: { headlinesFrom: 'Новини на сайті «{site}»', latestFrom: 'Останні новини: {site}', moreFrom: 'Більше новин на сайті «{site}»' },
    })
    assert.match(script, /el\('div', \{ class: 'box', lang: ours\.lang \}/)
    assert.match(script, /timeZone: zone/)
    assert.doesNotMatch(script, /Headlines from|Latest from|More from|toLocaleDateString|documentElement\.lang/)
  })

  test('a headline in another language than the site’s is marked with its own, in the data, the frame and the script', () => {
    const both = model(
      [
        source({ title: 'Пізня новина', date: '2026-01-09T00:30:00+02:00' }, 'Текст.\n', 'articles/late.md'),
        source({ title: 'Late news', language: 'en', date: '2026-01-09T00:40:00+02:00' }, 'Text.\n', 'articles/late-en.md'),
      ],
      ukrainian,
    )
    const data = JSON.parse(headlinesJson(both, ukrainian)) as Headlines
    assert.deepEqual(data.items.map((item) => [item.title, item.language]), [['Late news', 'en'], ['Пізня новина', 'uk']])
    const links = all(one(parseHtml(framePage(both, ukrainian)), 'ul'), 'a')
    assert.deepEqual(links.map((link) => [text(link), link.properties.lang]), [['Late news', 'en'], ['Пізня новина', undefined]])
    // The script gives an item's link its language when the data names another than the site's (a tag, nothing else).
    assert.match(embedScript(ukrainian), /item\.language !== ours\.lang;\n\s*var parts = \[el\('a', own \? \{ href: web\(item\.url\), lang: item\.language \}/)
  })

  test('the frame page is in Ukrainian, its dates in Kyiv', () => {
    const frame = parseHtml(framePage(late, ukrainian))
    assert.equal(one(frame, 'html').properties.lang, 'uk')
    assert.equal(text(one(frame, 'title')), 'Останні новини: Київський вісник')
    assert.equal(text(one(frame, 'time')), '9 січня 2026 р.')
    assert.equal(text(one(frame, 'p')), 'Більше новин на сайті «Київський вісник»')
    assert.match(text(one(parseHtml(framePage(model([], ukrainian), ukrainian)), 'main')), /Тут ще нічого не опубліковано\./)
  })
})
