import { performance } from 'node:perf_hooks'
import { quantileWithStandardError } from '../stats/maritz-jarrett.ts'

/** When a phase of a row (cold starts, warm repetitions) stops taking samples. */
export interface SamplingRule {
  /** Samples taken however precise the first ones are, as long as the budget allows (see `firstRound`). */
  minSamples: number
  /** Samples never exceeded. */
  maxSamples: number
  /**
   * Stop once the 95% confidence interval of the median is this narrow relative to the median
   * (half-width / median; 0.01 = ±1%). The standard error is Maritz-Jarrett's (plugin/stats/maritz-jarrett.ts).
   */
  precision: number
  /** Time for the phase in milliseconds: a round is cut to what fits at the pace so far, and none starts once it is spent. */
  budgetMs: number
}

/** Why sampling stopped. */
export type SamplingStop = 'precise' | 'max-samples' | 'budget'

/** The relative half-width of the 95% CI of the median of `values` (Infinity for fewer than 3 or a zero median). */
export function medianPrecision(values: readonly number[]): number {
  if (values.length < 3) return Number.POSITIVE_INFINITY
  const sorted = [...values].sort((a, b) => a - b)
  const { value, standardError } = quantileWithStandardError(sorted, 0.5)
  return value === 0 ? Number.POSITIVE_INFINITY : (1.96 * standardError) / Math.abs(value)
}

/**
 * Takes samples in rounds until the median is known to `rule.precision`, `rule.maxSamples` are in, or
 * `rule.budgetMs` has passed: a slow interpreter on a big workload stops at its budget, a steady fast
 * row at its precision, a noisy fast one at its maximum. The first round takes `minSamples` (or the
 * smaller `firstRound`, so that a slow row's minimum is cut to its budget too); later
 * rounds half as many again as there are (at least `step`, at most what the maximum leaves and
 * what fits in the rest of the budget at the pace so far).
 * `take(count)` runs and checks `count` samples; `value` reads the number judged from each.
 */
export async function sampleUntil<T>(
  rule: SamplingRule,
  take: (count: number) => Promise<T[]>,
  value: (sample: T) => number[],
  options: { step?: number; firstRound?: number; now?: () => number } = {},
): Promise<{ samples: T[]; stop: SamplingStop }> {
  const now = options.now ?? (() => performance.now())
  const step = options.step ?? 5
  const started = now()
  const samples: T[] = []
  const values: number[] = []
  // The first round (the minimum, unless a smaller probe is asked for) sets the pace for the budget.
  let round = Math.min(options.firstRound ?? rule.minSamples, rule.minSamples, rule.maxSamples)
  for (;;) {
    const taken = await take(round)
    samples.push(...taken)
    for (const sample of taken) values.push(...value(sample))
    if (samples.length >= rule.maxSamples) return { samples, stop: 'max-samples' }
    if (samples.length >= rule.minSamples && medianPrecision(values) <= rule.precision) return { samples, stop: 'precise' }
    // The next round is cut to what fits in the budget at the pace so far.
    const elapsed = now() - started
    const fits = Math.floor((rule.budgetMs - elapsed) / (elapsed / samples.length))
    const wanted = Math.max(step, Math.ceil(samples.length / 2), rule.minSamples - samples.length)
    round = Math.min(rule.maxSamples - samples.length, wanted, fits)
    if (round <= 0) return { samples, stop: 'budget' }
  }
}
