import { execa } from 'execa'
import { BenchError } from '../errors.ts'

/** What wrk reports about one run. */
export interface WrkReport {
  requests: number
  durationSeconds: number
  requestsPerSec: number
  /** Responses with a status outside 2xx (wrk counts 3xx too). */
  non2xx: number
  /** Socket errors: connect, read, write and timeout together. */
  socketErrors: number
}

/**
 * Reads wrk's text report (`wrk -c4 -d3s URL`): the `N requests in Xs` line, `Requests/sec:`, and
 * the optional `Non-2xx or 3xx responses:` and `Socket errors:` lines.
 * @throws BenchError `invocation-failed` when the request lines are missing.
 */
export function parseWrkOutput(text: string): WrkReport {
  const done = /^\s*(\d+) requests in ([\d.]+)(us|ms|s|m),/m.exec(text)
  const rate = /^Requests\/sec:\s+([\d.]+)/m.exec(text)
  if (done === null || rate === null) throw new BenchError('invocation-failed', `wrk printed no request count or rate: ${JSON.stringify(text.slice(0, 300))}.`)
  const unitSeconds: Record<string, number> = { us: 1e-6, ms: 1e-3, s: 1, m: 60 }
  const non2xx = /^\s*Non-2xx or 3xx responses:\s+(\d+)/m.exec(text)
  const socket = /^\s*Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/m.exec(text)
  return {
    requests: Number(done[1]),
    durationSeconds: Number(done[2]) * (unitSeconds[done[3] ?? 's'] ?? 1),
    requestsPerSec: Number(rate[1]),
    non2xx: non2xx === null ? 0 : Number(non2xx[1]),
    socketErrors: socket === null ? 0 : socket.slice(1).reduce((sum, count) => sum + Number(count), 0),
  }
}

/** Runs wrk (`wrkPath`) with `connections` connections and 2 threads for `durationMs` against `url`, keep-alive on. */
export async function runWrk(wrkPath: string, request: { url: string; connections: number; durationMs: number }): Promise<WrkReport> {
  const threads = Math.min(2, request.connections)
  const args = ['-t', String(threads), '-c', String(request.connections), '-d', `${Math.max(1, Math.round(request.durationMs / 1000))}s`, request.url]
  const result = await execa(wrkPath, args, { reject: false, stdin: 'ignore', timeout: request.durationMs + 30_000 })
  if (result.exitCode !== 0) throw new BenchError('invocation-failed', `wrk failed (${result.shortMessage ?? `exit code ${String(result.exitCode)}`}): ${String(result.stderr).slice(0, 500)}`)
  return parseWrkOutput(String(result.stdout))
}
