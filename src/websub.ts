/** The outcome of notifying a hub about one feed. */
export interface PingResult {
  url: string
  ok: boolean
  /** HTTP status, or the network error's message. */
  detail: string
}

/**
 * Tell a WebSub hub that feeds changed (`hub.mode=publish`, one request per
 * feed URL, as PubSubHubbub hubs expect), so subscribers get the news within
 * seconds instead of at their next poll. Never throws: a failing hub is a
 * result to report, not a reason to fail a publish.
 */
export async function pingHub(hub: string, urls: readonly string[], options: { timeout?: number } = {}): Promise<PingResult[]> {
  const results: PingResult[] = []
  for (const url of urls) {
    try {
      const response = await fetch(hub, {
        method: 'POST',
        body: new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': url }),
        signal: AbortSignal.timeout(options.timeout ?? 10_000),
      })
      await response.arrayBuffer()
      results.push({ url, ok: response.ok, detail: `HTTP ${response.status}` })
    } catch (error) {
      results.push({ url, ok: false, detail: (error as Error).message })
    }
  }
  return results
}
