import { describe, test, type Bench } from 'vitest'
import type { AdapterRegistry } from './adapter-registry.ts'
import { readPlan } from './bench-workload.ts'
import { BenchError, formatNames } from './errors.ts'
import type { RowIdentity } from './harness/row-recorder.ts'
import { toHttpRow } from './http/http-row.ts'
import { measureHttpRow, type HttpMeasurement } from './http/measure-server.ts'
import { createServerPool, type ServerPool } from './http/server-pool.ts'
import type { BenchPlan } from './plan.ts'
import { loadWorkloads } from './workloads/load-workloads.ts'
import { prepareWorkload } from './workloads/prepare-workload.ts'
import { httpCellName, httpSuiteSuffix } from './reporters/progress-reporter.ts'

/** `test` with a file-scoped pool of prepared servers, disposed of at the end of the file. */
const httpTest = test.extend<{ serverPool: ServerPool }>({
  serverPool: [
    // eslint-disable-next-line no-empty-pattern -- Vitest fixtures take their dependencies by destructuring.
    async ({}, use) => {
      const pool = createServerPool()
      try {
        await use(pool)
      } finally {
        await pool.disposeAll()
      }
    },
    { scope: 'file' },
  ],
})

/** How long one HTTP row may take: every cold start and request at its limit, the load phase, and a minute to spare. */
function rowTimeoutMs(http: BenchPlan['options']['http']): number {
  return Math.min((http.coldSamples + 4) * http.timeoutMs + http.durationMs + 60_000, 2 ** 31 - 1)
}

/**
 * Declares the HTTP benchmarks of one workload: one test (one results row) per selected server x
 * mode x concurrency level x keep-alive setting, each timing cold starts to the first correct
 * response and then loading the server with hey, every response checked. Call it at the top level
 * of a `*.bench.ts` file: `benchHttp('html')` (plugin/bench.ts passes the built-in servers).
 */
export function benchHttp(name: string, { servers }: Pick<AdapterRegistry, 'servers'>): void {
  const plan = readPlan()
  const selected = plan.workloads.find((workload) => workload.name === name)
  const served = plan.options.http.workloads.includes(name)
  if (selected === undefined || !served || plan.servers.length === 0) {
    const why = selected === undefined
      ? `workload \`${name}\` is not in this run's selection (WFB_WORKLOADS or the plugin's \`workloads\` option)`
      : !served ? `workload \`${name}\` is not served over HTTP in this run (\`http.workloads\` or WFB_HTTP_WORKLOADS; default html)` : 'no HTTP server is in this run\'s selection (WFB_RUNTIMES)'
    httpTest(`${name} over HTTP: not selected in this run`, ({ skip }) => skip(why))
    return
  }
  const { http } = plan.options
  describe(`${name}${httpSuiteSuffix}`, () => {
    for (const server of plan.servers) {
      const adapter = servers[server.name]
      if (adapter === undefined) throw new BenchError('unknown-runtime', `Server \`${server.name}\` of the plan is not in the registry the bench file was given. Use one of: ${formatNames(Object.keys(servers))}.`)
      // A server's own swept setting (Sledge's workers): one row per value, passed to it as environment.
      const sweep = adapter.sweep
      const swept = sweep === undefined || !server.available ? [undefined] : sweep.values()
      for (const mode of server.modes) {
        for (const sweepValue of swept) {
          for (const concurrency of http.concurrency) {
            for (const keepAlive of http.keepAlive) {
              const params = { ...selected.params, ...(sweep === undefined || sweepValue === undefined ? {} : { [sweep.param]: sweepValue }), concurrency, keepAlive: keepAlive === 'on' ? 1 : 0 }
              const env = sweep === undefined || sweepValue === undefined ? undefined : sweep.env(sweepValue)
              const cellName = `${httpCellName(server.name, mode, concurrency, keepAlive)}${sweep === undefined || sweepValue === undefined ? '' : ` ${sweep.param}=${sweepValue}`}`
              httpTest(cellName, { timeout: rowTimeoutMs(http) }, async ({ bench, task, skip, serverPool }) => {
                const identity: RowIdentity = { runtime: server.name, runtimeVersion: server.version ?? 'unknown', mode, workload: name, params }
                const skipRow = (reason: string, install: string): void => {
                  task.meta.wfb = { identity, skipped: { reason, install, params } }
                  skip(`${server.name} (${mode}): ${reason}. Install: ${install}`)
                }
                task.meta.wfb = { identity }
                if (!server.available) return skipRow(server.reason ?? 'not available', server.install)
                if (!adapter.serves(name)) return skipRow(`does not serve workload \`${name}\``, 'see fixtures/servers/ for what each server serves')
                const { loadGenerator } = plan
                if (!loadGenerator.available || loadGenerator.path === undefined) return skipRow(`the load generator hey is missing: ${loadGenerator.reason ?? 'not found'}`, loadGenerator.install)
                const workload = (await loadWorkloads(plan.workloadDirs)).get(name)
                if (workload === undefined) throw new BenchError('unknown-workload', `Workload \`${name}\` vanished from workloads/ after the run started.`)
                if (workload.kind === 'prebuilt' && adapter.servesPrebuilt !== true) return skipRow(`it serves workloads built from C source against wfb.h; \`${name}\` is a prebuilt module`, 'nothing to install: point WFB_ENDPOINT_URL at your own deployment of it (the endpoint server), see docs/workloads.md')
                const prepared = prepareWorkload(workload, selected.params)
                if (prepared.expected.kind === 'check') return skipRow(`HTTP load checks compare every response's bytes, and \`${name}\` has a check function (${prepared.expected.description}) instead of an exact or sha256 output`, 'nothing to install: give the workload an `exact` or `sha256` expectation')
                const preparedServer = await serverPool.prepare(adapter, prepared, mode)
                if (keepAlive === 'on' && !preparedServer.keepAlive) return skipRow('it closes every connection, so keep-alive cannot be measured; its keep-alive off rows are', 'nothing to install: run with WFB_HTTP_KEEPALIVE=off')
                const measurement = await measureHttpRow(preparedServer, prepared, {
                  concurrency, keepAlive: keepAlive === 'on', durationMs: http.durationMs, maxRequests: http.maxRequests,
                  coldSamples: http.coldSamples, timeoutMs: http.timeoutMs, heyPath: loadGenerator.path, title: `${server.name} (${mode})`,
                  ...(env === undefined ? {} : { env }),
                })
                await showInVitestTable(bench, cellName, measurement)
                task.meta.wfb = { identity, row: toHttpRow(identity, measurement) }
              })
            }
          }
        }
      }
    }
  })
}

/**
 * Hands the measured first responses and request latencies to tinybench as durations
 * (`overriddenDuration`), so that Vitest's bench table shows them; tinybench times nothing itself.
 */
async function showInVitestTable(bench: Bench, name: string, measurement: HttpMeasurement): Promise<void> {
  for (const [label, samples] of [['first response', measurement.samples.firstResponseMs ?? []], ['request latency', measurement.samples.latencyMs ?? []]] as const) {
    if (samples.length === 0) continue
    let next = 0
    await bench(`${name} ${label}`, { async: false }, () => ({ overriddenDuration: samples[next++ % samples.length] ?? 0 }))
      .run({ iterations: samples.length, time: 0, warmup: false })
  }
}
