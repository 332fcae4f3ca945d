import { describe, expect, test } from 'vitest'
import type { ResultRow } from '../../schema/results.d.ts'
import { resolvePolicy } from '../baseline/baseline-options.ts'
import { judge } from '../baseline/judge.ts'
import { confirmRow, screenRow } from '../baseline/screen-row.ts'
import { failureSummary } from '../reporters/results-reporter.ts'
import { createFakeRuntimeInstance, fakePreparedWorkload, type FakeInvocation } from '../testing/fake-runtime-instance.ts'
import { measureRow, measureThenClose, type RowCollectors, type SamplingOptions } from './measure-row.ts'
import { createInstancePool } from './instance-pool.ts'
import type { RuntimeAdapter } from '../types.ts'

const stdout = 'ok\n'
const prepared = fakePreparedWorkload('noop', stdout)
const identity = { runtime: 'fake', runtimeVersion: '1.0', mode: 'process' as const, workload: 'noop', params: {} }
/** Ten cold samples, a warm-up first and two warm batches of three repetitions: fixed counts (maximum = minimum). */
const options: SamplingOptions = { warmupRuns: 1, coldSamples: 10, minColdSamples: 10, warmBatches: 2, minWarmBatches: 2, warmRepeats: 3, precision: 0.01, phaseBudgetMs: 600_000, timeoutMs: 1_000 }
// Steps of 1/32 ms: exact in binary, so the summaries are exact numbers; about 1% spread, so a 5% change shows.
const steady = [10.03125, 10.0625, 10, 10.09375, 10.03125, 10.0625, 10.03125, 10.125, 10.0625, 10.03125]

/** Warm-up runs that lead the second cold series: enough to fill 25 ms at about 10 ms a run (series-warmup.ts). */
const seriesWarmupRuns = 3

/**
 * Invocation 0 is the warm-up (slow), 1-3 the first cold samples (`coldMs`), 4-6 the second series'
 * warm-ups (11 ms), 7-13 the other cold samples, then the warm batches.
 */
function script(coldMs: readonly number[], overrides: Record<number, Partial<FakeInvocation>> = {}) {
  const wallMs = [50, ...coldMs.slice(0, 3), ...Array.from({ length: seriesWarmupRuns }, () => 11), ...coldMs.slice(3)]
  return {
    stdout,
    invocation: (index: number): FakeInvocation => ({ wallMs: wallMs[index] ?? 12, cpuMs: 4, peakRssBytes: 2_000_000, ...overrides[index] }),
    warmMs: (index: number, repeats: number) => Array.from({ length: repeats }, (_, repeat) => index - 10 - seriesWarmupRuns + repeat),
  }
}

/** Collectors that read nothing from the machine and keep the series handed to the bench. */
function fixedCollectors(): RowCollectors & { series: Array<[string, number[]]> } {
  const series: Array<[string, number[]]> = []
  return {
    series,
    reportSeries: (name, durationsMs) => {
      series.push([name, durationsMs])
      return Promise.resolve()
    },
    startLoadWindow: () => Promise.resolve({ finish: () => Promise.resolve(0.25) }),
    countHardware: () => Promise.resolve({ unsupported: 'unsupported here: fake machine' }),
    countValgrind: () => Promise.resolve(undefined),
  }
}

const measure = (coldMs: readonly number[], overrides: Record<number, Partial<FakeInvocation>> = {}) => {
  const instance = createFakeRuntimeInstance(script(coldMs, overrides))
  const collectors = fixedCollectors()
  const row = measureRow({ options, title: 'Fake (process)', seriesName: 'fake process', prepared, instance, identity }, collectors)
  return { instance, collectors, row }
}

