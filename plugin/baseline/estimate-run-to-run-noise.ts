import type { RunToRunNoise } from '../../schema/baseline.d.ts'
import { quantile } from '../stats/summarise.ts'
import { findReferenceRow, sameSetup, summaryOf, type JudgeSide } from './judge-row.ts'
import type { JudgePolicy, MetricStatistic } from './policy.ts'

/** Fewest A/A runs a run-to-run noise estimate needs (2 degrees of freedom). */
export const minNoiseRuns = 3

function logStatistic(samples: readonly number[], statistic: MetricStatistic): number {
  return Math.log(quantile([...samples].sort((a, b) => a - b), statistic === 'p10' ? 0.1 : 0.5))
}

/** Sample standard deviation (divisor n - 1). The plain sd, not a robust one: a rare loaded run should widen it. */
function sampleSd(values: readonly number[]): number {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length
  return Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1))
}

/**
 * Estimates each sampled metric's run-to-run noise from A/A runs of the same setup (the self-check):
 * the sd of ln(run statistic) (the metric's policy statistic: p10 or median) over the runs that have the row with the same runtime version and flags
 * as the last run, and the same for ln(run statistic / reference row's run statistic) where every such
 * run has the reference row. Rows or metrics in fewer than `minNoiseRuns` runs get none.
 * Returns noise by row key, then by metric.
 */
export function estimateRunToRunNoise(runs: readonly JudgeSide[], policy: JudgePolicy, calibratedAt: string): Map<string, Record<string, RunToRunNoise>> {
  const result = new Map<string, Record<string, RunToRunNoise>>()
  const last = runs.at(-1)
  if (last === undefined) return result
  for (const row of last.rows) {
    const noise: Record<string, RunToRunNoise> = {}
    for (const [metric, metricPolicy] of Object.entries(policy.metrics)) {
      if (metricPolicy.kind !== 'sampled') continue
      const absolute: number[] = []
      const relative: number[] = []
      let referenceKey: string | undefined
      for (const run of runs) {
        const same = run.rows.find((candidate) => candidate.key === row.key && sameSetup(candidate, row))
        const summary = summaryOf(same, metric)
        if (same === undefined || summary === undefined) continue
        absolute.push(logStatistic(summary.samples, metricPolicy.statistic))
        const reference = findReferenceRow(run.rows, same, policy.referenceRuntime)
        const referenceSummary = summaryOf(reference, metric)
        if (reference !== undefined && referenceSummary !== undefined) {
          relative.push(logStatistic(summary.samples, metricPolicy.statistic) - logStatistic(referenceSummary.samples, metricPolicy.statistic))
          referenceKey = reference.key
        }
      }
      if (absolute.length < minNoiseRuns) continue
      noise[metric] = {
        runs: absolute.length,
        absoluteLogSd: sampleSd(absolute),
        ...(relative.length === absolute.length && referenceKey !== undefined ? { relativeLogSd: sampleSd(relative), reference: referenceKey } : {}),
        calibratedAt,
      }
    }
    if (Object.keys(noise).length > 0) result.set(row.key, noise)
  }
  return result
}
