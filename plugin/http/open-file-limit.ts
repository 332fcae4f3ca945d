import { readFileSync } from 'node:fs'
import { BenchError } from '../errors.ts'

/** This process's limit on open file descriptors (`RLIMIT_NOFILE`), which hey and every server it spawns inherit. */
export interface OpenFileLimit {
  /** The soft limit, in descriptors (what `ulimit -n` prints); `Infinity` for `unlimited`. */
  soft: number
  /** The hard limit, in descriptors (`ulimit -Hn`), the most the soft limit may be raised to without privileges. */
  hard: number
}

/**
 * Descriptors a process needs beyond one per connection: its standard streams, the listening
 * socket, Node's or Go's own event loop and pipes, the launcher's, the server's files. A Node
 * server opens about 30 before its first connection; 64 leaves room.
 */
export const openFileReserve = 64

/**
 * Reads the `Max open files` line of a `/proc/<pid>/limits` text.
 * @returns undefined when the text has no such line (not Linux, or a format this does not know).
 */
export function parseOpenFileLimit(limitsText: string): OpenFileLimit | undefined {
  const match = /^Max open files\s+(\S+)\s+(\S+)/m.exec(limitsText)
  if (match === null) return undefined
  const read = (value: string | undefined): number => (value === 'unlimited' ? Infinity : Number(value))
  const soft = read(match[1])
  const hard = read(match[2])
  return Number.isNaN(soft) || Number.isNaN(hard) ? undefined : { soft, hard }
}

/** This process's open-file limit from `/proc/self/limits`, or undefined where there is none (not Linux). */
export function readOpenFileLimit(): OpenFileLimit | undefined {
  try {
    return parseOpenFileLimit(readFileSync('/proc/self/limits', 'utf8'))
  } catch {
    return undefined
  }
}

/** The advice a too-low limit gets: which command raises it, for the soft and for the hard limit. */
export function openFileLimitAdvice(needed: number): string {
  return `Raise it in the shell that starts the run, \`ulimit -n ${needed}\` (up to the hard limit, \`ulimit -Hn\`); `
    + `to raise the hard limit: \`LimitNOFILE=${needed}\` in a systemd unit, \`nofile\` in /etc/security/limits.conf, `
    + `\`docker run --ulimit nofile=${needed}:${needed}\`, or \`prlimit --nofile=${needed}:${needed}\` as root; or lower the concurrency (WFB_HTTP_CONCURRENCY)`
}

/**
 * What is wrong with running `concurrency` connections under `limit`, or undefined when nothing is:
 * hey holds one descriptor per connection and the server one per accepted connection, each in its
 * own process with this limit, so each needs `concurrency` + {@link openFileReserve}.
 */
export function openFileLimitProblem(limit: OpenFileLimit | undefined, concurrency: number): string | undefined {
  if (limit === undefined) return undefined
  const needed = concurrency + openFileReserve
  if (limit.soft >= needed) return undefined
  return `The open-file limit is ${limit.soft} descriptors (soft; hard ${limit.hard === Infinity ? 'unlimited' : String(limit.hard)}), `
    + `too low for ${concurrency} connections: hey and the server each hold one descriptor per connection, `
    + `${needed} with their own (${concurrency} + ${openFileReserve}). ${openFileLimitAdvice(needed)}.`
}

/**
 * Fails before a load phase that the open-file limit would break half-way (hey's dials failing with
 * "too many open files", or the server refusing connections).
 * @throws BenchError `invalid-option` naming the limit, the concurrency, and how to raise the limit.
 */
export function assertOpenFileLimit(concurrency: number, limit: OpenFileLimit | undefined = readOpenFileLimit()): void {
  const problem = openFileLimitProblem(limit, concurrency)
  if (problem !== undefined) throw new BenchError('invalid-option', problem)
}
