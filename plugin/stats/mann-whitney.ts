import { BenchError } from '../errors.ts'
import { normalUpperTail } from './normal-distribution.ts'

/** The result of a two-sided Mann-Whitney U test. */
export interface MannWhitneyResult {
  /** U of the first sample: pairs (x, y) with x > y, ties counting one half. */
  u: number
  /** Standardised U (positive when the first sample tends to be larger), continuity-corrected. */
  z: number
  /** Two-sided p-value. */
  p: number
}

/**
 * Two-sided Mann-Whitney U test (Wilcoxon rank-sum) of `x` against `y`: do the samples come from
 * distributions where one tends to be larger? Method: Mann & Whitney (1947), "On a test of whether
 * one of two random variables is stochastically larger than the other", Ann. Math. Statist. 18(1);
 * large-sample normal approximation with the tie correction of the variance and a continuity
 * correction of 0.5, as in Lehmann (1975), "Nonparametrics", section 1.4, and SciPy's
 * `mannwhitneyu(method='asymptotic')`:
 *   sigma^2 = n1 n2 / 12 * ((n + 1) - sum(t^3 - t) / (n (n - 1))), t = size of each tie group.
 * Every sample spread equal to zero (all values tied) gives p = 1.
 */
export function mannWhitneyU(x: readonly number[], y: readonly number[]): MannWhitneyResult {
  const n1 = x.length
  const n2 = y.length
  if (n1 === 0 || n2 === 0) {
    throw new BenchError('invalid-results', `The Mann-Whitney test needs samples on both sides; got ${n1} and ${n2}.`)
  }
  const pooled = [...x.map((value) => ({ value, first: true })), ...y.map((value) => ({ value, first: false }))]
    .sort((a, b) => a.value - b.value)
  const n = n1 + n2
  let rankSumFirst = 0
  let tieTerm = 0
  for (let start = 0; start < n;) {
    let end = start
    while (end + 1 < n && pooled[end + 1]?.value === pooled[start]?.value) end++
    // Tied values share the mean of the ranks they span (ranks from 1).
    const rank = (start + end) / 2 + 1
    const size = end - start + 1
    for (let i = start; i <= end; i++) if (pooled[i]?.first === true) rankSumFirst += rank
    tieTerm += size ** 3 - size
    start = end + 1
  }
  const u = rankSumFirst - (n1 * (n1 + 1)) / 2
  const meanU = (n1 * n2) / 2
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)))
  if (!(variance > 0)) return { u, z: 0, p: 1 }
  const distance = Math.max(0, Math.abs(u - meanU) - 0.5)
  const z = (Math.sign(u - meanU) * distance) / Math.sqrt(variance)
  return { u, z, p: Math.min(1, 2 * normalUpperTail(Math.abs(z))) }
}
