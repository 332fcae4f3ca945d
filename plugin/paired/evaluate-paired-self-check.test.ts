import { describe, expect, test } from 'vitest'
import type { Verdict } from '../../schema/results.d.ts'
import { evaluatePairedSelfCheck, renderPairedSelfCheck } from './evaluate-paired-self-check.ts'

const verdict = (metric: string, kind: Verdict['verdict'], change: number): Verdict => ({ key: 'k', metric, verdict: kind, method: 'wilcoxon-signed-rank', comparedAs: 'paired', change, message: '' })

describe('evaluatePairedSelfCheck', () => {
  test('false alarms over A/A, realized change and detection per level, the smallest change caught in >= 95%', () => {
    const trials = [
      ...Array.from({ length: 20 }, (_, i) => ({ verdicts: [verdict('coldStartMs', i === 0 ? 'improved' : 'pass', 0.001)] })),
      ...Array.from({ length: 20 }, (_, i) => ({ extraWorkPercent: 60, verdicts: [verdict('coldStartMs', i < 18 ? 'regressed' : 'inconclusive', 0.05 + i * 0.0001)] })),
      ...Array.from({ length: 20 }, () => ({ extraWorkPercent: 120, verdicts: [verdict('coldStartMs', 'regressed', 0.1)] })),
    ]
    const [report] = evaluatePairedSelfCheck(trials)
    expect(report).toMatchObject({ metric: 'coldStartMs', falseAlarms: 1, aaRepeats: 20, smallestDetected: 0.1 })
    expect(report?.levels.map((level) => [level.extraWorkPercent, level.detected, level.repeats])).toEqual([[60, 18, 20], [120, 20, 20]])
    expect(report?.levels[0]?.realizedChange).toBeCloseTo(0.05095, 6)
    expect(renderPairedSelfCheck(report === undefined ? [] : [report], { description: 'native fib', pairs: 40, minutes: 3 })).toBe([
      'paired self-check: native fib, 40 interleaved pairs per comparison, 3.0 min',
      '',
      'coldStartMs: smallest change caught in >= 95% of repeats: +10.0%; false alarms 1/20 A/A (5%)',
      '  extra work   60%: realized   +5.10%, caught 18/20 (90%)',
      '  extra work  120%: realized   +10.0%, caught 20/20 (100%)',
    ].join('\n'))
  })
})
