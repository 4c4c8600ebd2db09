import assert from 'node:assert/strict'
import { test } from 'node:test'
import { VFile } from 'vfile'
import { parse } from 'yaml'
import { analyseSource } from '../../src/analyse.ts'
import { bylineNames } from '../../src/create/front-matter-keys.ts'
import { postArticle, readPost, type FromOldFeed } from '../../src/create/import-markdown.ts'
import { postsIn } from '../../src/create/post-files.ts'
import { limits } from '../../src/lint.ts'
import { config } from '../helpers.ts'

const settings = config({ url: 'https://blog.example.org/', timeZone: 'UTC', author: 'Desk' })
const noFeed: FromOldFeed | undefined = undefined

/** A post read from `text`, as `path`; its messages as `[rule, line, column]`. */
function read(text: string, path = 'old/2026-01-06-a-post.md', options: { walked?: boolean } = {}) {
  const file = new VFile({ path, value: text })
  const post = readPost(file, settings, options)
  const messages = () => file.messages.map((message) => [message.ruleId, message.line, message.column])
  return { file, post, messages }
}

/** The article a post becomes, its front matter as data, and proof that it validates. */
function written(post: NonNullable<ReturnType<typeof readPost>>, old = noFeed) {
  const article = postArticle(post, settings, old)
  const front = parse(article.text.split('---\n')[1] ?? '') as Record<string, unknown>
  const { article: valid } = analyseSource(new VFile({ path: `articles/${article.path}`, value: article.text }), settings, new Date('2030-01-01'))
  assert.ok(valid, `the written article validates: ${article.text}`)
  return { path: article.path, front, text: article.text }
}

test('maps Jekyll front matter: headline, date as written, author, categories and tags merged, slug without the date', () => {
  const { post, messages } = read(
    '---\ntitle: "Jekyll 1.0.0 Released"\ndate: "2013-05-06 02:12:52 +0200"\nauthor: parkr\ncategory: release\ntags: news Release\ndescription: Big day.\n---\n\nBody.\n',
    '_posts/2013-05-06-Jekyll-1.0.0-released.markdown',
  )
  assert.deepEqual(messages(), [])
  assert.ok(post)
  const { path, front } = written(post)
  assert.equal(path, '2013/jekyll-1.0.0-released.md')
  assert.deepEqual(front, {
    title: 'Jekyll 1.0.0 Released',
    summary: 'Big day.',
    author: 'parkr',
    date: '2013-05-06 02:12:52 +0200',
    tags: ['release', 'news'],
    id: 'tag:blog.example.org,2013-05-06:jekyll-1.0.0-released',
  })
})

test('takes the date from a Jekyll file name when the front matter has none, or one in no form it reads, saying so', () => {
  const none = read('---\ntitle: A\ndescription: B\n---\nBody.\n', '2016-03-10-a.md')
  assert.equal(none.post?.data.date, '2016-03-10')
  const odd = read('---\ntitle: A\ndate: 2023-01-29 18:30:22 2023 -0800\ndescription: B\nauthor: Ann\n---\nBody.\n', '2023-01-29-a.markdown')
  assert.equal(odd.post?.data.date, '2023-01-29')
  assert.deepEqual(odd.messages(), [['import-value-unusable', 3, 1]])
  assert.match(odd.file.messages[0]?.reason ?? '', /the date in the file name, 2023-01-29, was used$/)
  const neither = read('---\ntitle: A\n---\nBody.\n', 'old/a.md')
  assert.equal(neither.post, undefined)
  assert.deepEqual(neither.file.messages.filter((message) => message.fatal).map((message) => [message.ruleId, message.reason]), [
    ['missing-field', 'Required field `date` is missing'],
  ])
})

test('reads TOML front matter (Zola): the path gives the date and the old URL, aliases and unknown tables are reported at their keys', () => {
  const { post, messages, file } = read(
    '+++\npath = "2015/05/15/Rust-1.0"\ntitle = "Announcing Rust 1.0"\nauthors = ["The Rust Core Team"]\ndescription = "It is out."\naliases = ["2015/05/15/Rust-1.0.html", "releases/1.0.0"]\n\n[extra]\nrelease = true\n+++\n\nBody.\n',
    'content/Rust-1.0@1.md',
  )
  assert.ok(post)
  assert.deepEqual(messages(), [
    ['import-url-not-kept', 6, 1],
    ['import-url-not-kept', 6, 1],
    ['import-unmapped-key', 8, 2],
  ])
  assert.match(file.messages[2]?.reason ?? '', /^`extra` was left out: wirefeed has no such field \(it holds `release`\)$/)
  const { path, front } = written(post)
  assert.equal(path, '2015/rust-1.0-1.md')
  assert.equal(front.date, '2015-05-15')
  assert.equal(front.canonical, 'https://blog.example.org/2015/05/15/Rust-1.0/')
})

