import { describe, expect, test } from 'vitest'
import { resolveBaselineOptions, resolvePolicy } from './baseline-options.ts'
import { defaultPolicy } from './policy.ts'

describe('resolveBaselineOptions', () => {
  test('defaults: baselines/, a missing baseline passes, -u decides about recording', () => {
    expect(resolveBaselineOptions({}, {})).toEqual({ dir: 'baselines', missing: 'pass', update: undefined, policy: defaultPolicy })
  })

  test('the environment overrides the config', () => {
    const resolved = resolveBaselineOptions({ dir: 'b', missing: 'pass', update: false }, {
      WFB_BASELINE_DIR: '/tmp/b', WFB_BASELINE_MISSING: 'fail', WFB_UPDATE_BASELINE: '1', WFB_BASELINE_POLICY: '{"minEffect":0.1,"maxOtherLoadCores":2}',
    })
    expect(resolved).toMatchObject({ dir: '/tmp/b', missing: 'fail', update: true })
    expect(resolved.policy.maxOtherLoadCores).toBe(2)
    expect(resolved.policy.metrics.coldStartMs?.minEffect).toBe(0.1)
  })

  test('bad values say what is allowed', () => {
    expect(() => resolveBaselineOptions({ missing: 'warn' as never }, {})).toThrow('Option `baseline.missing` (or WFB_BASELINE_MISSING) is `warn`. Use one of: `pass`, `fail`.')
    expect(() => resolveBaselineOptions({}, { WFB_UPDATE_BASELINE: 'yes' })).toThrow('WFB_UPDATE_BASELINE is `yes`; use 1 to record the baseline or 0 to compare with it.')
    expect(() => resolveBaselineOptions({}, { WFB_BASELINE_POLICY: '[1]' })).toThrow('WFB_BASELINE_POLICY is not a JSON object: `[1]`.')
    expect(() => resolveBaselineOptions({ store: 'x' } as never, {})).toThrow('Unknown option `baseline.store`. Use one of: `dir`, `missing`, `update`, `policy`.')
  })
})

describe('resolvePolicy', () => {
  test('a global minimum effect, a per-metric override and a metric switched off', () => {
    const policy = resolvePolicy({ minEffect: 0.1, metrics: { warmLatencyMs: { minEffect: 0.02, statistic: 'median' }, coldStartMs: false, myMetricMs: { kind: 'sampled' } } })
    expect(policy.metrics.cpuTimeMs?.minEffect).toBe(0.1)
    expect(policy.metrics.warmLatencyMs).toMatchObject({ minEffect: 0.02, statistic: 'median', kind: 'sampled', reference: 'auto' })
    expect(policy.metrics.coldStartMs).toBeUndefined()
    expect(policy.metrics.myMetricMs).toEqual({ kind: 'sampled', statistic: 'median', minEffect: 0.1, reference: 'never', samplesOption: 'coldSamples' })
  })

  test('out-of-range and unknown settings', () => {
    expect(() => resolvePolicy({ falseDiscoveryRate: 0.7 })).toThrow('Option `baseline.policy.falseDiscoveryRate` is 0.7; it must be a fraction above 0 and below 0.5.')
    expect(() => resolvePolicy({ metrics: { coldStartMs: { kind: 'fuzzy' as never } } })).toThrow('Option `baseline.policy.metrics.coldStartMs.kind` is `fuzzy`. Use one of: `sampled`, `exact`.')
    expect(() => resolvePolicy({ metrics: { coldStartMs: { test: 'u' } as never } })).toThrow('Unknown option `baseline.policy.metrics.coldStartMs.test`. Use one of: `kind`, `statistic`, `minEffect`, `minAbsoluteChange`, `reference`, `samplesOption`, `speedDependent`.')
    expect(() => resolvePolicy({ maxOtherLoadCores: -1 })).toThrow('Option `baseline.policy.maxOtherLoadCores` is -1; it must be a number of at least 0.')
  })
})

test('a metric override is `false` or a policy object', () => {
  expect(() => resolvePolicy({ metrics: { coldStartMs: true as never } })).toThrow('Option `baseline.policy.metrics.coldStartMs` is true; it must be false or an object with `kind`, `statistic`, `minEffect`, `minAbsoluteChange`, `reference`, `samplesOption`, `speedDependent`.')
})

test('otherMachineMinEffect: an override, and a fraction above 0', () => {
  expect(resolvePolicy({ otherMachineMinEffect: 0.3 }).otherMachineMinEffect).toBe(0.3)
  expect(() => resolvePolicy({ otherMachineMinEffect: 0 })).toThrow('Option `baseline.policy.otherMachineMinEffect` is 0; it must be a number above 0 and below 10.')
})
