import { BenchError } from '../errors.ts'
import { normalQuantile, normalUpperTail } from './normal-distribution.ts'

/** The Wilcoxon signed-rank test of paired differences and the Hodges-Lehmann estimate with its confidence interval. */
export interface SignedRankResult {
  /** Differences that were not zero: the test's n. */
  n: number
  /** Sum of the ranks of the positive differences. */
  wPlus: number
  /** Two-sided p-value of "the differences are symmetric about 0" (normal approximation, tie and continuity corrected). */
  pValue: number
  /** Hodges-Lehmann estimate of the shift: the median of the Walsh averages (d_i + d_j) / 2, i <= j. */
  estimate: number
  /** Confidence interval of the shift at the level asked for: order statistics of the Walsh averages. */
  interval: [number, number]
}

function median(sorted: readonly number[]): number {
  const mid = (sorted.length - 1) / 2
  return ((sorted[Math.floor(mid)] ?? Number.NaN) + (sorted[Math.ceil(mid)] ?? Number.NaN)) / 2
}

/**
 * Wilcoxon's signed-rank test on paired differences `d` (for example ln(b_i / a_i)), two-sided,
 * with zero differences dropped (Wilcoxon's convention), average ranks for ties, the tie-corrected
 * variance and a continuity correction (Hollander, Wolfe & Chicken, Nonparametric Statistical
 * Methods, 3rd ed., 2014, section 3.1). The shift estimate is the Hodges-Lehmann estimator and the
 * interval its distribution-free confidence interval at `confidence` (section 3.3; normal
 * approximation of the critical rank, fine from about 10 pairs). Pure.
 */
export function wilcoxonSignedRank(d: readonly number[], confidence = 0.95): SignedRankResult {
  if (d.length < 2 || d.some((value) => !Number.isFinite(value))) {
    throw new BenchError('invalid-results', `The signed-rank test needs at least 2 finite paired differences, got ${d.length}${d.some((value) => !Number.isFinite(value)) ? ' (some not finite)' : ''}. Measure more pairs.`)
  }
  const nonZero = d.filter((value) => value !== 0)
  const n = nonZero.length
  const byMagnitude = nonZero.map((value) => ({ value, magnitude: Math.abs(value) })).sort((a, b) => a.magnitude - b.magnitude)
  let wPlus = 0
  let tieTerm = 0
  for (let i = 0; i < n;) {
    let j = i
    while (j + 1 < n && byMagnitude[j + 1]?.magnitude === byMagnitude[i]?.magnitude) j++
    const rank = (i + j + 2) / 2
    for (let k = i; k <= j; k++) if ((byMagnitude[k]?.value ?? 0) > 0) wPlus += rank
    const t = j - i + 1
    tieTerm += t ** 3 - t
    i = j + 1
  }
  const mean = (n * (n + 1)) / 4
  const variance = (n * (n + 1) * (2 * n + 1)) / 24 - tieTerm / 48
  const deviation = Math.abs(wPlus - mean)
  const pValue = n === 0 || variance <= 0 ? 1 : Math.min(1, 2 * normalUpperTail(Math.max(0, deviation - 0.5) / Math.sqrt(variance)))

  const walsh: number[] = []
  for (let i = 0; i < d.length; i++) for (let j = i; j < d.length; j++) walsh.push(((d[i] ?? 0) + (d[j] ?? 0)) / 2)
  walsh.sort((a, b) => a - b)
  const m = walsh.length
  const all = d.length
  const z = normalQuantile(1 - (1 - confidence) / 2)
  const k = Math.max(1, Math.floor(m / 2 - z * Math.sqrt((all * (all + 1) * (2 * all + 1)) / 24)))
  return { n, wPlus, pValue, estimate: median(walsh), interval: [walsh[k - 1] ?? Number.NaN, walsh[m - k] ?? Number.NaN] }
}
