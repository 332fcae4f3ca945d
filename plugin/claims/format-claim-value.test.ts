import { describe, expect, test } from 'vitest'
import { formatClaimRange, formatClaimValue, formatPublished } from './format-claim-value.ts'

describe('formatClaimValue', () => {
  test('three significant digits in the unit that reads best', () => {
    expect(formatClaimValue(16.652, 'ratio')).toBe('16.7x')
    expect(formatClaimValue(0.5, 'ms')).toBe('500 µs')
    expect(formatClaimValue(111.61, 'ms')).toBe('112 ms')
    expect(formatClaimValue(3830, 'ms')).toBe('3.83 s')
    expect(formatClaimValue(5_009_408, 'bytes')).toBe('4.78 MiB')
    expect(formatClaimValue(92_160, 'bytes')).toBe('90 KiB')
    expect(formatClaimValue(2325.61, 'req/s')).toBe('2,326 req/s')
  })

  test('ranges write a shared unit once; bounds say which side', () => {
    expect(formatClaimRange(1.07, 1.32, 'ratio')).toBe('1.07–1.32x')
    expect(formatClaimRange(150, 200, 'ms')).toBe('150–200 ms')
    expect(formatClaimRange(800, 1500, 'ms')).toBe('800 ms–1.5 s')
    expect(formatPublished({ text: '', unit: 'bytes', low: 5_337_252, high: 6_480_200, comparison: 'about' })).toBe('5.09–6.18 MiB')
    expect(formatPublished({ text: '', unit: 'ratio', low: 10, comparison: 'at-least' })).toBe('≥ 10x')
    expect(formatPublished({ text: '', unit: 'ms', high: 1, comparison: 'at-most' })).toBe('≤ 1 ms')
  })
})
