import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execa } from 'execa'
import { afterAll, describe, expect, test } from 'vitest'
import type { TestCase, TestModule, TestSpecification } from 'vitest/node'
import type { CellMeta } from '../plan.ts'
import type { BenchPlan } from '../plan.ts'
import { packageRoot } from '../package-paths.ts'
import { createProgressReporter, formatProgressLine, formatSeconds } from './progress-reporter.ts'

describe('formatProgressLine', () => {
  test('done, skipped and failed cells', () => {
    expect(formatProgressLine({ done: 4, total: 9, workload: 'fib(n=25)', runtime: 'node-wasi', mode: 'in-process', outcome: 'done', durationMs: 2080 }))
      .toBe('[4/9] fib(n=25) node-wasi (in-process) done in 2.1 s')
    expect(formatProgressLine({ done: 5, total: 9, workload: 'fib(n=25)', runtime: 'wasmtime', mode: 'process', outcome: 'skipped', durationMs: 1, detail: 'wasmtime not found on PATH' }))
      .toBe('[5/9] fib(n=25) wasmtime (process) skipped: wasmtime not found on PATH')
    expect(formatProgressLine({ done: 6, total: 9, workload: 'noop', runtime: 'native', mode: 'process', outcome: 'failed', durationMs: 420, detail: 'Wrong output' }))
      .toBe('[6/9] noop native (process) FAILED after 420 ms: Wrong output')
  })

  test('durations', () => {
    expect(formatSeconds(849.6)).toBe('850 ms')
    expect(formatSeconds(59_940)).toBe('59.9 s')
    expect(formatSeconds(185_000)).toBe('3 min 05 s')
  })
})

// Just enough of Vitest's reported tasks for the reporter.
function fakeCell(workload: string, name: string, state: 'passed' | 'skipped' | 'failed', meta?: CellMeta): TestCase {
  return {
    name,
    parent: { type: 'suite', name: workload },
    meta: () => ({ wfb: meta }),
    result: () => ({ state, errors: state === 'failed' ? [{ message: 'Wrong output: expected `0`\nstack' }] : [] }),
    diagnostic: () => ({ duration: 1500 }),
  } as unknown as TestCase
}

function fakeModule(moduleId: string, tests: TestCase[]): TestModule {
  return { moduleId, children: { allTests: () => tests.values() } } as unknown as TestModule
}

const plan = {
  runtimes: [{ name: 'node-wasi', modes: ['process', 'in-process'] }, { name: 'native', modes: ['process'] }],
  workloads: [{ name: 'fib', params: { n: 25 } }, { name: 'noop', params: {} }],
} as unknown as BenchPlan

function identity(workload: string, runtime: string, mode: 'process' | 'in-process') {
  return { identity: { runtime, runtimeVersion: '1', mode, workload, params: workload === 'fib' ? { n: 25 } : {} } }
}

describe('createProgressReporter', () => {
  test('counts the plan’s cells in the files Vitest runs, and ignores tests that are not cells', async () => {
    const lines: string[] = []
    const reporter = createProgressReporter(plan, (line) => lines.push(line))
    await reporter.onTestRunStart?.([{ moduleId: '/b/fib.bench.ts' }, { moduleId: '/b/noop.bench.ts' }, { moduleId: '/b/html.bench.ts' }] as unknown as TestSpecification[])
    const fibCells = [
      fakeCell('fib', 'node-wasi (process)', 'passed', identity('fib', 'node-wasi', 'process')),
      fakeCell('fib', 'node-wasi (in-process)', 'failed', identity('fib', 'node-wasi', 'in-process')),
      fakeCell('fib', 'native (process)', 'skipped', { ...identity('fib', 'native', 'process'), skipped: { reason: 'cc not found', install: 'apt-get install -y gcc' } }),
    ]
    await reporter.onTestModuleCollected?.(fakeModule('/b/fib.bench.ts', fibCells))
    for (const cell of fibCells) await reporter.onTestCaseResult?.(cell)
    // html is not in the plan: its file declares one "not selected" test, which is no cell.
    const notSelected = { ...fakeCell('html', 'html: not selected in this run', 'skipped'), parent: { type: 'module' } } as unknown as TestCase
    await reporter.onTestModuleCollected?.(fakeModule('/b/html.bench.ts', [notSelected]))
    await reporter.onTestCaseResult?.(notSelected)
    // The same cause again (another workload's cell) is counted but not listed again.
    const noopSkipped = fakeCell('noop', 'native (process)', 'skipped', { ...identity('noop', 'native', 'process'), skipped: { reason: 'cc not found', install: 'apt-get install -y gcc' } })
    const noopCell = fakeCell('noop', 'node-wasi (process)', 'passed', identity('noop', 'node-wasi', 'process'))
    await reporter.onTestModuleCollected?.(fakeModule('/b/noop.bench.ts', [noopSkipped, noopCell]))
    await reporter.onTestCaseResult?.(noopSkipped)
    await reporter.onTestCaseResult?.(noopCell)
    expect(lines).toEqual([
      '[1/6] fib(n=25) node-wasi (process) done in 1.5 s',
      '[2/6] fib(n=25) node-wasi (in-process) FAILED after 1.5 s: Wrong output: expected `0`',
      '[3/6] fib(n=25) native (process) skipped: cc not found (other cells skipped for this reason are not listed)',
      '[5/5] noop node-wasi (process) done in 1.5 s',
    ])
  })
})

describe('in a real `vitest bench` run', () => {
  const outputDir = mkdtemp(join(tmpdir(), 'wfb-progress-'))
  afterAll(async () => rm(await outputDir, { recursive: true, force: true }))

  test('one line per cell on stderr, the total narrowed to the workloads selected', { timeout: 120_000 }, async () => {
    // The workload benches only (file-name filters; html's is loaded but not selected): HTTP cells have their own total.
    const run = await execa(process.execPath, [join(packageRoot, 'node_modules', 'vitest', 'vitest.mjs'), 'bench', '--run', 'fib.bench', 'noop.bench', 'html.bench'], {
      cwd: packageRoot,
      // A scratch baseline folder: the repository's baseline must not judge this deliberately tiny run.
      env: { WFB_OUTPUT_DIR: await outputDir, WFB_BASELINE_DIR: join(await outputDir, 'baselines'), WFB_RUNTIMES: 'native', WFB_WORKLOADS: 'noop,fib', WFB_COLD_SAMPLES: '3', WFB_WARM_BATCHES: '1', WFB_WARM_REPEATS: '2', NO_COLOR: '1' },
      reject: false,
      timeout: 110_000,
    })
    expect(run.exitCode, run.stderr).toBe(0)
    // Vitest chooses the order of the files; the counter counts up whatever it is.
    const lines = run.stderr.split('\n').filter((line) => line.startsWith('['))
    expect(lines.map((line) => line.slice(0, 5))).toEqual(['[1/2]', '[2/2]'])
    expect(lines.map((line) => line.slice(6).replace(/ done in \d+(\.\d)? (ms|s)$/, ' done')).sort()).toEqual([
      'fib(n=25) native (process) done',
      'noop native (process) done',
    ])
  })
})
