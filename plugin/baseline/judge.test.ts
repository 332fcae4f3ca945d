import { describe, expect, test } from 'vitest'
import type { RunToRunNoise } from '../../schema/baseline.d.ts'
import { summarise } from '../stats/summarise.ts'
import { resolvePolicy } from './baseline-options.ts'
import { judge } from './judge.ts'
import type { JudgeRow, JudgeSide } from './judge-row.ts'

const policy = resolvePolicy()

/** A row with literal samples: `runtime/workload/mode`. */
function row(key: string, metrics: Record<string, number[]>, extra: Partial<JudgeRow> = {}): JudgeRow {
  const [runtime = '', workload = ''] = key.split('/')
  return {
    key,
    runtime,
    runtimeVersion: '1.0',
    flags: [],
    workload,
    params: {},
    metrics: Object.fromEntries(Object.entries(metrics).map(([name, samples]) => [name, summarise(samples)])),
    ...extra,
  }
}

function side(...rows: JudgeRow[]): JudgeSide {
  return { machineId: 'm1', rows }
}

function noise(absoluteLogSd: number, relativeLogSd?: number): RunToRunNoise {
  return { runs: 10, absoluteLogSd, ...(relativeLogSd === undefined ? {} : { relativeLogSd, reference: 'native/fib/process' }), calibratedAt: '2026-01-01T00:00:00.000Z' }
}

const scale = (samples: number[], factor: number): number[] => samples.map((sample) => sample * factor)

// Ten steady samples around 10.35 and the same shape 19% higher.
const steady = [10.2, 10.4, 10.1, 10.6, 10.3, 10.5, 10.2, 10.8, 10.4, 10.3]
const higher = [12.1, 12.4, 12.0, 12.6, 12.2, 12.5, 12.3, 12.9, 12.2, 12.4]

describe('judge: nothing to compare with', () => {
  test('no baseline for the machine: no-baseline for every judged metric, with the fix', () => {
    const verdicts = judge(side(row('wasmtime/fib/process', { coldStartMs: steady, peakRssBytes: steady })), undefined, policy)
    expect(verdicts.map((verdict) => [verdict.metric, verdict.verdict])).toEqual([['coldStartMs', 'no-baseline'], ['peakRssBytes', 'no-baseline']])
    expect(verdicts[0]?.message).toBe('coldStartMs: no baseline for this machine class (`m1`).')
    expect(verdicts[0]?.advice).toBe('Record a baseline: `vitest bench -u` (or WFB_UPDATE_BASELINE=1 npm run bench), then commit baselines/.')
  })

  test('a row the baseline does not have, and a metric its entry lacks', () => {
    const baseline = side(row('wasmtime/fib/process', { coldStartMs: steady }))
    const verdicts = judge(side(row('wasmtime/fib/process', { coldStartMs: steady, peakRssBytes: steady }), row('wazero/fib/process', { coldStartMs: steady })), baseline, policy)
    expect(verdicts.map((verdict) => [verdict.key, verdict.metric, verdict.verdict])).toEqual([
      ['wasmtime/fib/process', 'coldStartMs', 'pass'],
      ['wasmtime/fib/process', 'peakRssBytes', 'no-baseline'],
      ['wazero/fib/process', 'coldStartMs', 'no-baseline'],
    ])
    expect(verdicts[1]?.message).toBe('peakRssBytes: the baseline has no `peakRssBytes` for wasmtime/fib/process.')
  })

  test('another machine, another runtime version or other flags: incomparable, saying which', () => {
    const current = side(row('wasmtime/fib/process', { coldStartMs: steady }, { runtimeVersion: '42.0', flags: ['-O2'] }))
    expect(judge(current, { machineId: 'm2', rows: current.rows }, policy)[0]).toMatchObject({
      verdict: 'incomparable',
      message: 'coldStartMs: the baseline was recorded on machine class `m2`, this run is on `m1`.',
    })
    // One testbed name on other hardware: never compared either.
    expect(judge({ ...current, hardware: 'Intel Xeon, 2 cores' }, { machineId: 'm1', hardware: 'Intel Xeon, 4 cores', rows: current.rows }, policy)[0]).toMatchObject({
      verdict: 'incomparable',
      message: 'coldStartMs: the baseline was recorded on machine class `m1` (Intel Xeon, 4 cores), this run is on `m1` (Intel Xeon, 2 cores).',
    })
    expect(judge(current, side(row('wasmtime/fib/process', { coldStartMs: steady }, { runtimeVersion: '41.0', flags: ['-O2'] })), policy)[0]).toMatchObject({
      verdict: 'incomparable',
      message: 'coldStartMs: the baseline of wasmtime/fib/process is for `41.0` with flags `-O2`, this run has `42.0` with flags `-O2`.',
    })
    expect(judge(current, side(row('wasmtime/fib/process', { coldStartMs: steady }, { runtimeVersion: '42.0' })), policy)[0]?.verdict).toBe('incomparable')
  })
})

