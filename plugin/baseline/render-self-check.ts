import type { InjectedSlowdown } from '../workloads/inject-slowdown.ts'
import type { SelfCheckReport } from './evaluate-self-check.ts'
import { formatChange, formatPercent } from './format-change.ts'
import type { JudgePolicy } from './policy.ts'

/** What the self-check ran, for its report header. */
export interface SelfCheckSetup {
  machine: string
  slowdown: InjectedSlowdown
  rows: number
  minutes: number
}

function describeSlowdown(slowdown: InjectedSlowdown): string {
  return `\`${slowdown.workload}\`${slowdown.runtime === undefined ? '' : ` on ${slowdown.runtime}`} ${slowdown.percent}% slower (WFB_INJECT_SLOWDOWN=${slowdown.workload}${slowdown.runtime === undefined ? '' : `@${slowdown.runtime}`}:${slowdown.percent})`
}

/**
 * The self-check's findings as text: false alarms of the A/A runs, detections of the injected
 * slowdown, and per metric the slowdown each metric actually saw, its detection and false-alarm
 * counts and the smallest change the gate can catch (never below the metric's minimum effect).
 */
export function renderSelfCheck(report: SelfCheckReport, setup: SelfCheckSetup, policy: JudgePolicy): string {
  const header = ['metric', 'rows', 'slowdown seen', 'detected', 'false alarms', 'smallest catchable change: best row', '(typical row)']
  const body = report.metrics.map((metric) => {
    const floor = policy.metrics[metric.metric]?.minEffect ?? 0
    const detectable = metric.exact
      ? [`${formatPercent(floor)} (exact threshold)`, '']
      : metric.detectable === undefined
        ? ['—', '']
        : [`${formatPercent(Math.max(floor, metric.detectable.best))} ${metric.detectable.bestRow}`, `(${formatPercent(Math.max(floor, metric.detectable.typical))})`]
    return [
      metric.metric,
      String(metric.rows),
      metric.measuredEffect === undefined ? '—' : formatChange(metric.measuredEffect),
      `${metric.detected}/${report.injectedRuns}`,
      `${metric.falseAlarms}/${report.aaRuns}`,
      ...detectable,
    ]
  })
  const widths = header.map((cell, column) => Math.max(cell.length, ...body.map((row) => (row[column] ?? '').length)))
  const line = (cells: string[]): string => `  ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ')}`.trimEnd()
  const lines = [
    `self-check on ${setup.machine}: ${report.aaRuns} A/A runs and ${report.injectedRuns} runs with ${describeSlowdown(setup.slowdown)}, ${setup.rows} rows each, ${setup.minutes.toFixed(0)} min.`,
    '',
    `false alarms: ${report.aaRunsWithRegression} of ${report.aaRuns} A/A runs had a regressed verdict.`,
    `detection:    ${report.injectedRunsDetected} of ${report.injectedRuns} slowed runs were flagged on a slowed row; ${report.injectedRunsWithWrongRow} flagged a row that was not slowed.`,
    '',
    line(header),
    ...body.map(line),
    '',
    '`slowdown seen` is what the injected extra compute did to each metric of the slowed rows (median over runs): compute-bound',
    'metrics see about the injected percentage, whole-process metrics only its share of the invocation.',
    `\`smallest catchable change\` is the change a comparison detects 80% of the time at the gate's level (false discovery rate ${policy.falseDiscoveryRate} across the run),`,
    'from the samples\' spread and this machine\'s run-to-run noise, and never below the metric\'s minimum effect: smaller changes are',
    'reported as pass or inconclusive, not as regressions.',
  ]
  for (const alarm of report.falseAlarmVerdicts) lines.push(`  false alarm: ${alarm.key}: ${alarm.message}`)
  return lines.join('\n')
}
