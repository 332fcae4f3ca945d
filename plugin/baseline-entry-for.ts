import { inject } from 'vitest'
import type { BaselineEntry } from '../schema/baseline.d.ts'
import type { ResultRow } from '../schema/results.d.ts'
import { planKey } from './plan.ts'

/**
 * Inside a bench test: the stored baseline entry of `row` (same key, runtime version and flags) from
 * this machine's baseline, which the plugin read when the run started; undefined when there is none.
 * For `expect(row).not.toRegress(baselineEntryFor(row))`.
 */
export function baselineEntryFor(row: ResultRow, flags: readonly string[] = []): BaselineEntry | undefined {
  const plan = inject(planKey)
  return plan.baseline?.entries.find((entry) => entry.key === row.key && entry.runtimeVersion === row.runtimeVersion && entry.flags.join('\0') === flags.join('\0'))
}
