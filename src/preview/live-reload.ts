import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Problem } from '../report.ts'

/** Where the preview's own resources are: outside any site's paths, which never start with `_wirefeed`. */
export const livePaths = { events: '/_wirefeed/events', script: '/_wirefeed/live.js' } as const

/**
 * What the last build came to, as the preview's pages are told it: the
 * generation of the output being served (one more each time a build changed
 * it), and the errors of the last build when it failed (the output then
 * being the last good one's).
 */
export interface LiveState {
  generation: number
  problems?: Problem[]
}

/**
 * Live reload for `serve --watch`, done by the preview and never by the
 * build, so the built pages stay byte for byte what `wirefeed build` makes:
 * the preview adds a script to each HTML page it serves (`injectLive`),
 * which listens to `/_wirefeed/events` (Server-Sent Events). After a build
 * that changed the output, every page open reloads; after one that failed,
 * each shows the errors over the page, as text, until the next good build.
 * A page that was served before a build it missed (its connection dropped,
 * the server restarted) learns of it on reconnecting: it carries the
 * generation it was made from. Pages work as they do without it: nothing
 * in them depends on the script.
 */
export class LiveReload {
  #clients = new Set<ServerResponse>()
  #state: LiveState = { generation: 1 }
  #heartbeat: NodeJS.Timeout

  constructor() {
    // A comment now and then, so nothing between closes a quiet stream.
    this.#heartbeat = setInterval(() => this.#send(': ping\n\n'), 30_000)
    this.#heartbeat.unref()
  }

  get state(): LiveState {
    return this.#state
  }

  /** A build ended: `changed` when it wrote a new output, or the errors it failed with. */
  built(outcome: { changed: boolean } | { problems: Problem[] }) {
    if ('problems' in outcome) {
      this.#state = { generation: this.#state.generation, problems: outcome.problems }
    } else {
      this.#state = { generation: this.#state.generation + (outcome.changed ? 1 : 0) }
    }
    this.#send(event(this.#state, 'changed' in outcome && outcome.changed))
  }

  /** Answer a request for the event stream: the state now, then every change. */
  connect(req: IncomingMessage, res: ServerResponse) {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
    })
    // A page reconnects a second after it lost the stream (a restarted server): soon enough to reload.
    res.write(`retry: 1000\n\n${event(this.#state, false)}`)
    this.#clients.add(res)
    req.on('close', () => this.#clients.delete(res))
  }

  /** End every stream, so the server can close. */
  close() {
    clearInterval(this.#heartbeat)
    for (const res of this.#clients) res.end()
    this.#clients.clear()
  }

  #send(text: string) {
    for (const res of this.#clients) res.write(text)
  }
}

/**
 * One event: `changed` (reload, the output is new), `failed` (show these
 * errors) or `ok` (the output being served is good; drop any errors shown).
 * Its data is JSON, on one line as the format asks.
 */
function event(state: LiveState, changed: boolean): string {
  const name = state.problems ? 'failed' : changed ? 'changed' : 'ok'
  return `event: ${name}\ndata: ${JSON.stringify(state)}\n\n`
}

/**
 * `html` with the live reload script added before its closing `</body>`
 * (at the end when it has none), told the generation the page is of.
 */
export function injectLive(html: string, generation: number): string {
  const tag = `<script src="${livePaths.script}" data-generation="${generation}" defer></script>`
  // The last one: an article's text cannot hold another, which the page escapes as `&lt;/body&gt;`.
  const end = html.toLowerCase().lastIndexOf('</body')
  return end === -1 ? html + tag : html.slice(0, end) + tag + html.slice(end)
}
