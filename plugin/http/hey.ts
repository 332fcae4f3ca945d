import { execa } from 'execa'
import { guardedCommand } from '../collectors/launcher.ts'
import { BenchError } from '../errors.ts'
import { httpTimeoutAdvice } from './http-options.ts'
import type { ServerRequest } from './types.ts'

/** One load phase: who to load, how hard and for how long. */
export interface LoadRequest {
  url: string
  /** Concurrent connections (hey's workers, `-c`). */
  concurrency: number
  /** The phase stops after this long (SIGINT to hey, which then finishes the requests in flight and reports). */
  durationMs: number
  /** … or after this many requests, whichever comes first (`-n`; at least `concurrency`). */
  maxRequests: number
  /** Reuse connections (HTTP keep-alive); false adds `-disable-keepalive`. */
  keepAlive: boolean
  /** One request fails after this long (`-t`, whole seconds, rounded up). */
  requestTimeoutMs: number
  /** Method, headers and body when not a plain GET (`-m`, `-H`, `-host`, `-d`). */
  request?: ServerRequest
}

/** What hey reports about one load phase. */
export interface LoadReport {
  /** Requests finished, failed ones included. */
  requests: number
  /** Requests that failed without a response (connection refused or reset, timeout), by error message. */
  errors: Record<string, number>
  /** Responses by HTTP status. */
  statusCounts: Record<string, number>
  /**
   * Sum of the responses' Content-Length headers, in bytes. hey (requester.go) takes each size from
   * the header, not from the bytes read, and ignores errors while reading the body.
   */
  contentLengthBytes: number
  /** From the first request to the end of the last one, in seconds (hey's `Total`). */
  durationSeconds: number
  /** Latency of each response (errors excluded), in milliseconds, in completion order. */
  latenciesMs: number[]
  /** When each of those requests started, in milliseconds since the phase began. */
  startOffsetsMs: number[]
  /** How many of those responses came on a newly opened connection (with keep-alive, about one per worker). */
  newConnections: number
  /** True when the phase ended because it reached `maxRequests` before `durationMs`. */
  stoppedByMaxRequests?: boolean
}

/**
 * hey's custom output template (`-o`, a Go text/template over its report snapshot): everything the
 * harness needs as one JSON object with full-precision numbers, in place of the CSV's four decimals.
 * hey prints it through Printf, so it must hold no `%`.
 */
export const heyTemplate = '{"numRes":{{ .NumRes }},"sizeTotal":{{ .SizeTotal }},"totalSeconds":{{ .Total.Seconds }},"errorDist":{{ jsonify .ErrorDist }},"lats":{{ jsonify .Lats }},"statusCodes":{{ jsonify .StatusCodes }},"offsets":{{ jsonify .Offsets }},"conns":{{ jsonify .ConnLats }}}'

/** hey's arguments for one load phase. */
export function heyArgs(request: LoadRequest): string[] {
  return [
    '-n', String(Math.max(request.maxRequests, request.concurrency)),
    '-c', String(request.concurrency),
    '-t', String(Math.max(1, Math.ceil(request.requestTimeoutMs / 1000))),
    ...(request.keepAlive ? [] : ['-disable-keepalive']),
    ...requestArgs(request.request),
    '-o', heyTemplate,
    request.url,
  ]
}

/** hey flags for a non-GET request; Go's client takes the Host header only from `-host`. */
function requestArgs(spec: ServerRequest | undefined): string[] {
  if (spec === undefined) return []
  const headers = Object.entries(spec.headers).flatMap(([name, value]) => (name.toLowerCase() === 'host' ? ['-host', value] : ['-H', `${name}: ${value}`]))
  return ['-m', spec.method, ...headers, ...(spec.body === undefined ? [] : ['-d', spec.body])]
}

function isNumberArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'number')
}

/**
 * Reads the JSON that {@link heyTemplate} makes hey print.
 * @throws BenchError `invocation-failed` when the text is not that JSON.
 */