describe('judge: deterministic metrics use exact thresholds', () => {
  const base = side(row('node-wasi/fib/in-process', { instanceMemoryBytes: [131_072, 131_072] }))
  const judged = (bytes: number) => judge(side(row('node-wasi/fib/in-process', { instanceMemoryBytes: [bytes, bytes] })), base, policy)[0]

  test('50% more linear memory regressed, no test involved', () => {
    expect(judged(196_608)).toEqual({
      key: 'node-wasi/fib/in-process',
      metric: 'instanceMemoryBytes',
      method: 'threshold',
      comparedAs: 'absolute',
      statistic: 'median',
      baseline: 131_072,
      current: 196_608,
      change: 0.5,
      minEffect: 0.05,
      verdict: 'regressed',
      message: 'instanceMemoryBytes regressed: 128 KiB -> 192 KiB (+50.0%; exact threshold 5%).',
    })
  })

  test('unchanged passes, half improved', () => {
    expect(judged(131_072)).toMatchObject({ verdict: 'pass', change: 0, message: 'instanceMemoryBytes within the 5% threshold: 128 KiB -> 128 KiB (+0%; exact threshold 5%).' })
    expect(judged(65_536)).toMatchObject({ verdict: 'improved', change: -0.5 })
  })

  test('exactly the minimum effect counts', () => {
    expect(judge(side(row('native/fib/process', { valgrindInstructions: [1_050_000] })), side(row('native/fib/process', { valgrindInstructions: [1_000_000] })), policy)[0])
      .toMatchObject({ verdict: 'regressed', method: 'threshold' })
  })
})

