import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { basename, extname } from 'node:path'
import compression from 'compression'
import finalhandler from 'finalhandler'
import serveStatic from 'serve-static'

/** Media types the generic table gets wrong or does not know, by file name. */
const feedTypes: Record<string, string> = {
  'feed.xml': 'application/rss+xml; charset=utf-8',
  'atom.xml': 'application/atom+xml; charset=utf-8',
  'feed.json': 'application/feed+json; charset=utf-8',
}

/** Short for feeds, which aggregators poll; a little longer for the rest. */
const maxAge = { feed: 300, other: 60 }

/**
 * An HTTP handler for a built site, behaving like a good static host:
 * right Content-Type per file, ETag and Last-Modified with 304s (send),
 * gzip on request (compression), Cache-Control, and CORS on feeds and JSON so
 * partner pages may read them. Paths outside `dir` are refused by send.
 */
export function createSiteHandler(dir: string) {
  const gzip = compression()
  const files = serveStatic(dir, {
    index: ['index.html'],
    setHeaders(res, path) {
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
      res.setHeader('Cache-Control', `public, max-age=${isFeed ? maxAge.feed : maxAge.other}`)
      if (isFeed || extname(path) === '.json') res.setHeader('Access-Control-Allow-Origin', '*')
    },
  })
  return (req: IncomingMessage, res: ServerResponse) => {
    const done = finalhandler(req, res)
    gzip(req as never, res as never, (error?: unknown) => {
      if (error) return done(error)
      files(req, res, done)
    })
  }
}

/** Listen on 127.0.0.1 only: a preview is for this machine. Port 0 picks a free one. */
export async function listen(dir: string, port: number): Promise<Server> {
  const server = createServer(createSiteHandler(dir))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', resolve)
  })
  return server
}
