import { describe, expect, test } from 'vitest'
import type { ResultsFile } from '../../schema/results.d.ts'
import { createExampleResults } from '../results/example-results.ts'
import { formatChange, formatConfidence, readComparison, sortByVerdict } from './read-comparison.ts'
import { createReportExample } from './testdata/report-example.ts'

function withComparison(comparison: unknown): ResultsFile {
  return Object.assign(createExampleResults(), { comparison })
}

describe('readComparison', () => {
  test('no comparison section: undefined', () => {
    expect(readComparison(createExampleResults())).toBeUndefined()
  })

  test('the regression gate’s section: baseline, outcome, summary and each verdict with confidence = 1 - q', () => {
    const view = readComparison(createReportExample())
    expect(view).toMatchObject({
      baseline: 'baselines/3f2a9c81d0b4.json (2025-01-30T09:00:00.000Z)',
      verdict: 'failed',
      summary: '1 regressed, 1 improved, 1 inconclusive, 1 no-baseline, 1 pass (FDR 5%).',
    })
    expect(view?.entries[0]).toEqual({ key: 'node-wasi/fib/process/n=25', metric: 'coldStartMs', verdict: 'regressed', change: 0.1212, confidence: 0.98, reason: 'coldStartMs 132 ms -> 148 ms (+12.1%), q = 0.02.' })
    expect(view?.entries[4]).toEqual({ key: 'native/http/process/concurrency=1', metric: 'requestsPerSec', verdict: 'no-baseline', reason: 'Nothing recorded for native/http/process/concurrency=1. Record a baseline: `vitest bench -u`.' })
  })

  test('status without a failure, and the other outcomes', () => {
    expect(readComparison(withComparison({ status: 'compared', failed: false, verdicts: [] }))?.verdict).toBe('passed')
    expect(readComparison(withComparison({ status: 'no-baseline', failed: true, verdicts: [] }))?.verdict).toBe('no-baseline, failed')
    expect(readComparison(withComparison({ status: 'recorded', failed: false, verdicts: [] }))?.verdict).toBe('recorded')
  })

  test('reads leniently: other list names, a direct confidence and interval; drops entries it cannot use', () => {
    const view = readComparison(withComparison({
      baseline: 'main@abc123',
      entries: [
        { key: 'a/fib/process', metric: 'coldStartMs', verdict: 'pass', change: 0.01, confidence: 0.9, changeInterval: [-0.02, 0.04] },
        { key: 'b/fib/process', metric: 'coldStartMs' },
        { key: 'c/fib/process', metric: 'coldStartMs', verdict: 'pass', change: 'big', confidence: 7, interval: [1] },
        'nonsense',
      ],
    }))
    expect(view).toEqual({
      baseline: 'main@abc123',
      entries: [
        { key: 'a/fib/process', metric: 'coldStartMs', verdict: 'pass', change: 0.01, confidence: 0.9, changeInterval: [-0.02, 0.04] },
        { key: 'c/fib/process', metric: 'coldStartMs', verdict: 'pass' },
      ],
    })
  })

  test('a comparison that is not an object is ignored', () => {
    expect(readComparison(withComparison('yes'))).toBeUndefined()
  })
})

describe('formatting', () => {
  test('changes carry their sign; tiny ones read as ±0', () => {
    expect(formatChange(0.1212)).toBe('+12.1%')
    expect(formatChange(-0.1154)).toBe('−11.5%')
    expect(formatChange(0.00004)).toBe('±0.0%')
    expect(formatChange(2.5)).toBe('+250%')
  })

  test('confidence: level, interval, both, or a dash', () => {
    expect(formatConfidence({ key: 'k', metric: 'm', verdict: 'pass', confidence: 0.95 })).toBe('95%')
    expect(formatConfidence({ key: 'k', metric: 'm', verdict: 'pass', changeInterval: [-0.03, 0.08] })).toBe('−3.0% … +8.0%')
    expect(formatConfidence({ key: 'k', metric: 'm', verdict: 'pass', confidence: 0.95, changeInterval: [-0.03, 0.08] })).toBe('95% CI −3.0% … +8.0%')
    expect(formatConfidence({ key: 'k', metric: 'm', verdict: 'pass' })).toBe('—')
  })

  test('worst verdicts first, unknown verdicts last', () => {
    const entries = ['pass', 'odd', 'improved', 'regressed', 'no-baseline'].map((verdict) => ({ key: 'k', metric: 'm', verdict }))
    expect(sortByVerdict(entries).map((entry) => entry.verdict)).toEqual(['regressed', 'no-baseline', 'improved', 'pass', 'odd'])
  })
})
