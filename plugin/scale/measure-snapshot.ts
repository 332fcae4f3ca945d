/**
 * Pre-initialised snapshots against a plain start: the same workload built plainly and pre-initialised
 * by Wizer (the nearest analogue of Faasm's Proto-Faaslets). Inside an embedder, instantiate-only
 * time and the first call of a new instance (which in the plain build does the workload's
 * initialisation); as whole processes, the cold start of a process-per-call runtime through the
 * measurement launcher. Every output is checked; every session and instance is closed.
 */
import type { ResultRow } from '../../schema/results.d.ts'
import { checkOutput } from '../workloads/check-output.ts'
import { summarise } from '../stats/summarise.ts'
import type { PreparedWorkload, RuntimeAdapter } from '../types.ts'
import { checkInstanceOutputs } from './check-instance-outputs.ts'
import { makeScaleRow, scaleMetrics, type ScaleRowHost } from './scale-rows.ts'
import type { ScaleHost, ScaleSession } from './types.ts'

/** The two builds of one workload: `snapshot` is `plain` pre-initialised (their params differ in `snapshot`: 0 or 1). */
export interface SnapshotPair {
  plain: PreparedWorkload
  snapshot: PreparedWorkload
}

/**
 * In a live host: `samples` instantiations timed alone, then `samples` first calls of new instances
 * timed alone. Undefined when the host cannot time a first call (its session has no `firstCall`).
 */
export async function measureFirstCall(host: ScaleHost, workload: PreparedWorkload, samples: number, onSession?: (session: ScaleSession) => void): Promise<{ instantiateNs: number[]; firstCallNs: number[] } | undefined> {
  const session = await host.open(workload, 1)
  onSession?.(session)
  try {
    if (session.instantiate === undefined || session.firstCall === undefined) return undefined
    const instantiated = await session.instantiate(samples)
    checkInstanceOutputs(workload, instantiated.outputs, samples, host.title)
    const called = await session.firstCall(samples)
    checkInstanceOutputs(workload, called.outputs, samples, host.title)
    return { instantiateNs: instantiated.samplesNs, firstCallNs: called.samplesNs }
  } finally {
    await session.close()
  }
}

/** One row of mode `instantiate` with `instantiateMs` and `firstCallMs`, for one build. */
export function firstCallRow(host: ScaleRowHost, workload: PreparedWorkload, measured: { instantiateNs: number[]; firstCallNs: number[] }): ResultRow {
  return makeScaleRow(host, 'instantiate', workload, {}, {
    [scaleMetrics.instantiate]: summarise(measured.instantiateNs.map((ns) => ns / 1e6)),
    [scaleMetrics.firstCall]: summarise(measured.firstCallNs.map((ns) => ns / 1e6)),
  })
}

/**
 * Whole-process cold starts of `workload` on a process-per-call runtime: `runs` processes in one
 * series under the measurement launcher, each output checked. A row of mode `process` with
 * `coldStartMs` (spawn to exit) and `peakRssBytes`.
 */
export async function measureSnapshotColdStart(runtime: RuntimeAdapter, version: string, workload: PreparedWorkload, runs: number, timeoutMs: number): Promise<ResultRow> {
  const instance = await runtime.start(workload, 'process')
  try {
    const results = await instance.invokeSeries({ warmRepeats: 0, timeoutMs }, runs)
    for (const result of results) checkOutput(workload, result, runtime.title)
    return makeScaleRow({ name: runtime.name, version }, 'process', workload, {}, {
      coldStartMs: summarise(results.map((result) => result.usage.wallNs / 1e6)),
      peakRssBytes: summarise(results.map((result) => result.usage.peakRssBytes)),
    })
  } finally {
    await instance.close()
  }
}
