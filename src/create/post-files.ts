import { posix } from 'node:path'

/** The extensions of Markdown posts: Jekyll's `.markdown`, Astro's and Docusaurus' `.mdx`. */
export const postExtensions = ['.md', '.markdown', '.mdx'] as const

/** The extension of a post's file name, or `undefined` for any other file. */
export function postExtension(name: string): string | undefined {
  return postExtensions.find((extension) => name.endsWith(extension) && name.length > extension.length)
}

/** A folder's files sorted into posts and what was left, with why. */
export interface Listing {
  posts: string[]
  skipped: Array<{ path: string; why: string }>
  /** Files that are not Markdown (images, data, scripts), left where they are. */
  others: number
}

/**
 * Which of the files under a folder (`paths`, relative to it, with `/`) are
 * posts, as the generators that publish such folders see them:
 * - `_index.md` is a section's list page (Hugo, Zola), and any other name
 *   starting with `_` a partial;
 * - `index.md` in the folder itself is its list page; in a sub-folder it is
 *   a page bundle's post (Hugo, Zola, Astro), named by the folder, and
 *   every other Markdown file of that sub-folder is one of its resources;
 * - files and folders starting with `.`, and `node_modules`, are not the site's.
 * Sorted by path, so the order never depends on the file system.
 */
export function postsIn(paths: readonly string[]): Listing {
  const visible = paths.filter((path) => !path.split('/').some((part) => part.startsWith('.') || part === 'node_modules'))
  const markdown = visible.filter((path) => postExtension(path) !== undefined).sort()
  const bundles = new Set(markdown.filter((path) => isIndex(path) && path.includes('/')).map((path) => posix.dirname(path)))
  const listing: Listing = { posts: [], skipped: [], others: visible.length - markdown.length }
  for (const path of markdown) {
    const name = posix.basename(path)
    const folder = posix.dirname(path)
    if (name.startsWith('_index.')) listing.skipped.push({ path, why: "a section's list page (Hugo, Zola), not a post" })
    else if (name.startsWith('_')) listing.skipped.push({ path, why: 'a partial or a draft (its name starts with `_`), not a published post' })
    else if (isIndex(path) && !path.includes('/')) listing.skipped.push({ path, why: "the folder's own index page, not a post" })
    else if (!isIndex(path) && bundles.has(folder)) listing.skipped.push({ path, why: `a resource of the page bundle ${folder}/, whose post is its index file` })
    else listing.posts.push(path)
  }
  return listing
}

function isIndex(path: string): boolean {
  return /^index\.[^.]+$/.test(posix.basename(path))
}
