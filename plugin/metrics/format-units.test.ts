import { describe, expect, test } from 'vitest'
import { chartUnitOf, formatBytes, formatCount, formatMs, formatTableValue, formatUnitValue } from './format-units.ts'

describe('formatMs', () => {
  test('picks the unit that keeps the number readable', () => {
    expect(formatMs(0.000085)).toBe('85.0 ns')
    expect(formatMs(0.21)).toBe('210 µs')
    expect(formatMs(4.321)).toBe('4.32 ms')
    expect(formatMs(148)).toBe('148 ms')
    expect(formatMs(1200)).toBe('1.20 s')
  })
})

describe('units', () => {
  test('bytes, counts and ratios in messages', () => {
    expect(formatBytes(96)).toBe('96 B')
    expect(formatBytes(512 * 1024)).toBe('512 KiB')
    expect(formatBytes(47.23 * 2 ** 20)).toBe('47.2 MiB')
    expect(formatCount(412)).toBe('412')
    expect(formatCount(1.234e9)).toBe('1230M')
    expect(formatUnitValue('ratio', 0.9534)).toBe('0.953')
    expect(formatUnitValue('per-second', 2322.4)).toBe('2320')
  })

  test('table cells and chart axes', () => {
    expect(formatTableValue('bytes', 45 * 2 ** 20)).toBe('45.0 MiB')
    expect(formatTableValue('ratio', 0.953)).toBe('95%')
    expect(formatTableValue('count', 37)).toBe('37')
    const bytes = chartUnitOf('bytes')
    expect(bytes.format(bytes.toAxis(3 * 2 ** 20))).toBe('3.0 MiB')
    const ratio = chartUnitOf('ratio')
    expect(ratio.format(ratio.toAxis(1.5))).toBe('150%')
  })
})
