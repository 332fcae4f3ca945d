import { describe, expect, test } from 'vitest'
import type { ResultRow } from '../../schema/results.d.ts'
import { summarise } from '../stats/summarise.ts'
import { registerBaselineMatchers } from './to-regress.ts'
import { entriesFromResults } from './baseline-store.ts'
import { createExampleResults } from '../results/example-results.ts'

registerBaselineMatchers()

const steady = [10.2, 10.4, 10.1, 10.6, 10.3, 10.5, 10.2, 10.8, 10.4, 10.3]

function row(factor: number): ResultRow {
  return {
    key: 'native/fib/process/n=25', runtime: 'native', runtimeVersion: 'cc 12.2.0', mode: 'process', workload: 'fib', params: { n: 25 },
    metrics: { warmLatencyMs: summarise(steady.map((sample) => sample * factor)), instructions: { unsupported: 'no PMU' } },
    warnings: [],
  }
}

describe('expect(row).not.toRegress(baseline)', () => {
  test('the same numbers do not regress', () => {
    expect(row(1)).not.toRegress(row(1))
  })

  test('30% slower regresses, against a results row or a baseline entry', () => {
    expect(row(1.3)).toRegress(row(1))
    const results = createExampleResults()
    results.rows = [row(1)]
    const [entry] = entriesFromResults(results)
    expect(row(1.3)).toRegress(entry)
  })

  test('a failing .not names the metric and the numbers', () => {
    expect(() => expect(row(1.3)).not.toRegress(row(1))).toThrow(/^expected native\/fib\/process\/n=25 not to regress, but warmLatencyMs did:\n {2}regressed +warmLatencyMs regressed: 10.2 ms -> 13.2 ms, \+30.0% absolute/)
  })

  test('the policy can be loosened per call', () => {
    expect(row(1.3)).not.toRegress(row(1), { minEffect: 0.5 })
  })

  test('comparing different rows is a mistake, said plainly', () => {
    expect(() => expect(row(1)).not.toRegress({ ...row(1), key: 'wasmtime/fib/process/n=25' })).toThrow('toRegress compares a row with the baseline of the same row; got `native/fib/process/n=25` and `wasmtime/fib/process/n=25`.')
  })
})