test('reads Hugo keys in any case, `draft: yes`, and CRLF files with body places true to the file', () => {
  const { post, messages } = read(
    '---\r\nTitle: "Spotlight"\r\nDescription: In short.\r\nAuthor: Erik\r\ndate: 2026-07-09\r\ndraft: yes\r\n---\r\n\r\nText.\r\n\r\n{{< figure src="/a.svg" >}}\r\n',
    'content/blog/2026/spotlight/index.md',
  )
  assert.ok(post)
  assert.deepEqual(messages(), [['import-shortcode', 11, 1]])
  assert.equal(post.slug, 'spotlight')
  assert.equal(post.wasPublished, false)
  const { front, text } = written(post)
  assert.equal(front.draft, true)
  assert.equal(front.author, 'Erik')
  assert.doesNotMatch(text, /\r/)
})

test('reads bylines: links reduced to their text, names split at commas and "and" but not inside parentheses', () => {
  assert.deepEqual(bylineNames('[Keith Mattix](https://github.com/keithmattix),\n  [Flynn](https://github.com/kflynn)'), ['Keith Mattix', 'Flynn'])
  assert.deepEqual(bylineNames('Paco Xu and Michael Yao (DaoCloud)'), ['Paco Xu', 'Michael Yao (DaoCloud)'])
  assert.deepEqual(bylineNames('Jason (Jay) Smith (Google Cloud, US)'), ['Jason (Jay) Smith (Google Cloud, US)'])
  const { post, messages } = read('---\ntitle: A\ndate: 2026-01-06\ndescription: B\nauthor: "[Ann](https://x.example/) and Bo"\n---\nBody.\n')
  assert.deepEqual(post?.data.author, ['Ann', 'Bo'])
  assert.deepEqual(messages(), [['import-byline-read', 5, 1]])
  const objects = read('---\ntitle: A\ndate: 2026-01-06\ndescription: B\nauthors:\n  - name: Ann\n  - name: Bo\n---\nBody.\n')
  assert.deepEqual(objects.post?.data.author, ['Ann', 'Bo'])
  const nobody = read('---\ntitle: A\ndate: 2026-01-06\ndescription: B\n---\nBody.\n')
  assert.equal(nobody.post?.data.author, 'Desk')
  assert.deepEqual(nobody.messages(), [['import-default-author', 1, 1]])
})

test('takes the first summary key and reports the others; without one, imports a draft with the first paragraph', () => {
  const both = read('---\ntitle: A\ndate: 2026-01-06\nauthor: Ann\nexcerpt: From excerpt.\nsummary: From summary.\n---\nBody.\n')
  assert.equal(both.post?.data.summary, 'From excerpt.')
  assert.deepEqual(both.messages(), [['import-unmapped-key', 6, 1]])
  assert.match(both.file.messages[0]?.reason ?? '', /`summary` comes from `excerpt`/)
  const none = read(`---\ntitle: A\ndate: 2026-01-06\nauthor: Ann\n---\n\n## Heading\n\nFirst *paragraph* <b>here</b>, ${'long '.repeat(80)}\n\nSecond.\n`)
  assert.equal(none.post?.data.draft, true)
  assert.match(none.post?.data.summary ?? '', /^First paragraph here, long long .*…$/)
  assert.ok((none.post?.data.summary.length ?? 0) <= limits.summary)
  assert.deepEqual(none.messages(), [['import-no-summary', 1, 1]])
})

test('removes the excerpt marker, taking the text before it as the summary when there is none', () => {
  const { post, messages, file } = read('---\ntitle: A\ndate: 2026-01-06\nauthor: Ann\n---\n\nThe teaser, in *two* lines\nof text.\n\n<!-- more -->\n\nThe rest.\n')
  assert.equal(post?.data.summary, 'The teaser, in two lines of text.')
  assert.equal(post?.data.draft, undefined)
  assert.equal(post?.body, 'The teaser, in *two* lines\nof text.\n\n\nThe rest.\n')
  assert.deepEqual(messages(), [['import-more-marker', 10, 1]])
  assert.match(file.messages[0]?.reason ?? '', /the text before it became the summary/)
})

