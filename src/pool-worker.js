// A worker thread's entry for src/pool.ts. Plain JS because Node 20
// cannot load TypeScript, and tsx's hooks do not reach worker threads: not
// when src/bin.js registers them through tsx's API, nor under
// `node --import tsx` (the thread inherits the flag, yet `.ts` fails to load).
// So register here, in every case; registering on top of the inherited flag
// is harmless (tests/pool.test.ts runs both ways).
import { register } from 'tsx/esm/api'

register()
await import('./pool-thread.ts')
