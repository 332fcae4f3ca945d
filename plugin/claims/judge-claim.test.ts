import { describe, expect, test } from 'vitest'
import type { Claim } from '../../schema/claims.d.ts'
import type { ResultRow, ResultsFile } from '../../schema/results.d.ts'
import { createExampleResults } from '../results/example-results.ts'
import { acceptedRange, judgeClaim } from './judge-claim.ts'
import { renderClaimsBrief } from './render-claims.ts'

/** A summary whose median (and every other statistic) is `value`. */
function summary(value: number) {
  return { n: 3, median: value, mean: value, min: value, max: value, p90: value, p99: value, sd: 0, samples: [value, value, value] }
}

function row(runtime: string, params: Record<string, number>, metrics: ResultRow['metrics']): ResultRow {
  const paramText = Object.entries(params).map(([name, value]) => `${name}=${value}`).join(',')
  return { key: `${runtime}/fib/process/${paramText}`, runtime, runtimeVersion: '1.0', mode: 'process', workload: 'fib', params, metrics, warnings: [] }
}

function results(rows: ResultRow[], change: Partial<ResultsFile> = {}): ResultsFile {
  return { ...createExampleResults(), rows, ...change }
}

/** wasm3 fib(40) / native fib(40), published 16.652x (3.83 / 0.23), tolerance 0.5: consistent from 11.1x to 24.98x. */
const ratioClaim: Claim = {
  id: 'wasm3-fib40-vs-native',
  statement: 'wasm3 is 16.7x slower than native on fib(40).',
  source: { title: 'wasm3 docs/Performance.md', where: 'fib(40)', checked: true },
  published: { text: '0.23 s vs 3.83 s', unit: 'ratio', value: 16.652, comparison: 'about' },
  quantity: {
    kind: 'ratio',
    of: { row: { runtime: 'wasm3', workload: 'fib', mode: 'process', params: { n: 40 } }, metric: 'coldStartMs' },
    per: { row: { runtime: 'native', workload: 'fib', mode: 'process', params: { n: 40 } }, metric: 'coldStartMs' },
  },
  tolerance: 0.5,
  setup: { runtimes: ['wasm3', 'native'], workloads: ['fib'], params: { fib: { n: 40 } }, benches: ['benches/fib.bench.ts'] },
}

function withoutQuantity(claim: Claim): Omit<Claim, 'quantity'> {
  const copy: Claim = { ...claim }
  delete copy.quantity
  return copy
}

const native40 = row('native', { n: 40 }, { coldStartMs: summary(250) })

