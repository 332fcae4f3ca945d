/**
 * Deterministic instruction counts with valgrind's callgrind tool, for machines without hardware
 * counters: `valgrind --tool=callgrind` runs the program on a synthetic CPU and counts every guest
 * instruction executed (Ir), in user space, for all threads. Counting runs separately from timing
 * (it is 20-100 times slower). Native programs count the same every time; a JIT runtime such as
 * node varies by a few percent (background compilation, GC, hash seeds).
 */
import { spawn } from 'node:child_process'
import { mkdtemp, open, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BenchError } from '../errors.ts'
import { formatCommand } from '../shared/format-command.ts'

/** The install command named when valgrind is missing. */
export const valgrindInstallHint = 'apt-get install -y valgrind'

/** A program run under valgrind: its output and instruction count. */
export interface ValgrindCount {
  /** Instructions executed (callgrind's `Ir` total). */
  instructions: number
  stdout: Buffer
  exitCode: number | undefined
  stderr: string
}

/**
 * The informative part of a failed valgrind run's stderr: its assertion or error lines (valgrind ends
 * a crash with a paragraph asking for a bug report, which says nothing about the cause), else the last lines.
 */
export function valgrindFailure(stderr: string): string {
  const lines = stderr.trim().split('\n')
  const telling = lines.filter((line) => /assertion|error|failed|not available|unhandled|illegal/i.test(line) && !/bug report|report this bug/i.test(line))
  return (telling.length > 0 ? telling.slice(0, 3) : lines.slice(-5)).join('\n')
}

/** Reads the total from a callgrind output file (`summary:` or `totals:` line, first event = Ir). */
export function parseCallgrindTotal(text: string): number | undefined {
  const match = /^(?:summary|totals):\s+(\d+)/m.exec(text)
  return match?.[1] === undefined ? undefined : Number(match[1])
}

/**
 * Runs `file args` once under `valgrind --tool=callgrind` and returns the instruction count with
 * the program's stdout (for the caller to check). Throws a BenchError naming the install command
 * when valgrind is missing, or the command and valgrind's stderr when no count comes out.
 */
export async function countWithValgrind(command: { file: string; args: readonly string[]; timeoutMs: number }): Promise<ValgrindCount> {
  const dir = await mkdtemp(join(tmpdir(), 'wfb-callgrind-'))
  try {
    const outFile = join(dir, 'callgrind.out')
    const stdoutFile = join(dir, 'stdout')
    const run = await runToFile('valgrind', ['--tool=callgrind', `--callgrind-out-file=${outFile}`, '--', command.file, ...command.args], stdoutFile, command.timeoutMs)
    if (run.spawnError?.code === 'ENOENT') {
      throw new BenchError('runtime-unavailable', `\`instructionCount: 'valgrind'\` needs valgrind, which is not on PATH. Install it: \`${valgrindInstallHint}\`, or set \`instructionCount: 'off'\`.`)
    }
    const instructions = parseCallgrindTotal(await readFile(outFile, 'utf8').catch(() => ''))
    if (instructions === undefined) {
      throw new BenchError('invocation-failed', `valgrind counted nothing for \`${formatCommand(command.file, command.args)}\`${run.timedOut ? ` (stopped after ${command.timeoutMs} ms)` : ''}: ${valgrindFailure(run.stderr)}`)
    }
    return { instructions, stdout: await readFile(stdoutFile), exitCode: run.exitCode, stderr: run.stderr }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/**
 * Runs a program with stdout going straight into a file (its own descriptor, as in the timed runs:
 * a slow program writing a large output into a non-blocking pipe can fail with EAGAIN, as node:wasi
 * does under valgrind), stderr collected, killed after `timeoutMs`.
 */
async function runToFile(file: string, args: readonly string[], stdoutFile: string, timeoutMs: number): Promise<{ exitCode: number | undefined; stderr: string; timedOut: boolean; spawnError?: NodeJS.ErrnoException }> {
  const stdout = await open(stdoutFile, 'w')
  try {
    return await new Promise((resolve) => {
      const child = spawn(file, args, { stdio: ['ignore', stdout.fd, 'pipe'] })
      let stderr = ''
      let timedOut = false
      child.stderr?.on('data', (chunk: Buffer) => { stderr = (stderr + chunk.toString('utf8')).slice(-16_384) })
      const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL') }, timeoutMs)
      child.once('error', (error: NodeJS.ErrnoException) => { clearTimeout(timer); resolve({ exitCode: undefined, stderr, timedOut, spawnError: error }) })
      child.once('close', (code) => { clearTimeout(timer); resolve({ exitCode: code ?? undefined, stderr, timedOut }) })
    })
  } finally {
    await stdout.close()
  }
}
