import { describe, expect, test } from 'vitest'
import { metricEntries } from '../metrics/metric-registry.ts'
import { defaultPolicy } from './policy.ts'

describe('defaultPolicy', () => {
  test('judges the metrics the registry marks as judged, in registry order', () => {
    expect(Object.keys(defaultPolicy.metrics)).toEqual(metricEntries().filter(([, definition]) => definition.gate.judged).map(([name]) => name))
  })

  test('the default policy read from the registry is the one the gate had before the registry', () => {
    const timing = { kind: 'sampled', statistic: 'p10', minEffect: 0.05, samplesOption: 'coldSamples', speedDependent: true }
    const exact = { kind: 'exact', statistic: 'median', minEffect: 0.05, reference: 'never', samplesOption: 'coldSamples' }
    expect(defaultPolicy.metrics).toStrictEqual({
      coldStartMs: { ...timing, reference: 'auto' },
      cpuTimeMs: { ...timing, reference: 'auto' },
      warmLatencyMs: { ...timing, reference: 'auto', samplesOption: 'warmBatches' },
      compileMs: { ...timing, reference: 'never' },
      instantiateMs: { ...timing, reference: 'never' },
      runMs: { ...timing, reference: 'never' },
      peakRssBytes: { kind: 'sampled', statistic: 'median', minEffect: 0.05, minAbsoluteChange: 512 * 1024, reference: 'never', samplesOption: 'coldSamples' },
      instanceMemoryBytes: exact,
      instructions: exact,
      cycles: exact,
      valgrindInstructions: { ...exact, samplesOption: 'valgrindRuns' },
    })
  })
})
