import { describe, expect, test } from 'vitest'
import { summaryColumnsFor } from './summary-columns.ts'

describe('summaryColumnsFor', () => {
  test('the compact tables take their columns, in order, from the registry', () => {
    const columns = summaryColumnsFor('terminal')
    expect(columns.map((column) => column.header)).toEqual(['cold start', 'warm', 'CPU time', 'CPU util', 'peak RSS'])
    expect(columns.map((column) => column.format(0.5))).toEqual(['500 µs', '500 µs', '500 µs', '50%', '0.0 MiB'])
    expect(summaryColumnsFor('markdown').map((column) => column.metric)).toEqual(['coldStartMs', 'warmLatencyMs', 'cpuTimeMs', 'cpuUtilisation', 'peakRssBytes'])
  })

  test('the HTTP tables too: a metric may have several columns, each with its statistic', () => {
    expect(summaryColumnsFor('terminal-http').map((column) => `${column.metric}.${column.statistic} ${column.header}`)).toEqual([
      'firstResponseMs.median first response', 'requestsPerSec.median req/s', 'latencyMs.median p50', 'latencyMs.p99 p99', 'serverCpuUtilisation.median server CPU', 'serverRssBytes.median server RSS',
    ])
    expect(summaryColumnsFor('markdown-http').map((column) => column.header)).toEqual(['requests/s', 'p99 latency'])
    expect(summaryColumnsFor('html-http').map((column) => column.format(2322.4))).toEqual(['2322', '2.32 s'])
  })
})
