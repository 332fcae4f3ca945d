import type { MetricSummary } from '../../schema/results.d.ts'
import { BenchError } from '../errors.ts'

/**
 * Summarises one metric's samples: count, median, mean, extremes, p90, p99 and sample standard
 * deviation, in the unit of the samples. `samples` are kept as given, in measurement order.
 * Throws a BenchError (`invalid-results`) for no samples or a sample that is not a finite number.
 */
export function summarise(samples: readonly number[]): MetricSummary {
  checkSamples(samples)
  const sorted = sortAscending(samples)
  const n = samples.length
  const mean = samples.reduce((sum, sample) => sum + sample, 0) / n
  return {
    n,
    median: quantile(sorted, 0.5),
    mean,
    min: sorted[0] ?? Number.NaN,
    max: sorted[n - 1] ?? Number.NaN,
    p90: quantile(sorted, 0.9),
    p99: quantile(sorted, 0.99),
    sd: sampleStandardDeviation(samples, mean),
    samples: [...samples],
  }
}

/**
 * The `q` quantile (0 <= q <= 1) of samples already sorted ascending.
 * Method: linear interpolation between closest ranks, Hyndman & Fan (1996) type 7, "Sample
 * quantiles in statistical packages", The American Statistician 50(4); the default of R's
 * `quantile()` and NumPy's `percentile()`. With h = (n - 1) * q the result is
 * x[floor(h)] + (h - floor(h)) * (x[floor(h) + 1] - x[floor(h)]), indexes from 0.
 */
export function quantile(sortedSamples: readonly number[], q: number): number {
  checkSamples(sortedSamples)
  if (!(q >= 0 && q <= 1)) {
    throw new BenchError('invalid-results', `Quantile \`${q}\` is outside 0..1. Pass a fraction, such as 0.9 for the 90th percentile.`)
  }
  const h = (sortedSamples.length - 1) * q
  const lowerIndex = Math.floor(h)
  const lower = sortedSamples[lowerIndex] ?? Number.NaN
  const upper = sortedSamples[Math.min(lowerIndex + 1, sortedSamples.length - 1)] ?? Number.NaN
  return lower + (h - lowerIndex) * (upper - lower)
}

/** Third minus first quartile (type 7 quantiles, see `quantile`), in the unit of the samples, which may be unsorted. */
export function interquartileRange(samples: readonly number[]): number {
  const sorted = sortAscending(samples)
  return quantile(sorted, 0.75) - quantile(sorted, 0.25)
}

/**
 * The interquartile range divided by the (absolute) median: a unitless noise measure that, unlike
 * the coefficient of variation, a few outliers do not inflate. 0 when the median is 0.
 */
export function relativeSpread(input: MetricSummary | readonly number[]): number {
  const samples = isSampleList(input) ? input : input.samples
  const median = quantile(sortAscending(samples), 0.5)
  return median === 0 ? 0 : interquartileRange(samples) / Math.abs(median)
}

function isSampleList(input: MetricSummary | readonly number[]): input is readonly number[] {
  return Array.isArray(input)
}

/** Sample standard deviation, divisor n - 1 (Bessel's correction); two passes for numerical stability. */
function sampleStandardDeviation(samples: readonly number[], mean: number): number {
  if (samples.length < 2) return 0
  const squares = samples.reduce((sum, sample) => sum + (sample - mean) ** 2, 0)
  return Math.sqrt(squares / (samples.length - 1))
}

function sortAscending(samples: readonly number[]): number[] {
  return [...samples].sort((a, b) => a - b)
}

function checkSamples(samples: readonly number[]): void {
  if (samples.length === 0) {
    throw new BenchError('invalid-results', 'Cannot summarise a metric with no samples. Record at least one sample, or report the metric as `{ unsupported: reason }`.')
  }
  const index = samples.findIndex((sample) => !Number.isFinite(sample))
  if (index !== -1) {
    throw new BenchError('invalid-results', `Sample ${index} is \`${samples[index]}\`, not a finite number. Check the collector that produced it (a division by zero or a missing value).`)
  }
}
