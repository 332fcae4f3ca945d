import type { ResultRow } from '../../schema/results.d.ts'
import { isSummary } from './report-model.ts'
import { concurrencyCell, formatStatisticCell, summaryColumnsFor } from './summary-columns.ts'

/** Rows measured under HTTP load: those with a `requestsPerSec` summary. */
export function isLoadRow(row: ResultRow): boolean {
  return isSummary(row.metrics.requestsPerSec)
}

/**
 * The HTTP rows as a plain-text grid: one line per server x mode x concurrency x keep-alive with the
 * median first response, median throughput, latency p50 and p99, and the server's median CPU and RSS.
 * Empty when there are none.
 */
export function renderHttpTable(rows: readonly ResultRow[], renderGrid: (header: string[], body: string[][]) => string[]): string[] {
  const http = rows.filter(isLoadRow)
  if (http.length === 0) return []
  const columns = summaryColumnsFor('terminal-http')
  const header = ['HTTP workload', 'server', 'mode', 'conc', 'keep-alive', ...columns.map((column) => column.header), 'requests']
  const body = http.map((row) => {
    const latency = row.metrics.latencyMs
    return [
      row.workload, row.runtime, row.mode,
      concurrencyCell(row),
      row.params.keepAlive === undefined ? '—' : row.params.keepAlive === 1 ? 'on' : 'off',
      ...columns.map((column) => formatStatisticCell(row, column)),
      isSummary(latency) ? String(latency.n) : '—',
    ]
  })
  return ['', ...renderGrid(header, body), '', 'HTTP: medians; first response = spawn to the first correct page; req/s per 250 ms window under load (hey); p50/p99 of every request; server CPU (1 core = 100%) and RSS of its process tree; every response checked (status, length; SHA-256 on a sample)']
}
