import { mannWhitneyU } from '../stats/mann-whitney.ts'
import { quantileWithStandardError } from '../stats/maritz-jarrett.ts'
import { normalQuantile, normalUpperTail } from '../stats/normal-distribution.ts'
import { studentTQuantile, studentTUpperTail } from '../stats/student-t.ts'
import { quantile } from '../stats/summarise.ts'
import type { MetricStatistic } from './policy.ts'

/** Power at which `detectableChange` is computed: a change of that size is caught 80% of the time. */
export const detectionPower = 0.8

/** A metric's calibrated run-to-run noise: the sd of ln(run statistic) over `runs` A/A runs. */
export interface RunNoise {
  logSd: number
  runs: number
}

/** One side's samples and, when comparing relative to a reference, the reference row's samples from the same run. */
export interface SampleSide {
  samples: readonly number[]
  reference?: readonly number[]
}

/** What comparing one metric's samples found, before the false-discovery control across the run. */
export interface SampleComparison {
  /** The compared statistic of each side, in the metric's unit (before dividing by the reference). */
  current: number
  baseline: number
  /** Relative change of the (reference-normalised) statistic: 0.1 = 10% larger now. */
  change: number
  /** Two-sided p-value of the within-run test on the samples. */
  samplesPValue: number
  /** Two-sided t-test p-value of the change against the run-to-run noise; 0 without calibration. */
  runsPValue: number
  /** The larger of the two: significant only when the change stands out from both (intersection-union test). */
  pValue: number
  /** Standard error of the log change from the samples. */
  logStandardError: number
  /** Smallest step between distinct sample values, relative to the statistic (and to the reference's, when there is one): what the measurement can resolve. */
  relativeResolution: number
}

/** The q of each statistic. */
const statisticQuantile: Record<MetricStatistic, number> = { median: 0.5, p10: 0.1 }

function sortedLogs(samples: readonly number[]): number[] {
  return samples.map((sample) => Math.log(Math.max(sample, Number.MIN_VALUE))).sort((a, b) => a - b)
}

/**
 * The timer's or counter's step when the samples show one: values repeat (fewer distinct values than
 * half the samples on some side), and the step is the smallest gap between distinct values. 0 for
 * continuous-looking samples.
 */
function resolutionOf(...sides: ReadonlyArray<readonly number[]>): number {
  if (!sides.some((samples) => new Set(samples).size < samples.length / 2)) return 0
  const values = [...new Set(sides.flat())].sort((a, b) => a - b)
  let step = Number.POSITIVE_INFINITY
  for (let i = 1; i < values.length; i++) step = Math.min(step, (values[i] ?? 0) - (values[i - 1] ?? 0))
  return Number.isFinite(step) ? step : 0
}

/**
 * Compares current samples with baseline samples of one metric (positive values, lower is better),
 * on log values. With references, each side is first divided by its own run's reference statistic,
 * so drift that moves the whole run cancels out.
 *
 * - `median`: change = ratio of medians; test = two-sided Mann-Whitney U (mann-whitney.ts); the
 *   standard error of the shift is that of the Hodges-Lehmann estimate that goes with the U test,
 *   (pi / 3) sigma^2 (1/n1 + 1/n2) for normal data (Hodges & Lehmann 1963, Ann. Math. Statist.
 *   34(2)), sigma from the IQR of the logs.
 * - `p10`: change = ratio of 10th percentiles; test = two-sided z-test of the difference of the log
 *   quantiles with Maritz-Jarrett standard errors (maritz-jarrett.ts). Timing noise from other load
 *   only ever adds time, so a low quantile estimates the undisturbed time far more steadily than the
 *   median or mean (Chen & Revels 2016, "Robust benchmarking in noisy environments", arXiv:1608.04295).
 * A reference adds the standard error of its own statistic. `noise` adds the run-level t-test.
 */
