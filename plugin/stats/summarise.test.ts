import { describe, expect, test } from 'vitest'
import { BenchError } from '../errors.ts'
import { interquartileRange, quantile, relativeSpread, summarise } from './summarise.ts'

// Expected quantiles worked by hand with Hyndman & Fan type 7: h = (n - 1) * q (0-based),
// x[floor(h)] + (h - floor(h)) * (x[floor(h) + 1] - x[floor(h)]). Cross-checked with Python's
// statistics.quantiles(data, n=100, method='inclusive'), which is the same method.

describe('summarise', () => {
  test('odd n: every field, samples kept in measurement order', () => {
    // sorted 1 2 3 4 5; p90: h = 3.6 -> 4 + 0.6 * 1; p99: h = 3.96 -> 4 + 0.96 * 1; sd = sqrt(10 / 4)
    const summary = summarise([5, 1, 4, 2, 3])
    expect(summary).toEqual({ n: 5, median: 3, mean: 3, min: 1, max: 5, p90: 4.6, p99: 4.96, sd: Math.sqrt(2.5), samples: [5, 1, 4, 2, 3] })
    expect(summary.sd).toBe(1.5811388300841898)
  })

  test('even n: the median interpolates between the middle two', () => {
    // sorted 10 20 30 40; median: h = 1.5 -> 25; p90: h = 2.7 -> 30 + 0.7 * 10; p99: h = 2.97 -> 30 + 0.97 * 10; sd = sqrt(500 / 3)
    const summary = summarise([10, 40, 20, 30])
    expect(summary).toMatchObject({ n: 4, median: 25, mean: 25, min: 10, max: 40, p90: 37, sd: 12.909944487358056 })
    expect(summary.p99).toBeCloseTo(39.7, 12)
  })

  test('n = 1: every statistic is the sample, sd is 0', () => {
    expect(summarise([7])).toEqual({ n: 1, median: 7, mean: 7, min: 7, max: 7, p90: 7, p99: 7, sd: 0, samples: [7] })
  })

  test('duplicates', () => {
    // sorted 2 4 4 4 5 5 7 9; median: h = 3.5 -> 4.5; p90: h = 6.3 -> 7 + 0.3 * 2; p99: h = 6.93 -> 7 + 0.93 * 2; sd = sqrt(32 / 7)
    const summary = summarise([2, 4, 4, 4, 5, 5, 7, 9])
    expect(summary).toMatchObject({ n: 8, median: 4.5, mean: 5, min: 2, max: 9, sd: 2.138089935299395 })
    expect(summary.p90).toBeCloseTo(7.6, 12)
    expect(summary.p99).toBeCloseTo(8.86, 12)
  })

  test('all samples equal: no spread at all', () => {
    expect(summarise([3, 3, 3])).toEqual({ n: 3, median: 3, mean: 3, min: 3, max: 3, p90: 3, p99: 3, sd: 0, samples: [3, 3, 3] })
  })

  test('p90 on an exact rank', () => {
    // n = 11: p90 is h = 9, the 10th smallest exactly; p99: h = 9.9 -> 10 + 0.9 * 1
    const summary = summarise([11, 1, 10, 2, 9, 3, 8, 4, 7, 5, 6])
    expect(summary).toMatchObject({ median: 6, p90: 10, sd: Math.sqrt(11) })
    expect(summary.p99).toBeCloseTo(10.9, 12)
  })

  test('returns a copy of the samples', () => {
    const samples = [2, 1]
    const summary = summarise(samples)
    samples.push(3)
    expect(summary.samples).toEqual([2, 1])
  })

  test('no samples is an error that says what to do', () => {
    expect(() => summarise([])).toThrow(BenchError)
    expect(() => summarise([])).toThrow('Cannot summarise a metric with no samples. Record at least one sample, or report the metric as `{ unsupported: reason }`.')
  })

  test('a sample that is not a finite number is an error naming it', () => {
    expect(() => summarise([1, Number.NaN])).toThrow('Sample 1 is `NaN`, not a finite number.')
    expect(() => summarise([Number.POSITIVE_INFINITY])).toThrow('Sample 0 is `Infinity`, not a finite number.')
  })
})

describe('quantile', () => {
  test('q = 0 and q = 1 are the extremes', () => {
    expect(quantile([1, 2, 3], 0)).toBe(1)
    expect(quantile([1, 2, 3], 1)).toBe(3)
  })

  test('interpolates linearly between closest ranks', () => {
    expect(quantile([0, 10], 0.25)).toBe(2.5)
    expect(quantile([0, 10], 0.5)).toBe(5)
    expect(quantile([0, 10, 20, 30, 40], 0.3)).toBe(12)
  })

  test('a single sample is every quantile', () => {
    expect(quantile([42], 0)).toBe(42)
    expect(quantile([42], 0.99)).toBe(42)
  })

  test('between equal neighbours the value is exact', () => {
    expect(quantile([1, 5, 5, 9], 0.5)).toBe(5)
  })

  test('q outside 0..1 or NaN is an error', () => {
    expect(() => quantile([1, 2], 1.5)).toThrow('Quantile `1.5` is outside 0..1. Pass a fraction, such as 0.9 for the 90th percentile.')
    expect(() => quantile([1, 2], -0.1)).toThrow(BenchError)
    expect(() => quantile([1, 2], Number.NaN)).toThrow(BenchError)
  })

  test('no samples is an error', () => {
    expect(() => quantile([], 0.5)).toThrow(BenchError)
  })
})

describe('interquartileRange and relativeSpread', () => {
  test('IQR of unsorted samples', () => {
    // sorted 1 2 3 4 5: Q1 at h = 1 is 2, Q3 at h = 3 is 4
    expect(interquartileRange([5, 3, 1, 4, 2])).toBe(2)
    // sorted 10 20 30 40: Q1 at h = 0.75 is 17.5, Q3 at h = 2.25 is 32.5
    expect(interquartileRange([40, 10, 30, 20])).toBe(15)
  })

  test('relative spread is IQR / median, from samples or from a summary', () => {
    expect(relativeSpread([5, 3, 1, 4, 2])).toBe(2 / 3)
    expect(relativeSpread(summarise([40, 10, 30, 20]))).toBe(0.6)
  })

  test('relative spread is 0 when the median is 0', () => {
    expect(relativeSpread([0, 0, 1])).toBe(0)
  })
})
