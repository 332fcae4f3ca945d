import type { MetricSummary, ResultsFile, UnsupportedMetric } from '../../schema/results.d.ts'
import { relativeSpread } from '../stats/summarise.ts'
import { formatSkipGroup, groupSkips } from './group-skips.ts'
import { isLoadRow, renderHttpTable } from './render-http-table.ts'

/** The columns of the summary table: metric name, header, and how to print a median. */
const columns: Array<{ metric: string; header: string; format: (value: number) => string }> = [
  { metric: 'coldStartMs', header: 'cold start', format: formatMs },
  { metric: 'warmLatencyMs', header: 'warm', format: formatMs },
  { metric: 'cpuTimeMs', header: 'CPU time', format: formatMs },
  { metric: 'cpuUtilisation', header: 'CPU util', format: (value) => `${(value * 100).toFixed(0)}%` },
  { metric: 'peakRssBytes', header: 'peak RSS MiB', format: (value) => (value / 2 ** 20).toFixed(1) },
]

function formatNumber(value: number): string {
  if (value >= 100) return value.toFixed(0)
  if (value >= 10) return value.toFixed(1)
  return value.toFixed(2)
}

/** A duration given in milliseconds, printed in the unit that keeps it readable: `85 ns`, `210 µs`, `4.32 ms`, `1.20 s`. */
export function formatMs(ms: number): string {
  if (ms >= 1000) return `${formatNumber(ms / 1000)} s`
  if (ms >= 1) return `${formatNumber(ms)} ms`
  if (ms >= 0.001) return `${formatNumber(ms * 1000)} µs`
  return `${formatNumber(ms * 1e6)} ns`
}

function isSummary(metric: MetricSummary | UnsupportedMetric | undefined): metric is MetricSummary {
  return metric !== undefined && 'median' in metric
}

/** `12.3 ±4%`: the median and the interquartile range relative to it. */
function formatCell(metric: MetricSummary | UnsupportedMetric | undefined, format: (value: number) => string): string {
  if (!isSummary(metric)) return '—'
  return `${format(metric.median)} ±${(relativeSpread(metric.samples) * 100).toFixed(0)}%`
}

/** Warnings grouped by code: each row's message, then the advice once. */
function renderWarnings(results: ResultsFile): string[] {
  const byCode = new Map<string, { advice: string; messages: string[] }>()
  for (const row of results.rows) {
    for (const warning of row.warnings) {
      const group = byCode.get(warning.code) ?? { advice: warning.advice, messages: [] }
      group.messages.push(`  ${row.key}: ${warning.message}`)
      byCode.set(warning.code, group)
    }
  }
  return [...byCode].flatMap(([code, group]) => ['', `warning ${code} (${group.messages.length}):`, ...group.messages, `  advice: ${group.advice}`])
}

function renderGrid(header: string[], body: string[][]): string[] {
  const widths = header.map((cell, column) => Math.max(cell.length, ...body.map((row) => (row[column] ?? '').length)))
  const line = (cells: string[]): string => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd()
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...body.map(line)]
}

/**
 * The run as a plain-text table: one line per runtime x workload x mode with the median of each
 * metric and its spread (IQR as a share of the median), then skipped and failed rows.
 */
export function renderTable(results: ResultsFile): string {
  const header = ['workload', 'runtime', 'mode', ...columns.map((column) => column.header), 'n']
  const body = results.rows.filter((row) => !isLoadRow(row)).map((row) => {
    const params = Object.entries(row.params).map(([name, value]) => `${name}=${value}`).join(',')
    const cold = row.metrics.coldStartMs
    return [
      params === '' ? row.workload : `${row.workload}(${params})`,
      row.runtime,
      row.mode,
      ...columns.map((column) => formatCell(row.metrics[column.metric], column.format)),
      isSummary(cold) ? String(cold.n) : '—',
    ]
  })
  const lines = [`wasm-faas-bench: ${results.rows.length} ${results.rows.length === 1 ? 'row' : 'rows'} on ${results.machine.cpu.model} (${results.machine.cpu.cores} cores), node ${results.machine.node}`, '']
  if (body.length > 0 || results.rows.length === 0) {
    lines.push(...renderGrid(header, body))
    lines.push('', 'median ±IQR/median; cold = new process or instance per invocation, warm = repetitions inside one live instance')
  }
  lines.push(...renderHttpTable(results.rows, renderGrid))
  const counters = results.rows.map((row) => row.metrics.instructions).find((metric) => metric !== undefined && !isSummary(metric))
  if (counters !== undefined && !isSummary(counters)) lines.push(`instructions, cycles: ${counters.unsupported}`)
  // A workload without the warm protocol shows — as warm: say why, once per workload.
  const warmReasons = new Map<string, string>()
  for (const row of results.rows) {
    const warm = row.metrics.warmLatencyMs
    if (warm !== undefined && !isSummary(warm) && !warmReasons.has(row.workload)) warmReasons.set(row.workload, warm.unsupported)
  }
  for (const [workload, reason] of warmReasons) lines.push(`warm, ${workload}: ${reason}`)
  lines.push(...renderWarnings(results))
  if (results.skipped.length > 0) {
    lines.push('', `skipped (${results.skipped.length}, one line per cause):`)
    lines.push(...groupSkips(results.skipped).map((group) => `  ${formatSkipGroup(group)}`))
  }
  if (results.failed.length > 0) {
    lines.push('', `FAILED (${results.failed.length}):`)
    lines.push(...results.failed.flatMap((failure) => [`  ${failure.runtime} ${failure.mode} ${failure.workload}: ${failure.error.split('\n')[0] ?? ''}`, ...failureDetail(failure.error)]))
  }
  return lines.join('\n')
}

/** Lines of a failure after its first one that the table keeps: the last few (the runtime's stderr tail), indented. */
const failureDetailLines = 6

/** The runtime's own words from a failure message (its last lines after the first), indented under the summary line. */
export function failureDetail(error: string): string[] {
  const rest = error.split('\n').slice(1).map((line) => line.trimEnd()).filter((line) => line.trim() !== '')
  const shown = rest.length > failureDetailLines ? ['…', ...rest.slice(-failureDetailLines)] : rest
  return shown.map((line) => `      ${line}`)
}
