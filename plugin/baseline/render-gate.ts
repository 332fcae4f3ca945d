import type { Comparison, Verdict } from '../../schema/results.d.ts'
import { formatMetricValue } from '../metrics/format-metric-value.ts'
import { formatChange } from './format-change.ts'

const order = ['regressed', 'improved', 'inconclusive', 'incomparable', 'no-baseline', 'pass'] as const

function grid(header: string[], body: string[][]): string[] {
  const widths = header.map((cell, column) => Math.max(cell.length, ...body.map((row) => (row[column] ?? '').length)))
  const line = (cells: string[]): string => `  ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ')}`.trimEnd()
  return [line(header), ...body.map(line)]
}

function value(verdict: Verdict, which: 'baseline' | 'current'): string {
  const number = verdict[which]
  return number === undefined ? '—' : formatMetricValue(verdict.metric, number)
}

/** Confidence that a change is real, 1 - q: `99.2%`, `>99.99%`; `exact` for threshold metrics. */
export function formatGateConfidence(verdict: Verdict): string {
  if (verdict.method === 'threshold') return 'exact'
  if (verdict.qValue === undefined) return '—'
  return verdict.qValue < 1e-4 ? '>99.99%' : `${(Math.floor((1 - verdict.qValue) * 1000) / 10).toFixed(1)}%`
}

function changeTable(verdicts: Verdict[]): string[] {
  return grid(
    ['row', 'metric', 'baseline', 'now', 'change', 'confidence', 'compared'],
    verdicts.map((verdict) => [
      verdict.key,
      verdict.metric,
      value(verdict, 'baseline'),
      value(verdict, 'current'),
      verdict.change === undefined ? '—' : formatChange(verdict.change),
      formatGateConfidence(verdict),
      `${verdict.statistic ?? 'median'}, ${verdict.comparedAs === 'relative-to-reference' ? `vs ${verdict.reference ?? 'reference'}` : verdict.method === 'threshold' ? 'exact threshold' : 'absolute'}`,
    ]),
  )
}

/** Each distinct advice once, in order of first appearance. */
function adviceLines(verdicts: Verdict[]): string[] {
  return [...new Set(verdicts.flatMap((verdict) => (verdict.advice === undefined ? [] : [verdict.advice])))].map((advice) => `  advice: ${advice}`)
}

/**
 * The regression gate's outcome as text for the terminal: the summary line, every regressed and
 * improved metric as a table (metric, baseline, now, change, confidence, how compared), the
 * inconclusive ones with what would make them conclusive, and rows without a usable baseline.
 */
export function renderGate(comparison: Comparison): string {
  const lines = [`regression gate: ${comparison.message}`]
  if (comparison.machineNote !== undefined) lines.push(`  machine note: ${comparison.machineNote}`)
  const byVerdict = new Map(order.map((kind) => [kind, comparison.verdicts.filter((verdict) => verdict.verdict === kind)]))
  const regressed = byVerdict.get('regressed') ?? []
  const improved = byVerdict.get('improved') ?? []
  const inconclusive = byVerdict.get('inconclusive') ?? []
  if (regressed.length > 0) lines.push('', `REGRESSED (${regressed.length}), fails the run:`, ...changeTable(regressed))
  if (improved.length > 0) lines.push('', `improved (${improved.length}):`, ...changeTable(improved))
  if (inconclusive.length > 0) {
    lines.push('', `inconclusive (${inconclusive.length}):`)
    lines.push(...inconclusive.map((verdict) => `  ${verdict.key}: ${verdict.message}`), ...adviceLines(inconclusive))
  }
  for (const kind of ['incomparable', 'no-baseline'] as const) {
    const list = byVerdict.get(kind) ?? []
    // With no baseline file at all, the summary line has said it for every row.
    if (list.length === 0 || (kind === 'no-baseline' && comparison.status === 'no-baseline')) continue
    // One line per row: these verdicts say the same for every metric of a row.
    const rows = [...new Set(list.map((verdict) => `${verdict.key}: ${verdict.message.replace(/^\w+: /, '')}`))]
    lines.push('', `${kind} (${list.length} metrics in ${new Set(list.map((verdict) => verdict.key)).size} rows):`, ...rows.slice(0, 10).map((row) => `  ${row}`))
    if (rows.length > 10) lines.push(`  … and ${rows.length - 10} more rows`)
    lines.push(...adviceLines(list))
  }
  return lines.join('\n')
}

/** `3 regressed, 40 pass, 2 inconclusive`: counts of each verdict present, worst first. */
export function countVerdicts(verdicts: readonly Verdict[]): string {
  const counts = order.map((kind) => [kind, verdicts.filter((verdict) => verdict.verdict === kind).length] as const).filter(([, count]) => count > 0)
  return counts.length === 0 ? 'nothing to judge' : counts.map(([kind, count]) => `${count} ${kind}`).join(', ')
}
