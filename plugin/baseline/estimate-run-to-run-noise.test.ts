import { describe, expect, test } from 'vitest'
import { summarise } from '../stats/summarise.ts'
import { resolvePolicy } from './baseline-options.ts'
import { estimateRunToRunNoise } from './estimate-run-to-run-noise.ts'
import type { JudgeRow, JudgeSide } from './judge-row.ts'

const policy = resolvePolicy()

function row(key: string, peakRssBytes: number, coldStartMs: number): JudgeRow {
  const [runtime = '', workload = ''] = key.split('/')
  return { key, runtime, runtimeVersion: '1', flags: [], workload, params: {}, metrics: { peakRssBytes: summarise([peakRssBytes]), coldStartMs: summarise([coldStartMs]) } }
}

function run(native: number, wasm: number): JudgeSide {
  return { machineId: 'm', rows: [row('native/fib/process', 1, native), row('node-wasi/fib/process', 2, wasm)] }
}

describe('estimateRunToRunNoise', () => {
  test('sd of ln(run statistic) over A/A runs, absolute and relative to the reference row', () => {
    // node-wasi moves with native: absolute logs spread (sd = ln 2), the ratio stays at 10.
    const noise = estimateRunToRunNoise([run(1, 10), run(2, 20), run(4, 40)], policy, '2026-01-01T00:00:00.000Z')
    const sd = Math.LN2
    expect(noise.get('node-wasi/fib/process')?.coldStartMs).toEqual({ runs: 3, absoluteLogSd: expect.closeTo(sd, 12) as number, relativeLogSd: expect.closeTo(0, 12) as number, reference: 'native/fib/process', calibratedAt: '2026-01-01T00:00:00.000Z' })
    expect(noise.get('node-wasi/fib/process')?.peakRssBytes?.absoluteLogSd).toBe(0)
    // The reference has no reference of its own.
    expect(noise.get('native/fib/process')?.coldStartMs).toEqual({ runs: 3, absoluteLogSd: expect.closeTo(sd, 12) as number, calibratedAt: '2026-01-01T00:00:00.000Z' })
  })

  test('fewer than three runs give no estimate; exact metrics never get one', () => {
    expect(estimateRunToRunNoise([run(1, 10), run(2, 20)], policy, 'x').size).toBe(0)
  })
})