test('reports template tags, shortcodes and MDX at their places and makes the post a draft, but not inside code', () => {
  const liquid = read('---\ntitle: A\ndate: 2026-01-06\nauthor: Ann\ndescription: B\n---\n\nSee {% link _docs/history.md %} and {{ site.repository }}.\n\n```liquid\n{% raw %}{{ page.title }}{% endraw %}\n```\n\nAnd `{{ x }}`.\n')
  assert.deepEqual(liquid.messages(), [['import-template-tag', 8, 5], ['import-template-tag', 8, 37]])
  assert.equal(liquid.post?.data.draft, true)
  const hugo = read('---\ntitle: A\ndate: 2026-01-06\nauthor: Ann\ndescription: B\n---\n{{% alert %}}\nNote {{< ref "/x" >}}\n{{% /alert %}}\n')
  assert.deepEqual(hugo.messages().map(([rule, line]) => [rule, line]), [['import-shortcode', 7], ['import-shortcode', 8], ['import-shortcode', 9]])
  const mdx = read('---\ntitle: A\ndate: 2026-01-06\nauthor: Ann\ndescription: B\n---\nimport Avatar from "@/components/Avatar.astro";\n\n<Avatar name="x" />\n\n<div style={{ minWidth: "200px" }}>x</div>\n', 'blog/v2.mdx')
  assert.deepEqual(mdx.messages(), [['import-mdx', 7, 1], ['import-mdx', 9, 1]])
  assert.equal(mdx.post?.data.draft, true)
  assert.equal(mdx.post?.slug, 'v2')
})

test('keeps `updated` only when it is after the date', () => {
  const later = read('---\ntitle: A\ndate: 2026-01-06\nauthor: Ann\ndescription: B\nlastmod: 2026-02-01T10:00:00+01:00\n---\nBody.\n')
  assert.equal(later.post?.data.updated, '2026-02-01T10:00:00+01:00')
  const earlier = read('---\ntitle: A\ndate: 2026-01-06\nauthor: Ann\ndescription: B\nlast_modified_at: 2026-01-06\n---\nBody.\n')
  assert.equal(earlier.post?.data.updated, undefined)
  assert.deepEqual(earlier.messages(), [['import-unmapped-key', 6, 1]])
})

