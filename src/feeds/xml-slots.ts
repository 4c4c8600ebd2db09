import { stringifyEntities } from 'stringify-entities'

/**
 * Work around `feed`@6's XML writer (xml-js underneath), which cannot carry
 * arbitrary text:
 * - in CDATA it escapes only the first `]]>`, so a second one ends the section early;
 * - in attributes it escapes only `"` (`feed` adds `&`): `<` in a category is malformed;
 * - enclosure attributes are not escaped at all (`&` in a title is malformed);
 * - in text it first turns every `&amp;` back into `&`, so "&amp;" in a headline is lost.
 *
 * So we never hand it our text. Each value becomes a slot marker built from
 * U+FFFE, a character `xmlSafe` has already removed from every input (it is
 * illegal in XML), so a marker can only be ours. After `feed` has written the
 * document, `fill` replaces each marker, and any CDATA section wrapped around
 * one, with the value escaped once by stringify-entities. CDATA and escaped
 * text mean the same to every XML parser.
 */
export function createSlots() {
  const values: string[] = []
  return {
    /** A marker to pass to `feed` in place of `value`. */
    slot(value: string): string {
      values.push(value)
      return `\uFFFE${values.length - 1}\uFFFE`
    },
    /** The document with every marker replaced by its escaped value. */
    fill(xml: string): string {
      return xml.replace(
        /<!\[CDATA\[\uFFFE(\d+)\uFFFE\]\]>|\uFFFE(\d+)\uFFFE/g,
        (match: string, inCdata: string | undefined, bare: string | undefined, offset: number) =>
          // xml-js quotes attributes with `"`: a marker right after one is an attribute value.
          escapeXml(values[Number(inCdata ?? bare)] ?? '', xml[offset - 1] === '"' && match[0] !== '<'),
      )
    },
  }
}

/**
 * Escape text or an attribute value. CR, and in attributes also tab and LF,
 * become references: XML parsers would otherwise normalise them away.
 */
function escapeXml(value: string, attribute = false) {
  return stringifyEntities(value, { subset: attribute ? attributeSubset : textSubset, useNamedReferences: true })
}

// One array each: stringify-entities compiles a subset's expression once per array it is given.
const textSubset = ['&', '<', '>', '"', '\r']
const attributeSubset = [...textSubset, '\t', '\n']

/**
 * Add attributes to the root element's start tag. `feed` cannot declare
 * namespaces we use (`media:`, and `dc:` when it omits it) nor set Atom's
 * `xml:lang`; attributes already there are left as they are.
 */
export function addRootAttributes(xml: string, root: string, attributes: Record<string, string>): string {
  const start = xml.indexOf(`<${root}`)
  const end = xml.indexOf('>', start)
  const tag = xml.slice(start, end)
  const added = Object.entries(attributes)
    .filter(([name]) => !tag.includes(` ${name}=`))
    .map(([name, value]) => ` ${name}="${escapeXml(value, true)}"`)
    .join('')
  return xml.slice(0, end) + added + xml.slice(end)
}
