import { BenchError } from '../errors.ts'
import { regularizedBeta } from './student-t.ts'

/** A sample quantile and its estimated standard error, in the unit of the samples. */
export interface QuantileEstimate {
  value: number
  standardError: number
}

/**
 * The q-quantile of samples sorted ascending as the order statistic X(m), m = floor(q n + 0.5)
 * (at least 1), with the Maritz-Jarrett estimate of its standard error: W_i = I_{i/n}(m, n - m + 1)
 * - I_{(i-1)/n}(m, n - m + 1) (the Beta(m, n - m + 1) law of the m-th uniform order statistic),
 * C_k = sum W_i X(i)^k, se = sqrt(C_2 - C_1^2). Method: Maritz & Jarrett (1978), "A note on
 * estimating the variance of the sample median", JASA 73(361); as given for any quantile in Wilcox
 * (2012), "Introduction to Robust Estimation and Hypothesis Testing", 3rd ed., section 3.5.
 * Distribution-free, and valid with ties.
 */
export function quantileWithStandardError(sorted: readonly number[], q: number): QuantileEstimate {
  const n = sorted.length
  if (n === 0) throw new BenchError('invalid-results', 'A quantile needs at least one sample.')
  const m = Math.min(n, Math.max(1, Math.floor(q * n + 0.5)))
  const value = sorted[m - 1] ?? Number.NaN
  let c1 = 0
  let c2 = 0
  let previous = 0
  for (let i = 1; i <= n; i++) {
    const cumulative = regularizedBeta(i / n, m, n - m + 1)
    const weight = cumulative - previous
    previous = cumulative
    const x = sorted[i - 1] ?? 0
    c1 += weight * x
    c2 += weight * x * x
  }
  return { value, standardError: Math.sqrt(Math.max(0, c2 - c1 * c1)) }
}
