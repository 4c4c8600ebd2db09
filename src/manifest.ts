import { createHash } from 'node:crypto'
import { byCodePoint } from './order.ts'
import { outputFile, type OutputFile } from './output.ts'

/** The manifest the publish job compares with the live one: same hash, nothing to deploy. */
export const manifestFile = 'build.json'

/**
 * The manifest, from the SHA-256 of every other file of the output (images
 * included) by path: a hash over them in a fixed order, names included. No
 * timestamps: same bytes, same manifest.
 */
export function manifestOf(hashes: ReadonlyMap<string, string>): OutputFile {
  const hash = createHash('sha256')
  for (const path of [...hashes.keys()].sort(byCodePoint)) {
    if (path !== manifestFile) hash.update(`${path}\0${hashes.get(path)}\0`)
  }
  return outputFile(manifestFile, JSON.stringify({ version: 2, sha256: hash.digest('hex') }, null, 2) + '\n')
}
