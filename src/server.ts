import { createHash } from 'node:crypto'
import { readFileSync, statSync, type Stats } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { basename, extname, join } from 'node:path'
import compression from 'compression'
import finalhandler from 'finalhandler'
import serveStatic from 'serve-static'
import { injectLive, livePaths, type LiveReload } from './preview/live-reload.ts'
import { liveScript } from './preview/live-script.ts'
import { rewriteOrigin, sitePath, textTypes } from './preview/rewrite.ts'

/** Media types the generic table gets wrong or does not know, by file name. */
const feedTypes: Record<string, string> = {
  'feed.xml': 'application/rss+xml; charset=utf-8',
  'atom.xml': 'application/atom+xml; charset=utf-8',
  'feed.json': 'application/feed+json; charset=utf-8',
}

/** Short for feeds, which aggregators poll; a little longer for the rest. */
const maxAge = { feed: 300, other: 60 }

/** The page a static host answers an unknown path with (GitHub Pages does), with status 404. */
const notFoundPage = '404.html'

/**
 * What makes the preview (`wirefeed serve`) more than a static host: the
 * site served at its URL's path, and its URL rewritten to the preview's
 * own origin in text responses; with --watch, live reload.
 */
export interface PreviewOptions {
  /** The site's configured URL, as the output being served was built with: asked on each request, as it may change. */
  site: () => string
  /** Live reload (--watch): its events, its script, and the pages told their generation. */
  live?: LiveReload
}

/**
 * An HTTP handler for a built site, behaving like a good static host:
 * right Content-Type per file, ETag and Last-Modified with 304s (send),
 * gzip on request (compression), Cache-Control, CORS on feeds and JSON so
 * partner pages may read them, and the site's `404.html` for an unknown
 * path. Paths outside `dir` are refused.
 *
 * As the preview (`preview` given), the site is served at its URL's path
 * (`/desk/` for `https://news.example.org/desk/`; `/` leads there), and in
 * every HTML, XML, JSON, JavaScript, CSS and text response the site's URL
 * is the preview's (`http://127.0.0.1:8080/desk/`), so links, images and
 * feeds lead to what was just built; with live reload, HTML pages carry
 * its script. The files on disk are left as the build wrote them: the
 * changes are made as each response is sent, which gets its own ETag (of
 * the bytes sent), and is gzipped as any other. Nothing is cached by the
 * browser without asking (`no-cache`): a preview shows the latest build on
 * every load, and a 304 keeps asking cheap.
 */
export function createSiteHandler(dir: string, preview?: PreviewOptions) {
  const gzip = compression()
  const files = serveStatic(dir, {
    index: ['index.html'],
    setHeaders: (res, path) => setHeaders(res, path, preview !== undefined),
  })
  return (req: IncomingMessage, res: ServerResponse) => {
    const done = finalhandler(req, res)
    const { pathname } = new URL(req.url ?? '/', 'http://preview')
    // Before gzip: an event stream is sent as it happens, never held back to be compressed.
    if (preview?.live && pathname === livePaths.events) return preview.live.connect(req, res)
    gzip(req as never, res as never, (error?: unknown) => {
      if (error) return done(error)
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' })
        return res.end('Method not allowed\n')
      }
      if (!preview) return files(req, res, () => notFound(dir, req, res))
      if (preview.live && pathname === livePaths.script) return sendText(req, res, liveScript, 'text/javascript; charset=utf-8')
      servePreview(dir, preview, files, req, res)
    })
  }
}

/** Listen on 127.0.0.1 only: a preview is for this machine. Port 0 picks a free one. */
export async function listen(dir: string, port: number, preview?: PreviewOptions): Promise<Server> {
  const server = createServer(createSiteHandler(dir, preview))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  return server
}

/** The headers of every file: its type (a feed's own), caching, and CORS for feeds and JSON. */
function setHeaders(res: ServerResponse, path: string, previewing: boolean) {
  const type = feedTypes[basename(path)]
  const isFeed = type !== undefined
  if (type) {
    // Browsers show rss+xml and atom+xml as plain text (Chromium) or download them (Firefox);
    // as application/xml, the feed's stylesheet and view script turn it into a readable page.
    // Feed readers do not ask for HTML and get the precise type.
    const browser = /\btext\/html\b/.test(String(res.req.headers.accept))
    res.setHeader('Content-Type', browser && type.includes('+xml') ? 'application/xml; charset=utf-8' : type)
    res.setHeader('Vary', 'Accept')
  }
  res.setHeader('Cache-Control', previewing ? 'no-cache' : `public, max-age=${isFeed ? maxAge.feed : maxAge.other}`)
  if (isFeed || extname(path) === '.json') res.setHeader('Access-Control-Allow-Origin', '*')
}

/**
 * One request to the preview: a path under the site's is its file (text
 * rewritten, the rest as serve-static sends it); `/` leads to the site's
 * path; anything else is the site's 404 page.
 */
