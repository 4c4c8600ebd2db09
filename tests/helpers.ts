// Test support: in-memory sources and independent parsers for our output.
import { parseFeed } from '@rowanmanning/feed-parser'
import { SaxesParser } from 'saxes'
import { VFile } from 'vfile'
import { stringify } from 'yaml'
import { readFileSync } from 'node:fs'
import { imageInfo } from '../src/image-info.ts'
import { listImages, type Image } from '../src/load.ts'
import { analyseSource } from '../src/analyse.ts'
import { resolveConfig, type Config, type ConfigInput } from '../src/config.ts'
import { feedModel, siteFeed, type FeedModel } from '../src/feeds/model.ts'
import type { OutputFile } from '../src/output.ts'
import { shown, type BodyOf, type ShownArticle } from '../src/shown.ts'

export const fixtures = new URL('./fixtures/', import.meta.url)

/** Output files as path → content, each one made. */
export function contents(files: Iterable<OutputFile>): Map<string, string> {
  return new Map([...files].map((file) => [file.path, file.content()]))
}

export function config(input: ConfigInput = {}): Config {
  return resolveConfig({ url: 'https://news.example.org/', timeZone: 'Europe/Kyiv', ...input })
}

/** An article source: front matter from `fields` (a valid minimal article by default), then `body`. */
export function source(fields: Record<string, unknown> = {}, body = 'Body text.\n', path = 'articles/a-story.md') {
  const data = { title: 'A story', summary: 'What happened.', author: 'Ann Writer', date: '2026-01-06', ...fields }
  for (const [key, value] of Object.entries(data)) if (value === undefined) delete data[key as keyof typeof data]
  return new VFile({ path, value: `---\n${stringify(data)}---\n\n${body}` })
}

/** Articles as pages and feeds show them, with their bodies. */
export interface Rendered {
  articles: ShownArticle[]
  bodyOf: BodyOf
}

/**
 * Validate and render sources as published whatever their date, throwing if
 * any is invalid: for tests about what comes after validation.
 */
export function rendered(files: readonly VFile[], settings: Config = config()): Rendered {
  const bodies = new Map<string, string>()
  const articles = files.map((file) => {
    const { article, body } = analyseSource(file, settings, new Date(8.64e15))
    if (!article || !body) throw new Error(`invalid test source ${file.path}: ${file.messages.join('; ')}`)
    bodies.set(article.id, body.html)
    return shown(article, body.readingTime)
  })
  return { articles, bodyOf: (article) => bodies.get(article.id) ?? '' }
}

/** The site feed's model of sources, as `rendered` renders them. */
export function model(files: readonly VFile[], settings: Config = config()): FeedModel {
  const { articles, bodyOf } = rendered(files, settings)
  return feedModel(articles, settings, siteFeed(settings), bodyOf, { limit: settings.feedItems })
}

export interface XmlElement {
  name: string
  uri: string
  attributes: Record<string, string>
  children: XmlElement[]
  text: string
}

/** Parse with saxes, a strict, namespace-aware XML 1.0 parser: any well-formedness error throws. */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true })
  const stack: XmlElement[] = []
  let root: XmlElement | undefined
  parser.on('error', (error) => {
    throw error
  })
  parser.on('opentag', (tag) => {
    const element: XmlElement = {
      name: tag.local ?? tag.name,
      uri: tag.uri ?? '',
      attributes: Object.fromEntries(
        Object.values(tag.attributes).map((attribute) =>
          typeof attribute === 'string' ? ['', attribute] : [attribute.name, attribute.value],
        ),
      ),
      children: [],
      text: '',
    }
    stack.at(-1)?.children.push(element)
    stack.push(element)
    root ??= element
  })
  const addText = (text: string) => {
    const top = stack.at(-1)
    if (top) top.text += text
  }
  parser.on('text', addText)
  parser.on('cdata', addText)
  parser.on('closetag', () => stack.pop())
  parser.write(xml).close()
  if (!root) throw new Error('no root element')
  return root
}

/** Every descendant element named `name` (local name), depth first. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((child) => [...(child.name === name ? [child] : []), ...findAll(child, name)])
}

/** Parse RSS or Atom with @rowanmanning/feed-parser, an independent, lenient reader's view. */
export function readFeed(xml: string) {
  return parseFeed(xml)
}

/** The images under an articles folder with what their bytes say, as the engine reads them (src/engine/index.ts `withDigest`). */
export function readImages(dir: string): Image[] {
  return listImages(dir).map((image) => (/\.svg$/i.test(image.path) ? image : { ...image, info: imageInfo(readFileSync(image.source)) }))
}

/** A PNG of `width` × `height` as far as image-size reads it: the signature and the IHDR chunk. */
export function pngHeader(width: number, height: number): Uint8Array {
  const bytes = Buffer.alloc(33)
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes, 0)
  bytes.writeUInt32BE(13, 8)
  bytes.write('IHDR', 12, 'latin1')
  bytes.writeUInt32BE(width, 16)
  bytes.writeUInt32BE(height, 20)
  bytes.set([8, 2, 0, 0, 0], 24)
  return bytes
}
