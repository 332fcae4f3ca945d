import type { BaselineFile } from '../schema/baseline.d.ts'
import type { MachineFingerprint, RuntimeInfo, ServerInfo } from '../schema/results.d.ts'
import type { LoadGeneratorDetection } from './http/load-generator.ts'
import type { ResolvedOptions } from './options.ts'
import type { WorkloadParams } from './types.ts'
import type { RowIdentity } from './harness/row-recorder.ts'
import type { PairedComparison, ResultRow } from '../schema/results.d.ts'

/** What the main process decides once and hands to every bench worker (`project.provide('wfb:plan', …)`). */
export interface BenchPlan {
  options: ResolvedOptions
  runtimes: RuntimeInfo[]
  /** Selected HTTP servers (fixtures/servers/) and what detection found; empty when none is selected. */
  servers: ServerInfo[]
  /** The HTTP load generator (hey) as found here; the server rows need it. */
  loadGenerator: LoadGeneratorDetection
  /** Absolute paths of the project's runtime modules (`runtimeModules`), imported again by each worker. */
  runtimeModulePaths: string[]
  /** Folders the workloads were loaded from: the built-in one, then the project's (`workloadsDir`). */
  workloadDirs: string[]
  /** Selected workloads with their resolved parameters. */
  workloads: Array<{ name: string; params: WorkloadParams }>
  machine: MachineFingerprint
  /** The stored baseline of this machine, read and validated once (bench tests screen each row against it). */
  baseline?: BaselineFile
  /** This run records the baseline (`vitest bench -u` or WFB_UPDATE_BASELINE=1) instead of judging against it. */
  recordBaseline: boolean
}

/** What a bench test leaves in `task.meta.wfb` for the results reporter. */
export interface CellMeta {
  identity: RowIdentity
  row?: ResultRow
  /** Why the cell was not measured; `params` for HTTP cells, whose skips differ by parameters (keep-alive). */
  skipped?: { reason: string; install: string; params?: Record<string, number> }
  /** A paired A/B comparison (`benchPaired()`), judged inside the bench test. */
  paired?: PairedComparison
}

declare module 'vitest' {
  interface ProvidedContext {
    'wfb:plan': BenchPlan
  }
  interface TaskMeta {
    wfb?: CellMeta
  }
}

/** The key under which the plan is provided to workers. */
export const planKey = 'wfb:plan'
