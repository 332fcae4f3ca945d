import type { Claim } from '../../../schema/claims.d.ts'
import type { ResultRow, ResultsFile } from '../../../schema/results.d.ts'
import { createExampleResults } from '../../results/example-results.ts'
import { summarise } from '../../stats/summarise.ts'

/** The real results file the report tests and the screenshot use: a `vitest bench` run on this project's machine. */
export const realResultsPath = new URL('real-results.json', import.meta.url).pathname

function httpRow(runtime: string, mode: 'process' | 'in-process', concurrency: number, requestsPerSec: number[], latencyMs: number[]): ResultRow {
  return {
    key: `${runtime}/http/${mode}/concurrency=${concurrency}`,
    runtime,
    runtimeVersion: runtime === 'native' ? 'cc 12.2.0' : '24.21.0',
    mode,
    workload: 'http',
    params: { concurrency },
    metrics: { requestsPerSec: summarise(requestsPerSec), latencyMs: summarise(latencyMs) },
    warnings: [],
  }
}

/**
 * The example results (one measured row, one skipped, one failed) plus what the report draws only
 * when present: HTTP rows at three concurrencies for two runtimes, and a baseline comparison with
 * every kind of verdict. Literal, made-up numbers for the renderers' tests; a fresh copy per call.
 */
export function createReportExample(): ResultsFile {
  const results = createExampleResults()
  results.rows.push(
    httpRow('node-wasi', 'in-process', 1, [2100, 2200, 2300], [0.4, 0.45, 0.5, 0.9]),
    httpRow('node-wasi', 'in-process', 4, [3500, 3600, 3700], [1.0, 1.1, 1.3, 5.2]),
    httpRow('node-wasi', 'in-process', 16, [3800, 3900, 4000], [4.0, 4.2, 4.5, 21]),
    httpRow('native', 'process', 1, [1300, 1400, 1500], [0.6, 0.7, 0.7, 1.5]),
    httpRow('native', 'process', 4, [1400, 1450, 1500], [2.6, 2.8, 3.0, 3.5]),
    httpRow('native', 'process', 16, [1420, 1460, 1480], [10.5, 11, 11.5, 14]),
  )
  const comparison = {
    status: 'compared',
    baselinePath: 'baselines/3f2a9c81d0b4.json',
    baselineUpdatedAt: '2025-01-30T09:00:00.000Z',
    failed: true,
    message: '1 regressed, 1 improved, 1 inconclusive, 1 no-baseline, 1 pass (FDR 5%).',
    falseDiscoveryRate: 0.05,
    verdicts: [
      { key: 'node-wasi/fib/process/n=25', metric: 'coldStartMs', verdict: 'regressed', method: 'mann-whitney-u', comparedAs: 'absolute', baseline: 132, current: 148, change: 0.1212, minEffect: 0.05, pValue: 0.004, qValue: 0.02, message: 'coldStartMs 132 ms -> 148 ms (+12.1%), q = 0.02.' },
      { key: 'node-wasi/fib/process/n=25', metric: 'peakRssBytes', verdict: 'pass', method: 'threshold', comparedAs: 'absolute', baseline: 47_000_000, current: 47_185_920, change: 0.004, minEffect: 0.05, message: 'peakRssBytes within 5%.' },
      { key: 'node-wasi/http/in-process/concurrency=4', metric: 'latencyMs', verdict: 'improved', method: 'mann-whitney-u', comparedAs: 'absolute', baseline: 1.3, current: 1.15, change: -0.1154, minEffect: 0.05, pValue: 0.01, qValue: 0.03, message: 'latencyMs 1.30 ms -> 1.15 ms (-11.5%), q = 0.03.' },
      { key: 'native/http/process/concurrency=16', metric: 'latencyMs', verdict: 'inconclusive', method: 'mann-whitney-u', comparedAs: 'absolute', baseline: 10.9, current: 11, change: 0.0092, minEffect: 0.05, pValue: 0.6, qValue: 0.75, message: 'latencyMs too noisy to tell a 5% change.', advice: 'Raise coldSamples to 30.' },
      { key: 'native/http/process/concurrency=1', metric: 'requestsPerSec', verdict: 'no-baseline', method: 'none', comparedAs: 'none', message: 'Nothing recorded for native/http/process/concurrency=1.', advice: 'Record a baseline: `vitest bench -u`.' },
    ],
  }
  return Object.assign(results, { comparison })
}

/**
 * Two literal claims about the example's rows, one per computed verdict: node-wasi fib(25) cold start
 * 148 ms against a published 150 ms (consistent) and against a published 50 ms (contradicts), plus
 * one whose rows the example lacks (not measured). For the renderers' tests.
 */
export function createExampleClaims(): Claim[] {
  const base = {
    source: { title: 'An example paper', venue: 'Example 2025', url: 'https://example.org/paper', where: '§4, Table 2', checked: true },
    quantity: { kind: 'absolute', of: { row: { runtime: 'node-wasi', workload: 'fib', mode: 'process' }, metric: 'coldStartMs' } },
    tolerance: 0.25,
    setup: { runtimes: ['node-wasi'], workloads: ['fib'], benches: ['benches/fib.bench.ts'] },
  } satisfies Partial<Claim>
  return [
    { ...base, id: 'example-consistent', statement: 'A node:wasi process starts in about 150 ms.', published: { text: '150 ms', unit: 'ms', value: 150, comparison: 'about', machine: 'a laptop' } },
    { ...base, id: 'example-contradicts', statement: 'A node:wasi process starts in 50 ms | less.', published: { text: '50 ms', unit: 'ms', value: 50, comparison: 'about' } },
    {
      ...base,
      id: 'example-not-measured',
      statement: 'wasm3 starts 10 times faster than node:wasi.',
      source: { ...base.source, checked: false, note: 'Not checked: the table could not be read.' },
      published: { text: '10x', unit: 'ratio', value: 10, comparison: 'at-least' },
      quantity: { kind: 'ratio', of: { row: { runtime: 'node-wasi', workload: 'fib' }, metric: 'coldStartMs' }, per: { row: { runtime: 'wasm3', workload: 'fib' }, metric: 'coldStartMs' } },
      setup: { runtimes: ['node-wasi', 'wasm3'], workloads: ['fib'] },
    },
  ]
}
