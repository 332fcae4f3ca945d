// End to end: `wasm-faas-bench compare` runs two variants interleaved on the real native runtime,
// checks every output, and judges them paired. Asserts what the judge decided on a large injected
// slowdown and the shape of what it wrote, never how fast anything was.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execa } from 'execa'
import { afterAll, describe, expect, test } from 'vitest'
import type { Verdict } from '../../schema/results.d.ts'
import { packageRoot } from '../package-paths.ts'

const scratch = await mkdtemp(join(tmpdir(), 'wfb-compare-'))
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true })
})

function compare(...args: string[]) {
  return execa(process.execPath, [join(packageRoot, 'plugin', 'cli.ts'), 'compare', '--workload', 'fib', '--runtime', 'native', '--warm-repeats', '5', ...args], { cwd: packageRoot, reject: false, all: true, timeout: 120_000 })
}

describe('compare (paired A/B)', () => {
  test('a head with 300% extra work per call: warm latency regressed, the run exits 1; --json has every pair', { timeout: 150_000 }, async () => {
    const json = join(scratch, 'slowed.json')
    const run = await compare('--head-slowdown', '300', '--pairs', '20', '--json', json)
    expect(run.all).toMatch(/^compare: FAILED: .*; native vs native \+300% extra work on native\/fib\/process\/n=25, 20 interleaved pairs/)
    expect(run.exitCode).toBe(1)
    const written = JSON.parse(await readFile(json, 'utf8')) as { verdicts: Verdict[]; metrics: { metric: string; base: number[]; head: number[] }[] }
    expect(written.verdicts.find((verdict) => verdict.metric === 'warmLatencyMs')).toMatchObject({ verdict: 'regressed', method: 'wilcoxon-signed-rank', comparedAs: 'paired' })
    expect(written.metrics.map((metric) => [metric.metric, metric.base.length, metric.head.length])).toEqual([
      ['coldStartMs', 20, 20], ['cpuTimeMs', 20, 20], ['peakRssBytes', 20, 20], ['warmLatencyMs', 20, 20],
    ])
  })

  test('--block 2: two invocations of each variant per pair, one value per pair and metric', { timeout: 150_000 }, async () => {
    const json = join(scratch, 'block.json')
    const run = await compare('--pairs', '10', '--block', '2', '--json', json)
    expect(run.all).toMatch(/^compare: (passed|FAILED): .*; native vs native on native\/fib\/process\/n=25, 10 interleaved pairs/)
    const written = JSON.parse(await readFile(json, 'utf8')) as { spec: { blockSize: number }; metrics: { metric: string; base: number[]; head: number[] }[] }
    expect(written.spec.blockSize).toBe(2)
    expect(written.metrics.map((metric) => [metric.metric, metric.base.length, metric.head.length])).toEqual([
      ['coldStartMs', 10, 10], ['cpuTimeMs', 10, 10], ['peakRssBytes', 10, 10], ['warmLatencyMs', 10, 10],
    ])
  })

  test('bad arguments name the fix', async () => {
    const run = await compare('--pairs', '3')
    expect(run.exitCode).toBe(1)
    expect(run.all).toContain('--pairs is `3`; give an integer of at least 10.')
    const unknown = await execa(process.execPath, [join(packageRoot, 'plugin', 'cli.ts'), 'compare', '--workload', 'fib', '--runtime', 'wasmtme'], { cwd: packageRoot, reject: false, all: true })
    expect(unknown.all).toContain('Unknown runtime `wasmtme`. Use one of:')
  })
})
