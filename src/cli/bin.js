#!/usr/bin/env node
// The `wirefeed` command. Node 20 cannot run TypeScript itself: the code runs compiled to
// JavaScript (src/engine/code.js makes the copy once per version), or, failing that, through tsx (pinned).
import { compiledCode } from '../engine/code.js'

const compiled = await compiledCode()
let main
if (compiled) {
  ;({ main } = await import(new URL('cli/main.js', compiled).href))
} else {
  const { register } = await import('tsx/esm/api')
  register()
  ;({ main } = await import('./main.ts'))
}
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
