import type { Root } from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import type { VFile } from 'vfile'
import type { YamlSource } from './yaml-data.ts'

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm)

export interface ParsedSource {
  /** The Markdown tree of the whole file, front matter node removed; positions are the file's own. */
  tree: Root
  /** The YAML between the `---` fences, with its offset in the file; absent when there is none. */
  frontMatter?: YamlSource
}

/** Parse an article source once: body tree and front matter, both keeping true file positions. */
export function parseSource(file: VFile): ParsedSource {
  const tree = parser.parse(file)
  const [first] = tree.children
  if (first?.type !== 'yaml') return { tree }
  tree.children.shift()
  const value = String(file.value)
  const fenceStart = first.position?.start.offset ?? 0
  // The YAML text starts on the line after the opening fence.
  const offset = value.indexOf('\n', fenceStart) + 1
  return { tree, frontMatter: { text: value.slice(offset, offset + first.value.length), offset } }
}