describe('measureRow on a fake instance', () => {
  test('deterministic samples in, the exact row out', async () => {
    const { instance, collectors, row } = measure(steady)
    const measured = await row
    // The warm-up leads the first cold series (1 + 3), series warm-ups the second (3 + 7), then one warm batch per series.
    expect(instance.calls).toEqual([
      { request: { warmRepeats: 0, timeoutMs: 1_000 }, runs: 4 },
      { request: { warmRepeats: 0, timeoutMs: 1_000 }, runs: seriesWarmupRuns + 7 },
      { request: { warmRepeats: 3, timeoutMs: 1_000 }, runs: 1 },
      { request: { warmRepeats: 3, timeoutMs: 1_000 }, runs: 1 },
    ])
    expect(collectors.series).toEqual([['fake process cold', steady], ['fake process warm (mean of 3)', [2, 3]]])
    expect(measured.key).toBe('fake/noop/process')
    expect(Object.keys(measured.metrics)).toEqual(['coldStartMs', 'cpuTimeMs', 'peakRssBytes', 'cpuUtilisation', 'voluntaryContextSwitches', 'involuntaryContextSwitches', 'warmLatencyMs', 'instructions', 'cycles'])
    expect(measured.metrics.coldStartMs).toMatchObject({ n: 10, median: 10.046875, min: 10, max: 10.125, samples: steady })
    expect(measured.metrics.cpuTimeMs).toMatchObject({ n: 10, median: 4 })
    expect(measured.metrics.peakRssBytes).toMatchObject({ n: 10, median: 2_000_000 })
    expect(measured.metrics.warmLatencyMs).toMatchObject({ n: 6, median: 2.5, samples: [1, 2, 3, 2, 3, 4] })
    expect(measured.metrics.instructions).toEqual({ unsupported: 'unsupported here: fake machine' })
    expect(measured.otherLoadCores).toBe(0.25)
    // The warm-up took 50 ms against a 10.05 ms median; six warm samples (1-4 ms) are fewer than ten and noisy.
    expect(measured.warnings.map((warning) => [warning.code, warning.metric])).toEqual([['slow-first-run', 'coldStartMs'], ['too-few-samples', 'warmLatencyMs'], ['high-noise', 'warmLatencyMs']])
  })

  test('a wrong output fails the row with the runtime, the workload and both outputs; nothing reaches the bench', async () => {
    const { collectors, row } = measure(steady, { 6: { stdout: 'nope\n' } })
    const error = await row.then(() => undefined, (thrown: unknown) => thrown)
    expect(error).toMatchObject({ code: 'wrong-output' })
    // The reporter turns the failed bench test into a failed row with this text.
    expect(failureSummary([error as Error])).toMatch(/^`Fake \(process\)` printed the wrong output for `noop`/)
    expect(collectors.series).toEqual([])
  })

  test('a timed-out invocation fails the row as a timeout, a crash as a failed invocation', async () => {
    await expect(measure(steady, { 2: { timedOut: true, exitCode: null, signal: 'SIGKILL' } }).row).rejects.toMatchObject({ code: 'timeout' })
    await expect(measure(steady, { 3: { exitCode: 3, stderrTail: 'boom' } }).row).rejects.toMatchObject({ code: 'invocation-failed' })
  })

  test('an extra metric of the instance is summarised into the row', async () => {
    const instance = createFakeRuntimeInstance({ ...script(steady), extraMetrics: { containerOverheadMs: [30, 31, 32] } })
    const measured = await measureRow({ options, title: 'Fake (process)', seriesName: 'fake process', prepared, instance, identity }, fixedCollectors())
    expect(measured.metrics.containerOverheadMs).toMatchObject({ n: 3, median: 31 })
  })
})

describe('closing the instance', () => {
  test('the instance is closed once after a good row and once after a wrong output', async () => {
    const good = createFakeRuntimeInstance(script(steady))
    await measureThenClose(good, (instance) => measureRow({ options, title: 'Fake (process)', seriesName: 'fake process', prepared, instance, identity }, fixedCollectors()))
    expect(good.closeCount()).toBe(1)
    const bad = createFakeRuntimeInstance(script(steady, { 1: { stdout: 'nope\n' } }))
    await expect(measureThenClose(bad, (instance) => measureRow({ options, title: 'Fake (process)', seriesName: 'fake process', prepared, instance, identity }, fixedCollectors()))).rejects.toMatchObject({ code: 'wrong-output' })
    expect(bad.closeCount()).toBe(1)
  })

  test('a close that throws still ends the row: the cell fails with that error, and the pool forgets the instance', async () => {
    const broken = createFakeRuntimeInstance({ ...script(steady), close: () => Promise.reject(new Error('host would not stop')) })
    const adapter: RuntimeAdapter = { name: 'fake', title: 'Fake', modes: ['process'], detect: () => Promise.resolve({ available: true, install: 'nothing: a fake' }), start: () => Promise.resolve(broken) }
    const pool = createInstancePool()
    const instance = await pool.start(adapter, prepared, 'process')
    await expect(measureThenClose(instance, (live) => measureRow({ options, title: 'Fake (process)', seriesName: 'fake process', prepared, instance: live, identity }, fixedCollectors()))).rejects.toThrow('host would not stop')
    expect(broken.closeCount()).toBe(1)
    // Already closed (and failed): the end of the file does not close it again.
    await pool.closeAll()
    expect(broken.closeCount()).toBe(1)
  })
})

describe('the gate on rows of a fake instance', () => {
  const policy = resolvePolicy()
  const rowOf = (coldMs: readonly number[]): Promise<ResultRow> => measure(coldMs).row
  const side = (row: ResultRow) => ({ machineId: 'm1', rows: [{ ...row, flags: [] }] })

  test('the same samples pass; 19% slower cold starts regress; 19% faster improve', async () => {
    const base = await rowOf(steady)
    const cold = (current: ResultRow) => judge(side(current), side(base), policy).find((verdict) => verdict.metric === 'coldStartMs')?.verdict
    expect(cold(await rowOf(steady))).toBe('pass')
    expect(cold(await rowOf(steady.map((ms) => ms * 1.19)))).toBe('regressed')
    expect(cold(await rowOf(steady.map((ms) => ms / 1.19)))).toBe('improved')
  })

  test('a row that screens as regressed is measured again and carries the remeasured warning', async () => {
    const base = await rowOf(steady)
    const baseline = { machineId: 'm1', rows: [{ ...base, flags: [] }] }
    const screen = (row: ResultRow) => judge(side(row), baseline, { ...policy, maxOtherLoadCores: Number.POSITIVE_INFINITY }).filter((verdict) => verdict.verdict === 'regressed')
    let again = 0
    const confirmed = await confirmRow(await rowOf(steady.map((ms) => ms * 1.19)), {
      screen,
      maxOtherLoadCores: policy.maxOtherLoadCores,
      pauseMs: 0,
      measureAgain: () => {
        again++
        return rowOf(steady)
      },
    })
    expect(again).toBe(1)
    expect(confirmed.metrics.coldStartMs).toMatchObject({ median: 10.046875 })
    expect(confirmed.warnings.map((warning) => warning.code)).toContain('remeasured')
    expect(screenRow(confirmed, [], undefined, 'm1', policy)).toEqual([])
  })
})
