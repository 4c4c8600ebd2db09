/**
 * `run` over `items`, a batch at a time, results in order: file operations
 * in flight together keep libuv's thread pool busy (one at a time took
 * seconds for thousands of articles), while the bound keeps file
 * descriptors in hand.
 */
export async function inBatches<T, R>(items: readonly T[], run: (item: T) => Promise<R>, size = 32): Promise<R[]> {
  const results: R[] = []
  for (let start = 0; start < items.length; start += size) results.push(...(await Promise.all(items.slice(start, start + size).map(run))))
  return results
}
