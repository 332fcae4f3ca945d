import { describe, expect, test } from 'vitest'
import { defaultPolicy } from '../baseline/policy.ts'
import { judgePaired } from './judge-paired.ts'

/** 40 base samples around 1 ms with a drift that both variants share, and the head `factor` times each. */
function pairs(factor: number, jitter = 0.002) {
  const base = Array.from({ length: 40 }, (_, i) => 1 + 0.3 * Math.sin(i / 3))
  const head = base.map((value, i) => value * factor * (1 + (((i * 7) % 11) - 5) * jitter))
  return { base, head }
}

describe('judgePaired', () => {
  test('every pair 10% slower under a drift of ±30% that hits both: regressed, with the paired change and its interval', () => {
    const [verdict] = judgePaired('native/fib/process/n=25', [{ metric: 'coldStartMs', ...pairs(1.1) }], defaultPolicy)
    expect(verdict).toMatchObject({ verdict: 'regressed', method: 'wilcoxon-signed-rank', comparedAs: 'paired', minEffect: 0.05 })
    expect(verdict?.change).toBeCloseTo(0.1, 2)
    expect(verdict?.changeInterval?.[0]).toBeGreaterThan(0.09)
    expect(verdict?.changeInterval?.[1]).toBeLessThan(0.11)
    expect(verdict?.message).toMatch(/^coldStartMs regressed: .* \(paired \+10(\.\d+)?%, 99% interval \+\d+(\.\d+)?% to \+\d+(\.\d+)?% over 40 pairs\), q = /)
  })

  test('A/A: no significant change, the interval rules out 5%: pass; 2% slower is significant but below the minimum effect: pass', () => {
    expect(judgePaired('k', [{ metric: 'coldStartMs', ...pairs(1) }], defaultPolicy)[0]?.message).toContain('no significant change, and the interval rules out a 5% change')
    const small = judgePaired('k', [{ metric: 'coldStartMs', ...pairs(1.02) }], defaultPolicy)[0]
    expect(small).toMatchObject({ verdict: 'pass' })
    expect(small?.message).toContain('significant but below the 5% minimum effect')
  })

  test('noise wider than the effect: inconclusive, asking for more pairs; 10% faster: improved', () => {
    const noisy = judgePaired('k', [{ metric: 'warmLatencyMs', ...pairs(1, 0.05) }], defaultPolicy)[0]
    expect(noisy?.verdict).toBe('inconclusive')
    expect(noisy?.advice).toMatch(/^Measure more pairs \(about \d+(\.\d)?x the 40\)/)
    expect(judgePaired('k', [{ metric: 'warmLatencyMs', ...pairs(0.9) }], defaultPolicy)[0]?.verdict).toBe('improved')
  })

  test('peak RSS below the 512 KiB floor passes; metrics the policy does not sample are left out; too few pairs', () => {
    const rss = { metric: 'peakRssBytes', base: Array.from({ length: 20 }, () => 1_500_000), head: Array.from({ length: 20 }, (_, i) => 1_700_000 + i) }
    expect(judgePaired('k', [rss, { metric: 'cpuUtilisation', base: [1, 2], head: [1, 2] }], defaultPolicy).map((verdict) => [verdict.metric, verdict.verdict])).toEqual([['peakRssBytes', 'pass']])
    expect(judgePaired('k', [{ metric: 'coldStartMs', base: [1, 2, 3], head: [1, 2, 3] }], defaultPolicy)[0]?.message).toBe('coldStartMs inconclusive: only 3 usable pairs (at least 10 are needed).')
  })
})
