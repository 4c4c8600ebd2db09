import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { VFile } from 'vfile'
import type { Options } from '../cli/flags.ts'
import type { Io } from '../cli/io.ts'
import type { Config } from '../config.ts'
import { importText } from '../create/import-text.ts'
import { newArticle, type NewArticle } from '../create/new-article.ts'
import { report } from '../messages.ts'
import { formatReport } from '../report.ts'

/** new: write a draft skeleton for a headline; never overwrites. */
export async function newCommand(config: Config, options: Options, io: Io): Promise<number> {
  const headline = options.operands[0]?.trim() ?? ''
  if (headline === '') {
    io.stderr('wirefeed: the headline is empty; write it in quotes: wirefeed new "Headline".\n')
    return 2
  }
  const file = new VFile({ path: '<headline>' })
  const written = await create(newArticle(headline, config, options.now), file, options)
  io.stderr(formatReport([file], 'text', { color: options.color }))
  if (!written) return 1
  if (!options.quiet) io.stdout(`Created ${written} (a draft: remove \`draft: true\` to publish).\n`)
  return 0
}

/** import: convert each text file; report what was not recognised; exit 1 if any file failed. */
export async function importCommand(config: Config, options: Options, io: Io): Promise<number> {
  let failed = 0
  const files: VFile[] = []
  for (const path of options.operands) {
    const file = new VFile({ path })
    files.push(file)
    try {
      file.value = await readFile(path, 'utf8')
    } catch (error) {
      report(file, 'unreadable-file', undefined, { detail: (error as Error).message })
      failed++
      continue
    }
    const article = importText(file, config)
    const written = article && (await create(article, file, options))
    if (!written) failed++
    else if (!options.quiet) io.stdout(`imported  ${path}  →  ${written}${article.text.includes('\ndraft: true\n') ? '  (draft)' : ''}\n`)
  }
  io.stderr(formatReport(files, 'text', { color: options.color }))
  return failed > 0 ? 1 : 0
}

/** Write an article under the articles folder unless the path is taken; the path written, or undefined. */
async function create(article: NewArticle, file: VFile, options: Options): Promise<string | undefined> {
  const path = join(options.articles, article.path)
  await mkdir(dirname(path), { recursive: true })
  try {
    // `wx`: fail if it exists, atomically, instead of checking first and racing.
    await writeFile(path, article.text, { flag: 'wx' })
    return path
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    report(file, 'file-exists', { line: 1, column: 1 }, { path })
    return undefined
  }
}
