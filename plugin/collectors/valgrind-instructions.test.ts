import { spawnSync } from 'node:child_process'
import { describe, expect, test } from 'vitest'
import { ensureNativeBinary } from '../workloads/build-workloads.ts'
import { loadWorkloads } from '../workloads/load-workloads.ts'
import { countWithValgrind, parseCallgrindTotal, valgrindFailure, valgrindInstallHint } from './valgrind-instructions.ts'

const hasValgrind = spawnSync('valgrind', ['--version']).status === 0
const fib = (await loadWorkloads()).get('fib')

describe('parseCallgrindTotal', () => {
  test('the summary (or totals) line of a callgrind output file', () => {
    expect(parseCallgrindTotal('version: 1\nevents: Ir\nfn=main\n1 5\nsummary: 1876509\n')).toBe(1_876_509)
    expect(parseCallgrindTotal('events: Ir\ntotals: 42\n')).toBe(42)
    expect(parseCallgrindTotal('events: Ir\n')).toBeUndefined()
  })
})

describe('valgrindFailure', () => {
  test('keeps the assertion that stopped valgrind, not its request for a bug report (wazero, a Go program, here)', () => {
    const stderr = [
      'Callgrind: threads.c:247 (vgCallgrind_post_signal): Assertion \'sigNum == vgCallgrind_current_state.sig\' failed.',
      '   at 0x58017C4A: ??? (in /usr/libexec/valgrind/callgrind-amd64-linux)',
      'that fixing those problems will prevent Valgrind aborting or',
      'crashing, especially if it happened in m_mallocfree.c.',
      'If that doesn\'t help, please report this bug to: www.valgrind.org',
    ].join('\n')
    expect(valgrindFailure(stderr)).toBe('Callgrind: threads.c:247 (vgCallgrind_post_signal): Assertion \'sigNum == vgCallgrind_current_state.sig\' failed.')
  })

  test('without a telling line, the last five lines', () => {
    expect(valgrindFailure('a\nb\nc\nd\ne\nf\n')).toBe('b\nc\nd\ne\nf')
  })
})

describe.skipIf(!hasValgrind || fib === undefined)(hasValgrind ? 'valgrind counts' : `valgrind counts (skipped: valgrind not found; install: ${valgrindInstallHint})`, () => {
  test('a native workload counts the same every time; the harness\'s injected extra work counts more', { timeout: 60_000 }, async () => {
    if (fib === undefined) return
    const binary = await ensureNativeBinary(fib)
    const [first, second, slowed] = [
      await countWithValgrind({ file: binary, args: ['20'], timeoutMs: 30_000 }),
      await countWithValgrind({ file: binary, args: ['20'], timeoutMs: 30_000 }),
      await countWithValgrind({ file: binary, args: ['--wfb-extra-work', '50', '20'], timeoutMs: 30_000 }),
    ]
    expect(first.stdout.toString()).toBe('6765\n')
    expect(slowed.stdout.toString()).toBe('6765\n')
    expect(second.instructions).toBe(first.instructions)
    expect(slowed.instructions).toBeGreaterThan(first.instructions)
  })
})
