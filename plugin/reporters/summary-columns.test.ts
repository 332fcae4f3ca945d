import { describe, expect, test } from 'vitest'
import { summaryColumnsFor } from './summary-columns.ts'

describe('summaryColumnsFor', () => {
  test('the compact tables take their columns, in order, from the registry', () => {
    const columns = summaryColumnsFor('terminal')
    expect(columns.map((column) => column.header)).toEqual(['cold start', 'warm', 'CPU time', 'CPU util', 'peak RSS'])
    expect(columns.map((column) => column.format(0.5))).toEqual(['500 µs', '500 µs', '500 µs', '50%', '0.0 MiB'])
    expect(summaryColumnsFor('markdown').map((column) => column.metric)).toEqual(['coldStartMs', 'warmLatencyMs', 'cpuTimeMs', 'cpuUtilisation', 'peakRssBytes'])
  })
})
