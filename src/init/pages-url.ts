import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

/**
 * The GitHub Pages address of the repository `dir` is in, from its `origin`
 * remote (`git@github.com:owner/repo.git`, `https://github.com/owner/repo`):
 * `https://owner.github.io/repo/`, or `https://owner.github.io/` for the
 * repository named `owner.github.io`. Undefined outside a GitHub repository.
 */
export function pagesUrl(dir: string): string | undefined {
  const remote = originUrl(dir)
  const match = remote?.match(/^(?:git@github\.com:|(?:https|ssh|git):\/\/(?:[^@/]+@)?github\.com\/)([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/)
  if (!match) return undefined
  const owner = match[1]!.toLowerCase()
  const repo = match[2]!
  return repo.toLowerCase() === `${owner}.github.io` ? `https://${owner}.github.io/` : `https://${owner}.github.io/${repo}/`
}

/** The URL of the `origin` remote in the nearest `.git/config` at or above `dir`. */
function originUrl(dir: string): string | undefined {
  for (let at = resolve(dir); ; at = dirname(at)) {
    const text = readText(join(at, '.git', 'config'))
    if (text !== undefined) return text.match(/^\[remote "origin"\][^[]*?^\s*url\s*=\s*(\S+)\s*$/m)?.[1]
    if (dirname(at) === at) return undefined
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return undefined
  }
}