function servePreview(dir: string, preview: PreviewOptions, files: ReturnType<typeof serveStatic>, req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://preview')
  const base = sitePath(preview.site())
  if (!url.pathname.startsWith(base)) {
    if (url.pathname === '/' || `${url.pathname}/` === base) return redirect(res, base + url.search, url.pathname === '/' ? 302 : 301)
    return notFound(dir, req, res, preview)
  }
  const rest = url.pathname.slice(base.length - 1)
  const path = fileFor(rest)
  if (path === undefined) return notFound(dir, req, res, preview)
  let file = join(dir, path)
  let info = stat(file)
  if (info?.isDirectory()) {
    if (!rest.endsWith('/')) return redirect(res, `${url.pathname}/${url.search}`, 301)
    file = join(file, 'index.html')
    info = stat(file)
  }
  if (!info?.isFile()) return notFound(dir, req, res, preview)
  if (!Object.hasOwn(textTypes, extname(file))) {
    // As the file is: serve-static, from the site's own root, which is this path's.
    ;(req as IncomingMessage & { originalUrl?: string }).originalUrl = req.url
    req.url = rest + url.search
    return files(req, res, () => notFound(dir, req, res, preview))
  }
  setHeaders(res, file, true)
  const type = (res.getHeader('Content-Type') as string | undefined) ?? (textTypes[extname(file)] as string)
  const text = previewText(readFileSync(file, 'utf8'), type, req, preview)
  // A page told its generation changes with every build, whatever its file: no date stands for it.
  sendText(req, res, text, type, text.includes(livePaths.script) ? undefined : info)
}

/** The site's 404 page, with status 404; rewritten as any page for the preview; a line of text without one. */
function notFound(dir: string, req: IncomingMessage, res: ServerResponse, preview?: PreviewOptions) {
  let html: string | undefined
  try {
    html = readFileSync(join(dir, notFoundPage), 'utf8')
  } catch {
    // No 404 page: an output not built yet (the preview's first build failed), or not ours.
    html = preview?.live ? '<!doctype html><title>Not found</title><p>There is no page at this address (yet).</p>' : undefined
  }
  res.statusCode = 404
  res.setHeader('Cache-Control', 'no-cache')
  if (html === undefined) return sendText(req, res, 'Not found\n', 'text/plain; charset=utf-8')
  sendText(req, res, preview ? previewText(html, 'text/html', req, preview) : html, 'text/html; charset=utf-8')
}

/** What the preview sends of a text file: the site's URL made the preview's, and in HTML, the live reload script. */
function previewText(text: string, type: string, req: IncomingMessage, preview: PreviewOptions): string {
  const site = preview.site()
  const rewritten = rewriteOrigin(text, site, `${originOf(req)}${sitePath(site)}`)
  return preview.live && type.startsWith('text/html') ? injectLive(rewritten, preview.live.state.generation) : rewritten
}

/**
 * The preview's origin as the browser asked for it: `127.0.0.1` or
 * `localhost` with the port; anything else in the Host header (which the
 * page would then carry) is not trusted, and the address listened on is used.
 */
function originOf(req: IncomingMessage): string {
  const host = req.headers.host ?? ''
  if (/^(127\.0\.0\.1|localhost|\[::1\]):\d{1,5}$/.test(host)) return `http://${host}`
  return `http://127.0.0.1:${req.socket.localPort ?? ''}`
}

/**
 * Send `text` with an ETag of its bytes (and Last-Modified, given the file
 * it is of), answering 304 to a request that has it already: If-None-Match
 * first, If-Modified-Since only without one (RFC 9110, 13.2.2).
 */
function sendText(req: IncomingMessage, res: ServerResponse, text: string, type: string, file?: Stats) {
  const body = Buffer.from(text)
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`
  res.setHeader('Content-Type', type)
  res.setHeader('ETag', etag)
  if (!res.hasHeader('Cache-Control')) res.setHeader('Cache-Control', 'no-cache')
  if (file) res.setHeader('Last-Modified', file.mtime.toUTCString())
  if (res.statusCode === 200 && fresh(req, etag, file)) {
    res.statusCode = 304
    for (const name of ['Content-Type', 'Content-Length']) res.removeHeader(name)
    return res.end()
  }
  res.setHeader('Content-Length', body.length)
  res.end(req.method === 'HEAD' ? undefined : body)
}

/** Whether the client's copy is this one: by its ETag (weakly compared), else by date. */
function fresh(req: IncomingMessage, etag: string, file: Stats | undefined): boolean {
  const match = req.headers['if-none-match']
  if (match !== undefined) {
    return match.trim() === '*' || match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
  }
  const since = Date.parse(String(req.headers['if-modified-since']))
  // HTTP dates have whole seconds.
  return file !== undefined && !Number.isNaN(since) && Math.floor(file.mtimeMs / 1000) * 1000 <= since
}

function redirect(res: ServerResponse, location: string, status: 301 | 302) {
  res.writeHead(status, { Location: location, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' })
  res.end(`Redirecting to ${location}\n`)
}

/**
 * The file a URL path (under the site's path, from its `/`) names,
 * relative to the output folder: each segment decoded; `undefined` for a
 * segment that does not decode, or would climb out (`..`, an encoded
 * slash, a NUL).
 */
function fileFor(path: string): string | undefined {
  const segments: string[] = []
  for (const segment of path.split('/').slice(1)) {
    let decoded: string
    try {
      decoded = decodeURIComponent(segment)
    } catch {
      return undefined
    }
    if (decoded === '..' || decoded === '.' || /[/\\\0]/.test(decoded)) return undefined
    segments.push(decoded)
  }
  return segments.join('/')
}

function stat(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false })
  } catch {
    return undefined
  }
}