export function compareSamples(current: SampleSide, baseline: SampleSide, statistic: MetricStatistic, noise?: RunNoise): SampleComparison {
  const q = statisticQuantile[statistic]
  // The log of the statistic as the results table computes it (type-7 quantile of the values), with
  // the Maritz-Jarrett standard error of the log values' quantile.
  const estimate = (samples: readonly number[]) => ({
    value: Math.log(Math.max(quantile([...samples].sort((a, b) => a - b), q), Number.MIN_VALUE)),
    standardError: quantileWithStandardError(sortedLogs(samples), q).standardError,
  })
  const x = estimate(current.samples)
  const y = estimate(baseline.samples)
  const refX = current.reference === undefined ? undefined : estimate(current.reference)
  const refY = baseline.reference === undefined ? undefined : estimate(baseline.reference)
  const logChange = x.value - (refX?.value ?? 0) - (y.value - (refY?.value ?? 0))
  let variance = (refX?.standardError ?? 0) ** 2 + (refY?.standardError ?? 0) ** 2
  let samplesPValue: number
  if (statistic === 'median') {
    const xs = current.samples.map((sample) => sample / Math.exp(refX?.value ?? 0))
    const ys = baseline.samples.map((sample) => sample / Math.exp(refY?.value ?? 0))
    samplesPValue = mannWhitneyU(xs, ys).p
    const iqrSd = (logs: number[]): number => (quantile(logs, 0.75) - quantile(logs, 0.25)) / 1.349
    const pooled = ((iqrSd(sortedLogs(xs)) ** 2) + (iqrSd(sortedLogs(ys)) ** 2)) / 2
    variance += (Math.PI / 3) * pooled * (1 / xs.length + 1 / ys.length)
  } else {
    variance += x.standardError ** 2 + y.standardError ** 2
    const z = variance > 0 ? Math.abs(logChange) / Math.sqrt(variance) : logChange === 0 ? 0 : Number.POSITIVE_INFINITY
    samplesPValue = Math.min(1, 2 * normalUpperTail(z))
  }
  const runsPValue = noise === undefined ? 0 : runsTestPValue(logChange, noise)
  const currentValue = Math.exp(x.value)
  return {
    current: currentValue,
    baseline: Math.exp(y.value),
    change: Math.expm1(logChange),
    samplesPValue,
    runsPValue,
    pValue: Math.max(samplesPValue, runsPValue),
    logStandardError: Math.sqrt(variance),
    // The reference's own step counts too: a ratio is only as fine as its coarser side.
    relativeResolution: Math.max(
      currentValue > 0 ? resolutionOf(current.samples, baseline.samples) / currentValue : 0,
      refX === undefined || current.reference === undefined || baseline.reference === undefined ? 0 : resolutionOf(current.reference, baseline.reference) / Math.exp(refX.value),
    ),
  }
}

/**
 * Two-sided p-value of a log change between two single runs against calibrated run-to-run noise:
 * each run's log statistic varies with sd sigma, so the difference has sd sigma * sqrt(2); sigma is
 * estimated from `runs` A/A runs, hence Student's t with runs - 1 degrees of freedom. Requiring both
 * this test and the within-run test to reject, p = max of the two, is an intersection-union test
 * (Berger 1982, "Multiparameter hypothesis testing and acceptance sampling", Technometrics 24(4)).
 * It models the between-run level of variation that the samples of one run cannot show (Kalibera &
 * Jones 2013, "Rigorous benchmarking in reasonable time", ISMM).
 */
function runsTestPValue(logChange: number, noise: RunNoise): number {
  if (!Number.isFinite(logChange)) return 0
  if (noise.logSd === 0) return logChange === 0 ? 1 : 0
  return Math.min(1, 2 * studentTUpperTail(Math.abs(logChange) / (noise.logSd * Math.SQRT2), noise.runs - 1))
}

/**
 * The smallest relative change (0.05 = 5%) a comparison with this standard error detects with
 * `detectionPower` at two-sided level `alpha`: exp((z(1 - alpha/2) + z(power)) * se) - 1, the usual
 * normal-approximation power relation (e.g. Chow, Shao & Wang, "Sample Size Calculations in Clinical
 * Research", 3.2.1) on the log scale.
 */
export function detectableChange(logStandardError: number, alpha: number): number {
  return Math.expm1((normalQuantile(1 - alpha / 2) + normalQuantile(detectionPower)) * logStandardError)
}

/** The smallest relative change that stands out from calibrated run-to-run noise with `detectionPower` at level `alpha` (t with runs - 1 df). */
export function detectableRunChange(noise: RunNoise, alpha: number): number {
  const df = noise.runs - 1
  return Math.expm1((studentTQuantile(1 - alpha / 2, df) + studentTQuantile(detectionPower, df)) * noise.logSd * Math.SQRT2)
}

/** How many times more samples (on both sides) would bring the detectable change down to `target`. */
export function samplesFactorFor(target: number, detectable: number): number {
  return (Math.log1p(detectable) / Math.log1p(target)) ** 2
}