describe('judge: sampled metrics', () => {
  test('medians 19% apart: Mann-Whitney U, regressed with its confidence', () => {
    // scipy.stats.mannwhitneyu(higher, steady, method='asymptotic'): U = 100, p = 0.00017761066068896375.
    const mebibytes = (samples: number[]) => scale(samples, 2 ** 20)
    const [verdict] = judge(side(row('native/fib/process', { peakRssBytes: mebibytes(higher) })), side(row('native/fib/process', { peakRssBytes: mebibytes(steady) })), policy)
    expect(verdict).toMatchObject({ verdict: 'regressed', method: 'mann-whitney-u', statistic: 'median', comparedAs: 'absolute' })
    expect(verdict?.baseline).toBeCloseTo(10.35 * 2 ** 20, 6)
    expect(verdict?.current).toBeCloseTo(12.35 * 2 ** 20, 6)
    expect(verdict?.change).toBeCloseTo(12.35 / 10.35 - 1, 12)
    expect(verdict?.pValue).toBeCloseTo(0.00017761066068896375, 9)
    // One comparison: the q-value is the p-value.
    expect(verdict?.qValue).toBe(verdict?.pValue)
    expect(verdict?.message).toBe('peakRssBytes regressed: 10.4 MiB -> 12.3 MiB, +19.3% absolute (confidence 99.9%, q = 0.00018). Run-to-run noise is not calibrated.')
    expect(verdict?.advice).toBe('Calibrate this machine once (`npx wasm-faas-bench self-check --record`) so that drift between runs is not taken for a regression.')
  })

  test('the same samples the other way round improved', () => {
    const mebibytes = (samples: number[]) => scale(samples, 2 ** 20)
    expect(judge(side(row('native/fib/process', { peakRssBytes: mebibytes(steady) })), side(row('native/fib/process', { peakRssBytes: mebibytes(higher) })), policy)[0]?.verdict).toBe('improved')
  })

  test('timings compare 10th percentiles: a 2% shift is significant but below the minimum effect', () => {
    const [verdict] = judge(side(row('native/fib/process', { warmLatencyMs: scale(steady, 1.02) })), side(row('native/fib/process', { warmLatencyMs: steady })), policy)
    expect(verdict).toMatchObject({ verdict: 'pass', method: 'quantile-test', statistic: 'p10' })
    expect(verdict?.change).toBeCloseTo(0.02, 12)
    expect(verdict?.message).toBe('warmLatencyMs pass: 10.2 ms -> 10.4 ms, +2.00% absolute: significant but below the 5% minimum effect. Run-to-run noise is not calibrated.')
  })

  test('a few slow samples move the median but not the 10th percentile', () => {
    const disturbed = [...steady.slice(0, 4), ...scale(steady.slice(4), 1.5)]
    expect(judge(side(row('native/fib/process', { coldStartMs: disturbed })), side(row('native/fib/process', { coldStartMs: steady })), policy)[0]?.change).toBe(0)
  })

  test('too noisy to see 5%: inconclusive, naming the option that adds samples', () => {
    const noisy = [10.1, 30.2, 12.3, 25.4, 15.5, 28.6, 11.7, 22.8, 18.9, 14.4]
    const [verdict] = judge(side(row('native/fib/process', { coldStartMs: scale(noisy, 1.03) })), side(row('native/fib/process', { coldStartMs: noisy })), policy)
    expect(verdict?.verdict).toBe('inconclusive')
    expect(verdict?.message).toMatch(/^coldStartMs inconclusive: 11.5 ms -> 11.9 ms, \+3.00% absolute; too noisy to detect a 5% change \(about \d+(\.\d+)?% could be detected; about \d+(\.\d)?x the 10 samples would\)\.$/)
    expect(verdict?.advice).toBe('Take more samples: raise `coldSamples` (env WFB_COLD_SAMPLES) by the factor each line gives, record the baseline again with the same setting, or run on a quieter machine.')
  })

  test('a timer step too coarse for the minimum effect is inconclusive', () => {
    // Whole nanoseconds: 23 and 24 ns repeat, the step is 1 ns.
    const [verdict] = judge(side(row('native/noop/process', { warmLatencyMs: [24e-6, 24e-6, 25e-6, 24e-6, 24e-6, 24e-6] })), side(row('native/noop/process', { warmLatencyMs: [23e-6, 23e-6, 24e-6, 23e-6, 23e-6, 23e-6] })), policy)
    expect(verdict).toMatchObject({ verdict: 'inconclusive', message: 'warmLatencyMs inconclusive: the measurement\'s step (1.00 ns) is 4.17% of the value 24.0 ns, too coarse to tell a 5% change.' })
  })

  test('Benjamini-Hochberg across the run: q = min over larger ranks of p m / rank', () => {
    const verdicts = judge(
      side(row('native/fib/process', { peakRssBytes: higher }), row('native/noop/process', { peakRssBytes: scale(steady, 1.01) })),
      side(row('native/fib/process', { peakRssBytes: steady }), row('native/noop/process', { peakRssBytes: steady })),
      policy,
    )
    const [first, second] = verdicts.map((verdict) => verdict.pValue ?? Number.NaN)
    expect(verdicts[0]?.qValue).toBeCloseTo(Math.min((first ?? 0) * 2, second ?? 1), 15)
    expect(verdicts[1]?.qValue).toBeCloseTo(second ?? 0, 15)
  })
})

