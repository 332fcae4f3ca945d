import { expect, test } from 'vitest'
import { createSeriesWarmup, maxSeriesWarmupRuns } from './series-warmup.ts'

test('the first series is led by warmupRuns; later ones by enough runs to fill 25 ms', () => {
  const warmup = createSeriesWarmup(1)
  expect(warmup.leadRuns()).toBe(1)
  warmup.observe([0.7e6, 0.6e6, 0.65e6])
  expect(warmup.leadRuns()).toBe(42) // ceil(25 / 0.6)
  warmup.observe([0.5e6])
  expect(warmup.leadRuns()).toBe(maxSeriesWarmupRuns) // ceil(25 / 0.5) = 50
})

test('slow commands keep their warmupRuns; very fast ones stop at the maximum', () => {
  const slow = createSeriesWarmup(2)
  slow.observe([400e6])
  expect(slow.leadRuns()).toBe(2)
  const fast = createSeriesWarmup(1)
  fast.observe([0.01e6])
  expect(fast.leadRuns()).toBe(maxSeriesWarmupRuns)
})

test('warmupRuns 0: every run counts, no series is warmed up', () => {
  const none = createSeriesWarmup(0)
  none.observe([0.6e6])
  expect(none.leadRuns()).toBe(0)
})