describe('judgeClaim', () => {
  test('consistent: 3,500 ms / 250 ms = 14x lies within 16.652x ×/÷ 1.5', () => {
    const verdict = judgeClaim(ratioClaim, [{ results: results([row('wasm3', { n: 40 }, { coldStartMs: summary(3500) }), native40]) }])
    expect(verdict.verdict).toBe('consistent')
    expect(verdict.measured).toBe(14)
    expect(verdict.rows).toEqual(['wasm3/fib/process/n=40', 'native/fib/process/n=40'])
    expect(verdict.reason).toBe('14x is within 11.1–25x (published 16.7x, tolerance ×/÷1.5).')
  })

  test('contradicts: 2,000 ms / 250 ms = 8x lies below 11.1x', () => {
    const verdict = judgeClaim(ratioClaim, [{ results: results([row('wasm3', { n: 40 }, { coldStartMs: summary(2000) }), native40]) }])
    expect(verdict.verdict).toBe('contradicts')
    expect(verdict.measured).toBe(8)
    expect(verdict.reason).toBe('8x is outside 11.1–25x (published 16.7x, tolerance ×/÷1.5).')
  })

  test('a missing row: not measured, naming the row and the command that measures it', () => {
    // fib(25) rows exist, fib(40) ones do not: the parameters must match.
    const verdict = judgeClaim(ratioClaim, [{ results: results([row('wasm3', { n: 25 }, { coldStartMs: summary(50) }), native40]) }])
    expect(verdict.verdict).toBe('not-measured')
    expect(verdict.measured).toBeUndefined()
    expect(verdict.reason).toBe('No row `wasm3/fib/process/n=40` in the results.')
    expect(verdict.command).toBe('WFB_RUNTIMES=wasm3,native WFB_WORKLOADS=fib WFB_PARAMS=fib.n=40 npx vitest bench --run benches/fib.bench.ts')
  })

  test('not measured: a runtime skipped in the run says why and how to install it', () => {
    const skipped = results([native40], { skipped: [{ runtime: 'wasm3', workload: 'fib', mode: 'process', reason: 'wfb-wasm3 not found', install: 'npx wasm-faas-bench runtimes install wasm3' }] })
    const verdict = judgeClaim(ratioClaim, [{ results: skipped }])
    expect(verdict.verdict).toBe('not-measured')
    expect(verdict.reason).toBe('No row `wasm3/fib/process/n=40`: skipped in this run (wfb-wasm3 not found; install: `npx wasm-faas-bench runtimes install wasm3`).')
  })

  test('not measured: a claim without a quantity names what it needs and the command', () => {
    const claim: Claim = { ...withoutQuantity(ratioClaim), setup: { runtimes: ['faasm'], workloads: [], needs: 'a Faasm deployment' }, measureWith: 'FAASM_PLANNER_URL=http://HOST:8080 npx vitest bench --run' }
    const verdict = judgeClaim(claim, [{ results: results([]) }])
    expect(verdict).toMatchObject({ verdict: 'not-measured', reason: 'No row of this tool computes it yet; needs a Faasm deployment.', command: 'FAASM_PLANNER_URL=http://HOST:8080 npx vitest bench --run' })
  })

  test('not measured: the row exists but lacks the metric (e.g. density rows not yet recorded)', () => {
    const verdict = judgeClaim(ratioClaim, [{ results: results([row('wasm3', { n: 40 }, { peakRssBytes: summary(1) }), native40]) }])
    expect(verdict.verdict).toBe('not-measured')
    expect(verdict.reason).toBe('Row `wasm3/fib/process/n=40` has no `coldStartMs`: this run did not record that metric.')
  })

  test('not comparable: a metric unsupported on this machine says why', () => {
    const claim: Claim = { ...ratioClaim, quantity: { kind: 'absolute', of: { row: { runtime: 'native', workload: 'fib' }, metric: 'instructions' } }, published: { text: '1e9', unit: 'ms', value: 1, comparison: 'about' } }
    const verdict = judgeClaim(claim, [{ results: results([row('native', { n: 40 }, { instructions: { unsupported: 'no PMU on this VM' } })]) }])
    expect(verdict).toMatchObject({ verdict: 'not-comparable', reason: '`instructions` of `native/fib/process/n=40` is unsupported here: no PMU on this VM.' })
  })

  test('not comparable: a ratio of rows from two machines', () => {
    const other = results([native40])
    other.machine = { ...other.machine, id: 'aaaaaaaaaaaa' }
    const verdict = judgeClaim(ratioClaim, [{ results: results([row('wasm3', { n: 40 }, { coldStartMs: summary(3500) })]) }, { results: other }])
    expect(verdict.verdict).toBe('not-comparable')
    expect(verdict.reason).toContain('different machines (3f2a9c81d0b4, aaaaaaaaaaaa)')
  })

  test('not comparable: a run with an injected slowdown', () => {
    const slowed = results([row('wasm3', { n: 40 }, { coldStartMs: summary(3500) }), native40])
    slowed.options = { ...slowed.options, injectSlowdown: { workload: 'fib', percent: 20 } }
    expect(judgeClaim(ratioClaim, [{ results: slowed }]).verdict).toBe('not-comparable')
  })

  test('several matching rows: not comparable without `pick`; `pick: highest` takes the largest statistic', () => {
    const claim: Claim = {
      ...ratioClaim,
      published: { text: '2,326–2,333 req/s', unit: 'req/s', low: 2326, high: 2333, comparison: 'about' },
      quantity: { kind: 'absolute', of: { row: { runtime: 'sledge', workload: 'fib' }, metric: 'requestsPerSec' } },
      tolerance: 0.25,
    }
    const rows = [row('sledge', { concurrency: 1 }, { requestsPerSec: summary(1560) }), row('sledge', { concurrency: 4 }, { requestsPerSec: summary(2252) })]
    expect(judgeClaim(claim, [{ results: results(rows) }]).verdict).toBe('not-comparable')
    const picked = judgeClaim({ ...claim, quantity: { kind: 'absolute', of: { row: { runtime: 'sledge', workload: 'fib', pick: 'highest' }, metric: 'requestsPerSec' } } }, [{ results: results(rows) }])
    expect(picked).toMatchObject({ verdict: 'consistent', measured: 2252, rows: ['sledge/fib/process/concurrency=4'] })
    const lowest = judgeClaim({ ...claim, quantity: { kind: 'absolute', of: { row: { runtime: 'sledge', workload: 'fib', pick: 'lowest' }, metric: 'requestsPerSec' } } }, [{ results: results(rows) }])
    expect(lowest).toMatchObject({ verdict: 'contradicts', measured: 1560, reason: '1,560 req/s is outside 1,861–2,916 req/s (published 2,326–2,333 req/s, tolerance ×/÷1.25).' })
  })

  test('a row measured on a busy machine keeps its verdict, with a caveat', () => {
    const busy = row('wasm3', { n: 40 }, { coldStartMs: summary(3500) })
    busy.otherLoadCores = 1.26
    busy.warnings = [{ code: 'busy-machine', metric: 'coldStartMs', message: 'busy', advice: 'quiet' }]
    const verdict = judgeClaim(ratioClaim, [{ results: results([busy, native40]) }])
    expect(verdict.verdict).toBe('consistent')
    expect(verdict.reason).toBe('14x is within 11.1–25x (published 16.7x, tolerance ×/÷1.5). Caveat: `wasm3/fib/process/n=40` was measured on a busy machine (other processes used up to 1.3 cores); repeat on a quiet one before relying on it.')
  })

  test('a row key in two files: the file given last wins', () => {
    const first = results([row('wasm3', { n: 40 }, { coldStartMs: summary(1000) }), native40])
    const second = results([row('wasm3', { n: 40 }, { coldStartMs: summary(4000) })])
    expect(judgeClaim(ratioClaim, [{ results: first }, { results: second }]).measured).toBe(16)
  })

  test('a bound says which side this run is on', () => {
    const bound: Claim = { ...ratioClaim, published: { text: 'larger', unit: 'ratio', low: 1, comparison: 'at-least' }, tolerance: 0 }
    const smaller = judgeClaim(bound, [{ results: results([row('wasm3', { n: 40 }, { coldStartMs: summary(150) }), native40]) }])
    expect(smaller).toMatchObject({ verdict: 'contradicts', reason: '0.6x is below 1x (published ≥ 1x, no tolerance).' })
    const atMost = judgeClaim({ ...bound, published: { text: 'under 20x', unit: 'ratio', high: 20, comparison: 'at-most' } }, [{ results: results([row('wasm3', { n: 40 }, { coldStartMs: summary(3500) }), native40]) }])
    expect(atMost).toMatchObject({ verdict: 'consistent', reason: '14x is at most 20x (published ≤ 20x, no tolerance).' })
  })

  test('bounds: at-least and at-most accept one side, widened by the tolerance', () => {
    expect(acceptedRange({ text: '≥ 4x', unit: 'ratio', low: 4, comparison: 'at-least' }, 0.25)).toEqual({ low: 3.2, high: Number.POSITIVE_INFINITY })
    expect(acceptedRange({ text: '≤ 1 ms', unit: 'ms', high: 1, comparison: 'at-most' }, 0)).toEqual({ low: 0, high: 1 })
    expect(acceptedRange({ text: '100s of ms', unit: 'ms', low: 100, high: 999, comparison: 'about' }, 0.25)).toEqual({ low: 80, high: 1248.75 })
  })
})

describe('renderClaimsBrief', () => {
  test('counts, then one line per computed claim, then where the rest is', () => {
    const verdicts = [
      judgeClaim(ratioClaim, [{ results: results([row('wasm3', { n: 40 }, { coldStartMs: summary(3500) }), native40]) }]),
      judgeClaim({ ...ratioClaim, id: 'other' }, [{ results: results([]) }]),
    ]
    expect(renderClaimsBrief(verdicts, 'bench-results/latest.json')).toBe([
      'Published claims: 1 consistent · 1 not measured.',
      '  consistent  wasm3-fib40-vs-native: published 16.7x, this run 14x',
      'Every claim with its source and the command that measures it: npx wasm-faas-bench claims bench-results/latest.json',
    ].join('\n'))
  })
})
