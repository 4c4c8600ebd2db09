// A seeded generator of realistic articles in our format, for the benchmark:
// 300–1,500 words, sub-headings, links, images, lists, quotes, some Cyrillic copy,
// and in some, a table or the desk's email address. The `real` shape makes one
// article in seven a release note as project blogs write them: 50–150 KB of
// lists of changes with inline code, links and handles, and a bare URL.
import { copyFile, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { stringify } from 'yaml'

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function random(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const latin =
  'the allies draft statement summit security guarantees binding commitments ministers said talks capital reporters government border energy prices agreement parliament vote council officials budget support defence week on in of and to for with after before while as a new'.split(' ')
const cyrillic = 'київ уряд заява саміт гарантії безпеки міністри переговори кордон енергетика угода парламент голосування рада підтримка оборона тиждень'.split(' ')
const tags = ['Ukraine', 'Europe', 'Energy', 'Defence', 'Economy', 'Politics', 'Україна', 'Climate', 'Markets', 'World']
const authors = ['Ann Writer', 'Bo Reporter', 'Clé Auteur', 'Олена Коваленко', 'Dan Editor', 'Eve Analyst']

export type Shape = 'news' | 'real'

/** One article source (front matter and Markdown body) for index `n`. */
export function article(n: number, seed = 1, shape: Shape = 'news') {
  const next = random(seed * 1_000_003 + n)
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T
  const words = (count: number, vocabulary = latin) => Array.from({ length: count }, () => pick(vocabulary)).join(' ')
  const sentence = () => {
    const text = words(8 + Math.floor(next() * 14), next() < 0.1 ? cyrillic : latin)
    return text[0]?.toUpperCase() + text.slice(1) + '.'
  }
  const paragraph = () => Array.from({ length: 3 + Math.floor(next() * 4) }, sentence).join(' ')
  const target = 300 + Math.floor(next() * 1200)
  const blocks: string[] = []
  let count = 0
  while (count < target) {
    const roll = next()
    let block: string
    if (roll < 0.08) block = `## ${sentence().slice(0, -1)}`
    else if (roll < 0.13) block = Array.from({ length: 3 }, () => `- ${words(6)}`).join('\n')
    else if (roll < 0.16) block = `> ${sentence()}`
    else if (roll < 0.19) block = `![${words(4)}](/images/${n % 97}.jpg)`
    else block = `${paragraph()} See [the report](https://example.org/reports/${n}) and [earlier coverage](../${n % 13}/).`
    blocks.push(block)
    count += block.split(/\s+/).length
  }
  if (shape === 'real' && next() < 1 / 7) blocks.push(...releaseNotes(next, n))
  if (next() < 0.05) blocks.splice(1, 0, ['| Region | Votes | Share |', '|---|--:|--:|', ...Array.from({ length: 4 }, (_, row) => `| ${pick(tags)} | ${row * 1234 + n % 1000} | ${(next() * 100).toFixed(1)}% |`)].join('\n'))
  if (next() < 0.1) blocks.push(`Write to the desk at desk@example.org with ${words(4)}.`)
  // Spread over ten years, a few minutes apart, so months hold a few hundred articles at 50,000.
  const date = new Date(Date.UTC(2016, 0, 1) + n * 6_311_000).toISOString().replace(/\.\d+Z$/, 'Z')
  const data = {
    title: sentence().slice(0, 90),
    summary: sentence(),
    author: next() < 0.2 ? [pick(authors), pick(authors)].filter((a, i, all) => all.indexOf(a) === i) : pick(authors),
    date,
    tags: [pick(tags), pick(tags)].filter((t, i, all) => all.indexOf(t) === i),
    ...(next() < 0.7 && { image: { src: `/images/${n % 97}.jpg`, alt: words(5) } }),
  }
  return { path: `${date.slice(0, 4)}/article-${n}.md`, text: `---\n${stringify(data)}---\n\n${blocks.join('\n\n')}\n` }
}

const areas = ['Parser', 'Renderer', 'CLI', 'Docs', 'Build', 'Tests', 'Performance', 'Security']
const verbs = ['Fix', 'Add', 'Remove', 'Refactor', 'Document', 'Speed up', 'Deprecate', 'Handle']
const identifiers = ['parseSource', 'renderBody', 'feedModel', 'toAtom', 'config.timeZone', 'wirefeed build', '--threads', 'index.json']
const users = ['ann', 'bo-reporter', 'cle', 'dan_e', 'eve42', 'octocat']

/** The blocks of a release note: highlights, then 50–150 KB of changes, each with code, a link and a handle. */
function releaseNotes(next: () => number, n: number): string[] {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T
  const target = 50_000 + Math.floor(next() * 100_000)
  const blocks = ['## Highlights', 'This release makes builds faster and feeds stricter.', '## What’s changed']
  let lines: string[] = []
  let size = 0
  while (size < target) {
    if (next() < 0.04) {
      blocks.push(lines.join('\n'), `### ${pick(areas)}`)
      lines = []
    }
    const number = 1000 + Math.floor(next() * 9000)
    const line = `- ${pick(verbs)} \`${pick(identifiers)}\` ${latin.slice(0, 3 + Math.floor(next() * 6)).join(' ')} in [#${number}](https://github.com/example/project/pull/${number}) by @${pick(users)}`
    lines.push(line)
    size += line.length + 1
  }
  blocks.push(lines.join('\n'), `**Full changelog**: https://github.com/example/project/compare/v${n}.0...v${n}.1`)
  return blocks
}

/** The photo every generated image is a copy of: a lead image must exist, and be one (src/lint.ts). */
const photo = fileURLToPath(new URL('../fixtures/newsroom/articles/images/summit.jpg', import.meta.url))

/** Write `count` articles of `shape` under `dir`, and the images they name. */
export async function generate(dir: string, count: number, shape: Shape = 'news', seed = 1) {
  await mkdir(join(dir, 'images'), { recursive: true })
  for (let n = 0; n < Math.min(count, 97); n++) await copyFile(photo, join(dir, 'images', `${n}.jpg`))
  const folders = new Set<string>()
  for (let n = 0; n < count; n++) {
    const { path, text } = article(n, seed, shape)
    const target = join(dir, path)
    const folder = target.slice(0, target.lastIndexOf('/'))
    if (!folders.has(folder)) {
      await mkdir(folder, { recursive: true })
      folders.add(folder)
    }
    await writeFile(target, text)
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, count, shape = 'news'] = process.argv.slice(2)
  if (!dir || !count || (shape !== 'news' && shape !== 'real')) throw new Error('usage: generate.ts <dir> <count> [news|real]')
  await generate(dir, Number(count), shape)
}
