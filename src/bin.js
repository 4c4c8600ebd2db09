#!/usr/bin/env node
// The `wirefeed` command. Node 20 cannot run TypeScript itself: tsx (pinned) loads src/.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('./cli.ts')
const verbose = process.argv.includes('--verbose')
try {
  process.exitCode = await main(process.argv.slice(2).filter((arg) => arg !== '--verbose'), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    clock: () => new Date(),
  })
} catch (error) {
  // A bug or an environment problem (disk full, permissions): one sentence, the stack only on request.
  process.stderr.write(`wirefeed: ${error instanceof Error ? error.message : String(error)}\n`)
  process.stderr.write(verbose ? `${error instanceof Error ? error.stack : ''}\n` : 'Run again with --verbose for details.\n')
  process.exitCode = 1
}
