import { describe, expect, test } from 'vitest'
import { wilcoxonSignedRank } from './wilcoxon-signed-rank.ts'

describe('wilcoxonSignedRank', () => {
  test('Hollander & Wolfe example 3.1 (Hamilton depression scale, n = 9): W+ = 5, two-sided p about 0.044, Hodges-Lehmann -0.46', () => {
    const x = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3]
    const y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29]
    const result = wilcoxonSignedRank(y.map((value, i) => value - (x[i] ?? 0)))
    expect(result.n).toBe(9)
    expect(result.wPlus).toBe(5)
    // Normal approximation with continuity correction: z = (22.5 - 5 - 0.5) / sqrt(71.25) = 2.014.
    expect(result.pValue).toBeCloseTo(0.044, 3)
    // R's wilcox.test(x, y, paired = TRUE) for the same data: V = 40 (= 45 - W+ of y - x). Hodges-Lehmann: the
    // median of the 45 Walsh averages, -0.46; the 95% interval is the 5th smallest and 5th largest of them.
    expect(result.estimate).toBeCloseTo(-0.46, 10)
    expect(result.interval[0]).toBeCloseTo(-0.806, 10)
    expect(result.interval[1]).toBeCloseTo(0.035, 10)
  })

  test('zeros are dropped, ties share their average rank', () => {
    const result = wilcoxonSignedRank([0, 1, -1, 2, 2, 2])
    expect(result.n).toBe(5)
    // |d| ranks: 1, 1 -> 1.5 each; 2, 2, 2 -> 4 each. Positive: 1.5 + 12.
    expect(result.wPlus).toBe(13.5)
  })

  test('a shift of every pair by the same amount: the estimate is that shift and the interval holds it', () => {
    const d = Array.from({ length: 40 }, (_, i) => 0.05 + ((i % 7) - 3) * 0.001)
    const result = wilcoxonSignedRank(d)
    expect(result.estimate).toBeCloseTo(0.05, 6)
    expect(result.interval[0]).toBeLessThanOrEqual(0.05)
    expect(result.interval[1]).toBeGreaterThanOrEqual(0.05)
    expect(result.pValue).toBeLessThan(1e-6)
  })

  test('symmetric noise around zero is not significant', () => {
    const d = [-0.03, 0.03, -0.01, 0.01, -0.02, 0.02, 0.005, -0.005, 0.04, -0.04]
    const result = wilcoxonSignedRank(d)
    expect(result.wPlus).toBe(27.5)
    expect(result.pValue).toBe(1)
    expect(result.estimate).toBe(0)
  })

  test('too few differences', () => {
    expect(() => wilcoxonSignedRank([1])).toThrow('The signed-rank test needs at least 2 finite paired differences, got 1. Measure more pairs.')
  })
})
