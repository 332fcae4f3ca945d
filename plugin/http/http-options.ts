import type { HttpOptions } from '../../schema/options.d.ts'
import { applyEnvOverrides } from '../apply-env-overrides.ts'
import { checkOptions } from '../check-options.ts'

/** HTTP load settings (`wasmFaasBench({ http: { … } })`), generated from schema/options.schema.json (`HttpOptions`); every one has an environment override. */
export type { HttpOptions }

/** HTTP settings with every default filled in and every value checked. */
export type ResolvedHttpOptions = Required<HttpOptions>

/**
 * Checks the HTTP settings against the options schema and fills in its defaults; environment variables
 * (`WFB_HTTP_*`) win over the config. Repeated levels count once.
 * @throws BenchError `invalid-option` naming the setting, the value and what is allowed.
 */
export function resolveHttpOptions(user: HttpOptions = {}, env: NodeJS.ProcessEnv = process.env): ResolvedHttpOptions {
  const where = { definition: 'HttpOptions', prefix: 'http' }
  const { options, fromEnv } = applyEnvOverrides(user, env, {}, where)
  const http = checkOptions<ResolvedHttpOptions>(options, { ...where, fromEnv })
  return { ...http, workloads: [...new Set(http.workloads)], concurrency: [...new Set(http.concurrency)], keepAlive: [...new Set(http.keepAlive)] }
}

/** What a timed-out HTTP step advises: the HTTP timeout's own knobs, not `timeoutMs` (which bounds workload invocations). */
export const httpTimeoutAdvice = 'Raise the HTTP timeout, WFB_HTTP_TIMEOUT_MS (the plugin option `http.timeoutMs`; the top-level `timeoutMs` does not apply to HTTP rows)'
