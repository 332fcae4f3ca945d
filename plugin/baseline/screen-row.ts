import { setTimeout as delay } from 'node:timers/promises'
import type { BaselineFile } from '../../schema/baseline.d.ts'
import type { ResultRow, Verdict, Warning } from '../../schema/results.d.ts'
import { formatChange } from './format-change.ts'
import { judge } from './judge.ts'
import type { JudgePolicy } from './policy.ts'
import { sideOfBaseline } from './to-judge-side.ts'

/** How long a bench test waits before measuring a suspect row again: long enough for a burst of other work to pass. Milliseconds. */
export const confirmPauseMs = 3_000

/** How many times a suspect row is measured again at most: once to confirm, once more if the machine was busy meanwhile. */
export const maxConfirmations = 2

/**
 * Screens one freshly measured row against the stored baseline, right inside its bench test, and
 * returns the metrics that look regressed. Liberal on purpose: every metric compares absolutely
 * (the reference row of this run may not be measured yet), Benjamini-Hochberg spans only this row,
 * and other load is ignored (a slower row on a busy machine is worth a second look too).
 */
export function screenRow(row: ResultRow, flags: readonly string[], baseline: BaselineFile | undefined, machineId: string, policy: JudgePolicy): Verdict[] {
  if (baseline === undefined) return []
  const liberal: JudgePolicy = {
    ...policy,
    maxOtherLoadCores: Number.POSITIVE_INFINITY,
    metrics: Object.fromEntries(Object.entries(policy.metrics).map(([name, metric]) => [name, { ...metric, reference: 'never' }])),
  }
  return judge({ machineId, rows: [{ ...row, flags }] }, sideOfBaseline(baseline), liberal).filter((verdict) => verdict.verdict === 'regressed')
}

/**
 * A regression must show in two measurements of a row, so that a passing burst of other load cannot
 * fail the run alone: a suspect row (see `screenRow`) is measured again `confirmPauseMs` later, and
 * once more if it still looks regressed but the machine was busy during the second measurement
 * (other load above `maxOtherLoadCores`). The last measurement is returned, carrying a `remeasured`
 * warning; the gate then judges it like any row.
 */
export async function confirmRow(first: ResultRow, options: {
  screen: (row: ResultRow) => Verdict[]
  measureAgain: () => Promise<ResultRow>
  maxOtherLoadCores: number
  pauseMs?: number
}): Promise<ResultRow> {
  const firstSuspects = options.screen(first)
  let row = first
  let suspects = firstSuspects
  for (let attempt = 0; suspects.length > 0 && attempt < maxConfirmations; attempt++) {
    if (attempt > 0 && !((row.otherLoadCores ?? 0) > options.maxOtherLoadCores)) break
    await delay(options.pauseMs ?? confirmPauseMs)
    row = await options.measureAgain()
    suspects = options.screen(row)
  }
  if (row !== first) row.warnings.push(remeasuredWarning(firstSuspects))
  return row
}

/** The `remeasured` warning a confirmed row carries: which metrics looked regressed in the first measurement. */
export function remeasuredWarning(suspects: readonly Verdict[]): Warning {
  const list = suspects.map((verdict) => `${verdict.metric} ${verdict.change === undefined ? '' : formatChange(verdict.change)}`.trim()).join(', ')
  return {
    code: 'remeasured',
    metric: suspects[0]?.metric ?? '',
    message: `The first measurement looked regressed against the baseline (${list}); the row was measured again and these are the second measurement's numbers.`,
    advice: 'A regression that shows in both measurements is reported; one that vanished was a burst of other load. Frequent re-measurements mean a noisy machine: see `npx wasm-faas-bench self-check`.',
  }
}
