/**
 * The files the preview rewrites, by extension, with their media types: the
 * text a browser or a feed reader follows addresses in. Images and other
 * files are sent as they are.
 */
export const textTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.opml': 'text/x-opml; charset=utf-8',
}

/**
 * The path the preview serves a site at: its configured URL's
 * (`https://news.example.org/desk/` → `/desk/`), so that what the site
 * links to from its root (`/desk/images/map.png`, written by hand in an
 * article or a partner's page) is where it is published, and a sub-folder
 * site is previewed as it will be live.
 */
export function sitePath(site: string): string {
  return new URL(site).pathname
}

/**
 * `text` with every address under the site's URL (`site`, as the config
 * gives it) made one under the preview's (`preview`: its origin and the
 * same path), as it is written, percent-encoded as in a query, or as
 * `new URL` spells it. The built pages and feeds name the site by its
 * absolute URL (canonical links, feed ids, images made absolute); in
 * preview they must lead to the preview, where a new article or image
 * already is, and the live site not yet.
 */
export function rewriteOrigin(text: string, site: string, preview: string): string {
  const forms = new Map<string, string>([
    [site, preview],
    [new URL(site).href, preview],
    [encodeURIComponent(site), encodeURIComponent(preview)],
  ])
  let result = text
  for (const [from, to] of forms) if (from !== to && result.includes(from)) result = result.replaceAll(from, to)
  return result
}
