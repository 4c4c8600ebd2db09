// Preloaded into a benchmarked process: on exit, write what it used (its CPU time,
// all threads', and its peak memory) as JSON where the bench reads it.
import { writeFileSync } from 'node:fs'

process.on('exit', () => {
  const { userCPUTime, systemCPUTime, maxRSS } = process.resourceUsage()
  if (process.env.WIREFEED_BENCH_USAGE) {
    writeFileSync(process.env.WIREFEED_BENCH_USAGE, JSON.stringify({ cpu: (userCPUTime + systemCPUTime) / 1e6, maxRssMb: maxRSS / 1024 }))
  }
})
