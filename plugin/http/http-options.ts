import { BenchError, formatNames } from '../errors.ts'

/** HTTP load settings (`wasmFaasBench({ http: { … } })`); every one has an environment override. */
export interface HttpOptions {
  /** Workloads served over HTTP (by the HTTP bench files). Default `['html']`, the 720 KB page; env `WFB_HTTP_WORKLOADS=noop,fib,html`. */
  workloads?: string[]
  /** Concurrent connections, one row per level. Default `[1, 4, 16]`; env `WFB_HTTP_CONCURRENCY=1,4,16`. */
  concurrency?: number[]
  /** Connection reuse, one row each: `on` (keep-alive), `off` (a new connection per request). Default `['on']`; env `WFB_HTTP_KEEPALIVE=on,off`. */
  keepAlive?: Array<'on' | 'off'>
  /** Length of one load phase, in milliseconds. Default 3000; env `WFB_HTTP_DURATION_MS`. */
  durationMs?: number
  /** A load phase also stops after this many requests. Default 100000; env `WFB_HTTP_MAX_REQUESTS`. */
  maxRequests?: number
  /** Server starts timed to their first correct response, per row. Default 10; env `WFB_HTTP_COLD_SAMPLES`. */
  coldSamples?: number
  /** A server must answer correctly within this long of its start, and each request within this long, in milliseconds. Default 10000; env `WFB_HTTP_TIMEOUT_MS`. */
  timeoutMs?: number
}

/** HTTP settings with every default filled in and every value checked. */
export interface ResolvedHttpOptions {
  workloads: string[]
  concurrency: number[]
  keepAlive: Array<'on' | 'off'>
  durationMs: number
  maxRequests: number
  coldSamples: number
  timeoutMs: number
}

const limits = {
  durationMs: { default: 3000, min: 100, max: 3_600_000, env: 'WFB_HTTP_DURATION_MS' },
  maxRequests: { default: 100_000, min: 1, max: 100_000_000, env: 'WFB_HTTP_MAX_REQUESTS' },
  coldSamples: { default: 10, min: 1, max: 10_000, env: 'WFB_HTTP_COLD_SAMPLES' },
  timeoutMs: { default: 10_000, min: 100, max: 600_000, env: 'WFB_HTTP_TIMEOUT_MS' },
} as const
const concurrencyLimit = { min: 1, max: 10_000 }
const keepAliveValues = ['on', 'off'] as const
const knownKeys = ['workloads', 'concurrency', 'keepAlive', ...Object.keys(limits)]

function splitList(value: string | undefined): string[] | undefined {
  if (value === undefined || value.trim() === '') return undefined
  return value.split(',').map((item) => item.trim()).filter((item) => item !== '')
}

function resolveConcurrency(user: number[] | undefined, env: string | undefined): number[] {
  const values = splitList(env)?.map(Number) ?? user ?? [1, 4, 16]
  const bad = values.find((value) => !Number.isInteger(value) || value < concurrencyLimit.min || value > concurrencyLimit.max)
  if (values.length === 0 || bad !== undefined) {
    throw new BenchError('invalid-option', `Option \`http.concurrency\` (or WFB_HTTP_CONCURRENCY) is ${env ?? JSON.stringify(user)}; it must be a list of integers from ${concurrencyLimit.min} to ${concurrencyLimit.max}, e.g. \`1,4,16\` (default).`)
  }
  return [...new Set(values)]
}

function resolveKeepAlive(user: string[] | undefined, env: string | undefined): Array<'on' | 'off'> {
  const values = splitList(env) ?? user ?? ['on']
  const bad = values.find((value) => !(keepAliveValues as readonly string[]).includes(value))
  if (values.length === 0 || bad !== undefined) {
    throw new BenchError('invalid-option', `Option \`http.keepAlive\` (or WFB_HTTP_KEEPALIVE) has \`${bad ?? ''}\`. Use one or both of: ${formatNames(keepAliveValues)} (default \`on\`).`)
  }
  return [...new Set(values)] as Array<'on' | 'off'>
}

/**
 * Checks the HTTP settings and fills in defaults; environment variables win over the config.
 * @throws BenchError `invalid-option` naming the setting, the value and what is allowed.
 */
export function resolveHttpOptions(user: HttpOptions = {}, env: NodeJS.ProcessEnv = process.env): ResolvedHttpOptions {
  for (const key of Object.keys(user)) {
    if (!knownKeys.includes(key)) throw new BenchError('invalid-option', `Unknown option \`http.${key}\`. Use one of: ${formatNames(knownKeys)}.`)
  }
  const numbers = Object.fromEntries(Object.entries(limits).map(([key, limit]) => {
    const fromEnv = env[limit.env]
    const value = fromEnv === undefined || fromEnv === '' ? user[key as keyof typeof limits] ?? limit.default : Number(fromEnv)
    if (!Number.isInteger(value) || value < limit.min || value > limit.max) {
      throw new BenchError('invalid-option', `Option \`http.${key}\` (or ${limit.env}) is ${String(fromEnv ?? value)}; it must be an integer from ${limit.min} to ${limit.max} (default ${limit.default}).`)
    }
    return [key, value]
  })) as Record<keyof typeof limits, number>
  const workloads = splitList(env.WFB_HTTP_WORKLOADS) ?? user.workloads ?? ['html']
  if (workloads.length === 0) throw new BenchError('invalid-option', 'Option `http.workloads` (or WFB_HTTP_WORKLOADS) is empty; name one or more workloads, e.g. `html` (default).')
  return {
    workloads: [...new Set(workloads)],
    concurrency: resolveConcurrency(user.concurrency, env.WFB_HTTP_CONCURRENCY),
    keepAlive: resolveKeepAlive(user.keepAlive, env.WFB_HTTP_KEEPALIVE),
    ...numbers,
  }
}

/** What a timed-out HTTP step advises: the HTTP timeout's own knobs, not `timeoutMs` (which bounds workload invocations). */
export const httpTimeoutAdvice = 'Raise the HTTP timeout, WFB_HTTP_TIMEOUT_MS (the plugin option `http.timeoutMs`; the top-level `timeoutMs` does not apply to HTTP rows)'
