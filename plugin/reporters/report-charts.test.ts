import { describe, expect, test } from 'vitest'
import { createExampleResults } from '../results/example-results.ts'
import { readResults } from '../results/write-results.ts'
import type { LineChartSpec, RangeChartSpec } from './chart-spec.ts'
import { buildChartSections } from './report-charts.ts'
import { labelRuns } from './report-model.ts'
import { createReportExample, realResultsPath } from './testdata/report-example.ts'

function chart<T extends RangeChartSpec | LineChartSpec>(sections: ReturnType<typeof buildChartSections>, id: string): T {
  const found = sections.flatMap((section) => section.charts).find((candidate) => candidate.id === id)
  if (found === undefined) throw new Error(`no chart ${id}`)
  return found as T
}

describe('buildChartSections', () => {
  const example = buildChartSections(labelRuns([{ source: 'example.json', results: createReportExample() }]))

  test('sections in reading order; the comparison first when there is one', () => {
    expect(example.map((section) => [section.id, section.charts.map((spec) => spec.id), section.empty])).toEqual([
      ['comparison', ['comparison'], undefined],
      ['cold-start', ['cold-start'], undefined],
      ['warm-latency', [], 'No row measured warm latency.'],
      ['cpu', [], 'No row measured CPU time.'],
      ['memory', ['peak-memory'], undefined],
      ['http', ['http-throughput', 'http-p99'], undefined],
    ])
  })

  test('cold start: median with p25-p75 and min-max of the samples, labelled in ms', () => {
    const spec = chart<RangeChartSpec>(example, 'cold-start')
    expect(spec).toMatchObject({
      kind: 'range', mark: 'bar', scale: 'linear', axisLabel: 'Cold start, median (ms) →', colorLabel: 'Runtime',
      series: ['node-wasi'], facets: ['fib(n=25)'], ys: ['node-wasi (process)'], domain: [0, 190],
    })
    // Samples 148, 146, 152, 147, 149: type 7 quartiles are 147 and 149.
    expect(spec.points).toEqual([{
      facet: 'fib(n=25)', y: 'node-wasi (process)', series: 'node-wasi', median: 148, p25: 147, p75: 149, min: 146, max: 152,
      text: '148 ms', title: 'fib(n=25) node-wasi (process)\nmedian 148 ms, p25–p75 147 ms–149 ms, min–max 146 ms–152 ms, n = 5',
    }])
  })

  test('peak memory in MiB', () => {
    const spec = chart<RangeChartSpec>(example, 'peak-memory')
    expect(spec.points[0]).toMatchObject({ median: 45, p25: 45, p75: 45, text: '45.0 MiB' })
    expect(spec.axisLabel).toBe('Peak resident set size, median (MiB) →')
  })

  test('HTTP: throughput and p99 against concurrency, one line per runtime, ticks at the concurrencies measured', () => {
    const throughput = chart<LineChartSpec>(example, 'http-throughput')
    expect(throughput).toMatchObject({ xScale: 'log', xTicks: [1, 4, 16], series: ['node-wasi (in-process)', 'native (process)'], yLabel: '↑ Throughput, median (requests/s)' })
    expect(throughput.points.map(({ series, x, y, low, high }) => [series, x, y, low, high])).toEqual([
      ['node-wasi (in-process)', 1, 2200, 2150, 2250],
      ['node-wasi (in-process)', 4, 3600, 3550, 3650],
      ['node-wasi (in-process)', 16, 3900, 3850, 3950],
      ['native (process)', 1, 1400, 1350, 1450],
      ['native (process)', 4, 1450, 1425, 1475],
      ['native (process)', 16, 1460, 1440, 1470],
    ])
    const p99 = chart<LineChartSpec>(example, 'http-p99')
    // Samples 0.4, 0.45, 0.5, 0.9: h = 3 x 0.99 = 2.97, so 0.5 + 0.97 x 0.4 = 0.888.
    expect(p99.points[0]?.y).toBeCloseTo(0.888, 10)
    expect(p99.yLabel).toBe('↑ Latency p99 (ms)')
  })

  test('comparison: change in percent with the verdict as colour, worst verdict first; entries without a change are left out', () => {
    const spec = chart<RangeChartSpec>(example, 'comparison')
    expect(spec.series).toEqual(['regressed', 'inconclusive', 'improved', 'pass'])
    expect(spec.colors).toEqual(['#d62728', '#ff9f1c', '#2ca02c', '#4e79a7'])
    expect(spec.facets).toEqual([''])
    expect(spec.points.map(({ y, median, text }) => [y, median, text])).toEqual([
      ['node-wasi/fib/process/n=25 coldStartMs', 12.120000000000001, '+12.1% regressed'],
      ['native/http/process/concurrency=16 latencyMs', 0.9199999999999999, '+0.9% inconclusive'],
      ['node-wasi/http/in-process/concurrency=4 latencyMs', -11.540000000000001, '−11.5% improved'],
      ['node-wasi/fib/process/n=25 peakRssBytes', 0.4, '+0.4% pass'],
    ])
    expect(spec.reference).toEqual({ value: 0, label: 'baseline' })
  })

  test('without HTTP rows the HTTP section says none were measured; without a comparison there is no comparison section', async () => {
    const sections = buildChartSections(labelRuns([{ source: 'real-results.json', results: await readResults(realResultsPath) }]))
    expect(sections.map((section) => section.id)).toEqual(['cold-start', 'warm-latency', 'cpu', 'memory', 'http'])
    expect(sections.at(-1)?.empty).toBe('No HTTP rows were measured in these results (no row has a `requestsPerSec` metric with a `concurrency` parameter), so there is no throughput or p99 chart.')
    expect(chart<RangeChartSpec>(sections, 'warm-latency')).toMatchObject({ scale: 'log', mark: 'dot', tickFormat: 'duration' })
    expect(chart<RangeChartSpec>(sections, 'cpu-utilisation').reference).toEqual({ value: 100, label: 'one core' })
  })

  test('several runs: colour by run, and each bar names its run next to the same runtime of the other runs', () => {
    const older = createExampleResults()
    const newer = { ...createExampleResults(), createdAt: '2025-02-01T08:00:00.000Z' }
    const spec = chart<RangeChartSpec>(buildChartSections(labelRuns([
      { source: 'bench-results/a.json', results: older },
      { source: 'bench-results/b.json', results: newer },
    ])), 'cold-start')
    expect(spec.colorLabel).toBe('Run')
    expect(spec.series).toEqual(['run 1 · 2025-01-31 12:34 UTC · a.json', 'run 2 · 2025-02-01 08:00 UTC · b.json'])
    expect(spec.ys).toEqual(['node-wasi (process) · run 1', 'node-wasi (process) · run 2'])
  })
})
