import type { MetricSummary, ResultRow, UnsupportedMetric } from '../../schema/results.d.ts'
import { isSummary } from './report-model.ts'

/** Rows measured under HTTP load: those with a `requestsPerSec` summary. */
export function isLoadRow(row: ResultRow): boolean {
  return isSummary(row.metrics.requestsPerSec)
}

function median(metric: MetricSummary | UnsupportedMetric | undefined, format: (value: number) => string): string {
  return isSummary(metric) ? format(metric.median) : '—'
}

/** `1.23 ms`, `148 ms`, `1.20 s`. */
function formatLatencyMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`
  return ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(2)} ms`
}

/**
 * The HTTP rows as a plain-text grid: one line per server x mode x concurrency x keep-alive with the
 * median first response, median throughput, latency p50 and p99, and the server's median CPU and RSS.
 * Empty when there are none.
 */
export function renderHttpTable(rows: readonly ResultRow[], renderGrid: (header: string[], body: string[][]) => string[]): string[] {
  const http = rows.filter(isLoadRow)
  if (http.length === 0) return []
  const header = ['HTTP workload', 'server', 'mode', 'conc', 'keep-alive', 'first response', 'req/s', 'p50', 'p99', 'server CPU', 'server RSS MiB', 'requests']
  const body = http.map((row) => {
    const latency = row.metrics.latencyMs
    return [
      row.workload, row.runtime, row.mode,
      String(row.params.concurrency ?? row.params.connections ?? '—'),
      row.params.keepAlive === undefined ? '—' : row.params.keepAlive === 1 ? 'on' : 'off',
      median(row.metrics.firstResponseMs, formatLatencyMs),
      median(row.metrics.requestsPerSec, (value) => value.toFixed(0)),
      isSummary(latency) ? formatLatencyMs(latency.median) : '—',
      isSummary(latency) ? formatLatencyMs(latency.p99) : '—',
      median(row.metrics.serverCpuUtilisation, (value) => `${(value * 100).toFixed(0)}%`),
      median(row.metrics.serverRssBytes, (value) => (value / 2 ** 20).toFixed(1)),
      isSummary(latency) ? String(latency.n) : '—',
    ]
  })
  return ['', ...renderGrid(header, body), '', 'HTTP: medians; first response = spawn to the first correct page; req/s per 250 ms window under load (hey); p50/p99 of every request; server CPU (1 core = 100%) and RSS of its process tree; every response checked (status, length; SHA-256 on a sample)']
}
