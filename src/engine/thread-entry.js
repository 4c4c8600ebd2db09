// A worker thread's entry for src/engine/pool.ts when the code runs as TypeScript (tests, and
// src/cli/bin.js when it cannot compile). Plain JS because Node 20 cannot load TypeScript, and
// tsx's hooks do not reach worker threads: not when src/cli/bin.js registers them through tsx's
// API, nor under `node --import tsx` (the thread inherits the flag, yet `.ts` fails to load).
// So register here, in every case; registering on top of the inherited flag is harmless
// (tests/engine/pool.test.ts runs both ways).
import { register } from 'tsx/esm/api'

register()
await import('./thread.ts')
