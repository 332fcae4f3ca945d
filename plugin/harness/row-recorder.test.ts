import { describe, expect, test } from 'vitest'
import { createRowRecorder } from './row-recorder.ts'

const identity = { runtime: 'wasmtime', runtimeVersion: '49', mode: 'process' as const, workload: 'primes', params: { n: 1000 } }
const usage = (wallNs: number) => ({ wallNs, cpuUserUs: 900, cpuSysUs: 100, peakRssBytes: 2_000_000, warmNs: [] })

describe('createRowRecorder', () => {
  test('a workload without the warm protocol gets its reason as warmLatencyMs, never a number', () => {
    const recorder = createRowRecorder(identity)
    for (const ns of [2e6, 3e6, 4e6]) recorder.addCold(usage(ns))
    const row = recorder.toRow({ minSamples: 1, counters: { unsupported: 'no counters' }, warmUnsupported: 'not measured: no warm protocol' })
    expect(row.metrics.warmLatencyMs).toEqual({ unsupported: 'not measured: no warm protocol' })
    expect(row.metrics.coldStartMs).toMatchObject({ n: 3, median: 3 })
    expect(row.metrics.cpuTimeMs).toMatchObject({ n: 3, median: 1 })
    expect(row.metrics.peakRssBytes).toMatchObject({ median: 2_000_000 })
  })

  test('warm samples become warmLatencyMs when the protocol is spoken', () => {
    const recorder = createRowRecorder(identity)
    recorder.addCold(usage(2e6))
    recorder.addWarm([1e6, 2e6, 3e6])
    const row = recorder.toRow({ minSamples: 1, counters: { unsupported: 'no counters' } })
    expect(row.metrics.warmLatencyMs).toMatchObject({ n: 3, median: 2 })
  })

  test('context switches: a summary on process rows, the reason on rows without a process per invocation', () => {
    const process = createRowRecorder(identity)
    for (const [voluntary, involuntary] of [[2, 0], [3, 1], [4, 5]] as const) process.addCold({ ...usage(2e6), metrics: { voluntaryContextSwitches: voluntary, involuntaryContextSwitches: involuntary } })
    const processRow = process.toRow({ minSamples: 1, counters: { unsupported: 'no counters' } })
    expect(processRow.metrics.voluntaryContextSwitches).toMatchObject({ n: 3, median: 3, samples: [2, 3, 4] })
    expect(processRow.metrics.involuntaryContextSwitches).toMatchObject({ n: 3, median: 1, samples: [0, 1, 5] })
    expect(processRow.warnings).toEqual([])

    const inProcess = createRowRecorder({ ...identity, mode: 'in-process' })
    inProcess.addCold(usage(2e6))
    expect(inProcess.toRow({ minSamples: 1, counters: { unsupported: 'no counters' } }).metrics.voluntaryContextSwitches).toEqual({ unsupported: expect.stringContaining('wait4 rusage of a process per invocation') as string })

    const remote = createRowRecorder({ ...identity, mode: 'remote' })
    remote.addCold({ ...usage(2e6), unmeasured: 'the invocation ran on the platform' })
    expect(remote.toRow({ minSamples: 1, counters: { unsupported: 'no counters' } }).metrics.involuntaryContextSwitches).toEqual({ unsupported: 'the invocation ran on the platform' })
  })
})
