import { describe, expect, test } from 'vitest'
import type { ResultRow, ResultsFile } from '../../schema/results.d.ts'
import { createExampleResults } from '../results/example-results.ts'
import { summarise } from '../stats/summarise.ts'
import { resolvePolicy } from './baseline-options.ts'
import { evaluateSelfCheck, quietestResults } from './evaluate-self-check.ts'
import { renderSelfCheck } from './render-self-check.ts'

const policy = resolvePolicy()
const shape = [100, 101, 99, 102, 100, 103, 98, 101, 100, 104, 99, 100, 102, 101, 100, 99, 103, 100, 101, 102]

function row(workload: string, factor: number, otherLoadCores = 0): ResultRow {
  return {
    key: `native/${workload}/process`, runtime: 'native', runtimeVersion: 'cc 12', mode: 'process', workload, params: {},
    metrics: { warmLatencyMs: summarise(shape.map((sample) => sample * factor * 1e-3)) }, warnings: [], otherLoadCores,
  }
}

/** A run whose fib is `fibFactor` slower, with run-level drift `drift` on everything. */
function run(drift: number, fibFactor = 1, load = 0): ResultsFile {
  return { ...createExampleResults(), rows: [row('fib', drift * fibFactor, load), row('noop', drift, load)], skipped: [], failed: [] }
}

const aa = [run(1), run(1.004), run(0.997), run(1.002), run(0.999)]
const slowed = [run(1.001, 1.1), run(0.998, 1.1), run(1.003, 1.1)]

describe('evaluateSelfCheck', () => {
  test('A/A runs within their drift raise no alarm; a real 10% slowdown of fib is caught every time, and only on fib', () => {
    const report = evaluateSelfCheck(aa, slowed, { workload: 'fib', percent: 10 }, policy)
    expect(report).toMatchObject({ aaRuns: 5, injectedRuns: 3, aaRunsWithRegression: 0, injectedRunsDetected: 3, injectedRunsWithWrongRow: 0, falseAlarmVerdicts: [] })
    const [warm] = report.metrics
    expect(warm).toMatchObject({ metric: 'warmLatencyMs', rows: 2, falseAlarms: 0, detected: 3, wrongRows: 0, exact: false })
    expect(warm?.measuredEffect).toBeCloseTo(0.1 * 1.001, 2)
    expect(warm?.detectable?.best).toBeLessThan(0.05)
  })

  test('the recorded baseline is each workload\'s quietest measurement, its rows from one run', () => {
    const mixed = (fibLoad: number, noopLoad: number): ResultsFile => ({ ...run(1), rows: [row('fib', fibLoad, fibLoad), row('noop', noopLoad, noopLoad)] })
    const quiet = quietestResults([mixed(0.9, 0.2), mixed(0.1, 0.8), mixed(0.5, 0.5)])
    expect(quiet.rows.map((candidate) => [candidate.workload, candidate.otherLoadCores])).toEqual([['fib', 0.1], ['noop', 0.2]])
  })

  test('the report says how many runs alarmed and, per metric, the smallest change caught', () => {
    const report = evaluateSelfCheck(aa, slowed, { workload: 'fib', percent: 10 }, policy)
    const text = renderSelfCheck(report, { machine: 'test machine', slowdown: { workload: 'fib', percent: 10 }, rows: 2, minutes: 3 }, policy)
    expect(text.split('\n').slice(0, 4)).toEqual([
      'self-check on test machine: 5 A/A runs and 3 runs with `fib` 10% slower (WFB_INJECT_SLOWDOWN=fib:10), 2 rows each, 3 min.',
      '',
      'false alarms: 0 of 5 A/A runs had a regressed verdict.',
      'detection:    3 of 3 slowed runs were flagged on a slowed row; 0 flagged a row that was not slowed.',
    ])
    expect(text).toMatch(/ {2}warmLatencyMs +2 +\+10\.\d% +3\/3 +0\/5 +5% native\/\w+\/process/)
  })
})
