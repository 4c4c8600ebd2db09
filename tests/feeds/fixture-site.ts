// A fixture newsroom (tests/fixtures/<name>/) built in memory, as `wirefeed build` run in its folder builds it.
import { relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { validateConfig } from '../../src/config.ts'
import { loadArticles, readSource } from '../../src/load.ts'
import { buildSite } from '../../src/site.ts'
import { contents, fixtures } from '../helpers.ts'

/** A fixture newsroom's output, built at `now` over its live ledger (`live/ledger.json`) if it has one. */
export async function fixtureOutput(name: string, now: Date) {
  const dir = fileURLToPath(new URL(`${name}/`, fixtures))
  const config = validateConfig(await readSource(`${dir}wirefeed.config.yaml`))
  if (!config) throw new Error(`the ${name} fixture config is invalid`)
  const ledger = await readSource(`${dir}live/ledger.json`)
  // Sources named from the newsroom's folder, as `wirefeed build` run there names them (the ledger records them so).
  const sources = loadArticles(`${dir}articles`).map((file) => Object.assign(file, { path: relative(dir, resolve(file.path)) }))
  const site = buildSite(sources, config, { now, ...(ledger && { ledger }) })
  return { site, config, output: contents(site.output) }
}

