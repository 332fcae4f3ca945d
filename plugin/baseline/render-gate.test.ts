import { describe, expect, test } from 'vitest'
import type { Comparison } from '../../schema/results.d.ts'
import { countVerdicts, renderGate } from './render-gate.ts'

const comparison: Comparison = {
  status: 'compared',
  baselinePath: 'baselines/3f2a9c81d0b4.json',
  failed: true,
  message: 'FAILED: 1 regressed, 1 inconclusive, 1 no-baseline, 1 pass against baselines/3f2a9c81d0b4.json (updated 2026-01-01T00:00:00.000Z).',
  verdicts: [
    { key: 'node-wasi/fib/process/n=25', metric: 'warmLatencyMs', verdict: 'regressed', method: 'quantile-test', statistic: 'p10', comparedAs: 'absolute', baseline: 0.2, current: 0.222, change: 0.11, qValue: 0.00002, message: 'warmLatencyMs regressed: …' },
    { key: 'node-wasi/fib/process/n=25', metric: 'coldStartMs', verdict: 'inconclusive', method: 'quantile-test', statistic: 'p10', comparedAs: 'relative-to-reference', reference: 'native/fib/process/n=25', message: 'coldStartMs inconclusive: 35 ms -> 36 ms.', advice: 'Take more samples.' },
    { key: 'native/fib/process/n=25', metric: 'instanceMemoryBytes', verdict: 'pass', method: 'threshold', statistic: 'median', comparedAs: 'absolute', message: 'pass' },
    { key: 'wasmtime/fib/process/n=25', metric: 'coldStartMs', verdict: 'no-baseline', method: 'none', comparedAs: 'none', message: 'coldStartMs: the baseline has no `coldStartMs` for wasmtime/fib/process/n=25.', advice: 'Record a baseline.' },
  ],
}

describe('renderGate', () => {
  test('the summary, the regressions as a table, then what could not be judged and why', () => {
    expect(renderGate(comparison)).toMatchInlineSnapshot(`
      "regression gate: FAILED: 1 regressed, 1 inconclusive, 1 no-baseline, 1 pass against baselines/3f2a9c81d0b4.json (updated 2026-01-01T00:00:00.000Z).

      REGRESSED (1), fails the run:
        row                         metric         baseline  now     change  confidence  compared
        node-wasi/fib/process/n=25  warmLatencyMs  200 µs    222 µs  +11.0%  >99.99%     p10, absolute

      inconclusive (1):
        node-wasi/fib/process/n=25: coldStartMs inconclusive: 35 ms -> 36 ms.
        advice: Take more samples.

      no-baseline (1 metrics in 1 rows):
        wasmtime/fib/process/n=25: the baseline has no \`coldStartMs\` for wasmtime/fib/process/n=25.
        advice: Record a baseline."
    `)
  })

  test('counts, worst first', () => {
    expect(countVerdicts(comparison.verdicts)).toBe('1 regressed, 1 inconclusive, 1 no-baseline, 1 pass')
    expect(countVerdicts([])).toBe('nothing to judge')
  })
})
