/**
 * Body images with their size (issue #20: "no layout shift"): each `<img>`
 * whose `src` is one of `sizes` and that says neither `width` nor `height`
 * gets both, so a browser keeps its room before it loads.
 *
 * A rewrite of the stored body HTML, not a parse: that HTML is
 * rehype-stringify's output over a sanitised tree (src/render.ts), in which
 * a `<` in text or in an attribute's value is always escaped, every
 * attribute value is double-quoted, and an `<img` can only open an element.
 * So a tag is exactly what `imgTag` matches, and the body is not parsed
 * again for every page made. Done when the page is made, from sizes the
 * engine read with the images' digests: the analysis never reads an image.
 */
export function withImageSizes(html: string, sizes: Readonly<Record<string, { width: number; height: number }>> | undefined): string {
  if (!sizes || !html.includes('<img')) return html
  return html.replace(imgTag, (tag: string, attributes: string, end: string) => {
    const src = /\ssrc="([^"]*)"/.exec(attributes)?.[1]
    const size = src === undefined ? undefined : sizes[unescape(src)]
    if (!size || /\s(width|height)(=|\s|$)/.test(attributes)) return tag
    return `<img${attributes} width="${size.width}" height="${size.height}"${end}`
  })
}

/** An `<img>` start tag as hast-util-to-html writes it: its attributes, and how it ends. */
const imgTag = /<img((?:\s+[^\s"'>/=]+(?:="[^"]*")?)*)(\s*\/?>)/g

/** An attribute value as written (`&#x26;` for `&`, `&#x22;` for `"`) → its text. */
function unescape(value: string): string {
  return value.replace(/&#x([0-9a-f]+);|&#(\d+);|&amp;|&quot;/gi, (entity: string, hex?: string, decimal?: string) =>
    hex !== undefined ? String.fromCodePoint(Number.parseInt(hex, 16)) : decimal !== undefined ? String.fromCodePoint(Number(decimal)) : entity.toLowerCase() === '&amp;' ? '&' : '"',
  )
}
