/**
 * Whether process `pid` is running: a file named after it (a staging
 * folder, a pack) may still be being written, and must not be removed.
 */
export function running(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