describe('judge: noise awareness', () => {
  // Thirty samples per side; the whole run drifted 20% slower, native (the reference) included.
  const steady30 = [...steady, ...scale(steady, 1.001), ...scale(steady, 0.999)]
  const higher30 = [...higher, ...scale(higher, 1.001), ...scale(higher, 0.999)]
  const drifted = side(row('native/fib/process', { coldStartMs: scale(steady30, 1.2) }), row('node-wasi/fib/process', { coldStartMs: scale(higher30, 1.2) }))
  const stored = (relativeLogSd: number, absoluteLogSd: number) => side(
    row('native/fib/process', { coldStartMs: steady30 }),
    row('node-wasi/fib/process', { coldStartMs: higher30 }, { noise: { coldStartMs: noise(absoluteLogSd, relativeLogSd) } }),
  )

  test('where the ratio to native is steadier from run to run, it is compared, and the verdict says so', () => {
    const verdict = judge(drifted, stored(0.005, 0.3), policy)[1]
    expect(verdict).toMatchObject({ key: 'node-wasi/fib/process', verdict: 'pass', comparedAs: 'relative-to-reference', reference: 'native/fib/process', runToRunLogSd: 0.005, calibrationRuns: 10 })
    expect(verdict?.change).toBeCloseTo(0, 12)
    expect(verdict?.message).toContain('+0% relative to native/fib/process in the same run')
  })

  test('the native row itself compares absolutely; with calibrated drift of ±2% a 20% change stands out', () => {
    const withNoise = side(row('native/fib/process', { coldStartMs: steady30 }, { noise: { coldStartMs: noise(0.02) } }))
    expect(judge(side(drifted.rows[0] as JudgeRow), withNoise, policy)[0]).toMatchObject({ verdict: 'regressed', comparedAs: 'absolute' })
  })

  test('run-to-run drift wider than the minimum effect: inconclusive, and more samples would not help', () => {
    const verdict = judge(drifted, stored(0.3, 0.3), { ...policy, metrics: { coldStartMs: { ...policy.metrics.coldStartMs!, reference: 'never' } } })[1]
    expect(verdict?.verdict).toBe('inconclusive')
    expect(verdict?.message).toContain('more samples would not help')
    expect(verdict?.advice).toMatch(/^This machine's run-to-run drift \(about ±35% over 10 calibration runs\) hides a 5% change; more samples per run do not help\./)
  })

  test('a slower row measured while other processes used more than half a core is not reported as regressed', () => {
    const verdict = judge(side(row('native/fib/process', { peakRssBytes: scale(higher, 2 ** 20) }, { otherLoadCores: 1.5 })), side(row('native/fib/process', { peakRssBytes: scale(steady, 2 ** 20) })), policy)[0]
    expect(verdict).toMatchObject({ verdict: 'inconclusive', advice: 'Run again with nothing else running on the machine (builds, browsers, other benchmarks).' })
    expect(verdict?.message).toBe('peakRssBytes inconclusive: 10.4 MiB -> 12.3 MiB, +19.3% absolute (confidence 99.9%, q = 0.00018). Run-to-run noise is not calibrated. But other processes used 1.50 CPU cores while this row was measured (limit 0.5), so it is not judged.')
  })

  test('a baseline recorded on a busy machine makes the row inconclusive, asking for a new recording', () => {
    const verdict = judge(side(row('native/fib/process', { peakRssBytes: steady })), side(row('native/fib/process', { peakRssBytes: steady }, { otherLoadCores: 1.2 })), policy)[0]
    expect(verdict).toMatchObject({ verdict: 'inconclusive', advice: 'Record the baseline again on a quiet machine (`vitest bench -u` with nothing else running).' })
  })
})

describe('judge: a minimum absolute change', () => {
  test('a significant 12% drop of a 1.6 MiB peak RSS is below the 512 KiB floor: pass', () => {
    const before = Array.from({ length: 30 }, (_, i) => 1_720_000 + (i % 3) * 4096)
    const [verdict] = judge(side(row('native/fib/process', { peakRssBytes: scale(before, 0.876) })), side(row('native/fib/process', { peakRssBytes: before })), policy)
    expect(verdict).toMatchObject({ verdict: 'pass', message: expect.stringContaining('is below the minimum absolute change of 512 KiB') as string })
  })
})

describe('judge: a "deterministic" metric that is not', () => {
  test('counts that differ between identical invocations by more than half the threshold are inconclusive', () => {
    const node = [135_463_189, 145_855_655, 140_621_394]
    const [verdict] = judge(side(row('node-wasi/fib/process', { valgrindInstructions: scale(node, 1.06) })), side(row('node-wasi/fib/process', { valgrindInstructions: node })), policy)
    expect(verdict).toMatchObject({ verdict: 'inconclusive', method: 'threshold', message: 'valgrindInstructions inconclusive: 141M -> 149M, but identical invocations differ by up to 7.67%, so the exact 5% threshold does not apply.' })
  })

  test('varying counts whose ranges lie apart by more than the threshold are regressed (or improved)', () => {
    // A native fib row counted exactly in the baseline, then with a time-based injected slowdown whose amount varies.
    const baseline = [1_903_532, 1_903_532, 1_903_532]
    const slowed = [2_155_649, 2_256_563, 2_067_077]
    const [regressed] = judge(side(row('native/fib/process', { valgrindInstructions: slowed })), side(row('native/fib/process', { valgrindInstructions: baseline })), policy)
    expect(regressed).toMatchObject({ verdict: 'regressed', method: 'threshold', message: 'valgrindInstructions regressed: 1.9M -> 2.16M (+13.2%; every invocation above every baseline one by more than the exact threshold 5%, though identical invocations differ by up to 9.17%).' })
    const [improved] = judge(side(row('native/fib/process', { valgrindInstructions: baseline })), side(row('native/fib/process', { valgrindInstructions: slowed })), policy)
    expect(improved).toMatchObject({ verdict: 'improved', method: 'threshold' })
  })
})

describe('judge: a baseline recorded on another machine of the same class', () => {
  const on = (machine: string, ...rows: JudgeRow[]): JudgeSide => ({ machineId: 'm1', machine, rows })
  // The whole machine 35% slower (native too), as between two quiet VMs of one class here.
  const slowerVm = scale(steady, 1.35)
  const baseline = on('vm-a', row('native/fib/process', { coldStartMs: steady }), row('wasmtime/fib/process', { coldStartMs: scale(steady, 3) }))

  test('a whole machine that is slower is no regression: timings compare relative to native, the native row needs 50%', () => {
    const current = on('vm-b', row('native/fib/process', { coldStartMs: slowerVm }), row('wasmtime/fib/process', { coldStartMs: scale(slowerVm, 3) }))
    const verdicts = judge(current, baseline, policy)
    expect(verdicts.map((verdict) => [verdict.key, verdict.verdict, verdict.comparedAs, verdict.minEffect])).toEqual([
      ['native/fib/process', 'pass', 'absolute', 0.5],
      ['wasmtime/fib/process', 'pass', 'relative-to-reference', 0.05],
    ])
    expect(verdicts[0]?.message).toMatch(/^coldStartMs pass: .* \+35\.0% absolute, against a baseline of another machine of this class: significant but below the 50% minimum effect\./)
  })

  test('on the same machine the same change is a regression', () => {
    const current = on('vm-a', row('native/fib/process', { coldStartMs: slowerVm }), row('wasmtime/fib/process', { coldStartMs: scale(slowerVm, 3) }))
    expect(judge(current, baseline, policy).map((verdict) => verdict.verdict)).toEqual(['regressed', 'regressed'])
  })

  test('a runtime that slows down against native on a slower machine is a regression', () => {
    const current = on('vm-b', row('native/fib/process', { coldStartMs: slowerVm }), row('wasmtime/fib/process', { coldStartMs: scale(slowerVm, 3 * 1.3) }))
    const verdicts = judge(current, baseline, policy)
    expect(verdicts[1]).toMatchObject({ verdict: 'regressed', comparedAs: 'relative-to-reference', reference: 'native/fib/process' })
  })

  test('the raised minimum effect is an option, and memory is not raised', () => {
    const current = on('vm-b', row('native/fib/process', { coldStartMs: slowerVm, peakRssBytes: scale(steady, 1e6) }))
    const stored = on('vm-a', row('native/fib/process', { coldStartMs: steady, peakRssBytes: scale(steady, 1e6) }))
    const strict = resolvePolicy({ otherMachineMinEffect: 0.2 })
    expect(judge(current, stored, strict).map((verdict) => [verdict.metric, verdict.verdict, verdict.minEffect])).toEqual([
      ['coldStartMs', 'regressed', 0.2],
      ['peakRssBytes', 'pass', 0.05],
    ])
  })
})
