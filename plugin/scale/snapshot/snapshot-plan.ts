import type { SnapshotPlan } from '../run-scale.ts'
import { detectWizer } from '../wizer-tool.ts'
import type { RuntimeAdapter } from '../../types.ts'
import { buildPrimeTable } from './prime-table.ts'

/** How the snapshot part of `scale` is measured: its sample counts. */
export interface SnapshotPlanOptions {
  /** Which prime the workload prints (its parameter `k`). */
  k: number
  /** Instantiations and first calls per host and build. */
  samples: number
  /** Whole-process cold starts per runtime and build. */
  coldStartRuns: number
  /** The runtimes whose whole-process cold start is measured (`wasmtime`, `wasmtime-precompiled` of the registry). */
  coldStartRuntimes: readonly RuntimeAdapter[]
}

/**
 * The snapshot part of `scale`: the `prime-table` workload, plain and pre-initialised by Wizer, in
 * the in-process hosts that time a first call (Wasmtime C API, V8) and as whole processes on
 * Wasmtime's CLI (JIT with its cache off, and a module compiled ahead of time, which leaves
 * start-up and initialisation). Unavailable, with the fix, when Wizer is not installed.
 * @throws BenchError `build-failed` when clang or Wizer fails on the workload.
 */
export async function prepareSnapshotPlan(options: SnapshotPlanOptions): Promise<SnapshotPlan> {
  const wizer = await detectWizer()
  if (wizer.tool === undefined) return { unavailable: wizer.reason ?? 'Wizer is not installed', install: wizer.install, workloadName: 'prime-table' }
  return {
    pair: await buildPrimeTable(wizer.tool, options.k),
    coldStartRuntimes: options.coldStartRuntimes,
    samples: options.samples,
    coldStartRuns: options.coldStartRuns,
  }
}
