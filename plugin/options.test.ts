import { describe, expect, test } from 'vitest'
import { defaultPolicy } from './baseline/policy.ts'
import { parseParamsEnv, resolveOptions } from './options.ts'
import { envNameOf } from './shared/env-name-of.ts'
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
      http: { workloads: ['html'], concurrency: [1, 4, 16, 64, 256], keepAlive: ['on'], durationMs: 3000, maxRequests: 100_000, coldSamples: 10, timeoutMs: 10_000 },
      claims: [],
    })
  })

  test('a fixed sample count: a maximum below the minimum wins; precision is a fraction', () => {
    const fixed = resolveOptions({ coldSamples: 5, warmBatches: 2 }, known, {})
    expect([fixed.minColdSamples, fixed.coldSamples, fixed.minWarmBatches, fixed.warmBatches]).toEqual([5, 5, 2, 2])
    expect(resolveOptions({}, known, { WFB_PRECISION: '0.05' }).precision).toBe(0.05)
    expect(thrownBenchError(() => resolveOptions({ precision: 2 }, known, {})).message).toBe('Option `precision` (or WFB_PRECISION) is 2; it must be a fraction from 0 to 1 (default 0.01).')
  })

  test('claims files: the option, overridden by WFB_CLAIMS; anything but a list of paths is refused', () => {
    expect(resolveOptions({ claims: ['claims/ours.json'] }, known, {}).claims).toEqual(['claims/ours.json'])
    expect(resolveOptions({ claims: ['claims/ours.json'] }, known, { WFB_CLAIMS: 'a.json, b.json' }).claims).toEqual(['a.json', 'b.json'])
    expect(thrownBenchError(() => resolveOptions({ claims: 'a.json' as unknown as string[] }, known, {})).message).toBe("Option `claims` (or WFB_CLAIMS) is `a.json`; it must be a list of non-empty strings, e.g. `['claims/ours.json']`.")
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

describe('options checked by schema/options.schema.json', () => {
  test('a value of the wrong type names the option, the value and what is allowed', () => {
    expect(thrownBenchError(() => resolveOptions({ coldSamples: '30' as never }, known, {})).message)
      .toBe('Option `coldSamples` (or WFB_COLD_SAMPLES) is `30`; it must be an integer from 1 to 100000 (default 30).')
    expect(thrownBenchError(() => resolveOptions({ testbed: 'My Runner' }, known, {})).message)
      .toBe('Option `testbed` (or WFB_TESTBED) is `My Runner`; it must be a string matching ^[a-z0-9][a-z0-9._-]{0,63}$, e.g. `github-ubuntu-24-x64`.')
    expect(thrownBenchError(() => resolveOptions({ instructionCount: 'perf' as never }, known, {})).message)
      .toBe('Option `instructionCount` (or WFB_INSTRUCTION_COUNT) is `perf`. Use one of: `off`, `valgrind`.')
  })

  test('nested options: an unknown key, a missing one, a limit', () => {
    const base = { runtime: 'native' }
    expect(thrownBenchError(() => resolveOptions({ paired: { workload: 'fib', base, head: base, pair: 3 } as never }, known, {})).message)
      .toBe('Unknown option `paired.pair`. Use one of: `workload`, `params`, `mode`, `base`, `head`, `pairs`, `warmRepeats`, `blockSize`.')
    expect(thrownBenchError(() => resolveOptions({ paired: { workload: 'fib', base } as never }, known, {})).message)
      .toBe('Option `paired.head` is missing; it must be an object with `runtime`, `wasmPath`, `extraWorkPercent` (`runtime` required).')
    expect(thrownBenchError(() => resolveOptions({ paired: { workload: 'fib', base, head: base, pairs: 5 } }, known, {})).message)
      .toBe('Option `paired.pairs` is 5; it must be an integer of at least 10 (default 60).')
    expect(thrownBenchError(() => resolveOptions({}, known, { WFB_INJECT_SLOWDOWN: 'fib:5000' })).message)
      .toBe('Option `injectSlowdown.percent` is 5000; it must be an integer from 1 to 1000.')
  })

  test('paired: defaults from the schema, runtimes checked against the registry', () => {
    const base = { runtime: 'native' }
    expect(resolveOptions({ paired: { workload: 'fib', base, head: { runtime: 'node-wasi' } } }, known, {}).paired)
      .toEqual({ workload: 'fib', params: {}, mode: 'process', base, head: { runtime: 'node-wasi' }, pairs: 60, warmRepeats: 20, blockSize: 1 })
    expect(thrownBenchError(() => resolveOptions({ paired: { workload: 'fib', base, head: { runtime: 'v9' } } }, known, {})).message)
      .toBe('Option `paired.head.runtime` is `v9`. Use one of: `node-wasi`, `native`.')
  })

  test('the user\'s options object is not changed by filling in defaults', () => {
    const user = { http: { durationMs: 500 } }
    resolveOptions(user, known, { WFB_HTTP_COLD_SAMPLES: '2' })
    expect(user).toEqual({ http: { durationMs: 500 } })
  })
})
