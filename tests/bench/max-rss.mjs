// Preloaded into a benchmarked process: record its peak memory where the bench reads it.
import { writeFileSync } from 'node:fs'

process.on('exit', () => {
  if (process.env.WIREFEED_BENCH_RSS) writeFileSync(process.env.WIREFEED_BENCH_RSS, String(process.resourceUsage().maxRSS / 1024))
})
