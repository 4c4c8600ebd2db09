// A fixture newsroom (tests/fixtures/<name>/) built in memory, as `wirefeed build` run in its folder builds it.
import { relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readConfig } from '../../src/api.ts'
import { loadArticles, readSource } from '../../src/load.ts'
import { buildSite } from '../../src/site.ts'
import { contents, fixtures, readImages } from '../helpers.ts'

/** A fixture newsroom's output, built at `now` over its live ledger (`live/ledger.json`) if it has one. */
export async function fixtureOutput(name: string, now: Date) {
  const dir = fileURLToPath(new URL(`${name}/`, fixtures))
  // As `wirefeed build` reads it: the config, its icon and logo from the articles folder, and the authors' register beside it when there is one.
  const read = readConfig(`${dir}wirefeed.config.yaml`, `${dir}articles`)
  if (!('config' in read)) throw new Error(`the ${name} fixture config is invalid: ${read.problems.map((problem) => problem.message).join('; ')}`)
  const { config } = read
  const ledger = await readSource(`${dir}live/ledger.json`)
  // Sources named from the newsroom's folder, as `wirefeed build` run there names them (the ledger records them so).
  const sources = loadArticles(`${dir}articles`).map((file) => Object.assign(file, { path: relative(dir, resolve(file.path)) }))
  const site = buildSite(sources, config, { now, ...(ledger && { ledger }), images: readImages(`${dir}articles`) })
  return { site, config, output: contents(site.output) }
}

