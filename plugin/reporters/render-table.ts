import type { ResultsFile } from '../../schema/results.d.ts'
import { formatSkipGroup, groupSkips } from './group-skips.ts'
import { isLoadRow, renderHttpTable } from './render-http-table.ts'
import { isSummary } from './report-model.ts'
import { coldSampleCount, formatSummaryCell, summaryColumnsFor } from './summary-columns.ts'

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
  const columns = summaryColumnsFor('terminal')
  const header = ['workload', 'runtime', 'mode', ...columns.map((column) => column.header), 'n']
  const body = results.rows.filter((row) => !isLoadRow(row)).map((row) => {
    const params = Object.entries(row.params).map(([name, value]) => `${name}=${value}`).join(',')
    return [
      params === '' ? row.workload : `${row.workload}(${params})`,
      row.runtime,
      row.mode,
      ...columns.map((column) => formatSummaryCell(row, column)),
      coldSampleCount(row),
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
