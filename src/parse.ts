import type { Root } from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified, type Processor } from 'unified'
import type { VFile } from 'vfile'
import type { YamlSource } from './yaml-data.ts'

/**
 * GFM constructs that can only match a source holding certain text. micromark
 * tries each construct wherever it may start: the email autolink at every
 * word (its `@` comes later), the table at every line. On sources without
 * that text they cannot match, and trying them was a third of parsing, so
 * such sources are parsed without them: the same tree, in less time
 * (tests/parse.test.ts compares the two on generated Markdown).
 */
const onlyWith: ReadonlyArray<{ construct: string; text: RegExp }> = [
  // micromark-extension-gfm-autolink-literal, and mdast-util-gfm-autolink-literal's transform.
  { construct: 'emailAutolink', text: /@/ },
  // micromark-extension-gfm-table: a delimiter row holds a `|`, or a `:` against a `-` (`:-`, `-:`).
  { construct: 'table', text: /\||:-|-:/ },
]

type Constructs = Record<string, { name?: string } | Array<{ name?: string }>>

/** Drop the constructs named `names` from the parser's micromark extensions (remark-gfm's among them). */
function remarkWithout(this: Processor, names: readonly string[]) {
  const data = this.data()
  const without = (record: Constructs) =>
    Object.fromEntries(
      Object.entries(record).flatMap(([code, constructs]) => {
        const kept = [constructs].flat().filter((construct) => !names.includes(construct.name ?? ''))
        return kept.length === 0 ? [] : [[code, kept]]
      }),
    )
  data.micromarkExtensions = data.micromarkExtensions?.map((extension) =>
    Object.fromEntries(
      Object.entries(extension).map(([field, value]) => [field, field === 'disable' || typeof value !== 'object' ? value : without(value as Constructs)]),
    ),
  )
}

/** One frozen parser per set of constructs left out, made when first needed. */
const parsers = new Map<string, Processor<Root>>()

/** The GFM constructs that cannot match `text`, and that `parseSource` leaves out for it. */
export function gfmLeftOut(text: string): string[] {
  return onlyWith.filter((need) => !need.text.test(text)).map((need) => need.construct)
}

function parserFor(text: string) {
  const absent = gfmLeftOut(text)
  const key = absent.join(' ')
  let parser = parsers.get(key)
  if (!parser) {
    parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkWithout, absent).freeze() as never
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
