// A worker thread's entry for src/engine/pool.ts when the code runs as TypeScript (the tests:
// the package runs lib/, compiled, whose threads need no entry). Plain JS because Node 20 cannot
// load TypeScript, and tsx's hooks do not reach worker threads: not when registered through tsx's
// API, nor under `node --import tsx` (the thread inherits the flag, yet `.ts` fails to load).
// So register here, in every case; registering on top of the inherited flag is harmless.
import { register } from 'tsx/esm/api'

register()
await import('./thread.ts')
