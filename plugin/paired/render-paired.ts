import type { Verdict } from '../../schema/results.d.ts'
import { countVerdicts } from '../baseline/render-gate.ts'
import { formatChange } from '../baseline/format-change.ts'
import { formatMetricValue } from '../metrics/format-metric-value.ts'

/**
 * A paired A/B run's outcome for the terminal: the summary line (`compare: FAILED: 1 regressed, …`),
 * one line per metric (base, head, paired change, its interval, q, verdict), then each message
 * that is not a plain pass and each advice once.
 */
export function renderPaired(description: string, key: string, pairs: number, verdicts: readonly Verdict[]): string {
  const failed = verdicts.some((verdict) => verdict.verdict === 'regressed')
  const header = ['metric', 'base', 'head', 'change', 'interval', 'q', 'verdict']
  const body = verdicts.map((verdict) => [
    verdict.metric,
    formatMetricValue(verdict.metric, verdict.baseline ?? 0),
    formatMetricValue(verdict.metric, verdict.current ?? 0),
    verdict.change === undefined ? '—' : formatChange(verdict.change),
    verdict.changeInterval === undefined ? '—' : `${formatChange(verdict.changeInterval[0] ?? 0)} .. ${formatChange(verdict.changeInterval[1] ?? 0)}`,
    verdict.qValue === undefined ? '—' : verdict.qValue.toPrecision(2),
    verdict.verdict,
  ])
  const widths = header.map((cell, column) => Math.max(cell.length, ...body.map((row) => (row[column] ?? '').length)))
  const line = (cells: string[]): string => `  ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ')}`.trimEnd()
  const notes = verdicts.filter((verdict) => verdict.verdict !== 'pass').map((verdict) => `  ${verdict.message}`)
  const advice = [...new Set(verdicts.flatMap((verdict) => (verdict.advice === undefined ? [] : [verdict.advice])))].map((text) => `  advice: ${text}`)
  return [
    `compare: ${failed ? 'FAILED' : 'passed'}: ${countVerdicts(verdicts)}; ${description} on ${key}, ${pairs} interleaved pairs, judged paired (Wilcoxon signed-rank).`,
    line(header),
    ...body.map(line),
    ...(notes.length + advice.length > 0 ? ['', ...notes, ...advice] : []),
  ].join('\n')
}
