import { classOf } from '../machine-class.ts'
import { describe, expect, test } from 'vitest'
import type { ResultRow } from '../../schema/results.d.ts'
import { createExampleResults } from '../results/example-results.ts'
import { summarise } from '../stats/summarise.ts'
import { mergeBaseline } from './baseline-store.ts'
import { resolvePolicy } from './baseline-options.ts'
import { confirmRow, remeasuredWarning, screenRow } from './screen-row.ts'

const steady = [10.2, 10.4, 10.1, 10.6, 10.3, 10.5, 10.2, 10.8, 10.4, 10.3]
const policy = resolvePolicy()

function row(factor: number): ResultRow {
  return {
    key: 'native/fib/process/n=25', runtime: 'native', runtimeVersion: 'cc 12', mode: 'process', workload: 'fib', params: { n: 25 },
    metrics: { warmLatencyMs: summarise(steady.map((sample) => sample * factor)) }, warnings: [],
  }
}

const results = { ...createExampleResults(), rows: [row(1)] }
const baseline = mergeBaseline(undefined, results)

describe('screenRow', () => {
  test('a row that looks regressed is a suspect; one that does not, or without a baseline, is not', () => {
    expect(screenRow(row(1.3), [], baseline, classOf(results.machine).id, policy).map((verdict) => verdict.metric)).toEqual(['warmLatencyMs'])
    expect(screenRow(row(1), [], baseline, classOf(results.machine).id, policy)).toEqual([])
    expect(screenRow(row(1.3), [], undefined, classOf(results.machine).id, policy)).toEqual([])
  })

  test('the confirmed row says it was measured twice and why', () => {
    const suspects = screenRow(row(1.3), [], baseline, classOf(results.machine).id, policy)
    expect(remeasuredWarning(suspects)).toEqual({
      code: 'remeasured',
      metric: 'warmLatencyMs',
      message: 'The first measurement looked regressed against the baseline (warmLatencyMs +30.0%); the row was measured again and these are the second measurement\'s numbers.',
      advice: 'A regression that shows in both measurements is reported; one that vanished was a burst of other load. Frequent re-measurements mean a noisy machine: see `npx wasm-faas-bench self-check`.',
    })
  })
})

describe('confirmRow', () => {
  const screen = (candidate: ResultRow) => screenRow(candidate, [], baseline, classOf(results.machine).id, policy)
  const measurements = (...rows: ResultRow[]) => {
    let next = 0
    return { measureAgain: () => Promise.resolve(rows[next++] ?? row(1)), taken: () => next }
  }

  test('a row that does not look regressed is kept as measured', async () => {
    const again = measurements()
    expect(await confirmRow(row(1), { screen, measureAgain: again.measureAgain, maxOtherLoadCores: 1, pauseMs: 0 })).toEqual(row(1))
    expect(again.taken()).toBe(0)
  })

  test('a burst of load: the second measurement is clean and is the one kept, with a remeasured warning', async () => {
    const again = measurements(row(1))
    const kept = await confirmRow(row(1.3), { screen, measureAgain: again.measureAgain, maxOtherLoadCores: 1, pauseMs: 0 })
    expect(again.taken()).toBe(1)
    expect(kept.metrics).toEqual(row(1).metrics)
    expect(kept.warnings.map((warning) => warning.code)).toEqual(['remeasured'])
  })

  test('a real regression shows twice and is kept; a busy second measurement earns one more', async () => {
    const confirmed = measurements(row(1.3))
    expect((await confirmRow(row(1.3), { screen, measureAgain: confirmed.measureAgain, maxOtherLoadCores: 1, pauseMs: 0 })).metrics).toEqual(row(1.3).metrics)
    expect(confirmed.taken()).toBe(1)
    const busy = measurements({ ...row(1.3), otherLoadCores: 1.5 }, row(1.3), row(1.3))
    await confirmRow(row(1.3), { screen, measureAgain: busy.measureAgain, maxOtherLoadCores: 1, pauseMs: 0 })
    expect(busy.taken()).toBe(2)
  })
})
