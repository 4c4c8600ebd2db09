import { loadConfig } from './config-file.ts'
import { resolveConfig } from '../config.ts'
import { nearestName } from '../suggest.ts'
import { always, commands, helpText, type Command, type CommandName } from './commands.ts'
import { parseFlags, settings, type Options } from './flags.ts'
import { UsageError, type Io } from './io.ts'
import { packageVersion } from './version.ts'

/** `; did you mean \`build\`?` for a command mistyped by a letter or two (`biuld`). */
function meant(name: string): string | undefined {
  const candidate = nearestName(name, Object.keys(commands), 2)
  return candidate === undefined ? undefined : `; did you mean \`${candidate}\`?`
}

/** Run the CLI; resolves to the exit code: 0 success, 1 invalid input or failure, 2 bad usage. */
export async function main(argv: string[], io: Io): Promise<number> {
  let command: CommandName | undefined
  let options: Options
  try {
    ;({ command, options } = parse(argv, io))
  } catch (error) {
    if (!(error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))) throw error
    const named = argv.find((arg) => Object.hasOwn(commands, arg)) as CommandName | undefined
    io.stderr(`wirefeed: ${(error as Error).message}\n\n${helpText(named)}`)
    return 2
  }
  if (options.version) {
    io.stdout(`wirefeed ${packageVersion()}\n`)
    return 0
  }
  if (options.help || !command) {
    io.stdout(helpText(command))
    return 0
  }
  const entry: Command = commands[command]
  const config = entry.readsConfig === false ? resolveConfig() : loadConfig(options, io, entry.readsImages === true)
  if (typeof config === 'number') return config
  const handler = await entry.handler()
  return handler(config, options, io)
}

/** The command and options `argv` gives; a UsageError when they make no sense for the command. */
function parse(argv: string[], io: Io): { command?: CommandName; options: Options } {
  const { values, positionals, given } = parseFlags(argv)
  const [name, ...operands] = positionals
  if (name === undefined && (values.help || values.version)) return { options: settings(values, given, [], io) }
  if (name === undefined) throw new UsageError('no command given.')
  if (!Object.hasOwn(commands, name)) throw new UsageError(`unknown command \`${name}\`${meant(name) ?? '.'}`)
  const command = name as CommandName
  if (!values.help) {
    const foreign = given.find((flag) => ![...commands[command].flags, ...always].includes(flag))
    if (foreign) throw new UsageError(`\`${command}\` does not take --${foreign}.`)
    if (command === 'new' && operands.length !== 1) throw new UsageError('`new` takes one headline, in quotes.')
    if (command === 'import' && operands.length === 0) throw new UsageError('`import` takes one or more files or folders.')
    const allowed = command === 'import' ? Infinity : command === 'new' || command === 'init' ? 1 : 0
    if (operands.length > allowed) throw new UsageError(`unexpected argument \`${operands[allowed]}\`.`)
  }
  return { command, options: settings(values, given, operands, io) }
}
