import { describe, expect, test } from 'vitest'
import { createExampleResults } from '../results/example-results.ts'
import { readResults } from '../results/write-results.ts'
import { formatBmf, measureName, renderBmf } from './render-bmf.ts'
import { labelRuns } from './report-model.ts'
import { createReportExample, realResultsPath } from './testdata/report-example.ts'

describe('measureName', () => {
  test('kebab-case with the unit last', () => {
    expect(measureName('coldStartMs')).toBe('cold-start-ms')
    expect(measureName('peakRssBytes')).toBe('peak-rss-bytes')
    expect(measureName('requestsPerSec')).toBe('requests-per-sec')
    expect(measureName('cpuUtilisation')).toBe('cpu-utilisation-ratio')
    expect(measureName('instructions')).toBe('instructions-count')
  })
})

describe('renderBmf', () => {
  test('a real run: one benchmark per row key, median with p25/p75 bounds per measured metric', async () => {
    const report = renderBmf(labelRuns([{ source: 'latest.json', results: await readResults(realResultsPath) }]))
    for (const [name, measures] of Object.entries(report)) {
      for (const [measure, metric] of Object.entries(measures)) {
        expect(metric.lower_value, `${name} ${measure}`).toBeLessThanOrEqual(metric.value)
        expect(metric.upper_value, `${name} ${measure}`).toBeGreaterThanOrEqual(metric.value)
      }
    }
    await expect(formatBmf(report)).toMatchFileSnapshot('__snapshots__/bmf.real.json')
  })

  test('unsupported metrics are left out; HTTP latency also gets its p99', () => {
    const report = renderBmf(labelRuns([{ source: 'x.json', results: createReportExample() }]))
    expect(report['node-wasi/fib/process/n=25']).toEqual({
      'cold-start-ms': { value: 148, lower_value: 147, upper_value: 149 },
      'peak-rss-bytes': { value: 47_185_920, lower_value: 47_185_920, upper_value: 47_185_920 },
    })
    expect(report['native/http/process/concurrency=4']).toEqual({
      'requests-per-sec': { value: 1450, lower_value: 1425, upper_value: 1475 },
      'latency-ms': { value: 2.9, lower_value: 2.75, upper_value: 3.125 },
      'latency-p99-ms': { value: 3.485, lower_value: 3.485, upper_value: 3.485 },
    })
  })

  test('several files merge by row key; the later file wins', () => {
    const later = createExampleResults()
    const cold = later.rows[0]!.metrics.coldStartMs!
    later.rows[0]!.metrics = { coldStartMs: { ...cold, median: 150, samples: [150] } }
    const report = renderBmf(labelRuns([{ source: 'a.json', results: createExampleResults() }, { source: 'b.json', results: later }]))
    expect(report).toEqual({ 'node-wasi/fib/process/n=25': { 'cold-start-ms': { value: 150, lower_value: 150, upper_value: 150 } } })
  })

  test('the text is BMF JSON: benchmarks of measures of { value, lower_value, upper_value }', () => {
    const text = formatBmf(renderBmf(labelRuns([{ source: 'x.json', results: createExampleResults() }])))
    expect(text).toBe(`{
  "node-wasi/fib/process/n=25": {
    "cold-start-ms": {
      "value": 148,
      "lower_value": 147,
      "upper_value": 149
    },
    "peak-rss-bytes": {
      "value": 47185920,
      "lower_value": 47185920,
      "upper_value": 47185920
    }
  }
}
`)
  })
})
