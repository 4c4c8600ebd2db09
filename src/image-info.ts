import { imageSize } from 'image-size'

/** What an image's bytes say of it: its size in pixels, its media type, its length. */
export interface ImageInfo {
  width: number
  height: number
  /** The media type its bytes show (`image/jpeg`), whatever its name says. */
  type: string
  /** Its length in bytes (Media RSS `fileSize`). */
  bytes: number
}

/** image-size's names for the types the site publishes, as media types. */
const mediaTypes: Record<string, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  heif: 'image/avif',
  avif: 'image/avif',
}

/**
 * An image's size and type from its bytes (image-size reads the header;
 * nothing is decoded), or `null` when they are no image of a type the site
 * publishes: a page saved as `.jpg`, a truncated file.
 */
export function imageInfo(bytes: Uint8Array): ImageInfo | null {
  try {
    const size = imageSize(bytes)
    const type = mediaTypes[size.type ?? '']
    if (type === undefined || !(size.width > 0 && size.height > 0)) return null
    // An image with EXIF orientation 5–8 is shown turned a quarter: its width is its height.
    const turned = size.orientation !== undefined && size.orientation >= 5
    return { width: turned ? size.height : size.width, height: turned ? size.width : size.height, type, bytes: bytes.length }
  } catch {
    return null
  }
}
