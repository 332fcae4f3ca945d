import { BenchError } from '../errors.ts'
import { checkOutput } from '../workloads/check-output.ts'
import type { PreparedWorkload } from '../types.ts'
import type { AddedInstances } from './types.ts'

/**
 * Checks every instance's output: each distinct output a host reports (with how many instances
 * printed it) must be the workload's expected output, and the counts must add up to `expectedCount`.
 * @throws BenchError `wrong-output` for a wrong output, `invocation-failed` when instances are missing.
 */
export function checkInstanceOutputs(prepared: PreparedWorkload, outputs: AddedInstances['outputs'], expectedCount: number, title: string): void {
  let counted = 0
  for (const { stdout, count } of outputs) {
    checkOutput(prepared, { stdout, stderrTail: '', exitCode: 0, signal: null, timedOut: false, usage: { wallNs: 0, cpuUserUs: 0, cpuSysUs: 0, peakRssBytes: 0, warmNs: [] } }, title)
    counted += count
  }
  if (counted !== expectedCount) {
    throw new BenchError('invocation-failed', `\`${title}\` reported ${counted} outputs of \`${prepared.label}\` for ${expectedCount} new instances: some instances did not run. Run the host by hand to see which.`)
  }
}