test('keeps a lead image with alt text at a web path; reports one without alt, or at a path only the old build resolved', () => {
  const kept = read('---\ntitle: A\ndate: 2026-01-06\nauthor: Ann\ndescription: B\nimage:\n  path: /img/a.png\n  alt: A sticker\n---\nBody.\n')
  assert.deepEqual(kept.post?.data.image, { src: '/img/a.png', alt: 'A sticker' })
  const noAlt = read('---\ntitle: A\ndate: 2026-01-06\nauthor: Ann\ndescription: B\nimages: [/img/a.png]\n---\nBody.\n')
  assert.equal(noAlt.post?.data.image, undefined)
  assert.deepEqual(noAlt.messages(), [['import-image-not-kept', 6, 1]])
  const alias = read('---\ntitle: A\ndate: 2026-01-06\nauthor: Ann\ndescription: B\ncover:\n  light: "@/assets/banner.png"\n  alt: Banner\n---\nBody.\n')
  assert.match(alias.file.messages[0]?.reason ?? '', /`@\/assets\/banner\.png` is a path the old site's build resolved/)
})

test('keeps the old URL as `canonical` only where this site can serve it', () => {
  const post = (url: string) => read(`---\ntitle: A\ndate: 2026-01-06\nauthor: Ann\ndescription: B\npermalink: ${url}\n---\nBody.\n`, 'a.md')
  const inside = post('/blog/a/')
  assert.equal(written(inside.post as NonNullable<typeof inside.post>).front.canonical, 'https://blog.example.org/blog/a/')
  const own = post('/2026/01/a/')
  assert.equal(written(own.post as NonNullable<typeof own.post>).front.canonical, undefined, "wirefeed's own URL needs no canonical")
  for (const [url, why] of [
    ['https://old.example.com/a/', /not under the site's address/],
    ['/blog/a', /folder URLs/],
  ] as const) {
    const { post: other, file } = post(url)
    assert.equal(written(other as NonNullable<typeof other>).front.canonical, undefined)
    assert.match(file.messages.at(-1)?.reason ?? '', why)
    assert.equal(file.messages.at(-1)?.line, 6)
  }
  const pattern = post('/:year/:title/')
  assert.match(pattern.file.messages[0]?.reason ?? '', /a pattern for URLs/)
})

test("keeps the old feed's id and link, or gives a post it lacks the id its rule gives, or a new one", () => {
  const { post } = read('---\ntitle: A\ndate: 2026-01-06\nauthor: Ann\ndescription: B\n---\nBody.\n', 'a.md')
  assert.ok(post)
  const item = { id: 'https://blog.example.org/news/2026/01/06/a', link: 'https://blog.example.org/news/2026/01/06/a/' }
  const kept = written(post, { item, rule: undefined })
  assert.equal(kept.front.id, item.id)
  assert.equal(kept.front.canonical, item.link)
  const rule = { id: (url: string) => url, how: "the old feed's ids are its links" }
  const lacking = read('---\ntitle: A\ndate: 2026-01-06\nauthor: Ann\ndescription: B\nurl: /a/\n---\nBody.\n', 'a.md')
  assert.equal(written(lacking.post as NonNullable<typeof lacking.post>, { item: undefined, rule }).front.id, 'https://blog.example.org/a/')
  assert.deepEqual(lacking.file.messages.map((message) => message.ruleId), ['import-not-in-feed'])
  const fresh = read('---\ntitle: A\ndate: 2026-01-06\nauthor: Ann\ndescription: B\n---\nBody.\n', 'a.md')
  assert.equal(written(fresh.post as NonNullable<typeof fresh.post>, { item: undefined, rule }).front.id, 'tag:blog.example.org,2026-01-06:a')
  const unusable = read('---\ntitle: A\ndate: 2026-01-06\nauthor: Ann\ndescription: B\n---\nBody.\n', 'a.md')
  assert.equal(written(unusable.post as NonNullable<typeof unusable.post>, { item: { id: '1234' }, rule }).front.id, 'tag:blog.example.org,2026-01-06:a')
  assert.deepEqual(unusable.file.messages.map((message) => message.ruleId), ['import-feed-id-unusable'])
})

test('reports every key it does not map, with its place, and refuses syntax errors at theirs', () => {
  const { messages, file } = read('---\ntitle: A\ndate: 2026-01-06\nauthor: Ann\ndescription: B\nlayout: post\n  # comment\nversion: 1.0.0\n---\nBody.\n')
  assert.deepEqual(messages(), [['import-unmapped-key', 6, 1], ['import-unmapped-key', 8, 1]])
  assert.match(file.messages[0]?.reason ?? '', /^`layout` was left out/)
  const yaml = read('---\ntitle: [A\n---\nBody.\n')
  assert.equal(yaml.post, undefined)
  assert.equal(yaml.messages()[0]?.[0], 'yaml-syntax')
  const toml = read('+++\ntitle = "A"\ndate = \n+++\nBody.\n')
  assert.deepEqual(toml.messages()[0]?.slice(0, 2), ['toml-syntax', 3])
})

test('skips, in a folder, a page with neither headline nor date', () => {
  const { post, messages } = read('+++\ntemplate = "latest.html"\n+++\n', 'content/releases/latest.md', { walked: true })
  assert.equal(post, undefined)
  assert.deepEqual(messages(), [['import-skipped', undefined, undefined]])
})

test('tells posts from list pages, partials and page-bundle resources in a folder', () => {
  const listing = postsIn([
    '_index.md',
    'index.md',
    '2016-03-10-a.markdown',
    'MIR/index.md',
    'MIR/cfg.svg',
    'bundle/index.md',
    'bundle/Other.md',
    'inside-rust/_index.md',
    'inside-rust/Welcome.md',
    '_partial.md',
    '.git/x.md',
    'node_modules/y/README.md',
    'blog/v2.mdx',
  ])
  assert.deepEqual(listing.posts, ['2016-03-10-a.markdown', 'MIR/index.md', 'blog/v2.mdx', 'bundle/index.md', 'inside-rust/Welcome.md'])
  assert.deepEqual(listing.skipped.map((skip) => skip.path), ['_index.md', '_partial.md', 'bundle/Other.md', 'index.md', 'inside-rust/_index.md'])
  assert.equal(listing.others, 1)
})
