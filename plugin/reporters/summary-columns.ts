import type { ResultRow } from '../../schema/results.d.ts'
import { relativeSpread } from '../stats/summarise.ts'
import { formatTableValue } from '../metrics/format-units.ts'
import type { ResultsTable } from '../metrics/metric-definition.ts'
import { metricEntries } from '../metrics/metric-registry.ts'
import { isSummary } from './report-model.ts'

/** A column of a results table: a metric, its header, the statistic it prints and how. */
export interface SummaryColumn {
  metric: string
  header: string
  statistic: 'median' | 'p99'
  format: (value: number) => string
}

/** The metric columns of one results table, in order: the registry's columns in that table. */
export function summaryColumnsFor(table: ResultsTable): SummaryColumn[] {
  return metricEntries()
    .flatMap(([metric, definition]) => (definition.columns ?? []).filter((column) => column.tables.includes(table)).map((column) => ({ metric, definition, column })))
    .sort((a, b) => a.column.position - b.column.position)
    .map(({ metric, definition, column }) => ({ metric, header: column.header, statistic: column.statistic ?? 'median', format: (value: number) => formatTableValue(definition.unit, value) }))
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

/** `1.23 ms`: the column's statistic alone (the HTTP tables), or `—` when the row lacks the metric. */
export function formatStatisticCell(row: ResultRow, column: SummaryColumn): string {
  const metric = row.metrics[column.metric]
  return isSummary(metric) ? column.format(metric[column.statistic]) : '—'
}

/** Rows with at least one metric of the compact tables (HTTP-only rows have their own table). */
export function isInvocationRow(row: ResultRow): boolean {
  return summaryColumnsFor('html').some((column) => isSummary(row.metrics[column.metric]))
}

/** Rows measured under HTTP load: those with a `requestsPerSec` summary. */
export function isHttpRow(row: ResultRow): boolean {
  return isSummary(row.metrics.requestsPerSec)
}

/** The concurrency of an HTTP row (`concurrency` or `connections` parameter), or `—`. */
export function concurrencyCell(row: ResultRow): string {
  const concurrency = row.params.concurrency ?? row.params.connections
  return concurrency === undefined ? '—' : String(concurrency)
}
