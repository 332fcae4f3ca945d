import { describe, expect, test } from 'vitest'
import { otherLoadCores, parseProcStatCpu, startLoadWindow } from './other-load.ts'

describe('other load', () => {
  test('busy seconds from the cpu line of /proc/stat: user, nice, system, irq, softirq, steal (not idle, iowait)', () => {
    expect(parseProcStatCpu('cpu  169154 179 36980 289673 875 0 280 103 0 0\ncpu0 1 2 3 4 5 6 7 8 9 10\n')).toBe((169154 + 179 + 36980 + 0 + 280 + 103) / 100)
    expect(parseProcStatCpu('intr 1 2 3\n')).toBeUndefined()
  })

  test('cores used by others: system busy time minus the row\'s own, per second of wall time, never negative', () => {
    const before = { busySeconds: 100, atNs: 0n }
    expect(otherLoadCores(before, { busySeconds: 103, atNs: 2_000_000_000n }, 1)).toBe(1)
    expect(otherLoadCores(before, { busySeconds: 100.5, atNs: 1_000_000_000n }, 1)).toBe(0)
    expect(otherLoadCores(before, { busySeconds: 101, atNs: 0n }, 0)).toBe(0)
  })

  test.skipIf(process.platform !== 'linux')('a window on this machine gives a number of cores (Linux)', async () => {
    const window = await startLoadWindow()
    const cores = await window.finish(0)
    expect(cores).toBeGreaterThanOrEqual(0)
  })
})
