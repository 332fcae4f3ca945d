import { describe, expect, test } from 'vitest'
import type { PreparedWorkload } from '../types.ts'
import { applySlowdown, parseInjectSlowdown } from './inject-slowdown.ts'

const fib = { workload: { name: 'fib' }, params: { n: 25 }, args: ['25'], expected: { kind: 'exact', stdout: '75025\n' }, label: 'fib(n=25)' } as unknown as PreparedWorkload

describe('injected slowdown', () => {
  test('WFB_INJECT_SLOWDOWN: every runtime, or one', () => {
    expect(parseInjectSlowdown('fib:10')).toEqual({ workload: 'fib', percent: 10 })
    expect(parseInjectSlowdown('fib@node-wasi:25')).toEqual({ workload: 'fib', runtime: 'node-wasi', percent: 25 })
    expect(parseInjectSlowdown('')).toBeUndefined()
    expect(() => parseInjectSlowdown('fib=10')).toThrow('Cannot read WFB_INJECT_SLOWDOWN=`fib=10`. Write `workload:percent` (`fib:10`) or `workload@runtime:percent` (`fib@node-wasi:10`).')
    expect(() => parseInjectSlowdown('fib:0')).toThrow('Option `injectSlowdown.percent` is 0; it must be an integer from 1 to 1000.')
  })

  test('the harness flag goes in front of the workload arguments of the chosen rows only', () => {
    expect(applySlowdown(fib, 'native', { workload: 'fib', percent: 10 }).args).toEqual(['--wfb-extra-work', '10', '25'])
    expect(applySlowdown(fib, 'native', { workload: 'fib', runtime: 'node-wasi', percent: 10 }).args).toEqual(['25'])
    expect(applySlowdown(fib, 'native', { workload: 'html', percent: 10 })).toBe(fib)
    expect(applySlowdown(fib, 'native', undefined)).toBe(fib)
  })
})
