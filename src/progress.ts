/**
 * A one-line progress bar for a terminal: count, bar and rate, redrawn at
 * most ten times a second. The CLI only creates one on a TTY outside CI.
 */
export function createProgress(write: (text: string) => void, started = performance.now()) {
  let last = 0
  return {
    update(done: number, total: number) {
      const now = performance.now()
      if (done < total && now - last < 100) return
      last = now
      const width = 30
      const filled = Math.round((done / total) * width)
      const rate = Math.round(done / Math.max((now - started) / 1000, 0.001))
      write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} articles  ${rate}/s`)
    },
    done() {
      if (last > 0) write('\r\u001B[2K')
    },
  }
}
