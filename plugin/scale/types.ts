/**
 * The scale seam: a host that keeps many live instances of one workload, for density (N resident
 * instances and their memory), bursts (K simultaneous cold starts) and instantiate-only timing.
 * One file per host in fixtures/scale/, one line in its index.
 */
import type { Detection, PreparedWorkload } from '../types.ts'

/** How a scale host holds its instances: many in one host process, or one OS process (or container) each. */
export type ScaleHostMode = 'in-process' | 'process'

/** What `add` did: how long it took and the outputs of the new instances' first run, by output. */
export interface AddedInstances {
  /** How many instances were added. */
  count: number
  /** Wall time from the request to the last new instance having answered, in nanoseconds. */
  elapsedNs: number
  /** Each distinct output (as the instance printed it) with how many instances printed it. */
  outputs: Array<{ stdout: Buffer; count: number }>
}

/** A live host holding instances of one workload. */
export interface ScaleSession {
  /**
   * Starts `count` more instances; each runs the workload once and stays alive (resident).
   * @throws BenchError when an instance could not start or run (the outputs are checked by the caller).
   */
  add: (count: number) => Promise<AddedInstances>
  /** The pids whose memory is the host's: every process of the session (their descendants are added by the reader). */
  pids: () => Promise<number[]>
  /**
   * In-process hosts: `samples` instantiations timed alone (no process start, no compile, no run),
   * each instance then run once, checked and dropped. Nanoseconds per instantiation, with the outputs.
   */
  instantiate?: (samples: number) => Promise<{ samplesNs: number[]; outputs: AddedInstances['outputs'] }>
  /**
   * In-process hosts that support it: `samples` new instances, each one's first call timed alone
   * (`_initialize` when exported, the workload's run, its output read), then checked and dropped.
   * Nanoseconds per first call, with the outputs. What a pre-initialised snapshot saves.
   */
  firstCall?: (samples: number) => Promise<{ samplesNs: number[]; outputs: AddedInstances['outputs'] }>
  /** Stops every instance and process of the session; safe to call twice, also after a failure. */
  close: () => Promise<void>
}

/** One runtime (and configuration) that can hold many live instances. */
export interface ScaleHost {
  /** Registry key and row runtime name (`wasmtime-c-api-pooling`). */
  name: string
  /** One line for tables (`Wasmtime C API, pooling allocator + CoW, InstancePre`). */
  title: string
  mode: ScaleHostMode
  detect: () => Promise<Detection>
  /**
   * Starts the host for `workload` with room for `capacity` live instances (the pooling allocator
   * sizes its pool with it), with no instance yet.
   */
  open: (workload: PreparedWorkload, capacity: number) => Promise<ScaleSession>
}
