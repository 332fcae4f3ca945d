import type { ClaimVerdict } from '../claims/judge-claim.ts'
import { renderClaimsMarkdown } from '../claims/render-claims.ts'
import { formatChange, formatConfidence, readComparison, sortByVerdict, verdictOrder, type ComparisonView } from './read-comparison.ts'
import { groupSkips } from './group-skips.ts'
import { cellLabel, describeInjectedSlowdown, describeMachine, describeSetup, formatUtcMinute, workloadLabel, type ReportRun } from './report-model.ts'
import { coldSampleCount, concurrencyCell, formatStatisticCell, formatSummaryCell, isHttpRow, isInvocationRow, summaryColumnsFor } from './summary-columns.ts'

/**
 * A Markdown summary of the runs for a CI step summary (GitHub's `$GITHUB_STEP_SUMMARY`): a headline
 * with counts, the verdicts against the baseline first (only those that are not `pass` listed one by
 * one), failures, then one compact table per run (median ±IQR/median), HTTP rows when there are
 * any, the published claims held against the runs (when `claims` are given: see plugin/claims/),
 * and skipped rows and warnings folded away.
 */
export function renderMarkdownSummary(runs: readonly ReportRun[], options: { claims?: readonly ClaimVerdict[] } = {}): string {
  const rows = runs.reduce((sum, run) => sum + run.results.rows.length, 0)
  const failed = runs.flatMap((run) => run.results.failed.map((failure) => ({ run, failure })))
  const skipped = runs.flatMap((run) => run.results.skipped.map((skip) => ({ run, skip })))
  const multi = runs.length > 1
  const prefix = (run: ReportRun): string => (multi ? `${run.id}: ` : '')
  const lines = [`## wasm-faas-bench: ${rows} ${rows === 1 ? 'row' : 'rows'} measured, ${failed.length} failed, ${skipped.length} skipped`, '']

  const comparisons = runs.flatMap((run) => {
    const comparison = readComparison(run.results)
    return comparison === undefined ? [] : [{ run, comparison }]
  })
  if (comparisons.length === 0) lines.push('Verdicts: none, these results carry no baseline comparison.', '')
  for (const { run, comparison } of comparisons) lines.push(...renderVerdicts(comparison, multi ? run.id : undefined))

  if (failed.length > 0) {
    lines.push(`**Failed (${failed.length})**`, '')
    for (const { run, failure } of failed) lines.push(`- ${prefix(run)}${escapeCell(`${workloadLabel(failure)} ${cellLabel(failure)}`)}: ${escapeCell(failure.error.split('\n')[0] ?? '')}`)
    lines.push('')
  }

  for (const run of runs) {
    const { results } = run
    lines.push(`### ${multi ? `${run.label}: ` : ''}${describeMachine(results.machine)}, ${formatUtcMinute(results.createdAt)}`, '')
    const injected = describeInjectedSlowdown(results)
    if (injected !== undefined) lines.push(`**Slowdown injected to test the regression gate: ${escapeCell(injected)}.** These are not the runtimes' own numbers.`, '')
    if (results.rows.length === 0) {
      lines.push('No row was measured.', '')
      continue
    }
    const invocationRows = results.rows.filter(isInvocationRow)
    if (invocationRows.length > 0) {
      const summaryColumns = summaryColumnsFor('markdown')
      lines.push(
        `| workload | runtime | ${summaryColumns.map((column) => column.header).join(' | ')} | n |`,
        `|---|---|${summaryColumns.map(() => '---:').join('|')}|---:|`,
        ...invocationRows.map((row) => `| ${escapeCell(workloadLabel(row))} | ${escapeCell(cellLabel(row))} | ${summaryColumns.map((column) => formatSummaryCell(row, column)).join(' | ')} | ${coldSampleCount(row)} |`),
        '',
      )
    }
    lines.push(...renderHttp(run))
  }
  lines.push('Median ±interquartile range as a share of the median; cold = a new process or instance per invocation, warm = one call inside a live instance.', '')
  lines.push(...renderClaimsMarkdown(options.claims ?? []))

  if (skipped.length > 0) {
    lines.push(`<details><summary>Skipped (${skipped.length})</summary>`, '')
    for (const run of runs) {
      for (const group of groupSkips(run.results.skipped)) {
        lines.push(`- ${prefix(run)}${escapeCell(`${group.runtimes.join(', ')} (${group.cells} ${group.cells === 1 ? 'cell' : 'cells'})`)}: ${escapeCell(group.reason)}. Install: \`${group.install}\``)
      }
    }
    lines.push('', '</details>', '')
  }
  const warnings = countWarnings(runs)
  if (warnings.length > 0) {
    lines.push(`<details><summary>Measurement warnings (${warnings.reduce((sum, warning) => sum + warning.count, 0)})</summary>`, '')
    for (const warning of warnings) lines.push(`- \`${warning.code}\` × ${warning.count} (${warning.metrics.join(', ')}): ${warning.advice}`)
    lines.push('', '</details>', '')
  }
  lines.push(...describeSetup(runs).map((line) => `<sub>${escapeCell(line)}</sub>`), '')
  return lines.join('\n')
}

