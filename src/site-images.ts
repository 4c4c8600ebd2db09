import { createHash } from 'node:crypto'
import { imageSize } from 'image-size'
import { z } from 'zod'

/**
 * The site's identity (issue #20): its `icon` (square: favicons, the
 * apple-touch icon, RSS `<image>`, Atom `icon`, JSON Feed `icon` and
 * `favicon`) and its `logo` (wide: Atom `logo`, JSON-LD `publisher.logo`).
 * Both are files in the articles folder, named from the site root as an
 * article's lead image is (`images/icon.png` is `articles/images/icon.png`,
 * published as `<site>/images/icon.png`), so they are published, and their
 * changes noticed, like every other image there. Their size and type are
 * read from their bytes when the config is read, never trusted from a name.
 */

/** What each may be, by its bytes: RSS `<image>` takes GIF, JPEG and PNG only, and so does the icon. */
export const siteImageTypes = {
  icon: { png: 'image/png', jpg: 'image/jpeg', gif: 'image/gif' },
  logo: { png: 'image/png', jpg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp' },
} as const

export type SiteImageKind = keyof typeof siteImageTypes

/** The smallest icon: Google's and Apple's touch icons are 144 px and up; smaller looks blurred. */
export const minIconSize = 144

/** The largest file read as an icon or logo: far more than any needs, so a mistaken video is refused unread. */
export const maxSiteImageBytes = 5 * 1024 * 1024

/** A path from the site root to a file in the articles folder: no scheme, no `..`, no query. */
export const siteImagePath = (kind: SiteImageKind) =>
  z
    .string()
    .trim()
    .transform((path) => path.replace(/^\/+/, ''))
    .pipe(
      z
        .string()
        .min(1)
        // No name starts with a dot: so no `.` or `..` folder, and nothing hidden (src/load.ts skips those).
        .regex(
          /^(?:[\w-][\w.-]*\/)*[\w-][\w.-]*\.[A-Za-z]+$/,
          'must be a path in the articles folder such as `images/icon.png`: letters, digits, `-`, `_` and `.`, folders separated by `/`, no name starting with `.`',
        ),
    )
    .describe(
      `a path from the site root to a ${Object.keys(siteImageTypes[kind])
        .map((type) => type.toUpperCase())
        .join(', ')} file in the articles folder, such as \`images/${kind}.png\` for \`articles/images/${kind}.png\``,
    )

/** An icon or logo as pages and feeds use it: its URL, its size in pixels, its media type. */
export interface SiteImage {
  url: string
  width: number
  height: number
  type: string
}

/** The config's icon and logo, each read and checked (see `checkSiteImage`). */
export interface SiteImages {
  icon?: SiteImage
  logo?: SiteImage
}

/** What reading an icon or logo file gave: its bytes, or why there are none. */
export type ImageRead = { bytes: Uint8Array } | { missing: true } | { unreadable: string }

/** Why an icon or logo cannot be used, as the catalogue's rule and details (src/messages.ts). */
export type SiteImageProblem =
  | { rule: 'missing-site-image'; details: { field: SiteImageKind; path: string } }
  | { rule: 'invalid-site-image'; details: { field: SiteImageKind; detail: string; types: string } }
  | { rule: 'icon-not-square'; details: { width: number; height: number } }
  | { rule: 'icon-too-small'; details: { size: number; min: number } }
  | { rule: 'logo-not-wide'; details: { width: number; height: number } }

/**
 * The icon or logo at `path` (see `siteImagePath`), from what reading it
 * gave: its URL, size and type, or the problem that keeps it off the site.
 * The type is the bytes' (image-size reads the header), whatever the file is
 * called; an icon must be square and at least `minIconSize` pixels, a logo
 * wider than it is tall.
 */
export function checkSiteImage(kind: SiteImageKind, path: string, read: ImageRead, site: string): { image: SiteImage } | { problem: SiteImageProblem } {
  const types = siteImageTypes[kind]
  const named = Object.keys(types).map((type) => type.toUpperCase()).join(', ')
  const invalid = (detail: string) => ({ problem: { rule: 'invalid-site-image', details: { field: kind, detail, types: named } } }) as const
  if ('missing' in read) return { problem: { rule: 'missing-site-image', details: { field: kind, path } } }
  if ('unreadable' in read) return invalid(read.unreadable)
  let size: ReturnType<typeof imageSize>
  try {
    size = imageSize(read.bytes)
  } catch {
    return invalid(`\`articles/${path}\` is not an image wirefeed can read (by its bytes, whatever its name)`)
  }
  const type = (types as Record<string, string>)[size.type ?? '']
  if (type === undefined) return invalid(`\`articles/${path}\` is ${size.type === undefined ? 'of no known type' : `a ${size.type.toUpperCase()} image`}`)
  const { width, height } = size
  if (kind === 'icon' && width !== height) return { problem: { rule: 'icon-not-square', details: { width, height } } }
  if (kind === 'icon' && width < minIconSize) return { problem: { rule: 'icon-too-small', details: { size: width, min: minIconSize } } }
  if (kind === 'logo' && width <= height) return { problem: { rule: 'logo-not-wide', details: { width, height } } }
  return { image: { url: new URL(path, site).href, width, height, type } }
}

/**
 * The config's icon and logo, each read with `read` and checked; each
 * problem is passed to `problem` and leaves that one out.
 */
export function siteImagesOf(
  fields: Partial<Record<SiteImageKind, string>>,
  site: string,
  read: (path: string) => ImageRead,
  problem: (kind: SiteImageKind, found: SiteImageProblem) => void,
): SiteImages {
  const images: SiteImages = {}
  for (const kind of ['icon', 'logo'] as const) {
    const path = fields[kind]
    if (path === undefined) continue
    const checked = checkSiteImage(kind, path, read(path), site)
    if ('image' in checked) images[kind] = checked.image
    else problem(kind, checked.problem)
  }
  return images
}

/** Where the icon made from the site's initials is published, when the config names none. */
export const defaultIconFile = 'icon.svg'

/**
 * The icon made when the config names none, so no page asks for a favicon
 * that is not there: the site's initials (the first letter or digit of its
 * first two words, upper-cased) white on a colour taken from a hash of the
 * title. Deterministic: the same title, the same bytes. Plain SVG with no
 * script, link or font file (src/svg.ts would refuse those).
 */
export function initialsIcon(title: string): string {
  const words = title.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu) ?? []
  const initials = words.slice(0, 2).map((word) => (word.match(/^[\p{L}\p{N}]/u)?.[0] ?? '').toLocaleUpperCase('en')).join('') || 'W'
  const hue = createHash('sha256').update(title).digest().readUInt16BE(0) % 360
  // Dark enough for white text at WCAG's 4.5:1 whatever the hue.
  const background = `hsl(${hue}, 60%, 30%)`
  const fontSize = initials.length > 1 ? 30 : 40
  const text = initials.replace(/[&<>]/g, (character) => `&#${character.charCodeAt(0)};`)
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64">' +
    `<rect width="64" height="64" rx="12" fill="${background}"/>` +
    `<text x="32" y="32" dy="0.35em" text-anchor="middle" font-family="system-ui, sans-serif" font-weight="700" font-size="${fontSize}" fill="#fff">${text}</text>` +
    '</svg>\n'
  )
}
