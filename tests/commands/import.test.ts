// Importing real blog archives (samples in tests/fixtures/archives/, see each SOURCE.md) into a fresh site, then building it.
import assert from 'node:assert/strict'
import { access, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { fixtures, readFeed } from '../helpers.ts'
import { wirefeed } from '../run-cli.ts'

const now = '2026-12-01T00:00:00Z'

interface Sample {
  name: string
  /** The old site's address: the new site is published there, so its old URLs can be kept. */
  url: string
  posts: number
  drafts: number
  /** Posts whose old URL is kept: a page at it. */
  kept: number
  /** The old feed's items not in the sample, by id. */
  left: string[]
  /** Posts the old feed did not list, and the ids they get. */
  notInFeed: Record<string, string>
  /** What the import must say it did not take, file and place included. */
  said: RegExp[]
}

const samples: Sample[] = [
  {
    name: 'rust-blog',
    url: 'https://blog.rust-lang.org/',
    posts: 7,
    drafts: 2,
    kept: 7,
    left: ['https://blog.rust-lang.org/2026/03/05/Rust-1.94.0/'],
    notInFeed: {
      'Rust-1.0@0.md': 'https://blog.rust-lang.org/2014/09/15/Rust-1.0/',
      'inside-rust/Welcome.md': 'https://blog.rust-lang.org/inside-rust/2019/09/25/Welcome/',
    },
    said: [
      /posts\/_index\.md:1:1 {2}warning {2}Not imported: a section's list page/,
      /posts\/releases\/latest\.md:1:1 {2}warning {2}Not imported: a page of the site, not a post/,
      /posts:1:1 {2}warning {2}1 file here is not Markdown .* \[import-files-left\]/,
      /posts\/Rust-1\.0@1\.md:10:2 {2}warning {2}`extra` was left out: wirefeed has no such field \(it holds `release`\)/,
      /posts\/Rust-1\.0@1\.md:5:1 {2}warning {2}The old URL releases\/1\.0\.0 is not kept/,
      /posts\/MIR\/index\.md:92:1 {2}warning {2}The excerpt marker was removed/,
      /posts\/1\.94\.1-release\.md:1:1 {2}warning {2}No summary .* \[import-no-summary\]/,
      /old\.xml:27:5 {2}warning {2}In the old feed, not imported: "Announcing Rust 1\.94\.0"/,
    ],
  },
  {
    name: 'jekyll',
    url: 'https://jekyllrb.com/',
    posts: 8,
    drafts: 7,
    // The old feed lists 6 of them; Jekyll's URLs come from its config, which the posts do not say.
    kept: 6,
    left: ['https://jekyllrb.com/news/2025/01/29/jekyll-4-4-1-released'],
    notInFeed: {
      '2013-05-08-jekyll-1-0-1-released.markdown': 'tag:jekyllrb.com,2013-05-09:jekyll-1-0-1-released',
      '2014-06-04-jekyll-stickers-1-dollar-stickermule.markdown': 'tag:jekyllrb.com,2014-06-04:jekyll-stickers-1-dollar-stickermule',
    },
    said: [
      /2023-01-29-jekyll-3-9-3-released\.markdown:3:1 {2}warning {2}`date` cannot be used: .*; the date in the file name, 2023-01-29, was used/,
      /2013-05-08-jekyll-1-0-1-released\.markdown:21:1 {2}warning {2}`\{% assign issue_numbers = .* is a template tag/,
      /2013-05-08-jekyll-1-0-1-released\.markdown:23:17 {2}warning {2}`\{\{ site\.repository \}\}` is a template tag/,
      /2019-08-04-jekyll-4-0-0-pre-beta1-released\.markdown:5:1 {2}warning {2}`version` was left out/,
      /2019-08-04-jekyll-4-0-0-pre-beta1-released\.markdown:7:1 {2}warning {2}The old URL \/news\/2019\/07\/20\/jekyll-4-0-0-pre-beta1-released\/ is not kept/,
      /2018-02-19-meet-jekyll-s-new-lead-developer\.markdown:2:1 {2}warning {2}`layout` was left out/,
    ],
  },
  {
    name: 'k8s-contributor-blog',
    url: 'https://www.kubernetes.dev/',
    posts: 7,
    drafts: 7,
    // One was a draft on the old site: never published, so no old URL.
    kept: 6,
    left: ['https://www.kubernetes.dev/blog/2025/06/16/changes-to-kubernetes-slack-2025/'],
    notInFeed: {},
    said: [
      /posts\/_index\.md:1:1 {2}warning {2}Not imported: a section's list page/,
      /2022-03-15-k8s-triage-bot-helper-ci-job\/K8s-ci-bot-make-update-helper\.md:1:1 {2}warning {2}Not imported: a resource of the page bundle/,
      /2022-03-15-k8s-triage-bot-helper-ci-job\/index\.md:1:1 {2}warning {2}No `author` or `authors`; the site's author \(Desk\) was set/,
      /peeyush-contributor-story\.md:9:1 {2}warning {2}`\{\{% alert color="primary" %\}\}` is a Hugo shortcode/,
      /peeyush-contributor-story\.md:6:1 {2}warning {2}The byline `\[Peeyush Gupta\]\(https:\/\/twitter\.com\/pensu91\)` was read as Peeyush Gupta/,
      // A CRLF file: places are the file's own lines.
      /ai-conformance-spotlight\.md:91:1 {2}warning {2}`\{\{< figure src=.* is a Hugo shortcode/,
      /contributing-to-the-development-guide\/index\.md:3:1 {2}warning {2}`linkTitle` was left out/,
      /sig-architecture-prod-readiness-spotlight\.md:6:1 {2}warning {2}The old URL https:\/\/www\.k8s\.dev\/.* is not kept: the old feed links to https:\/\/www\.kubernetes\.dev\/blog\/2023\/11\/02\//,
      /old\.xml:37:5 {2}warning {2}In the old feed, not imported: "Changes to Kubernetes Slack"/,
    ],
  },
]

/** A fresh site: the newsroom fixture's config at the old site's address, and an empty articles folder. */
async function freshSite(url: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'wirefeed-import-'))
  const newsroom = await readFile(new URL('newsroom/wirefeed.config.yaml', fixtures), 'utf8')
  // Without its icon and logo, whose files are in the newsroom's articles folder, not this one's.
  await writeFile(join(dir, 'wirefeed.config.yaml'), newsroom.replace(/^url: .*$/m, `url: ${url}`).replace(/^(icon|logo):.*\n/gm, ''))
  await mkdir(join(dir, 'articles'))
  return dir
}

/** Every article the import wrote: its path under `articles/`, its text, its front matter. */
async function articlesIn(dir: string) {
  const paths = (await readdir(join(dir, 'articles'), { recursive: true })).filter((path) => path.endsWith('.md')).sort()
  return Promise.all(
    paths.map(async (path) => {
      const text = await readFile(join(dir, 'articles', path), 'utf8')
      return { path, text, data: parse(text.split('---\n')[1] ?? '') as Record<string, unknown> }
    }),
  )
}

for (const sample of samples) {
  test(`imports the ${sample.name} sample into a fresh site with the old feed's ids, and builds it with pages at the old URLs`, async () => {
    const dir = await freshSite(sample.url)
    const fixture = fileURLToPath(new URL(`archives/${sample.name}/`, fixtures))
    const oldFeed = await readFile(join(fixture, 'old.xml'), 'utf8')
    const run = await wirefeed(['import', join(fixture, 'posts'), '--feed', join(fixture, 'old.xml')], dir)
    assert.equal(run.code, 0, run.stderr)

    const lines = run.stdout.trim().split('\n')
    assert.equal(lines.length, sample.posts, run.stdout)
    assert.ok(lines.every((line) => line.startsWith(`imported  ${join(fixture, 'posts')}/`)), run.stdout)
    assert.equal(lines.filter((line) => line.endsWith('  (draft)')).length, sample.drafts, run.stdout)
    for (const pattern of sample.said) assert.match(run.stderr, pattern)
    assert.doesNotMatch(run.stderr, / error /)

    const articles = await articlesIn(dir)
    assert.equal(articles.length, sample.posts)
    assert.ok(articles.every((article) => typeof article.data.id === 'string'), 'every article has an explicit id')
    const ids = new Set(articles.map((article) => article.data.id))
    // The old feed read by an independent parser: every item the sample has keeps its id.
    const old = readFeed(oldFeed).items.map((item) => item.id as string)
    assert.deepEqual(old.filter((id) => !ids.has(id)), sample.left)
    for (const [post, id] of Object.entries(sample.notInFeed)) {
      assert.ok(ids.has(id), `${post} gets ${id}`)
      assert.match(run.stderr, new RegExp(`${post.replace(/[.@]/g, '\\$&')}:1:1 {2}warning {2}Not found in the old feed; given the id \`${id.replace(/[.]/g, '\\.')}\``))
    }

    const build = await wirefeed(['build', '--now', now], dir)
    assert.equal(build.code, 0, build.stderr)
    assert.match(build.stdout, new RegExp(`: ${sample.posts - sample.drafts} published, 0 scheduled, ${sample.drafts} drafts\\.\\n$`))

    // An editor checks the drafts and publishes them all.
    for (const article of articles) await writeFile(join(dir, 'articles', article.path), article.text.replace(/^draft: true\n/m, ''))
    const published = await wirefeed(['build', '--now', now], dir)
    assert.equal(published.code, 0, published.stderr)
    assert.match(published.stdout, new RegExp(`: ${sample.posts} published, 0 scheduled, 0 drafts\\.\\n$`))
    const kept = articles.map((article) => article.data.canonical).filter((url): url is string => typeof url === 'string' && url.startsWith(sample.url))
    assert.equal(kept.length, sample.kept, `old URLs kept: ${kept.join(' ')}`)
    for (const url of kept) {
      const page = join(dir, 'dist', decodeURIComponent(url.slice(sample.url.length)), 'index.html')
      await access(page)
      assert.match(await readFile(page, 'utf8'), new RegExp(`<link rel="canonical" href="${url.replace(/[.]/g, '\\.')}">`))
    }

    const rss = readFeed(await readFile(join(dir, 'dist/feed.xml'), 'utf8'))
    const atom = readFeed(await readFile(join(dir, 'dist/atom.xml'), 'utf8'))
    const json = JSON.parse(await readFile(join(dir, 'dist/feed.json'), 'utf8')) as { items: Array<{ id: string }> }
    const all = [...ids].sort()
    assert.deepEqual(rss.items.map((item) => item.id).sort(), all)
    assert.deepEqual(atom.items.map((item) => item.id).sort(), all)
    assert.deepEqual(json.items.map((item) => item.id).sort(), all)
  })
}
