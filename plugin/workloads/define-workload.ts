import type { WorkloadDefinition } from '../types.ts'

/**
 * Declares a workload in `workloads/<name>/workload.ts`: `export const workload = defineWorkload({...})`.
 * Returns its argument unchanged; it exists so the definition is type-checked where it is written.
 */
export function defineWorkload(definition: WorkloadDefinition): WorkloadDefinition {
  return definition
}
