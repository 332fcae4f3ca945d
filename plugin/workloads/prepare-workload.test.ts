import { describe, expect, test } from 'vitest'
import { fibReference, workload as fibDefinition } from '../../workloads/fib/workload.ts'
import { workload as htmlDefinition } from '../../workloads/html/workload.ts'
import { workload as noopDefinition } from '../../workloads/noop/workload.ts'
import type { CWorkloadDefinition, Workload } from '../types.ts'
import { formatWorkloadLabel, prepareWorkload, resolveWorkloadNames } from './prepare-workload.ts'
import { thrownBenchError } from '../testing/thrown-bench-error.ts'

function onDisk(definition: CWorkloadDefinition): Workload {
  const dir = `/repo/workloads/${definition.name}`
  return { ...definition, kind: 'c', dir, wasmPath: `${dir}/${definition.name}.wasm`, sourcePath: `${dir}/${definition.name}.c` }
}

const fib = onDisk(fibDefinition)
const html = onDisk(htmlDefinition)
const noop = onDisk(noopDefinition)
const available = new Map([['fib', fib], ['html', html], ['noop', noop]])

describe('prepareWorkload', () => {
  test('fills defaults and computes args, expected output and label', () => {
    expect(prepareWorkload(fib)).toEqual({
      workload: fib,
      params: { n: 25 },
      args: ['25'],
      expected: { kind: 'exact', stdout: '75025\n' },
      label: 'fib(n=25)',
    })
  })

  test('takes given parameters, including the range ends', () => {
    expect(prepareWorkload(fib, { n: 0 })).toMatchObject({ args: ['0'], expected: { kind: 'exact', stdout: '0\n' }, label: 'fib(n=0)' })
    expect(prepareWorkload(fib, { n: 40 })).toMatchObject({ args: ['40'], expected: { kind: 'exact', stdout: '102334155\n' }, label: 'fib(n=40)' })
  })

  test('a workload without parameters is labelled by its name', () => {
    expect(prepareWorkload(noop)).toEqual({ workload: noop, params: {}, args: [], expected: { kind: 'exact', stdout: '' }, label: 'noop' })
    expect(prepareWorkload(html)).toMatchObject({
      label: 'html',
      args: [],
      expected: { kind: 'sha256', sha256: 'baa2d58480002c85fbba6c726723355ceb838615b29f6ac4917986bbe3eaf2f9', bytes: 737_260 },
    })
  })

  test('an unknown parameter lists the valid ones', () => {
    const error = thrownBenchError(() => prepareWorkload(fib, { m: 3 }))
    expect(error.code).toBe('invalid-option')
    expect(error.message).toBe('Unknown parameter `m` for workload `fib`. Use one of: `n`.')
  })

  test('a parameter for a workload without parameters says so', () => {
    const error = thrownBenchError(() => prepareWorkload(noop, { n: 3 }))
    expect(error.code).toBe('invalid-option')
    expect(error.message).toBe('Unknown parameter `n` for workload `noop`: it takes no parameters. Remove `n`.')
  })

  test.each([41, -1, 2.5, Number.NaN])('n = %s is rejected with the allowed range', (n) => {
    const error = thrownBenchError(() => prepareWorkload(fib, { n }))
    expect(error.code).toBe('invalid-option')
    expect(error.message).toBe(`Parameter \`n\` of workload \`fib\` must be an integer from 0 to 40, got ${n}.`)
  })
})

describe('formatWorkloadLabel', () => {
  test('lists parameters in order', () => {
    expect(formatWorkloadLabel('matmul', { size: 64, iterations: 3 })).toBe('matmul(size=64, iterations=3)')
    expect(formatWorkloadLabel('noop', {})).toBe('noop')
  })
})

describe('fib expected output', () => {
  test.each([
    [0, 0n],
    [1, 1n],
    [2, 1n],
    [10, 55n],
    [25, 75025n],
    [40, 102334155n],
    [93, 12200160415121876738n],
  ])('fib(%i) = %s', (n, value) => {
    expect(fibReference(n)).toBe(value)
    expect(fib.expected({ n })).toEqual({ kind: 'exact', stdout: `${value}\n` })
  })
})

describe('resolveWorkloadNames', () => {
  test('returns the workloads in the order asked, once each', () => {
    expect(resolveWorkloadNames(['noop', 'fib', 'noop'], available)).toEqual([noop, fib])
    expect(resolveWorkloadNames([], available)).toEqual([])
  })

  test('an unknown name lists the available ones', () => {
    const error = thrownBenchError(() => resolveWorkloadNames(['fib', 'fibb'], available))
    expect(error.code).toBe('unknown-workload')
    expect(error.message).toBe('Unknown workload `fibb`. Use one of: `fib`, `html`, `noop`.')
  })
})
