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
})
