import { describe, expect, test } from 'vitest'
import type { SkippedRow } from '../../schema/results.d.ts'
import { formatSkipGroup, groupSkips } from './group-skips.ts'

const skip = (runtime: string, workload: string, reason: string, install: string): SkippedRow => ({ runtime, workload, mode: 'process', reason, install })

describe('groupSkips', () => {
  test('one group per cause; runtimes whose fix is `runtimes install` merge into one command', () => {
    const skipped = [
      skip('wasmi', 'fib', '`wasmi` is not on PATH', 'npx wasm-faas-bench runtimes install wasmi'),
      skip('wasmi', 'noop', '`wasmi` is not on PATH', 'npx wasm-faas-bench runtimes install wasmi'),
      skip('wamr', 'fib', '`wfb-wamr` is not on PATH', 'npx wasm-faas-bench runtimes install wamr'),
      skip('faasm', 'fib', 'no Faasm deployment given', 'set FAASM_PLANNER_URL'),
      skip('faasm', 'noop', 'no Faasm deployment given', 'set FAASM_PLANNER_URL'),
    ]
    expect(groupSkips(skipped).map(formatSkipGroup)).toEqual([
      'wasmi, wamr (3 cells): not installed. Install: npx wasm-faas-bench runtimes install wasmi wamr',
      'faasm (2 cells): no Faasm deployment given. Install: set FAASM_PLANNER_URL',
    ])
  })

  test('a fix that installs nothing says Fix', () => {
    const [group] = groupSkips([skip('native', 'primes', 'no native command', 'nothing to install: add `native` to the definition')])
    expect(group && formatSkipGroup(group)).toBe('native (1 cell): no native command. Fix: add `native` to the definition')
  })

  test('nothing skipped, nothing to say', () => {
    expect(groupSkips([])).toEqual([])
  })
})
