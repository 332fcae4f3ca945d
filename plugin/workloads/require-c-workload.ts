import { BenchError } from '../errors.ts'
import type { CWorkload, Workload } from '../types.ts'

/**
 * The workload as a C workload, for what builds from its C source (native and HTTP server builds,
 * Sledge, Faasm). Runtimes and servers skip prebuilt workloads before they get here.
 * @throws BenchError `invalid-workload` naming what needs the source, when the workload is a prebuilt module.
 */
export function requireCWorkload(workload: Workload, needs: string): CWorkload {
  if (workload.kind === 'c') return workload
  throw new BenchError(
    'invalid-workload',
    `${needs} from C source against workloads/common/wfb.h, but \`${workload.name}\` is a prebuilt module (\`${workload.wasm}\`). Skip this runtime for it, or write the workload in C (docs/workloads.md).`,
  )
}
