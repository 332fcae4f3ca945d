import type { ResultRow } from '../../schema/results.d.ts'
import { relativeSpread } from '../stats/summarise.ts'
import { formatMs, formatTableValue } from '../metrics/format-units.ts'
import type { ResultsTable } from '../metrics/metric-definition.ts'
import { metricEntries } from '../metrics/metric-registry.ts'
import { isSummary } from './report-model.ts'

/** A column of the compact results tables (terminal, HTML and Markdown): a metric, its header and how to print its median. */
export interface SummaryColumn {
  metric: string
  header: string
  format: (value: number) => string
}

/** The columns of one compact results table, in order: the registry's metrics with a column in that table. */
export function summaryColumnsFor(table: ResultsTable): SummaryColumn[] {
  return metricEntries()
    .flatMap(([metric, definition]) => (definition.column?.tables.includes(table) === true ? [{ metric, definition, column: definition.column }] : []))
    .sort((a, b) => a.column.position - b.column.position)
    .map(({ metric, definition, column }) => ({ metric, header: column.header, format: (value: number) => formatTableValue(definition.unit, value) }))
}

/** `148 ms ±1%`: the median and the interquartile range as a share of it; `—` when the row lacks the metric. */
export function formatSummaryCell(row: ResultRow, column: SummaryColumn): string {
  const metric = row.metrics[column.metric]
  if (!isSummary(metric)) return '—'
  return `${column.format(metric.median)} ±${(relativeSpread(metric.samples) * 100).toFixed(0)}%`
}

/** The number of cold samples of a row, or `—`. */
export function coldSampleCount(row: ResultRow): string {
  const cold = row.metrics.coldStartMs
  return isSummary(cold) ? String(cold.n) : '—'
}

/** Rows with at least one metric of the compact tables (HTTP-only rows have their own table). */
export function isInvocationRow(row: ResultRow): boolean {
  return metricEntries().some(([metric, definition]) => definition.column !== undefined && isSummary(row.metrics[metric]))
}

/** Rows measured under HTTP load: those with a `requestsPerSec` summary. */
export function isHttpRow(row: ResultRow): boolean {
  return isSummary(row.metrics.requestsPerSec)
}

/** The columns of the HTTP tables: concurrency, median throughput and p99 latency, as text. */
export function httpCells(row: ResultRow): { concurrency: string; requestsPerSec: string; latencyP99: string } {
  const requests = row.metrics.requestsPerSec
  const latency = row.metrics.latencyMs
  const concurrency = row.params.concurrency ?? row.params.connections
  return {
    concurrency: concurrency === undefined ? '—' : String(concurrency),
    requestsPerSec: isSummary(requests) ? requests.median.toFixed(0) : '—',
    latencyP99: isSummary(latency) ? formatMs(latency.p99) : '—',
  }
}
