import type { Verdict } from '../../schema/results.d.ts'
import { formatChange, formatPercent } from '../baseline/format-change.ts'
import { formatMetricValue } from '../metrics/format-metric-value.ts'
import type { JudgePolicy } from '../baseline/policy.ts'
import { benjaminiHochberg } from '../stats/benjamini-hochberg.ts'
import { quantile } from '../stats/summarise.ts'
import { wilcoxonSignedRank } from '../stats/wilcoxon-signed-rank.ts'

/** One metric's paired samples: `base[i]` and `head[i]` were measured back to back (pair i). */
export interface PairedMetric {
  metric: string
  base: readonly number[]
  head: readonly number[]
}

/** Fewest usable pairs for a verdict; below it the metric is inconclusive. */
export const minPairs = 10

function median(values: readonly number[]): number {
  return quantile([...values].sort((a, b) => a - b), 0.5)
}

/**
 * Judges a paired A/B run: for each metric the policy judges as `sampled`, the log ratios
 * ln(head_i / base_i) of the pairs go through the Wilcoxon signed-rank test; the change is the
 * Hodges-Lehmann estimate (exp - 1) with its distribution-free interval at 1 - `falseDiscoveryRate`;
 * Benjamini-Hochberg across the metrics. Verdicts as the stored-baseline gate's, with its minimum
 * effect: `regressed`/`improved` when significant and at least `minEffect` (and any absolute floor);
 * `pass` when significant but smaller, or when the interval rules a `minEffect` change out;
 * otherwise `inconclusive`, with how many pairs would do. Pure.
 */
export function judgePaired(key: string, metrics: readonly PairedMetric[], policy: JudgePolicy): Verdict[] {
  const level = policy.falseDiscoveryRate
  const prepared = metrics.flatMap(({ metric, base, head }) => {
    const metricPolicy = policy.metrics[metric]
    if (metricPolicy?.kind !== 'sampled') return []
    const pairs = base.flatMap((a, i) => {
      const b = head[i]
      return b !== undefined && a > 0 && b > 0 ? [Math.log(b / a)] : []
    })
    return [{ metric, metricPolicy, base, head, pairs, test: pairs.length >= minPairs ? wilcoxonSignedRank(pairs, 1 - level) : undefined }]
  })
  const qValues = benjaminiHochberg(prepared.map((entry) => entry.test?.pValue ?? 1))
  return prepared.map(({ metric, metricPolicy, base, head, pairs, test }, index): Verdict => {
    const minEffect = metricPolicy.minEffect
    const draft = { key, metric, method: 'wilcoxon-signed-rank', comparedAs: 'paired', statistic: 'median', minEffect, baseline: median(base), current: median(head) } as const
    const values = `${formatMetricValue(metric, draft.baseline)} -> ${formatMetricValue(metric, draft.current)}`
    if (test === undefined) {
      return { ...draft, verdict: 'inconclusive', message: `${metric} inconclusive: only ${pairs.length} usable pairs (at least ${minPairs} are needed).`, advice: 'Measure more pairs (`--pairs`).' }
    }
    const qValue = qValues[index] ?? 1
    const change = Math.expm1(test.estimate)
    const changeInterval = [Math.expm1(test.interval[0]), Math.expm1(test.interval[1])]
    const [low = 0, high = 0] = changeInterval
    const detectableChange = (high - low) / 2
    const stats = { change, changeInterval, pValue: test.pValue, qValue, detectableChange }
    const shown = `${values} (paired ${formatChange(change)}, ${formatPercent(1 - level)} interval ${formatChange(low)} to ${formatChange(high)} over ${pairs.length} pairs)`
    const significant = qValue <= level
    const absoluteChange = Math.abs(draft.current - draft.baseline)
    const belowAbsolute = metricPolicy.minAbsoluteChange !== undefined && absoluteChange < metricPolicy.minAbsoluteChange
    if (significant && Math.abs(change) >= minEffect && !belowAbsolute) {
      const kind = change > 0 ? 'regressed' : 'improved'
      return { ...draft, ...stats, verdict: kind, message: `${metric} ${kind}: ${shown}, q = ${qValue.toPrecision(2)}.` }
    }
    if (significant) {
      const why = belowAbsolute ? `the change of ${formatMetricValue(metric, absoluteChange)} is below the minimum absolute change of ${formatMetricValue(metric, metricPolicy.minAbsoluteChange ?? 0)}` : `below the ${formatPercent(minEffect)} minimum effect`
      return { ...draft, ...stats, verdict: 'pass', message: `${metric} pass: ${shown}: significant but ${why}.` }
    }
    if (low > -minEffect && high < minEffect) {
      return { ...draft, ...stats, verdict: 'pass', message: `${metric} pass: ${shown}: no significant change, and the interval rules out a ${formatPercent(minEffect)} change.` }
    }
    const factor = Math.ceil(((detectableChange / (minEffect / 2)) ** 2) * 10) / 10
    return {
      ...draft, ...stats, verdict: 'inconclusive',
      message: `${metric} inconclusive: ${shown}: no significant change, but the interval is too wide to rule out a ${formatPercent(minEffect)} change.`,
      advice: `Measure more pairs (about ${factor}x the ${pairs.length}), or run on a quieter machine.`,
    }
  })
}