export function parseHeyReport(stdout: string): LoadReport {
  let value: unknown
  try {
    value = JSON.parse(stdout.trim())
  } catch {
    throw new BenchError('invocation-failed', `hey printed no report (expected one JSON object from its \`-o\` template), got ${JSON.stringify(stdout.slice(0, 200))}.`)
  }
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>
  const { numRes, sizeTotal, totalSeconds, errorDist, lats, statusCodes, offsets, conns } = record
  if (typeof numRes !== 'number' || typeof sizeTotal !== 'number' || typeof totalSeconds !== 'number'
    || typeof errorDist !== 'object' || errorDist === null || !isNumberArray(lats) || !isNumberArray(statusCodes) || !isNumberArray(offsets)
    || !isNumberArray(conns) || statusCodes.length !== lats.length || offsets.length !== lats.length || conns.length !== lats.length) {
    throw new BenchError('invocation-failed', `hey's report lacks a field or has one of the wrong type: ${JSON.stringify(stdout.slice(0, 200))}.`)
  }
  const statusCounts: Record<string, number> = {}
  for (const status of statusCodes) statusCounts[status] = (statusCounts[status] ?? 0) + 1
  return {
    requests: numRes,
    errors: errorDist as Record<string, number>,
    statusCounts,
    contentLengthBytes: sizeTotal,
    durationSeconds: totalSeconds,
    latenciesMs: lats.map((seconds) => seconds * 1000),
    startOffsetsMs: offsets.map((seconds) => seconds * 1000),
    // hey times the dial only when a request gets a new connection (httptrace GotConn, !Reused).
    newConnections: conns.filter((seconds) => seconds > 0).length,
  }
}

/** A running load phase. */
export interface LoadPhase {
  /** Settles with hey's report once it has finished (or was stopped). */
  report: Promise<LoadReport>
  /** Ends the phase at once (SIGKILL), e.g. when the server crashed; `report` then rejects. */
  abort: () => void
}

/** hey gets this long beyond the phase's duration and a request's timeout before it is killed. */
const graceMs = 10_000

/**
 * Starts hey (`heyPath`) for one load phase: `-n maxRequests`, stopped by SIGINT after `durationMs`
 * (hey then lets the requests in flight finish and prints its report). hey runs under the launcher's
 * parent-death guard (`launcher --exec`, PR_SET_PDEATHSIG): if this process is killed outright
 * (the OOM killer, `kill -9` of a Vitest worker), hey dies with it instead of loading on.
 */
export function startHey(heyPath: string, request: LoadRequest): LoadPhase {
  let aborted = false
  let stopTimer: NodeJS.Timeout | undefined
  let interrupted = false
  const limitMs = request.durationMs + request.requestTimeoutMs + graceMs
  const started = guardedCommand(heyPath, heyArgs(request)).then(({ file, args }) => {
    const subprocess = execa(file, args, { reject: false, stdin: 'ignore', timeout: limitMs })
    stopTimer = setTimeout(() => {
      interrupted = true
      subprocess.kill('SIGINT')
    }, request.durationMs)
    if (aborted) subprocess.kill('SIGKILL')
    // Wrapped: the subprocess is itself a promise, which `then` would otherwise wait for.
    return { subprocess }
  })
  const report = started.then(async ({ subprocess }) => {
    const result = await subprocess
    clearTimeout(stopTimer)
    if (aborted) throw new BenchError('invocation-failed', 'the load phase was aborted')
    if (result.timedOut) throw new BenchError('timeout', `hey did not finish within ${limitMs} ms (the load phase, one request's timeout and ${graceMs} ms) and was killed: requests hang on the server. ${httpTimeoutAdvice} if they are just slow.`)
    if (result.exitCode !== 0) {
      const said = `${String(result.stderr)}\n${String(result.stdout)}`.trim().slice(0, 1000)
      throw new BenchError('invocation-failed', `hey failed (${result.shortMessage ?? `exit code ${String(result.exitCode)}`}): ${said}`)
    }
    const parsed = parseHeyReport(String(result.stdout))
    return interrupted ? parsed : { ...parsed, stoppedByMaxRequests: true }
  })
  return {
    report,
    abort() {
      aborted = true
      clearTimeout(stopTimer)
      void started.then(({ subprocess }) => subprocess.kill('SIGKILL'), () => undefined)
    },
  }
}
