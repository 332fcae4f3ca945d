// Reference values from SciPy 1.17 (scipy.stats.mannwhitneyu(method='asymptotic'), false_discovery_control,
// t, norm, beta) and, for Maritz-Jarrett, its formula evaluated with scipy.stats.beta.
import { describe, expect, test } from 'vitest'
import { benjaminiHochberg } from './benjamini-hochberg.ts'
import { mannWhitneyU } from './mann-whitney.ts'
import { quantileWithStandardError } from './maritz-jarrett.ts'
import { erfc, normalQuantile, normalUpperTail } from './normal-distribution.ts'
import { regularizedBeta, studentTQuantile, studentTUpperTail } from './student-t.ts'

describe('mannWhitneyU', () => {
  test('no ties: U and the continuity-corrected normal p-value', () => {
    const result = mannWhitneyU([1, 2, 3, 4, 5], [3, 4, 5, 6, 7, 8])
    expect(result.u).toBe(4.5)
    expect(result.p).toBeCloseTo(0.066015431521231, 8)
    expect(result.z).toBeLessThan(0)
  })

  test('ties shrink the variance (tie correction)', () => {
    const result = mannWhitneyU([1.1, 2.2, 2.2, 3.5, 4, 4, 4], [2.2, 4, 5.1, 6.3, 6.3])
    expect(result.u).toBe(6.5)
    expect(result.p).toBeCloseTo(0.07981647994695878, 8)
  })

  test('all values equal: no evidence, p = 1', () => {
    expect(mannWhitneyU([3, 3, 3], [3, 3])).toEqual({ u: 3, z: 0, p: 1 })
  })

  test('an empty side is an error', () => {
    expect(() => mannWhitneyU([], [1])).toThrow('The Mann-Whitney test needs samples on both sides; got 0 and 1.')
  })
})

describe('benjaminiHochberg', () => {
  test('adjusted p-values in the order given, as R p.adjust(method = "BH")', () => {
    const adjusted = benjaminiHochberg([0.01, 0.04, 0.03, 0.005, 0.2])
    expect(adjusted.map((q) => Number(q.toFixed(12)))).toEqual([0.025, 0.05, 0.05, 0.025, 0.2])
  })

  test('capped at 1, empty input', () => {
    expect(benjaminiHochberg([0.9, 0.8])).toEqual([0.9, 0.9])
    expect(benjaminiHochberg([])).toEqual([])
  })
})

describe('normal distribution', () => {
  test('quantiles and tails', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8)
    expect(normalQuantile(1e-5)).toBeCloseTo(-4.264890793922825, 8)
    expect(normalQuantile(0.5)).toBe(0)
    expect(normalUpperTail(5)).toBeCloseTo(2.866515718791933e-7, 12)
    expect(normalUpperTail(-1)).toBeCloseTo(0.8413447460685429, 6)
    expect(erfc(0)).toBeCloseTo(1, 7)
  })
})

describe('Student t and the incomplete beta function', () => {
  test('tails and quantiles', () => {
    expect(studentTUpperTail(2.262157162798205, 9)).toBeCloseTo(0.025, 10)
    expect(studentTUpperTail(3, 1)).toBeCloseTo(0.10241638234956672, 10)
    expect(studentTQuantile(0.975, 9)).toBeCloseTo(2.262157162798205, 9)
    expect(studentTQuantile(0.99995, 30)).toBeCloseTo(4.482417175409786, 8)
    expect(studentTQuantile(0.025, 9)).toBeCloseTo(-2.262157162798205, 9)
  })

  test('regularised incomplete beta', () => {
    expect(regularizedBeta(0.3, 2, 5)).toBeCloseTo(0.5798250000000003, 12)
    expect(regularizedBeta(0.9, 0.5, 4.5)).toBeCloseTo(0.9999914619487767, 12)
    expect(regularizedBeta(0, 2, 3)).toBe(0)
    expect(regularizedBeta(1, 2, 3)).toBe(1)
  })
})

describe('quantileWithStandardError (Maritz-Jarrett)', () => {
  // numpy: m = floor(q n + 0.5); W = beta.cdf(i/n, m, n-m+1) - beta.cdf((i-1)/n, m, n-m+1); sqrt(sum W x^2 - (sum W x)^2)
  const sorted = [9, 10, 11, 12, 13, 14, 15, 16, 18, 20]

  test('median and 10th percentile of ten values', () => {
    const median = quantileWithStandardError(sorted, 0.5)
    expect(median.value).toBe(13)
    expect(median.standardError).toBeCloseTo(1.4860220681509269, 10)
    const p10 = quantileWithStandardError(sorted, 0.1)
    expect(p10.value).toBe(9)
    expect(p10.standardError).toBeCloseTo(0.7892273495627854, 10)
  })

  test('ties everywhere: no spread, standard error 0', () => {
    expect(quantileWithStandardError([5, 5, 5, 5], 0.5)).toEqual({ value: 5, standardError: 0 })
  })
})
