import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execa } from 'execa'
import { describe, expect, test } from 'vitest'
import { measureLauncherFidelity, formatLauncherFidelity, toHyperfineCommand } from './launcher-fidelity.ts'

const hasHyperfine = (process.env.PATH ?? '').split(':').some((dir) => existsSync(join(dir, 'hyperfine')))

test('formatLauncherFidelity renders medians, ratio and verdict', () => {
  expect(formatLauncherFidelity([
    { label: '/bin/true', hyperfineMedianMs: 0.8125, launcherMedianMs: 0.84, ratio: 0.84 / 0.8125 },
    { label: 'node-wasi noop', hyperfineMedianMs: 136.2, launcherMedianMs: 151.9, ratio: 151.9 / 136.2 },
  ])).toMatchInlineSnapshot(`
    "command         hyperfine -N median (ms)  launcher median (ms)  ratio  verdict
    /bin/true                          0.813                 0.840  1.034  within ±5%
    node-wasi noop                   136.200               151.900  1.115  off by +12%"
  `)
})

describe('toHyperfineCommand', () => {
  test('quotes arguments with spaces and quotes', () => {
    expect(toHyperfineCommand('/bin/sh', ['-c', 'test "$1" = "$2"', '_', "a b'c", 'plain'])).toBe(`/bin/sh -c 'test "$1" = "$2"' _ 'a b'\\''c' plain`)
  })

  test.skipIf(!hasHyperfine)('hyperfine -N splits it back into the same arguments (skipped: hyperfine not installed)', async () => {
    // The shell compares its $1 with a literal: equal only if every quote survived hyperfine's splitting.
    const same = toHyperfineCommand('/bin/sh', ['-c', String.raw`test "$1" = "a b'c \$x"`, '_', "a b'c $x"])
    const different = toHyperfineCommand('/bin/sh', ['-c', 'test "$1" = "a b"', '_', "a b'c"])
    const hyperfine = (command: string) => execa('hyperfine', ['-N', '--runs', '2', '--style', 'none', '--', command], { reject: false })
    expect((await hyperfine(same)).exitCode).toBe(0)
    expect((await hyperfine(different)).exitCode).not.toBe(0)
  })
})

describe('measureLauncherFidelity', () => {
  test.skipIf(!hasHyperfine)('times a command with both tools (skipped: hyperfine not installed)', async () => {
    const [row, ...rest] = await measureLauncherFidelity([{ label: 'true', file: '/bin/true', args: [] }], { runs: 5, warmup: 1 })
    expect(rest).toEqual([])
    expect(row?.label).toBe('true')
    expect(row?.hyperfineMedianMs).toBeGreaterThan(0)
    expect(row?.launcherMedianMs).toBeGreaterThan(0)
    expect(row?.ratio).toBeCloseTo((row?.launcherMedianMs ?? 0) / (row?.hyperfineMedianMs ?? 1), 12)
  })

  test('without hyperfine it says how to install it', async () => {
    const emptyDir = await mkdtemp(join(tmpdir(), 'wfb-no-hyperfine-'))
    const path = process.env.PATH
    process.env.PATH = emptyDir
    try {
      await expect(measureLauncherFidelity([{ label: 'true', file: '/bin/true', args: [] }], { runs: 2, warmup: 0 })).rejects.toMatchObject({
        code: 'runtime-unavailable',
        message: 'hyperfine is not installed (no `hyperfine` on PATH). Install it: `apt-get install -y hyperfine`.',
      })
    } finally {
      process.env.PATH = path
      await rm(emptyDir, { recursive: true, force: true })
    }
  })

  test('rejects too few runs', async () => {
    await expect(measureLauncherFidelity([], { runs: 1, warmup: 0 })).rejects.toMatchObject({ code: 'invalid-option' })
  })

  test.skipIf(!hasHyperfine)('a failing command is an invocation-failed error (skipped: hyperfine not installed)', async () => {
    await expect(measureLauncherFidelity([{ label: 'false', file: '/bin/false', args: [] }], { runs: 2, warmup: 0 })).rejects.toMatchObject({ code: 'invocation-failed' })
  })
})