function renderVerdicts(comparison: ComparisonView, runId: string | undefined): string[] {
  const counts = verdictOrder
    .map((verdict) => ({ verdict, count: comparison.entries.filter((entry) => entry.verdict === verdict).length }))
    .filter(({ count }) => count > 0)
    .map(({ verdict, count }) => `${count} ${verdict === 'regressed' ? '**regressed**' : verdict}`)
  const others = comparison.entries.filter((entry) => !(verdictOrder as readonly string[]).includes(entry.verdict)).length
  if (others > 0) counts.push(`${others} other`)
  const against = comparison.baseline === undefined ? '' : ` against \`${comparison.baseline}\``
  const overall = comparison.verdict === undefined ? '' : ` **${comparison.verdict}**,`
  const lines = [`**Verdicts**${runId === undefined ? '' : ` (${runId})`}${against}:${overall} ${counts.length === 0 ? 'no rows compared' : counts.join(' · ')}`, '']
  if (comparison.summary !== undefined) lines.push(escapeCell(comparison.summary), '')
  const notPassing = sortByVerdict(comparison.entries).filter((entry) => entry.verdict !== 'pass')
  const perMetric = notPassing.filter((entry) => !perRowVerdicts.has(entry.verdict))
  const perRow = groupByRow(notPassing.filter((entry) => perRowVerdicts.has(entry.verdict)))
  if (perMetric.length + perRow.length > 0) {
    lines.push('| verdict | row | metric | change | confidence | detail |', '|---|---|---|---:|---|---|')
    for (const entry of perMetric) {
      const verdict = entry.verdict === 'regressed' ? '**regressed**' : escapeCell(entry.verdict)
      lines.push(`| ${verdict} | \`${entry.key}\` | ${escapeCell(entry.metric)} | ${entry.change === undefined ? '—' : formatChange(entry.change)} | ${escapeCell(formatConfidence(entry))} | ${escapeCell(entry.reason ?? '')} |`)
    }
    for (const group of perRow.slice(0, maxPerRowLines)) {
      lines.push(`| ${escapeCell(group.verdict)} | \`${group.key}\` | ${group.metrics} metric${group.metrics === 1 ? '' : 's'} | — | — | ${escapeCell(group.reason)} |`)
    }
    if (perRow.length > maxPerRowLines) lines.push(`| … | ${perRow.length - maxPerRowLines} more rows | | | | |`)
    lines.push('')
  }
  return lines
}

// Verdicts that say the same for every metric of a row: one line per row, at most this many rows.
const perRowVerdicts = new Set(['no-baseline', 'incomparable'])
const maxPerRowLines = 10

function groupByRow(entries: ComparisonView['entries']): { verdict: string; key: string; metrics: number; reason: string }[] {
  const groups = new Map<string, { verdict: string; key: string; metrics: number; reason: string }>()
  for (const entry of entries) {
    const id = `${entry.verdict}\0${entry.key}`
    const group = groups.get(id)
    if (group === undefined) groups.set(id, { verdict: entry.verdict, key: entry.key, metrics: 1, reason: entry.reason ?? '' })
    else group.metrics += 1
  }
  return [...groups.values()]
}

function renderHttp(run: ReportRun): string[] {
  const rows = run.results.rows.filter(isHttpRow)
  if (rows.length === 0) return []
  const columns = summaryColumnsFor('markdown-http')
  return [
    `| HTTP workload | runtime | concurrency | ${columns.map((column) => column.header).join(' | ')} |`,
    `|---|---|---:|${columns.map(() => '---:').join('|')}|`,
    ...rows.map((row) => `| ${escapeCell(row.workload)} | ${escapeCell(cellLabel(row))} | ${concurrencyCell(row)} | ${columns.map((column) => formatStatisticCell(row, column)).join(' | ')} |`),
    '',
  ]
}

function countWarnings(runs: readonly ReportRun[]): Array<{ code: string; count: number; metrics: string[]; advice: string }> {
  const byCode = new Map<string, { code: string; count: number; metrics: string[]; advice: string }>()
  for (const warning of runs.flatMap((run) => run.results.rows.flatMap((row) => row.warnings))) {
    const group = byCode.get(warning.code) ?? { code: warning.code, count: 0, metrics: [], advice: warning.advice }
    group.count++
    if (!group.metrics.includes(warning.metric)) group.metrics.push(warning.metric)
    byCode.set(warning.code, group)
  }
  return [...byCode.values()]
}

/** Text safe inside a Markdown table cell: no pipe ends the cell, no newline ends the row, no `<…>` reads as HTML. */
function escapeCell(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('|', '\\|').replaceAll(/\r?\n/g, ' ')
}
