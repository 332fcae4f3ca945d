import type { RunToRunNoise } from '../../schema/baseline.d.ts'
import type { MetricSummary, UnsupportedMetric, WorkloadParams } from '../../schema/results.d.ts'

/** A row as the judge sees it: a results row (with its runtime's flags) or a baseline entry. */
export interface JudgeRow {
  key: string
  runtime: string
  runtimeVersion: string
  flags: readonly string[]
  workload: string
  params: WorkloadParams
  metrics: Readonly<Record<string, MetricSummary | UnsupportedMetric>>
  /** CPU cores other processes used while the row was measured (see collectors/other-load.ts). */
  otherLoadCores?: number
  /** Calibrated run-to-run noise by metric (baseline entries recorded by the self-check). */
  noise?: Readonly<Record<string, RunToRunNoise>>
}

/** One side of a comparison: the machine (class) it was measured on and its rows. */
export interface JudgeSide {
  /** The machine class id (see machine-class.ts); sides of different ids are incomparable. */
  machineId: string
  /** `Intel Xeon, 2 cores`: CPU model and core count; sides that both give it and differ are incomparable whatever their ids. */
  hardware?: string
  /** The one machine's fingerprint id (kernel build, exact memory, ...) inside its class. */
  machine?: string
  rows: readonly JudgeRow[]
}

/** The metric's summary in a row, unless the row lacks it or it is unsupported. */
export function summaryOf(row: JudgeRow | undefined, metric: string): MetricSummary | undefined {
  const value = row?.metrics[metric]
  return value !== undefined && 'samples' in value ? value : undefined
}

/** True when two rows were measured with the same runtime version and flags. */
export function sameSetup(a: JudgeRow, b: JudgeRow): boolean {
  return a.runtimeVersion === b.runtimeVersion && a.flags.join('\0') === b.flags.join('\0')
}

/** `` `node 24.21.0` with flags `-O2` `` for messages. */
export function describeSetup(row: JudgeRow): string {
  return `\`${row.runtimeVersion}\`${row.flags.length > 0 ? ` with flags \`${row.flags.join(' ')}\`` : ''}`
}

function sameParams(a: WorkloadParams, b: WorkloadParams): boolean {
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key])
}

/** The in-run reference for `row`: the reference runtime's row of the same workload and parameters (none for the reference itself). */
export function findReferenceRow(rows: readonly JudgeRow[], row: JudgeRow, referenceRuntime: string): JudgeRow | undefined {
  if (row.runtime === referenceRuntime) return undefined
  return rows.find((candidate) => candidate.runtime === referenceRuntime && candidate.workload === row.workload && sameParams(candidate.params, row.params))
}
