/**
 * `target` as a reference that works from the page at `page`: a relative path
 * when both are on the same origin, else the absolute URL. Links between our
 * own pages are relative so the site works wherever it is served: on the
 * preview server at 127.0.0.1, on a fork's Pages URL, or from a sub-folder.
 */
export function relativeUrl(page: string, target: string): string {
  const from = new URL(page)
  const to = new URL(target)
  if (from.origin !== to.origin) return to.href
  const folders = from.pathname.split('/').slice(0, -1)
  const parts = to.pathname.split('/')
  let shared = 0
  while (shared < folders.length && shared < parts.length - 1 && folders[shared] === parts[shared]) shared++
  let path = '../'.repeat(folders.length - shared) + parts.slice(shared).join('/')
  // An empty path means "this page"; a first segment with a colon would read as a scheme.
  if (path === '' || /^[^/]*:/.test(path)) path = `./${path}`
  return path + to.search + to.hash
}

/**
 * The output file that serves `url`, relative to the output folder:
 * `2026/01/slug/index.html` for `<site>/2026/01/slug/`, or `undefined` when
 * no file of ours can: the URL is elsewhere (an article whose `canonical`
 * points to another site), or is not a folder or `.html` URL under the site.
 */
export function outputPathFor(url: string, site: string): string | undefined {
  if (!url.startsWith(site)) return undefined
  const rest = new URL(url)
  if (rest.search || rest.hash) return undefined
  const segments = url.slice(site.length).split('/')
  const last = segments.pop() ?? ''
  if (last !== '' && !last.endsWith('.html')) return undefined
  const decoded = [...segments, last].map((segment) => safeDecode(segment))
  // A static host decodes `%20`; `.`, `..` and encoded slashes would escape the folder.
  if (decoded.some((segment, index) => segment === undefined || (index < segments.length && segment === '') || /^\.\.?$|[/\\\0]/.test(segment))) {
    return undefined
  }
  const path = decoded.join('/')
  return last === '' ? `${path}index.html` : path
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment)
  } catch {
    return undefined
  }
}
