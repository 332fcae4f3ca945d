/**
 * Result rows of a scale run (schema/results.schema.json, modes `density`, `burst` and
 * `instantiate`). The metrics, each with its unit in the name:
 * - `pssPerInstanceBytes`: marginal PSS per live instance, (PSS at N - PSS with none) / N.
 * - `pssPerAddedInstanceBytes`: what each instance added since the previous N cost,
 *   (PSS at N - PSS at the previous N) / (N - previous N): the cost of one more instance at scale.
 * - `pssTotalBytes`: PSS of the host's whole process tree with N live.
 * - `allReadyMs`: time to have all N started and answered correctly (host start excluded).
 * - `burstAllCorrectMs`: K simultaneous cold starts until the last answered correctly.
 * - `coldStartsPerSec`: K / burstAllCorrectMs, correct cold starts per second.
 * - `instantiateMs`: instantiate-only time inside a live embedder (no compile, no run).
 * - `firstCallMs`: the first call of a new instance inside a live embedder (`_initialize` when
 *   exported, the workload's run, its output read): with `instantiateMs`, what a snapshot saves.
 */
import type { ResultRow } from '../../schema/results.d.ts'
import { rowKey } from '../harness/row-recorder.ts'
import type { MetricName } from '../metrics/metric-registry.ts'
import { summarise } from '../stats/summarise.ts'
import type { PreparedWorkload } from '../types.ts'
import type { DensityOutcome } from './measure-density.ts'

/** The metric names of scale rows (entries of plugin/metrics/metric-registry.ts). */
export const scaleMetrics = {
  pssPerInstance: 'pssPerInstanceBytes',
  pssPerAddedInstance: 'pssPerAddedInstanceBytes',
  pssTotal: 'pssTotalBytes',
  allReady: 'allReadyMs',
  burstAllCorrect: 'burstAllCorrectMs',
  coldStartsPerSec: 'coldStartsPerSec',
  instantiate: 'instantiateMs',
  firstCall: 'firstCallMs',
} as const satisfies Record<string, MetricName>

/** Who measured: the host's name and version. */
export interface ScaleRowHost {
  name: string
  version: string
}

/** A scale row: its key, identity (`extraParams` join the workload's), the host's version and the metrics. */
export function makeScaleRow(host: ScaleRowHost, mode: 'density' | 'burst' | 'instantiate' | 'process', workload: PreparedWorkload, extraParams: Record<string, number>, metrics: ResultRow['metrics']): ResultRow {
  const params = { ...workload.params, ...extraParams }
  const identity = { runtime: host.name, mode, workload: workload.workload.name, params }
  return { key: rowKey(identity), ...identity, runtimeVersion: host.version, metrics, warnings: [] }
}

/** One density row per measured N; the last carries `stoppedBy` when the budget ended the growth. */
export function densityRows(host: ScaleRowHost, workload: PreparedWorkload, outcome: DensityOutcome): ResultRow[] {
  return outcome.points.map((point, index) => {
    const before = outcome.points[index - 1] ?? { instances: 0, totalPssBytes: point.baselinePssBytes }
    const added = (point.totalPssBytes - before.totalPssBytes) / (point.instances - before.instances)
    const row = makeScaleRow(host, 'density', workload, { instances: point.instances }, {
      [scaleMetrics.pssPerInstance]: summarise([point.perInstancePssBytes]),
      [scaleMetrics.pssPerAddedInstance]: summarise([added]),
      [scaleMetrics.pssTotal]: summarise([point.totalPssBytes]),
      [scaleMetrics.allReady]: summarise([point.allReadyMs]),
    })
    if (index === outcome.points.length - 1 && outcome.stoppedBy !== undefined) row.stoppedBy = outcome.stoppedBy
    return row
  })
}

/** One burst row for K simultaneous cold starts, from each burst's time until all K answered correctly (ms). */
export function burstRow(host: ScaleRowHost, workload: PreparedWorkload, burst: number, allCorrectMs: readonly number[]): ResultRow {
  return makeScaleRow(host, 'burst', workload, { burst }, {
    [scaleMetrics.burstAllCorrect]: summarise(allCorrectMs),
    [scaleMetrics.coldStartsPerSec]: summarise(allCorrectMs.map((ms) => (burst * 1000) / ms)),
  })
}

/** One instantiate-only row from its samples in nanoseconds. */
export function instantiateRow(host: ScaleRowHost, workload: PreparedWorkload, samplesNs: readonly number[]): ResultRow {
  return makeScaleRow(host, 'instantiate', workload, {}, { [scaleMetrics.instantiate]: summarise(samplesNs.map((ns) => ns / 1e6)) })
}
