import { expect } from 'vitest'
import type { BaselineEntry } from '../../schema/baseline.d.ts'
import type { ResultRow } from '../../schema/results.d.ts'
import { BenchError } from '../errors.ts'
import { resolvePolicy } from './baseline-options.ts'
import { judge } from './judge.ts'
import type { JudgeRow } from './judge-row.ts'
import type { JudgePolicyOverrides } from './policy.ts'

/** A row the matcher accepts: a results row, a baseline entry, or a row with flags. */
export type ComparableRow = ResultRow | BaselineEntry | JudgeRow

declare module 'vitest' {
  // The type parameters must repeat Vitest's declaration exactly for the interfaces to merge.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface Matchers<R extends void | Promise<void> = void | Promise<void>, T = unknown> {
    /**
     * Passes when `received` (a results row) regressed against `baseline` (its baseline entry): the
     * gate's judge on this one row, Benjamini-Hochberg across its metrics. Use it negated:
     * `expect(row).not.toRegress(baselineEntry)`. Needs `registerBaselineMatchers()` (or the setup
     * file plugin/baseline/setup-matchers.ts).
     */
    toRegress: (baseline: ComparableRow | undefined, policy?: JudgePolicyOverrides) => R
  }
}

function asJudgeRow(row: ComparableRow): JudgeRow {
  return { ...row, flags: 'flags' in row ? row.flags : [] }
}

/**
 * The `toRegress` matcher: judges one row against its baseline entry with the gate's policy (or
 * the overrides given) and passes when some metric regressed. The message lists each metric's
 * verdict with its numbers, so a failing `.not.toRegress` says what got slower and by how much.
 */
export function toRegress(received: unknown, baseline: ComparableRow | undefined, overrides?: JudgePolicyOverrides): { pass: boolean; message: () => string } {
  const row = received as ComparableRow
  if (typeof row !== 'object' || row === null || typeof row.key !== 'string' || typeof row.metrics !== 'object') {
    throw new BenchError('invalid-results', 'toRegress expects a results row (`{ key, runtime, runtimeVersion, metrics, … }`), e.g. the `row` a bench test leaves in `task.meta.wfb.row`.')
  }
  if (baseline !== undefined && baseline.key !== row.key) {
    throw new BenchError('invalid-results', `toRegress compares a row with the baseline of the same row; got \`${row.key}\` and \`${baseline.key}\`.`)
  }
  // Both sides are one machine here: the caller chose the baseline.
  const verdicts = judge({ machineId: 'matcher', rows: [asJudgeRow(row)] }, baseline === undefined ? undefined : { machineId: 'matcher', rows: [asJudgeRow(baseline)] }, resolvePolicy(overrides))
  const regressed = verdicts.filter((verdict) => verdict.verdict === 'regressed')
  const lines = verdicts.map((verdict) => `  ${verdict.verdict.padEnd(12)} ${verdict.message}`).join('\n')
  return {
    pass: regressed.length > 0,
    message: () => (regressed.length > 0
      ? `expected ${row.key} not to regress, but ${regressed.map((verdict) => verdict.metric).join(', ')} did:\n${lines}`
      : `expected ${row.key} to regress against its baseline, but no metric did:\n${lines}`),
  }
}

/** Registers `toRegress` with Vitest's `expect` (call once, e.g. in a setup file). */
export function registerBaselineMatchers(): void {
  expect.extend({ toRegress })
}
