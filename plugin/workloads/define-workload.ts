import type { CWorkloadDefinition, PrebuiltWorkloadDefinition, WorkloadDefinition } from '../types.ts'

/**
 * Declares a workload in `workloads/<name>/workload.ts`: `export const workload = defineWorkload({...})`.
 * With `wasm` it is a prebuilt WASI command module (any language); without, C against wfb.h in `<name>.c`.
 * Returns its argument unchanged; it exists so the definition is type-checked where it is written.
 */
export function defineWorkload(definition: PrebuiltWorkloadDefinition): PrebuiltWorkloadDefinition
export function defineWorkload(definition: CWorkloadDefinition): CWorkloadDefinition
export function defineWorkload(definition: WorkloadDefinition): WorkloadDefinition {
  return definition
}
