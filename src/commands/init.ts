import { existsSync, readFileSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import type { Options } from '../cli/flags.ts'
import type { Io } from '../cli/io.ts'
import { configSchema } from '../config.ts'
import { builtInFor } from '../strings/index.ts'
import { en } from '../strings/en.ts'
import { newsroomFiles, type PackageJson } from '../init/newsroom.ts'
import { pagesUrl } from '../init/pages-url.ts'
import { freePrivateMinutes, schedules } from '../init/workflows.ts'
import { printable } from '../report.ts'
import { packageVersion } from '../cli/version.ts'

/** The address a newsroom gets when neither --url nor a GitHub remote gives one; the next steps say to change it. */
const placeholderUrl = 'https://example.org/'

/** init: write a newsroom into a folder, refusing to overwrite any file, and say what to do next. */
export async function initCommand(_: unknown, options: Options, io: Io): Promise<number> {
  const dir = options.operands[0] ?? '.'
  const url = options.url ?? pagesUrl(dir)
  const title = options.title ?? basename(resolve(dir))
  // A language wirefeed has no interface texts for starts with the English ones, to translate.
  const untranslated = builtInFor(options.language) === undefined
  const parsed = configSchema.safeParse({
    title,
    description: `News from ${title}`,
    url: url ?? placeholderUrl,
    language: options.language,
    ...(untranslated && { strings: en }),
    timeZone: options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    author: `${title} newsroom`,
  })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    io.stderr(`wirefeed: ${flagOf(String(issue?.path[0]))} is not valid: ${issue?.message}.\n`)
    return 2
  }
  const packageJson = readPackageJson(join(dir, 'package.json'))
  if (packageJson instanceof Error) {
    io.stderr(`wirefeed: ${printable(join(dir, 'package.json'))} cannot be read as a package.json (${packageJson.message}); nothing was written.\n`)
    return 1
  }
  const gitignore = existsSync(join(dir, '.gitignore')) ? readFileSync(join(dir, '.gitignore'), 'utf8') : undefined
  const files = newsroomFiles(
    { config: parsed.data, schedule: options.schedule, now: options.now, dir, version: packageVersion() },
    { ...(packageJson && { packageJson }), ...(gitignore !== undefined && { gitignore }) },
  )
  const taken = files.filter((file) => file.mode === 'create' && existsSync(join(dir, file.path)))
  if (taken.length > 0) {
    io.stderr(`wirefeed: ${printable(dir)} already has ${taken.map((file) => printable(file.path)).join(', ')}; init overwrites nothing, so nothing was written.\n`)
    return 1
  }
  for (const file of files) {
    await mkdir(dirname(join(dir, file.path)), { recursive: true })
    await writeFile(join(dir, file.path), file.text, { flag: file.mode === 'create' ? 'wx' : 'w' })
  }
  if (!options.quiet) io.stdout(nextSteps(dir, files.map((file) => file.path), options, { placeholder: url === undefined, untranslated }))
  return 0
}

function nextSteps(dir: string, paths: string[], options: Options, { placeholder, untranslated }: { placeholder: boolean; untranslated: boolean }): string {
  const { every, runsAMonth } = schedules[options.schedule]
  const article = paths.find((path) => path.startsWith('articles/'))
  const cost =
    runsAMonth === 0
      ? 'Publishing runs only when you push: an embargoed article waits for the next push after its date.'
      : `Publishing runs ${every}: about ${runsAMonth.toLocaleString('en')} runs, so at least as many Actions minutes, a month. Public repositories run free; a private one on GitHub Free has ${freePrivateMinutes.toLocaleString('en')} minutes a month${runsAMonth > freePrivateMinutes ? ', less than this schedule needs: choose --schedule hourly' : ''}.`
  return [
    `Wrote a newsroom in ${printable(dir)}: ${paths.map(printable).join(', ')}.`,
    '',
    'Next:',
    `  1. ${dir === '.' ? '' : `cd ${printable(dir)} && `}npm install, then edit ${article} (remove \`draft: true\` to publish it) and wirefeed.config.yaml${placeholder ? `: set \`url\` to where the site will be published, now ${placeholderUrl}` : ''}${untranslated ? `${placeholder ? ',' : ':'} translate the interface texts under \`strings\` into ${options.language}` : ''}.`,
    '  2. npm run preview: the site as it will be published, on http://127.0.0.1:8080, rebuilt as you save.',
    "  3. Push to GitHub and set Settings → Pages → Source to GitHub Actions: the publish workflow deploys the site.",
    '',
    cost,
    '',
  ].join('\n')
}

/** The package.json in the folder: undefined when there is none, an Error when it is not a JSON object. */
function readPackageJson(path: string): PackageJson | Error | undefined {
  if (!existsSync(path)) return undefined
  try {
    const data: unknown = JSON.parse(readFileSync(path, 'utf8'))
    return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as PackageJson) : new Error('not a JSON object')
  } catch (error) {
    return error as Error
  }
}

function flagOf(field: string): string {
  return field === 'timeZone' ? '--time-zone' : `--${field}`
}
