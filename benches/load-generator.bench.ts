// Is the load generator the bottleneck? hey (which drives every HTTP row) against wrk on the same
// server and page, interleaved, 4 connections, keep-alive on. Records one row with both
// throughputs and their ratio. Below 90% (docs/http.md) the row, and every HTTP row of the run, gets
// a `slow-load-generator` warning: a busy machine must not fail a user's benchmark run.
import { test } from 'vitest'
import { servers } from '../fixtures/servers/index.ts'
import { readPlan } from '../plugin/bench-workload.ts'
import { BenchError } from '../plugin/errors.ts'
import { compareLoadGenerators } from '../plugin/http/compare-load-generators.ts'
import { detectLoadGenerator } from '../plugin/http/load-generator.ts'
import { loadGeneratorRowRuntime, slowLoadGeneratorWarning } from '../plugin/http/load-generator-warning.ts'
import { summarise } from '../plugin/stats/summarise.ts'
import { rowKey, type RowIdentity } from '../plugin/harness/row-recorder.ts'
import { loadWorkloads } from '../plugin/workloads/load-workloads.ts'
import { prepareWorkload } from '../plugin/workloads/prepare-workload.ts'

const connections = 4
const rounds = 5
// The native C server: the fastest, so the one against which a slow generator would show first.
const serverName: keyof typeof servers = 'native'
const mode = 'one-instance'

test(`hey against wrk on ${serverName} (html, ${connections} connections)`, { timeout: 300_000 }, async ({ task, skip }) => {
  const plan = readPlan()
  const [hey, wrk] = await Promise.all([detectLoadGenerator('hey'), detectLoadGenerator('wrk')])
  const adapter = servers[serverName]
  const params = { concurrency: connections, keepAlive: 1 }
  const identity: RowIdentity = { runtime: loadGeneratorRowRuntime, runtimeVersion: `${hey.version ?? 'hey missing'}; ${wrk.version ?? 'wrk missing'}; server ${serverName}`, mode, workload: 'html', params }
  task.meta.wfb = { identity }
  if (!plan.workloads.some((workload) => workload.name === 'html') || !plan.servers.some((server) => server.name === serverName)) {
    return skip(`the html workload or the ${serverName} server is not in this run's selection (WFB_WORKLOADS, WFB_RUNTIMES)`)
  }
  for (const tool of [hey, wrk]) {
    if (tool.path === undefined) {
      task.meta.wfb = { identity, skipped: { reason: tool.reason ?? 'missing', install: tool.install, params } }
      return skip(`${tool.name} is missing: ${tool.reason ?? ''}. Install: ${tool.install}`)
    }
  }
  const detection = await adapter.detect()
  if (!detection.available) {
    task.meta.wfb = { identity, skipped: { reason: `server ${serverName}: ${detection.reason ?? 'unavailable'}`, install: detection.install, params } }
    return skip(`server ${serverName} is unavailable: ${detection.reason ?? ''}`)
  }
  const workload = (await loadWorkloads()).get('html')
  if (workload === undefined) throw new BenchError('unknown-workload', 'The html workload is missing from workloads/.')
  const prepared = prepareWorkload(workload, {})
  const server = await adapter.prepare(prepared, mode)
  try {
    const result = await compareLoadGenerators(server, prepared, {
      heyPath: hey.path ?? 'hey', wrkPath: wrk.path ?? 'wrk', connections, durationMs: plan.options.http.durationMs, rounds, timeoutMs: plan.options.http.timeoutMs, title: `${serverName} (${mode})`,
    })
    const metrics = { heyRequestsPerSec: summarise(result.heyRequestsPerSec), wrkRequestsPerSec: summarise(result.wrkRequestsPerSec), heyToWrkRatio: summarise(result.heyToWrkRatio) }
    const line = `hey ${metrics.heyRequestsPerSec.median.toFixed(0)} req/s, wrk ${metrics.wrkRequestsPerSec.median.toFixed(0)} req/s: hey reaches ${(metrics.heyToWrkRatio.median * 100).toFixed(1)}% of wrk (median of ${rounds} interleaved rounds; ${serverName} server, html, ${connections} connections)`
    console.log(line)
    const warning = slowLoadGeneratorWarning(metrics.heyToWrkRatio.median, line)
    task.meta.wfb = { identity, row: { key: rowKey(identity), ...identity, metrics, warnings: warning === undefined ? [] : [warning] } }
  } finally {
    await server.dispose()
  }
})
