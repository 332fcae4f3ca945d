import type { Warning } from '../../schema/results.d.ts'
import { metricDefinition } from '../metrics/metric-registry.ts'
import { moreSamplesAdvice } from '../metrics/samples-advice.ts'
import { quantile, relativeSpread } from './summarise.ts'

/**
 * Noise limit: a metric whose interquartile range exceeds this fraction of its median (0.10 = 10%)
 * gets a `high-noise` warning. Differences smaller than the noise cannot be told apart.
 */
export const highNoiseRelativeSpread = 0.1

/**
 * Slow-first-run limit: a discarded warm-up run longer than this many times the median gets a
 * `slow-first-run` warning (2 = twice the median).
 */
export const slowFirstRunRatio = 2

/**
 * Busy-machine limit: a row measured while other processes used more than this many CPU cores on
 * average (0.25 = a quarter of one core) gets a `busy-machine` warning. (The regression gate's own,
 * higher limit is `baseline.policy.maxOtherLoadCores`.)
 */
export const busyMachineCores = 0.25

/** What `assessQuality` looks at for one metric. */
export interface QualityInput {
  /** Metric name with its unit (`coldStartMs`). */
  metric: string
  /** The measured samples, warm-up runs excluded. */
  samples: readonly number[]
  /** The first, discarded warm-up run, in the metric's unit, when there was one. */
  firstRun?: number
  /** Fewer samples than this give a `too-few-samples` warning. */
  minSamples: number
}

/**
 * Checks one metric's samples for measurement-quality problems and returns a warning with advice
 * for each (codes from the closed list `WarningCode`): too few samples, high noise, slow first run.
 * An empty list means nothing to warn about.
 */
export function assessQuality(input: QualityInput): Warning[] {
  const { metric, samples, firstRun, minSamples } = input
  const warnings: Warning[] = []
  const n = samples.length
  if (n < minSamples) {
    warnings.push({
      code: 'too-few-samples',
      metric,
      message: `\`${metric}\` has ${n} ${n === 1 ? 'sample' : 'samples'}; at least ${minSamples} are needed for a stable median and p90.`,
      advice: moreSamplesAdvice(metricDefinition(metric).samplesOption, minSamples),
    })
  }
  if (n === 0) return warnings

  const spread = relativeSpread(samples)
  if (spread > highNoiseRelativeSpread) {
    warnings.push({
      code: 'high-noise',
      metric,
      message: `\`${metric}\` is noisy: its interquartile range is ${formatNumber(spread * 100)}% of the median (limit ${formatNumber(highNoiseRelativeSpread * 100)}%).`,
      advice: 'Take more samples, run on a quiet machine (no other load, fixed CPU frequency), and compare runtimes by ratios measured in the same run rather than by numbers from different runs.',
    })
  }

  const median = quantile([...samples].sort((a, b) => a - b), 0.5)
  if (firstRun !== undefined && firstRun > slowFirstRunRatio * median) {
    const ratio = median === 0 ? '' : `, ${formatNumber(firstRun / median)} times the median of ${formatNumber(median)}`
    warnings.push({
      code: 'slow-first-run',
      metric,
      message: `The first \`${metric}\` run took ${formatNumber(firstRun)}${ratio}.`,
      advice: 'The first run paid for filling the page cache and compilation caches; it was a warm-up and is excluded from the summary. Cold-cache starts cost more than the numbers shown.',
    })
  }
  return warnings
}

/** A `busy-machine` warning when other processes used more than `busyMachineCores` while the row was measured. */
export function assessLoad(otherLoadCores: number): Warning[] {
  if (!(otherLoadCores > busyMachineCores)) return []
  return [{
    code: 'busy-machine',
    metric: 'otherLoadCores',
    message: `Other processes used ${formatNumber(otherLoadCores)} CPU cores on average while this row was measured (limit ${busyMachineCores}).`,
    advice: 'Its timings were disturbed: stop other work on the machine (builds, browsers, other benchmarks) and run again. Above `baseline.policy.maxOtherLoadCores` (default half a core) the regression gate reports a slower row as inconclusive, not as regressed.',
  }]
}

/** Three significant digits for messages (`14.6`, `0.00123`, `1230000`). */
function formatNumber(value: number): string {
  return String(Number(value.toPrecision(3)))
}
