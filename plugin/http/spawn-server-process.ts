import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ensureLauncher, parseLauncherReport } from '../collectors/launcher.ts'
import { listDescendants } from '../collectors/process-tree.ts'
import { readProcChildren } from '../system/proc-stat.ts'
import { BenchError } from '../errors.ts'
import { isProcessAlive } from '../shared/scratch-dir.ts'
import type { ServerExit, ServerInstance } from './types.ts'

/** What one server process runs. */
export interface ServerProcessSpec {
  file: string
  args: string[]
  /** The URL one request fetches, for the ServerInstance. */
  url: string
  /**
   * Where the server's stdout and stderr files go: the spawn request's scratch folder, which belongs
   * to this one server. Stopped by Ctrl-C or this process's death, the launcher deletes it.
   */
  scratchDir: string
  /** Extra environment on top of this process's. */
  env?: Record<string, string>
  cwd?: string
  /**
   * A command the launcher runs after it has killed the server because it was stopped (`close`,
   * Ctrl-C, this process dying): what killing the server's process leaves behind (a runc container).
   */
  cleanup?: string[]
}

/** How much of the server's output a failure message quotes, in bytes (stderr and stdout each). */
export const outputTailBytes = 2048
/** A server lives at most this long; the launcher kills it then (a safety net behind `close`). */
const lifetimeLimitMs = 3_600_000
/** How long `spawn` waits for the launcher to start the server process. */
const childWaitMs = 5_000

/**
 * Starts a long-lived server process under the measurement launcher (plugin/collectors/launcher.c),
 * which asks the kernel to stop it when this Node process dies (PR_SET_PDEATHSIG) and reports how
 * it ended. Resolves once the process exists (not once it listens). The instance's `pid` is the
 * server itself (the launcher's child), so samples of its tree leave the launcher out; `exited`
 * settles with the exit code or signal and the tail of its output; `close` stops the launcher
 * (which SIGKILLs and reaps the server) and then any process the server left behind.
 * Every server adapter that runs a local process can use it.
 */
export async function spawnServerProcess(spec: ServerProcessSpec): Promise<ServerInstance> {
  const launcher = await ensureLauncher()
  const stdoutPath = join(spec.scratchDir, 'server.stdout')
  const stderrPath = join(spec.scratchDir, 'server.stderr')
  const child = spawn(launcher, [
    '--stdout', stdoutPath, '--stderr', stderrPath, '--timeout-ms', String(lifetimeLimitMs),
    '--parent-pid', String(process.pid), ...(spec.cleanup ?? []).flatMap((arg) => ['--cleanup', arg]),
    // Stopped by Ctrl-C or this process's death, the launcher deletes the scratch folder itself.
    // (`close` sends SIGTERM and still reads the output tail: --keep-on-sigterm.)
    '--scratch-dir', spec.scratchDir, '--keep-on-sigterm',
    '--', spec.file, ...spec.args,
  ], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...spec.env },
    ...(spec.cwd === undefined ? {} : { cwd: spec.cwd }),
  })
  let launcherOutput = ''
  child.stdout.on('data', (chunk: Buffer) => { launcherOutput += chunk.toString('utf8') })
  child.stderr.on('data', (chunk: Buffer) => { launcherOutput += chunk.toString('utf8') })
  const outputTail = async (): Promise<string> => readOutputTail(stdoutPath, stderrPath)
  const exited = new Promise<ServerExit>((resolve) => {
    child.once('close', (code, signal) => {
      const report = parseLauncherReport(launcherOutput)
      void outputTail().then((tail) => {
        if (report !== undefined && 'exitCode' in report) resolve({ exitCode: report.exitCode, signal: report.signal, outputTail: tail })
        // Stopped by `close` (or the parent's death): the launcher SIGKILLed the server.
        else if (report !== undefined && 'error' in report && report.error.startsWith('interrupted by')) resolve({ exitCode: null, signal: 'SIGKILL', outputTail: tail })
        else resolve({ exitCode: code, signal, outputTail: `${tail}\n${launcherOutput.trim()}`.trim() })
      })
    })
  })
  const launcherPid = child.pid
  if (launcherPid === undefined) {
    const failure = await new Promise<Error>((resolve) => child.once('error', resolve))
    throw new BenchError('runtime-unavailable', `Cannot start the server \`${spec.file}\`: ${failure.message}.`, { cause: failure })
  }
  const pid = await findChild(launcherPid, exited)
  let closing: Promise<void> | undefined
  const close = (): Promise<void> => {
    closing ??= (async () => {
      const leftovers = pid === undefined ? [] : await listDescendants(pid)
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        await exited
      }
      for (const { pid: leftover } of leftovers) if (isProcessAlive(leftover)) process.kill(leftover, 'SIGKILL')
    })()
    return closing
  }
  if (pid === undefined) {
    const exit = await Promise.race([exited, new Promise<undefined>((resolve) => setTimeout(resolve, 100, undefined))])
    await close()
    const how = exit === undefined ? `did not appear within ${childWaitMs} ms` : `exited at once (${describeExit(exit)})`
    throw new BenchError('runtime-unavailable', `The server \`${spec.file}\` ${how}.${formatTail(exit?.outputTail ?? await outputTail())}`)
  }
  return { url: spec.url, pid, exited, close }
}

/** The launcher's child, read from /proc/<pid>/task/<pid>/children; undefined when it exits or never appears. */
async function findChild(launcherPid: number, exited: Promise<ServerExit>): Promise<number | undefined> {
  let gone = false
  void exited.then(() => { gone = true })
  const deadline = Date.now() + childWaitMs
  while (!gone && Date.now() < deadline) {
    const [pid] = await readProcChildren(launcherPid)
    if (pid !== undefined) return pid
    await new Promise((resolve) => setTimeout(resolve, 1))
  }
  return undefined
}

async function readTail(path: string): Promise<string> {
  const text = await readFile(path, 'utf8').catch(() => '')
  return text.length > outputTailBytes ? `…${text.slice(-outputTailBytes)}` : text
}

/** The last {@link outputTailBytes} of a server's stderr and stdout, labelled; empty when both are. */
export async function readOutputTail(stdoutPath: string, stderrPath: string): Promise<string> {
  const [stdout, stderr] = await Promise.all([readTail(stdoutPath), readTail(stderrPath)])
  return [stderr.trim() === '' ? '' : `stderr:\n${stderr.trimEnd()}`, stdout.trim() === '' ? '' : `stdout:\n${stdout.trimEnd()}`].filter((part) => part !== '').join('\n')
}

/** `exit code 1`, `signal SIGSEGV`. */
export function describeExit(exit: Pick<ServerExit, 'exitCode' | 'signal'>): string {
  if (exit.signal !== null) return `signal ${exit.signal}`
  return exit.exitCode === null ? 'no exit status' : `exit code ${exit.exitCode}`
}

/** The server's output tail for a failure message, or a note that it printed nothing. */
export function formatTail(tail: string): string {
  return tail.trim() === '' ? ' The server printed nothing.' : `\nServer output (last lines):\n${tail.trim()}`
}
