/** Where output goes and what the environment is: injected, so tests run the CLI in-process too. */
export interface Io {
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: NodeJS.ProcessEnv
  /** Whether stderr is a terminal: colours and the progress bar only then. */
  tty: boolean
  /** The wall clock, consulted only when neither --now nor SOURCE_DATE_EPOCH is given. */
  clock: () => Date
}

/** A mistake in how the CLI was called: one sentence, then the usage; exit code 2. */
export class UsageError extends Error {}
