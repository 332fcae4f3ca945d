import type { BaselineFile } from '../../schema/baseline.d.ts'
import type { MachineFingerprint, ResultsFile } from '../../schema/results.d.ts'
import { classOf } from '../machine-class.ts'
import type { JudgeSide } from './judge-row.ts'

/** `Intel Xeon®, 2 cores`: what two sides must share to be compared at all. */
export function hardwareOf(machine: MachineFingerprint): string {
  return `${machine.cpu.model}, ${machine.cpu.cores} cores`
}

/** A results file as the judge's current side: each row with its runtime's flags and the load it was measured under. */
export function sideOfResults(results: ResultsFile): JudgeSide {
  return {
    machineId: classOf(results.machine).id,
    hardware: hardwareOf(results.machine),
    machine: results.machine.id,
    rows: results.rows.map((row) => ({
      ...row,
      flags: results.runtimes.find((runtime) => runtime.name === row.runtime)?.flags ?? [],
    })),
  }
}

/** A baseline file as the judge's baseline side. */
export function sideOfBaseline(baseline: BaselineFile): JudgeSide {
  return { machineId: classOf(baseline.machine).id, hardware: hardwareOf(baseline.machine), machine: baseline.machine.id, rows: baseline.entries }
}
