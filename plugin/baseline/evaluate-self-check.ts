import type { RunToRunNoise } from '../../schema/baseline.d.ts'
import type { ResultRow, ResultsFile, Verdict } from '../../schema/results.d.ts'
import { BenchError } from '../errors.ts'
import { quantile } from '../stats/summarise.ts'
import type { InjectedSlowdown } from '../workloads/inject-slowdown.ts'
import { estimateRunToRunNoise } from './estimate-run-to-run-noise.ts'
import { judge } from './judge.ts'
import type { JudgeSide } from './judge-row.ts'
import type { JudgePolicy } from './policy.ts'
import { sideOfResults } from './to-judge-side.ts'

/** What the self-check found for one metric. */
export interface MetricCheck {
  metric: string
  /** Rows that have the metric. */
  rows: number
  /** A/A runs in which this metric regressed in some row (false alarms). */
  falseAlarms: number
  /** Injected runs in which this metric regressed in a slowed row. */
  detected: number
  /** Injected runs in which this metric regressed in a row that was not slowed. */
  wrongRows: number
  /** The slowdown this metric actually saw in the slowed rows: median of (injected median / paired A/A median - 1). */
  measuredEffect?: number
  /** Smallest change the gate could detect (80% power), per row the median over A/A comparisons: the best row's and the median row's. */
  detectable?: { best: number; bestRow: string; typical: number }
  /** Deterministic metric, judged by exact threshold. */
  exact: boolean
}

/** The self-check's findings. */
export interface SelfCheckReport {
  aaRuns: number
  injectedRuns: number
  /** A/A runs with any regressed verdict. */
  aaRunsWithRegression: number
  /** Injected runs with a regressed verdict in a slowed row. */
  injectedRunsDetected: number
  /** Injected runs with a regressed verdict in a row that was not slowed. */
  injectedRunsWithWrongRow: number
  /** Each regressed verdict of the A/A runs, for the record. */
  falseAlarmVerdicts: Verdict[]
  metrics: MetricCheck[]
}

function median(values: readonly number[]): number {
  return quantile([...values].sort((a, b) => a - b), 0.5)
}

/**
 * The last run with each workload's rows (every runtime, same parameters) replaced by those of the
 * run that measured them under the least other load (the quietest measurement; among the runs that
 * have the most of those rows). Rows of one workload come from one run, so in-run ratios to the
 * reference row stay in-run. What the self-check records as the baseline.
 */
export function quietestResults(runs: readonly ResultsFile[]): ResultsFile {
  const last = runs.at(-1)
  if (last === undefined) throw new BenchError('invalid-results', 'The self-check needs at least one A/A run.')
  const groupOf = (row: ResultRow): string => JSON.stringify([row.workload, row.params])
  const groups = [...new Set(runs.flatMap((run) => run.rows.map(groupOf)))]
  const rows = groups.flatMap((group) => {
    const candidates = runs.map((run) => run.rows.filter((row) => groupOf(row) === group))
    const most = Math.max(...candidates.map((candidate) => candidate.length))
    const load = (candidate: ResultRow[]): number => Math.max(...candidate.map((row) => row.otherLoadCores ?? 0))
    return candidates.filter((candidate) => candidate.length === most).reduce((best, candidate) => (load(candidate) < load(best) ? candidate : best))
  })
  return { ...last, rows }
}

/** The calibrated baseline the self-check records: the quietest rows, with run-to-run noise from all `runs`. */
export function selfCheckBaseline(runs: readonly ResultsFile[], policy: JudgePolicy): { results: ResultsFile; noise: Map<string, Record<string, RunToRunNoise>> } {
  const results = quietestResults(runs)
  return { results, noise: estimateRunToRunNoise(runs.map(sideOfResults), policy, results.createdAt) }
}

/**
 * Judges A/A and injected-slowdown runs the way the gate would against a self-check baseline (the
 * quietest measurement of each row, calibrated on the A/A runs), and never with a run in its own
 * baseline or calibration: A/A run i against the other A/A runs; injected run i against all A/A
 * runs. Counts false alarms and detections per metric. Pure.
 */
