import type { Config } from '../config.ts'
import { flagHelp, type FlagName, type Options } from './flags.ts'
import type { Io } from './io.ts'

/** A command's code: given the site config, the options and the world, it resolves to the exit code. */
export type Handler = (config: Config, options: Options, io: Io) => Promise<number>

/**
 * Every command: what `--help` says of it, the flags it takes, and its code,
 * loaded only when it runs (starting is most of a rebuild with nothing changed).
 */
export const commands = {
  build: {
    summary: 'validate the articles and write the feeds to the output folder',
    operands: '',
    flags: ['articles', 'out', 'config', 'ledger', 'now', 'drafts', 'future', 'format', 'cache', 'threads'],
    examples: ['wirefeed build', 'wirefeed build --now 2026-01-06T18:00:00+02:00 --out preview', 'wirefeed build --drafts --future'],
    readsImages: true,
    handler: async () => (await import('../commands/build.ts')).buildCommand,
  },
  check: {
    summary: 'validate only: every error and warning, what is scheduled; writes no output',
    operands: '',
    flags: ['articles', 'config', 'ledger', 'out', 'now', 'format', 'cache', 'threads', 'profile'],
    examples: ['wirefeed check', 'wirefeed check --format github', 'wirefeed check --profile google'],
    readsImages: true,
    handler: async () => (await import('../commands/build.ts')).checkCommand,
  },
  list: {
    summary: 'list what is published, scheduled (with go-live time) and draft, one line each',
    operands: '',
    flags: ['articles', 'config', 'now', 'cache'],
    examples: ['wirefeed list', 'wirefeed list --now 2026-02-01T00:00:00Z'],
    handler: async () => (await import('../commands/list.ts')).listCommand,
  },
  new: {
    summary: 'create articles/<yyyy>/<slug>.md for a headline, as a draft with valid front matter',
    operands: '"<headline>"',
    flags: ['articles', 'config', 'now'],
    examples: ['wirefeed new "Paris summit agrees binding guarantees"', 'wirefeed new "Київ готує нову угоду"'],
    handler: async () => (await import('../commands/create.ts')).newCommand,
  },
  import: {
    summary:
      'turn plain-text exports and Jekyll, Hugo, Eleventy, Astro or Zola posts (files, or folders of them) into articles',
    operands: '<file|folder>...',
    flags: ['articles', 'config', 'feed'],
    examples: ['wirefeed import incoming/summit.txt', 'wirefeed import old-site/_posts --feed old-site/_site/feed.xml'],
    handler: async () => (await import('../commands/create.ts')).importCommand,
  },
  init: {
    summary: 'start a newsroom in a folder: the config, a welcome article, the workflows; overwrites nothing',
    operands: '[dir]',
    flags: ['title', 'url', 'language', 'time-zone', 'schedule', 'now'],
    examples: ['wirefeed init', 'wirefeed init kyiv-desk --title "Kyiv Desk" --time-zone Europe/Kyiv --schedule 15min'],
    readsConfig: false,
    handler: async () => (await import('../commands/init.ts')).initCommand,
  },
  serve: {
    summary: 'serve the output folder on 127.0.0.1, as a static host would',
    operands: '',
    flags: ['out', 'port', 'watch', 'drafts', 'future', 'articles', 'config', 'now', 'cache'],
    examples: ['wirefeed serve', 'wirefeed serve --watch --port 4000', 'wirefeed serve --watch --drafts --future'],
    handler: async () => (await import('../commands/serve.ts')).serveCommand,
  },
  fetch: {
    summary: "download the live site's ledger.json and build.json (before a publish)",
    operands: '',
    flags: ['into', 'config'],
    examples: ['wirefeed fetch && wirefeed build --ledger .live/ledger.json'],
    handler: async () => (await import('../commands/live.ts')).fetchCommand,
  },
  ping: {
    summary: "tell the site's WebSub hub that the feeds changed (after a publish)",
    operands: '',
    flags: ['config'],
    examples: ['wirefeed ping'],
    handler: async () => (await import('../commands/live.ts')).pingCommand,
  },
} satisfies Record<string, Command>

export interface Command {
  summary: string
  operands: string
  flags: FlagName[]
  examples: string[]
  /** False for a command that makes a site rather than reading one (`init`): it gets the defaults. */
  readsConfig?: false
  /**
   * True for a command that builds the site: its config's `icon` and `logo`
   * are read and checked with it, each problem at its line (src/site-images.ts).
   * (`serve` reads the config itself, on every build.)
   */
  readsImages?: true
  handler: () => Promise<Handler>
}

export type CommandName = keyof typeof commands

/** The flags every command takes. */
export const always: FlagName[] = ['quiet', 'verbose', 'help', 'version']

/** The help for one command, or the overview. */
export function helpText(name?: CommandName): string {
  if (!name) {
    const list = Object.entries(commands).map(([command, c]) => `  ${command.padEnd(8)} ${c.summary}`)
    return `Usage: wirefeed <command> [options]\n\nCommands:\n${list.join('\n')}\n\nRun \`wirefeed <command> --help\` for a command's options and examples.\n`
  }
  const { summary, operands, flags, examples } = commands[name]
  const lines = [...flags, ...always].map((flag) => `  ${flagHelp(flag)}`)
  return `Usage: wirefeed ${name}${operands ? ` ${operands}` : ''} [options]\n\n${summary[0]?.toUpperCase()}${summary.slice(1)}.\n\nOptions:\n${lines.join('\n')}\n\nExamples:\n${examples.map((e) => `  ${e}`).join('\n')}\n`
}
