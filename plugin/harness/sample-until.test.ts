import { describe, expect, test } from 'vitest'
import { medianPrecision, sampleUntil, type SamplingRule } from './sample-until.ts'

/** A fake sampler: hands out the given values in order and advances a fake clock by `msEach` per sample. */
function fakeSampler(values: number[], msEach: number) {
  let clock = 0
  let next = 0
  const rounds: number[] = []
  return {
    rounds,
    now: () => clock,
    take: (count: number) => {
      rounds.push(count)
      clock += count * msEach
      const taken = values.slice(next, next + count)
      next += count
      return Promise.resolve(taken)
    },
  }
}

const rule: SamplingRule = { minSamples: 10, maxSamples: 30, precision: 0.02, budgetMs: 1000 }
const same = (value: number) => [value]

describe('sampleUntil', () => {
  test('a steady row stops after its minimum, precise', async () => {
    const sampler = fakeSampler(Array.from({ length: 30 }, (_, i) => 100 + (i % 3) * 0.1), 1)
    const { samples, stop } = await sampleUntil(rule, sampler.take, same, { now: sampler.now })
    expect(stop).toBe('precise')
    expect(samples).toHaveLength(10)
    expect(sampler.rounds).toEqual([10])
  })

  test('a noisy fast row goes on in growing rounds up to its maximum', async () => {
    const sampler = fakeSampler(Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? 50 : 150)), 1)
    const { samples, stop } = await sampleUntil(rule, sampler.take, same, { now: sampler.now })
    expect(stop).toBe('max-samples')
    expect(samples).toHaveLength(30)
    expect(sampler.rounds).toEqual([10, 5, 8, 7])
  })

  test('a slow row stops at its time budget', async () => {
    const sampler = fakeSampler(Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? 50 : 150)), 60)
    const { samples, stop } = await sampleUntil(rule, sampler.take, same, { now: sampler.now })
    // 10 (600 ms), 5 (900 ms), then only 1 fits in the last 100 ms.
    expect(stop).toBe('budget')
    expect(samples).toHaveLength(16)
    expect(sampler.rounds).toEqual([10, 5, 1])
  })

  test('a probe round first: a very slow row takes what fits its budget, even below its minimum', async () => {
    const sampler = fakeSampler(Array.from({ length: 30 }, (_, i) => 100 + i), 400)
    const { samples, stop } = await sampleUntil(rule, sampler.take, same, { now: sampler.now, firstRound: 1 })
    expect(stop).toBe('budget')
    expect(sampler.rounds).toEqual([1, 1])
    expect(samples).toHaveLength(2)
  })

  test('the judged values may be several per sample (warm repetitions of one batch)', async () => {
    const sampler = fakeSampler([1, 2, 3], 1)
    const { samples, stop } = await sampleUntil({ ...rule, minSamples: 1, maxSamples: 3, precision: 0.05 }, sampler.take, () => [10, 10, 10, 10], { now: sampler.now })
    expect(stop).toBe('precise')
    expect(samples).toEqual([1])
  })
})

describe('medianPrecision', () => {
  test('is infinite with too few samples and shrinks with agreement', () => {
    expect(medianPrecision([1, 2])).toBe(Number.POSITIVE_INFINITY)
    expect(medianPrecision([10, 10, 10, 10, 10])).toBe(0)
    expect(medianPrecision([9, 10, 11, 10, 9, 11, 10])).toBeGreaterThan(0)
    expect(medianPrecision([9, 10, 11, 10, 9, 11, 10])).toBeLessThan(medianPrecision([5, 10, 15, 10, 5, 15, 10]))
  })
})