export function evaluateSelfCheck(aaResults: readonly ResultsFile[], injectedResults: readonly ResultsFile[], slowdown: InjectedSlowdown, policy: JudgePolicy): SelfCheckReport {
  const aa = aaResults.map(sideOfResults)
  const injected = injectedResults.map(sideOfResults)
  const slowed = (key: string): boolean => {
    const row = aa[0]?.rows.find((candidate) => candidate.key === key) ?? injected[0]?.rows.find((candidate) => candidate.key === key)
    return row !== undefined && row.workload === slowdown.workload && (slowdown.runtime === undefined || row.runtime === slowdown.runtime)
  }
  const baselineOf = (runs: readonly ResultsFile[]): JudgeSide => {
    const { results, noise } = selfCheckBaseline(runs, policy)
    const side = sideOfResults(results)
    return { ...side, rows: side.rows.map((row) => ({ ...row, noise: noise.get(row.key) ?? {} })) }
  }
  const aaVerdicts = aa.map((run, i) => judge(run, baselineOf(aaResults.filter((_, j) => j !== i)), policy))
  const allBaseline = baselineOf(aaResults)
  const injectedVerdicts = injected.map((run) => judge(run, allBaseline, policy))
  const metrics = Object.entries(policy.metrics).flatMap(([metric, metricPolicy]): MetricCheck[] => {
    const rowKeys = [...new Set(aaVerdicts.flat().filter((verdict) => verdict.metric === metric).map((verdict) => verdict.key))]
    if (rowKeys.length === 0) return []
    const regressedIn = (verdicts: Verdict[], which: (key: string) => boolean): boolean => verdicts.some((verdict) => verdict.metric === metric && verdict.verdict === 'regressed' && which(verdict.key))
    const effects = injectedResults.flatMap((run, i) => run.rows.filter((row) => slowed(row.key)).flatMap((row) => {
      const now = row.metrics[metric]
      const before = aaResults[i % aaResults.length]?.rows.find((candidate) => candidate.key === row.key)?.metrics[metric]
      return now !== undefined && 'median' in now && before !== undefined && 'median' in before && before.median !== 0 ? [now.median / before.median - 1] : []
    }))
    const perRow = rowKeys.flatMap((key) => {
      const values = aaVerdicts.flat().filter((verdict) => verdict.key === key && verdict.metric === metric && verdict.detectableChange !== undefined).map((verdict) => verdict.detectableChange ?? 0)
      return values.length === 0 ? [] : [{ key, value: median(values) }]
    }).sort((a, b) => a.value - b.value)
    const best = perRow[0]
    return [{
      metric,
      rows: rowKeys.length,
      falseAlarms: aaVerdicts.filter((verdicts) => regressedIn(verdicts, () => true)).length,
      detected: injectedVerdicts.filter((verdicts) => regressedIn(verdicts, slowed)).length,
      wrongRows: injectedVerdicts.filter((verdicts) => regressedIn(verdicts, (key) => !slowed(key))).length,
      ...(effects.length === 0 ? {} : { measuredEffect: median(effects) }),
      ...(best === undefined ? {} : { detectable: { best: best.value, bestRow: best.key, typical: median(perRow.map((row) => row.value)) } }),
      exact: metricPolicy.kind === 'exact',
    }]
  })
  const anyRegressed = (verdicts: Verdict[], which: (key: string) => boolean): boolean => verdicts.some((verdict) => verdict.verdict === 'regressed' && which(verdict.key))
  return {
    aaRuns: aa.length,
    injectedRuns: injected.length,
    aaRunsWithRegression: aaVerdicts.filter((verdicts) => anyRegressed(verdicts, () => true)).length,
    injectedRunsDetected: injectedVerdicts.filter((verdicts) => anyRegressed(verdicts, slowed)).length,
    injectedRunsWithWrongRow: injectedVerdicts.filter((verdicts) => anyRegressed(verdicts, (key) => !slowed(key))).length,
    falseAlarmVerdicts: aaVerdicts.flat().filter((verdict) => verdict.verdict === 'regressed'),
    metrics,
  }
}
