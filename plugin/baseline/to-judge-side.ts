import type { BaselineFile } from '../../schema/baseline.d.ts'
import type { ResultsFile } from '../../schema/results.d.ts'
import type { JudgeSide } from './judge-row.ts'

/** A results file as the judge's current side: each row with its runtime's flags and the load it was measured under. */
export function sideOfResults(results: ResultsFile): JudgeSide {
  return {
    machineId: results.machine.id,
    rows: results.rows.map((row) => ({
      ...row,
      flags: results.runtimes.find((runtime) => runtime.name === row.runtime)?.flags ?? [],
    })),
  }
}

/** A baseline file as the judge's baseline side. */
export function sideOfBaseline(baseline: BaselineFile): JudgeSide {
  return { machineId: baseline.machine.id, rows: baseline.entries }
}
