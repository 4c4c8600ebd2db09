import type { Root } from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified, type Data, type Processor } from 'unified'
import { EXIT, SKIP, visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import type { YamlSource } from './yaml-data.ts'

/**
 * GFM constructs that can only match where a source holds certain text.
 * micromark tries each construct wherever it may start: the email autolink
 * at every word (its `@` comes later), the table at every line, the www and
 * protocol autolinks at every `w` and `h`. On news copy they rarely match,
 * and trying them, with mdast-util-gfm-autolink-literal's transform, which
 * searches every text for addresses, took about 40% of parsing. So a source
 * is parsed without what it cannot use, which gives the same tree (tests/parse.test.ts
 * compares the two on generated Markdown):
 *
 * - before parsing, left out when the source has no match for `text`.
 *   Exact: the construct itself needs that text;
 * - www and protocol autolinks, and the transform, left out when no text of
 *   the tree parsed without them could hold an address (`addressText`), else
 *   the source is parsed again with them. Not decided on the source, where
 *   `https://` is in every link's destination, but exact too: only these
 *   constructs start at `h` or `w`, so without them those characters are
 *   data, and data ends up in a text node or an image's description, which
 *   is what is searched (not inside links, where no autolink forms); and the
 *   transform reads text nodes only.
 */
const onlyWith: ReadonlyArray<{ construct: string; text: RegExp }> = [
  // micromark-extension-gfm-autolink-literal: an email is atext right before a literal `@`, then
  // a domain, which it takes to be word characters, `-` and dots, one dot at least (even first:
  // `a@.b`). References are not decoded while tokenizing.
  { construct: 'emailAutolink', text: /[\w+.-]@[\w.-]*\./ },
  // micromark-extension-gfm-table: a delimiter row holds a `|`, or a `:` right against a `-`
  // (`:-`, `-:`; nothing may come between: `: -` is no delimiter).
  { construct: 'table', text: /\||:-|-:/ },
]

/** What a www or protocol autolink starts with, in any case. */
const webText = /www\.|https?:\/\//i

/** What the transform's email needs (it matches `[\w+.-]+@[\w-]+(?:\.[\w-]+)+`). */
const emailText = /[\w+.-]@[\w-]+\.[\w-]/

/**
 * The source text that can make a text node match `webText` or
 * `emailText`: the text itself, less what follows `www` and `http`, which a
 * backslash escape may write (`www\.` is the text `www.`, `https\://` is
 * `https://`), or a character reference, which may stand for any character
 * (`&#64;` is an `@`). Only a gate before the tree is looked at.
 */
const addressSource = /www|http|@|&/i

/** Left out unless the source shows, or the tree then shows, an address may be in its text. */
const tried = ['wwwAutolink', 'protocolAutolink']

/**
 * Link destinations, `](…)` and `<…>`, where addresses stand in most news
 * copy: a source with an address elsewhere is parsed with the autolinks at
 * once, not twice. Only a guess (a `](` may be text), which the tree settles.
 */
const destinations = /\]\([^()\s]*|<[^<>\s]*>/g

// micromark's types, as remark-parse declares them for a processor's data.
type Extension = NonNullable<Data['micromarkExtensions']>[number]
type Constructs = NonNullable<Extension['text']>

/** The fields of a micromark extension that map character codes to constructs. */
const constructFields = ['document', 'contentInitial', 'flowInitial', 'flow', 'string', 'text'] as const

/**
 * Drop the constructs named `names` from the parser's micromark extensions
 * (remark-gfm's among them); with the www and protocol ones, drop the
 * transforms that run on the tree too (remark-gfm's autolink transform).
 */
function remarkWithout(this: Processor, names: readonly string[]) {
  const data = this.data()
  const without = (record: Constructs) =>
    Object.fromEntries(
      Object.entries(record).flatMap(([code, constructs]) => {
        const kept = [constructs ?? []].flat().filter((construct) => !names.includes(construct.name ?? ''))
        return kept.length === 0 ? [] : [[code, kept] as const]
      }),
    )
  data.micromarkExtensions = data.micromarkExtensions?.map((extension) => {
    const copy = { ...extension }
    for (const field of constructFields) if (copy[field]) copy[field] = without(copy[field])
    return copy
  })
  if (tried.every((name) => names.includes(name))) {
    data.fromMarkdownExtensions = data.fromMarkdownExtensions?.map((extensions) =>
      [extensions].flat().map((extension) => ({ ...extension, transforms: [] })),
    )
  }
}

function makeParser(absent: readonly string[]) {
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkWithout, absent).freeze()
}

/** One frozen parser per set of constructs left out, made when first needed. */
const parsers = new Map<string, ReturnType<typeof makeParser>>()

function parser(absent: readonly string[]) {
  const key = absent.join(' ')
  let made = parsers.get(key)
  if (!made) {
    made = makeParser(absent)
    parsers.set(key, made)
  }
  return made
}

/** The GFM constructs the text of a source rules out before parsing (see `onlyWith`). */
export function gfmLeftOut(text: string): string[] {
  return onlyWith.filter((need) => !need.text.test(text)).map((need) => need.construct)
}

/**
 * Which autolinks the texts and image descriptions of `tree` may hold,
 * outside links, where none forms (in GFM, and in the transform, which
 * ignores them): `web` ones (then emails too), only `email` ones, or none.
 */
function addressesIn(tree: Root): 'web' | 'email' | undefined {
  let found: 'web' | 'email' | undefined
  visit(tree, (node) => {
    if (node.type === 'link' || node.type === 'linkReference') return SKIP
    const text = node.type === 'text' ? node.value : node.type === 'image' || node.type === 'imageReference' ? node.alt : undefined
    if (text && webText.test(text)) found = 'web'
    else if (text && emailText.test(text)) found = 'email'
    return found === 'web' ? EXIT : undefined
  })
  return found
}

/**
 * Parse with what the source cannot use left out. When a text may hold a
 * web address, parse again with the www and protocol autolinks; when it may
 * hold only an email, run the transforms left out, which find it.
 */
function parseMarkdown(file: VFile, text: string): Root {
  const absent = gfmLeftOut(text)
  if (webText.test(text.replace(destinations, ''))) return parser(absent).parse(file)
  const tree = parser([...absent, ...tried]).parse(file)
  const found = addressSource.test(text) ? addressesIn(tree) : undefined
  if (found === 'web') return parser(absent).parse(file)
  if (found === 'email') for (const transform of transformsOf(parser(absent))) transform(tree)
  return tree
}

/** The transforms a parser runs on each tree it makes (remark-gfm's autolink transform among them). */
function transformsOf(processor: ReturnType<typeof makeParser>) {
  return (processor.data('fromMarkdownExtensions') ?? []).flat().flatMap((extension) => extension.transforms ?? [])
}

export interface ParsedSource {
  /** The Markdown tree of the whole file, front matter node removed; positions are the file's own. */
  tree: Root
  /** The YAML between the `---` fences, with its offset in the file; absent when there is none. */
  frontMatter?: YamlSource
}

/** Parse an article source once: body tree and front matter, both keeping true file positions. */
export function parseSource(file: VFile): ParsedSource {
  const value = String(file.value)
  const tree = parseMarkdown(file, value)
  const [first] = tree.children
  if (first?.type !== 'yaml') return { tree }
  tree.children.shift()
  const fenceStart = first.position?.start.offset ?? 0
  // The YAML text starts on the line after the opening fence.
  const offset = value.indexOf('\n', fenceStart) + 1
  return { tree, frontMatter: { text: value.slice(offset, offset + first.value.length), offset } }
}
