/**
 * Characters XML 1.0 forbids (C0 controls but tab, LF, CR; U+FFFE, U+FFFF;
 * lone surrogates). `feed` passes them through, making the document
 * malformed; JSON could carry them, but the three formats must agree, so every
 * text is cleaned once here: in the schema for front matter, in the feed
 * mapping for rendered HTML and config text.
 */
const xmlIllegal =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

export function xmlSafe(text: string): string {
  return text.replace(xmlIllegal, '')
}
