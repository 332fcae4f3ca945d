import { describe, expect, test } from 'vitest'
import { defaultPolicy } from './baseline/policy.ts'
import { envNameOf, parseParamsEnv, resolveOptions } from './options.ts'
import { thrownBenchError } from './testing/thrown-bench-error.ts'

const known = ['node-wasi', 'native']

describe('resolveOptions', () => {
  test('fills in the defaults', () => {
    expect(resolveOptions({}, known, {})).toEqual({
      runtimes: ['node-wasi', 'native'],
      runtimeModules: [],
      workloads: undefined,
      workloadsDir: undefined,
      params: {},
      coldSamples: 30,
      minColdSamples: 10,
      warmupRuns: 1,
      warmBatches: 10,
      minWarmBatches: 5,
      warmRepeats: 20,
      precision: 0.01,
      phaseBudgetMs: 10_000,
      timeoutMs: 30_000,
      outputDir: 'bench-results',
      baseline: { dir: 'baselines', missing: 'pass', update: undefined, policy: defaultPolicy },
      instructionCount: 'off',
      valgrindRuns: 3,
      injectSlowdown: undefined,
      http: { workloads: ['html'], concurrency: [1, 4, 16], keepAlive: ['on'], durationMs: 3000, maxRequests: 100_000, coldSamples: 10, timeoutMs: 10_000 },
      claims: [],
    })
  })

  test('a fixed sample count: a maximum below the minimum wins; precision is a fraction', () => {
    const fixed = resolveOptions({ coldSamples: 5, warmBatches: 2 }, known, {})
    expect([fixed.minColdSamples, fixed.coldSamples, fixed.minWarmBatches, fixed.warmBatches]).toEqual([5, 5, 2, 2])
    expect(resolveOptions({}, known, { WFB_PRECISION: '0.05' }).precision).toBe(0.05)
    expect(thrownBenchError(() => resolveOptions({ precision: 2 }, known, {})).message).toContain('must be a fraction from 0 to 1')
  })

  test('claims files: the option, overridden by WFB_CLAIMS; anything but a list of paths is refused', () => {
    expect(resolveOptions({ claims: ['claims/ours.json'] }, known, {}).claims).toEqual(['claims/ours.json'])
    expect(resolveOptions({ claims: ['claims/ours.json'] }, known, { WFB_CLAIMS: 'a.json, b.json' }).claims).toEqual(['a.json', 'b.json'])
    expect(thrownBenchError(() => resolveOptions({ claims: 'a.json' as unknown as string[] }, known, {})).message).toContain('Option `claims` is "a.json"')
  })

  test('the default selection can leave out opt-in names, which stay selectable', () => {
    expect(resolveOptions({}, [...known, 'endpoint'], {}, known).runtimes).toEqual(known)
    expect(resolveOptions({}, [...known, 'endpoint'], { WFB_RUNTIMES: 'endpoint' }, known).runtimes).toEqual(['endpoint'])
  })

  test('an unknown runtime names the valid ones', () => {
    const error = thrownBenchError(() => resolveOptions({ runtimes: ['wasmtme'] }, known, {}))
    expect(error.code).toBe('unknown-runtime')
    expect(error.message).toBe('Unknown runtime `wasmtme`. Use one of: `node-wasi`, `native`.')
  })

  test('an unknown runtime in WFB_RUNTIMES is caught too', () => {
    expect(thrownBenchError(() => resolveOptions({}, known, { WFB_RUNTIMES: 'native,v9' })).message).toContain('Unknown runtime `v9`')
  })

  test('an unknown option names the valid ones', () => {
    const error = thrownBenchError(() => resolveOptions({ coldSample: 3 } as never, known, {}))
    expect(error.code).toBe('invalid-option')
    expect(error.message).toMatch(/^Unknown option `coldSample`\. Use one of: `runtimes`, `runtimeModules`, `workloads`, `workloadsDir`, `params`, `coldSamples`/)
  })

  test('numbers out of range say the range and the default', () => {
    expect(thrownBenchError(() => resolveOptions({ coldSamples: 0 }, known, {})).message)
      .toBe('Option `coldSamples` (or WFB_COLD_SAMPLES) is 0; it must be an integer from 1 to 100000 (default 30).')
    expect(thrownBenchError(() => resolveOptions({}, known, { WFB_WARM_REPEATS: 'many' })).message)
      .toBe('Option `warmRepeats` (or WFB_WARM_REPEATS) is many; it must be an integer from 1 to 1000000 (default 20).')
  })

  test('the environment overrides the config', () => {
    const resolved = resolveOptions({ runtimes: ['native'], coldSamples: 50 }, known, {
      WFB_RUNTIMES: 'node-wasi', WFB_COLD_SAMPLES: '12', WFB_WORKLOADS: 'fib,noop', WFB_PARAMS: 'fib.n=30', WFB_OUTPUT_DIR: 'out',
    })
    expect(resolved).toMatchObject({ runtimes: ['node-wasi'], coldSamples: 12, workloads: ['fib', 'noop'], params: { fib: { n: 30 } }, outputDir: 'out' })
  })
})

describe('environment helpers', () => {
  test('envNameOf', () => {
    expect(envNameOf('coldSamples')).toBe('WFB_COLD_SAMPLES')
    expect(envNameOf('timeoutMs')).toBe('WFB_TIMEOUT_MS')
  })

  test('parseParamsEnv reads workload.param=integer lists', () => {
    expect(parseParamsEnv('fib.n=30, html.size=2')).toEqual({ fib: { n: 30 }, html: { size: 2 } })
    expect(thrownBenchError(() => parseParamsEnv('fib=30')).message).toBe('Cannot read `fib=30` in WFB_PARAMS. Write it as `workload.param=integer`, e.g. `fib.n=30`.')
  })
})
