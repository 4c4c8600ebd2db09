import type { Root } from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified, type Data, type Processor } from 'unified'
import type { VFile } from 'vfile'
import type { YamlSource } from './yaml-data.ts'

/**
 * GFM constructs that can only match a source holding certain text. micromark
 * tries each construct wherever it may start: the email autolink at every
 * word (its `@` comes later), the table at every line. On sources without
 * that text they cannot match, and trying them took about half the time of
 * parsing news copy, so such sources are parsed without them: the same tree,
 * in half the time (tests/parse.test.ts compares the two on generated Markdown).
 */
const onlyWith: ReadonlyArray<{ construct: string; text: RegExp }> = [
  // micromark-extension-gfm-autolink-literal: its atext must reach a literal `@` (references are
  // not decoded while tokenizing). mdast-util-gfm-autolink-literal's transform is always run, and
  // still links `desk&#64;example.org`.
  { construct: 'emailAutolink', text: /@/ },
  // micromark-extension-gfm-table: a delimiter row holds a `|`, or a `:` right against a `-`
  // (`:-`, `-:`; nothing may come between: `: -` is no delimiter).
  { construct: 'table', text: /\||:-|-:/ },
]

// micromark's types, as remark-parse declares them for a processor's data.
type Extension = NonNullable<Data['micromarkExtensions']>[number]
type Constructs = NonNullable<Extension['text']>

/** The fields of a micromark extension that map character codes to constructs. */
const constructFields = ['document', 'contentInitial', 'flowInitial', 'flow', 'string', 'text'] as const

/** Drop the constructs named `names` from the parser's micromark extensions (remark-gfm's among them). */
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
}

function makeParser(absent: readonly string[]) {
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkWithout, absent).freeze()
}

/** One frozen parser per set of constructs left out, made when first needed. */
const parsers = new Map<string, ReturnType<typeof makeParser>>()

/** The GFM constructs that cannot match `text`, and that `parseSource` leaves out for it. */
export function gfmLeftOut(text: string): string[] {
  return onlyWith.filter((need) => !need.text.test(text)).map((need) => need.construct)
}

function parserFor(text: string) {
  const absent = gfmLeftOut(text)
  const key = absent.join(' ')
  let parser = parsers.get(key)
  if (!parser) {
    parser = makeParser(absent)
    parsers.set(key, parser)
  }
  return parser
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
  const tree = parserFor(value).parse(file)
  const [first] = tree.children
  if (first?.type !== 'yaml') return { tree }
  tree.children.shift()
  const fenceStart = first.position?.start.offset ?? 0
  // The YAML text starts on the line after the opening fence.
  const offset = value.indexOf('\n', fenceStart) + 1
  return { tree, frontMatter: { text: value.slice(offset, offset + first.value.length), offset } }
}
