// `wirefeed serve --watch` as a subprocess, for the tests that edit a site under it and wait over HTTP.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'

const bin = fileURLToPath(new URL('../../lib/cli/bin.js', import.meta.url))
/** How long one change may take to be served: generous, for a loaded CI machine. No test sleeps for a fixed time to decide anything. */
export const deadline = 30_000

export interface Preview {
  /** The site's address in the preview: `http://127.0.0.1:<port>/desk/`. */
  base: string
  stdout: () => string
  stderr: () => string
  /** Poll until `condition` holds, or fail saying `what`, with the server's output. */
  until: (condition: () => boolean | Promise<boolean>, what: string) => Promise<void>
  /** GET a path under the site, as text. */
  get: (path: string) => Promise<{ status: number; text: string }>
  /** Ctrl+C, and the exit code. */
  stop: () => Promise<number | null>
}

/** Start `serve --watch --port 0` with `args` in `dir`, and wait until it serves; killed if it never does. */
export async function preview(dir: string, args: string[] = []): Promise<Preview> {
  const { SOURCE_DATE_EPOCH, ...env } = process.env
  const child = spawn(process.execPath, [bin, 'serve', '--watch', '--port', '0', ...args], { cwd: dir, env: { ...env, CI: 'true' } })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => (stdout += chunk))
  child.stderr.on('data', (chunk) => (stderr += chunk))
  const exited = once(child, 'exit')
  const until = async (condition: () => boolean | Promise<boolean>, what: string) => {
    const end = Date.now() + deadline
    while (Date.now() < end) {
      if (await Promise.resolve().then(condition).catch(() => false)) return
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    throw new Error(`timed out waiting for ${what}\nstdout:\n${stdout}\nstderr:\n${stderr}`)
  }
  try {
    await until(() => / at http:\S+ \(Ctrl\+C stops\)/.test(stdout) || child.exitCode !== null, 'the server')
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}\nstdout:\n${stdout}\nstderr:\n${stderr}`)
  } catch (error) {
    child.kill('SIGKILL')
    throw error
  }
  const base = / at (http:\S+) \(Ctrl\+C stops\)/.exec(stdout)?.[1] ?? ''
  return {
    base,
    stdout: () => stdout,
    stderr: () => stderr,
    until,
    async get(path) {
      const response = await fetch(new URL(path, base))
      return { status: response.status, text: await response.text() }
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT')
      const [code] = await exited
      return code as number | null
    },
  }
}
