import { basename } from 'node:path'
import { stringify } from 'yaml'
import type { Config } from '../config.ts'
import { newArticle } from '../create/new-article.ts'
import { slugFromHeadline } from '../slug.ts'
import { checkWorkflow, publishWorkflow, type Schedule } from './workflows.ts'

/** What `wirefeed init` is told. */
export interface NewsroomSettings {
  config: Config
  schedule: Schedule
  now: Date
  /** The folder the newsroom goes in: its name names the npm package. */
  dir: string
  /** The version of wirefeed the newsroom depends on. */
  version: string
}

/** A file `init` writes: a new one, or one it adds to (`package.json`, `.gitignore`), changing nothing there. */
export interface NewsroomFile {
  path: string
  text: string
  /** `create`: refuse if it exists; `merge`: the file as it was, with what was missing added. */
  mode: 'create' | 'merge'
}

/** What a newsroom ignores: dependencies, the output, the build cache and the live files a publish reads. */
const ignored = ['node_modules/', 'dist/', 'preview/', '.cache/', '.live/']

const scripts = { build: 'wirefeed build', check: 'wirefeed check', preview: 'wirefeed serve --watch' }

/**
 * A newsroom's files: the config, a welcome article (a draft), the two
 * workflows, and what it adds to `package.json` and `.gitignore` (made when
 * there are none, `existing` when there are).
 */
export function newsroomFiles(settings: NewsroomSettings, existing: { packageJson?: PackageJson; gitignore?: string }): NewsroomFile[] {
  const { config, schedule, now } = settings
  const welcome = newArticle(`Welcome to ${config.title}`, config, now, {
    summary: `The first article of ${config.title}: what to edit, and how to publish.`,
    body: [
      'This is a draft: it stays unpublished while `draft: true` is above. Edit it, or delete this file and write your own with `npx wirefeed new "Headline"`.',
      '## Writing',
      'Articles are Markdown files in `articles/`. The lines between the `---` fences are the front matter: the headline, the standfirst, the byline and the date. `npm run check` says what is wrong, and where.',
      '## Publishing',
      'Push to GitHub: the publish workflow builds the feeds and the pages and deploys them to GitHub Pages. An article dated in the future goes out with the first run after its date.',
    ].join('\n\n'),
  })
  return [
    { path: 'wirefeed.config.yaml', text: configText(config), mode: 'create' },
    { path: `articles/${welcome.path}`, text: welcome.text, mode: 'create' },
    { path: '.github/workflows/check.yml', text: checkWorkflow(), mode: 'create' },
    { path: '.github/workflows/publish.yml', text: publishWorkflow(schedule), mode: 'create' },
    { path: 'package.json', text: packageJson(settings, existing.packageJson), mode: 'merge' },
    { path: '.gitignore', text: gitignore(existing.gitignore), mode: 'merge' },
  ]
}

function configText(config: NewsroomSettings['config']): string {
  const value = (data: unknown) => stringify(data, { lineWidth: 0 }).trimEnd()
  return `# The site config for wirefeed: every field is in its README, under "Configuring".
title: ${value(config.title)}
description: ${value(config.description)}
# Where the site is published, ending with a slash: feed and article URLs are built on it.
url: ${value(config.url)}
language: ${value(config.language)}
# Bare dates in front matter (date: 2026-01-06) mean midnight in this zone.
timeZone: ${value(config.timeZone)}
# The byline \`wirefeed new\` puts on new articles.
author: ${value(config.author)}
${config.strings ? `# wirefeed has no interface texts in ${config.language}: these are the English ones; translate each
# (\`{name}\` marks where a value goes). See "Pages in your language" in its README.
${stringify({ strings: config.strings }, { lineWidth: 0 })}` : ''}`
}

/** The parts of a package.json `init` adds to. */
export interface PackageJson {
  scripts?: Record<string, string>
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
}

/** package.json with the scripts and the dependency on wirefeed added where missing; nothing it had changes. */
function packageJson(settings: NewsroomSettings, existing: PackageJson | undefined): string {
  const data = existing ? { ...existing } : { name: slugFromHeadline(basename(settings.dir)) || 'newsroom', private: true, ...({} as PackageJson) }
  data.scripts = { ...scripts, ...data.scripts }
  if (!data.dependencies?.wirefeed && !data.devDependencies?.wirefeed) data.dependencies = { ...data.dependencies, wirefeed: `^${settings.version}` }
  return `${JSON.stringify(data, null, 2)}\n`
}

function gitignore(text = ''): string {
  // `dist`, `dist/`, `/dist` and `/dist/` all ignore the output folder.
  const lines = new Set(text.split(/\r?\n/).map((line) => line.trim().replace(/^\/|\/$/g, '')))
  const missing = ignored.filter((entry) => !lines.has(entry.slice(0, -1)))
  if (missing.length === 0) return text
  return `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${missing.join('\n')}\n`
}
