import { describe, expect, test } from 'vitest'
import { assessLoad, assessQuality, busyMachineCores, highNoiseRelativeSpread, slowFirstRunRatio } from './assess-quality.ts'

describe('assessQuality', () => {
  test('quiet, enough samples, ordinary first run: no warnings', () => {
    expect(assessQuality({ metric: 'coldStartMs', samples: [100, 101, 99, 100, 102], firstRun: 150, minSamples: 5 })).toEqual([])
  })

  test('too-few-samples names the option to raise', () => {
    expect(assessQuality({ metric: 'coldStartMs', samples: [100, 101, 100], minSamples: 5 })).toEqual([{
      code: 'too-few-samples',
      metric: 'coldStartMs',
      message: '`coldStartMs` has 3 samples; at least 5 are needed for a stable median and p90.',
      advice: 'Raise `coldSamples` in the plugin options to 5 or more.',
    }])
  })

  test('too-few-samples for HTTP metrics points at the HTTP options', () => {
    expect(assessQuality({ metric: 'firstResponseMs', samples: [12, 13], minSamples: 5 })[0]?.advice).toBe('Raise `http.coldSamples` (WFB_HTTP_COLD_SAMPLES) to 5 or more.')
    expect(assessQuality({ metric: 'requestsPerSec', samples: [900], minSamples: 5 })[0]?.advice).toBe('Lengthen the load phase: `http.durationMs` (WFB_HTTP_DURATION_MS).')
  })

  test('too-few-samples for a warm metric points at warmRepeats', () => {
    expect(assessQuality({ metric: 'warmLatencyMs', samples: [0.4], minSamples: 10 })).toEqual([{
      code: 'too-few-samples',
      metric: 'warmLatencyMs',
      message: '`warmLatencyMs` has 1 sample; at least 10 are needed for a stable median and p90.',
      advice: 'Raise `warmRepeats` (or `warmBatches`) in the plugin options so that warmBatches × warmRepeats is 10 or more.',
    }])
  })

  test('no samples at all: only too-few-samples', () => {
    expect(assessQuality({ metric: 'cpuTimeMs', samples: [], firstRun: 5, minSamples: 1 }).map((warning) => warning.code)).toEqual(['too-few-samples'])
  })

  test('high-noise above 10% of the median', () => {
    // sorted 10 10 12 14 20: median 12, Q1 10, Q3 14, IQR 4 -> 33.3%
    expect(assessQuality({ metric: 'coldStartMs', samples: [12, 20, 10, 14, 10], minSamples: 5 })).toEqual([{
      code: 'high-noise',
      metric: 'coldStartMs',
      message: '`coldStartMs` is noisy: its interquartile range is 33.3% of the median (limit 10%).',
      advice: 'Take more samples, run on a quiet machine (no other load, fixed CPU frequency), and compare runtimes by ratios measured in the same run rather than by numbers from different runs.',
    }])
  })

  test('exactly 10% is not noisy', () => {
    // sorted 90 100 110: Q1 95, Q3 105, IQR 10, median 100
    expect(highNoiseRelativeSpread).toBe(0.1)
    expect(assessQuality({ metric: 'coldStartMs', samples: [90, 100, 110], minSamples: 3 })).toEqual([])
  })

  test('slow-first-run when the warm-up took more than twice the median', () => {
    expect(assessQuality({ metric: 'coldStartMs', samples: [10, 12, 12, 12, 14], firstRun: 30, minSamples: 5 })).toEqual([{
      code: 'slow-first-run',
      metric: 'coldStartMs',
      message: 'The first `coldStartMs` run took 30, 2.5 times the median of 12.',
      advice: 'The first run paid for filling the page cache and compilation caches; it was a warm-up and is excluded from the summary. Cold-cache starts cost more than the numbers shown.',
    }])
  })

  test('a first run of exactly twice the median is not slow', () => {
    expect(slowFirstRunRatio).toBe(2)
    expect(assessQuality({ metric: 'coldStartMs', samples: [10, 12, 12, 12, 14], firstRun: 24, minSamples: 5 })).toEqual([])
  })

  test('several problems at once, in the order of the closed list', () => {
    const warnings = assessQuality({ metric: 'peakRssBytes', samples: [1_000_000, 2_000_000, 1_500_000], firstRun: 9_876_543, minSamples: 5 })
    expect(warnings.map((warning) => warning.code)).toEqual(['too-few-samples', 'high-noise', 'slow-first-run'])
    expect(warnings[1]?.message).toBe('`peakRssBytes` is noisy: its interquartile range is 33.3% of the median (limit 10%).')
    expect(warnings[2]?.message).toBe('The first `peakRssBytes` run took 9880000, 6.58 times the median of 1500000.')
  })
})

describe('assessLoad', () => {
  test('more than a quarter core of other load is a busy-machine warning with advice', () => {
    expect(busyMachineCores).toBe(0.25)
    expect(assessLoad(0.25)).toEqual([])
    expect(assessLoad(1.2)).toEqual([{
      code: 'busy-machine',
      metric: 'otherLoadCores',
      message: 'Other processes used 1.2 CPU cores on average while this row was measured (limit 0.25).',
      advice: 'Its timings were disturbed: stop other work on the machine (builds, browsers, other benchmarks) and run again. Above `baseline.policy.maxOtherLoadCores` (default half a core) the regression gate reports a slower row as inconclusive, not as regressed.',
    }])
  })
})
