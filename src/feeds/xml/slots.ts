import { stringifyEntities } from 'stringify-entities'

/**
 * Work around `feed`@6's writers, which cannot carry arbitrary text
 * (tests/feeds/defects.test.ts reproduces each defect):
 * - in CDATA it escapes only the first `]]>`, so a second one ends the section early;
 * - in attributes it escapes only `"` (`feed` adds `&`): `<` in a category is malformed;
 * - enclosure attributes are not escaped at all (`&` in a title is malformed);
 * - in text it first turns every `&amp;` back into `&`, so "&amp;" in a headline is lost;
 * - and every document is a string built whole, so content put through it
 *   is copied several times over: a month's archive, megabytes.
 *
 * So we never hand it our text. Each value becomes a slot marker built from
 * U+FFFE, a character `xmlSafe` has already removed from every input (it is
 * illegal in XML), so a marker can only be ours. After `feed` has written the
 * document (and src/feeds/xml/edit.ts has added to it), `fillXml` replaces
 * each marker, and any CDATA section wrapped around one, with the value
 * escaped once by stringify-entities (see `escapeXml`); CDATA and escaped text mean the same
 * to every XML parser. `fillJson` does the same in a JSON document, for the
 * values of one key.
 */
export function createSlots() {
  const values: string[] = []
  const value = (index: string) => {
    const found = values[Number(index)]
    if (found === undefined) throw new Error(`no value for slot ${index}`)
    return found
  }
  return {
    /** A marker to pass to `feed` in place of `text`. */
    slot(text: string): string {
      values.push(text)
      return `\uFFFE${values.length - 1}\uFFFE`
    },
    /** The XML document with every marker replaced by its escaped value. */
    fillXml(xml: string): string {
      return xml.replace(
        /<!\[CDATA\[\uFFFE(\d+)\uFFFE\]\]>|\uFFFE(\d+)\uFFFE/g,
        (match: string, inCdata: string | undefined, bare: string | undefined, offset: number) =>
          // xml-js quotes attributes with `"`: a marker right after one is an attribute value.
          escapeXml(value(inCdata ?? bare ?? ''), xml[offset - 1] === '"' && match[0] !== '<'),
      )
    },
    /**
     * The JSON document `JSON.stringify(…, null, 2)` wrote, with every value
     * of `key` that is a marker replaced by its value as a JSON string. As a
     * key, `"key": "` is never inside a string, where every quote is escaped.
     */
    fillJson(json: string, key: string): string {
      return json.replace(new RegExp(`"${key}": "\uFFFE(\\d+)\uFFFE"`, 'g'), (_, index: string) => `"${key}": ${JSON.stringify(value(index))}`)
    },
  }
}

export type Slots = ReturnType<typeof createSlots>

/**
 * Escape text or an attribute value, once. CR, and in attributes also tab
 * and LF, become references: XML parsers would otherwise normalise them away.
 *
 * Text is written with hexadecimal references (`&#x26;`, `&#x3C;`; `>` only
 * where `]]>` needs it, `"` not at all), attributes with named ones
 * (`&amp;`, `&lt;`, `&quot;`). To an XML parser both are the same characters,
 * but not to everyone that reads feeds:
 * - The W3C Feed Validation Service reads a plain-text element that holds
 *   `<` or a named reference once decoded as HTML (`ContainsHTML`,
 *   `CharacterData`), unless its line holds a hexadecimal reference, as the
 *   RSS Advisory Board's profile recommends: `Test newsroom <for>` in the RSS
 *   channel description (HTML, so first `&lt;for>`) was reported in every
 *   RSS document.
 * - fast-xml-parser, which JavaScript readers build on (feed-parser among
 *   them), decodes named references but leaves numeric ones to the reader,
 *   which decodes once more. With named references a text was decoded twice:
 *   an RSS title "&amp;" read "&", and escaped text in Atom HTML content,
 *   `&lt;script>` in a correction note, came out as a `<script>` element.
 *   With hexadecimal ones it is decoded once, as meant. Attribute values such
 *   readers take as the parser gives them, so those stay named.
 * And it is shorter for markup: `&#x3C;p>` against `&lt;p&gt;`.
 */
export function escapeXml(value: string, attribute = false) {
  if (attribute) return stringifyEntities(value, { subset: attributeSubset, useNamedReferences: true })
  return stringifyEntities(value, { subset: textSubset }).replaceAll(']]>', ']]&#x3E;')
}

// One array each: stringify-entities compiles a subset's expression once per array it is given.
const textSubset = ['&', '<', '\r']
const attributeSubset = ['&', '<', '>', '"', '\r', '\t', '\n']
