#!/usr/bin/env node
// The `wirefeed` command, as npm installs it (package.json `bin`: lib/cli/bin.js, compiled from this file).
import { main } from './main.ts'

try {
  process.exitCode = await main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    tty: process.stderr.isTTY === true,
    clock: () => new Date(),
  })
} catch (error) {
  // A bug or an environment problem (disk full, permissions): one sentence, the stack only on request.
  const message = error instanceof Error ? error.message : String(error)
  process.stderr.write(`wirefeed: ${message}\n`)
  process.stderr.write(
    process.argv.includes('--verbose') && error instanceof Error ? `${error.stack}\n` : 'Run again with --verbose for details.\n',
  )
  process.exitCode = 1
}
