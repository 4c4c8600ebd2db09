import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/** What the live site tells the next publish: its ledger of ids and its build manifest. */
export const liveFiles = ['ledger.json', 'build.json'] as const

export interface LiveResult {
  /** Files downloaded into the folder. */
  fetched: string[]
  /** Files the site answered 404 for: expected before the first deploy. */
  missing: string[]
}

/**
 * Download the live site's `ledger.json` and `build.json` into `into`, before
 * a scheduled build. A 404 is normal before the first deploy; any other
 * failure throws, so the publish stops instead of deploying blind (the ledger
 * is what guards published ids).
 */
export async function fetchLive(site: string, into: string, options: { timeout?: number } = {}): Promise<LiveResult> {
  await mkdir(into, { recursive: true })
  const result: LiveResult = { fetched: [], missing: [] }
  for (const name of liveFiles) {
    const url = new URL(name, site)
    const response = await fetch(url, { signal: AbortSignal.timeout(options.timeout ?? 20_000) })
    if (response.status === 404) {
      await response.arrayBuffer()
      result.missing.push(name)
      continue
    }
    if (!response.ok) throw new Error(`${url.href} answered HTTP ${response.status}`)
    await writeFile(join(into, name), await response.text())
    result.fetched.push(name)
  }
  return result
}
