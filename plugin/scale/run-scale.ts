/**
 * A whole scale run: for each host, density (growing to each N within the memory budget), bursts
 * (K simultaneous cold starts) and instantiate-only timing, as one results file. A host that fails
 * becomes a failed row and the others go on; an unavailable one is a skipped row with its fix.
 * Every session is closed when its measurement ends, and `closeAll` closes whatever is open (Ctrl-C).
 */
import type { FailedRow, ResultRow, ResultsFile, RuntimeInfo, SkippedRow } from '../../schema/results.d.ts'
import { readMachineFingerprint } from '../machine-fingerprint.ts'
import { toolVersion } from '../tool-version.ts'
import type { PreparedWorkload, RuntimeAdapter } from '../types.ts'
import { measureBurst, measureInstantiate } from './measure-burst.ts'
import { measureDensity, type DensityStop } from './measure-density.ts'
import { firstCallRow, measureFirstCall, measureSnapshotColdStart, type SnapshotPair } from './measure-snapshot.ts'
import { burstRow, densityRows, instantiateRow } from './scale-rows.ts'
import type { ScaleHost, ScaleSession } from './types.ts'

/**
 * The snapshot part: a workload whose initialisation does real work, built plainly and
 * pre-initialised, the process-per-call runtimes that cold-start both, and how many samples; or why
 * it cannot run here (Wizer missing) and how to fix that.
 */
export type SnapshotPlan =
  | { pair: SnapshotPair; coldStartRuntimes: readonly RuntimeAdapter[]; samples: number; coldStartRuns: number }
  | { unavailable: string; install: string; workloadName: string }

/** A part of a scale run. */
export type ScalePart = 'density' | 'burst' | 'instantiate' | 'snapshot'

/** What to measure. */
export interface ScaleRunOptions {
  parts: readonly ScalePart[]
  instanceSteps: readonly number[]
  /** Process-per-instance hosts stop at this N (their kernel memory per instance is not in PSS). */
  maxProcessInstances: number
  memoryBudgetBytes: number
  burstSizes: readonly number[]
  burstRepeats: number
  instantiateSamples: number
  timeoutMs: number
  /** Needed when `parts` has `snapshot`. */
  snapshot?: SnapshotPlan
  /** Progress lines (stderr). */
  log: (line: string) => void
}

/** Sessions open right now, so that a signal handler can close them. */
const openSessions = new Set<ScaleSession>()

function track(session: ScaleSession): void {
  openSessions.add(session)
  const close = session.close
  session.close = async () => {
    openSessions.delete(session)
    await close()
  }
}

/** Closes every session still open (for Ctrl-C and SIGTERM handlers). */
export async function closeAllScaleSessions(): Promise<void> {
  await Promise.allSettled([...openSessions].map((session) => session.close()))
}

function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0
}

/** The snapshot part's whole-process cold starts (plain and snapshot build on each process-per-call runtime). */
async function runSnapshotColdStarts(options: ScaleRunOptions, runtimes: RuntimeInfo[], rows: ResultRow[], skipped: SkippedRow[], failed: FailedRow[]): Promise<void> {
  const plan = options.snapshot
  if (plan === undefined) return
  if (!('pair' in plan)) {
    options.log(`snapshot: skipped (${plan.unavailable})`)
    skipped.push({ runtime: 'wizer', workload: plan.workloadName, mode: 'instantiate', reason: plan.unavailable, install: plan.install })
    return
  }
  for (const runtime of plan.coldStartRuntimes) {
    const detection = await runtime.detect()
    if (!runtimes.some((info) => info.name === runtime.name)) {
      runtimes.push({ name: runtime.name, title: runtime.title, modes: ['process'], available: detection.available, install: detection.install, ...(detection.version === undefined ? {} : { version: detection.version }), ...(detection.path === undefined ? {} : { path: detection.path }), ...(detection.reason === undefined ? {} : { reason: detection.reason }) })
    }
    for (const build of [plan.pair.plain, plan.pair.snapshot]) {
      if (!detection.available) {
        skipped.push({ runtime: runtime.name, workload: build.workload.name, mode: 'process', params: build.params, reason: detection.reason ?? 'unavailable', install: detection.install })
        continue
      }
      try {
        const row = await measureSnapshotColdStart(runtime, detection.version ?? 'unknown', build, plan.coldStartRuns, options.timeoutMs)
        rows.push(row)
        const cold = row.metrics.coldStartMs
        options.log(`${runtime.name} ${build.label}: cold start median ${cold !== undefined && 'median' in cold ? cold.median.toFixed(2) : '?'} ms`)
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        options.log(`${runtime.name} ${build.label}: failed: ${message}`)
        failed.push({ runtime: runtime.name, workload: build.workload.name, mode: 'process', params: build.params, error: message })
      }
    }
  }
}

/** Runs the scale measurements of `hosts` on `workload` and returns the results file. */
export async function runScale(hosts: readonly ScaleHost[], workload: PreparedWorkload, options: ScaleRunOptions): Promise<{ results: ResultsFile; stops: DensityStop[] }> {
  const createdAt = new Date().toISOString()
  const machine = await readMachineFingerprint()
  const runtimes: RuntimeInfo[] = []
  const rows: ResultRow[] = []
  const skipped: SkippedRow[] = []
  const failed: FailedRow[] = []
  const stops: DensityStop[] = []
  for (const host of hosts) {
    const detection = await host.detect()
    runtimes.push({ name: host.name, title: host.title, modes: [host.mode], available: detection.available, install: detection.install, ...(detection.version === undefined ? {} : { version: detection.version }), ...(detection.path === undefined ? {} : { path: detection.path }), ...(detection.flags === undefined ? {} : { flags: detection.flags }), ...(detection.reason === undefined ? {} : { reason: detection.reason }) })
    if (!detection.available) {
      for (const part of options.parts) skipped.push({ runtime: host.name, workload: workload.workload.name, mode: part === 'snapshot' ? 'instantiate' : part, reason: detection.reason ?? 'unavailable', install: detection.install })
      options.log(`${host.name}: skipped (${detection.reason ?? 'unavailable'})`)
      continue
    }
    const version = detection.version ?? 'unknown'
    const rowHost = { name: host.name, version }
    const attempt = async (mode: 'density' | 'burst' | 'instantiate', params: Record<string, number>, measure: () => Promise<void>, measured: PreparedWorkload = workload): Promise<void> => {
      try {
        await measure()
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        options.log(`${host.name} ${mode}: failed: ${message}`)
        failed.push({ runtime: host.name, workload: measured.workload.name, mode, params: { ...measured.params, ...params }, error: message })
      }
    }
    if (options.parts.includes('density')) {
      const steps = host.mode === 'process' ? options.instanceSteps.filter((n) => n <= options.maxProcessInstances) : options.instanceSteps
      await attempt('density', {}, async () => {
        const outcome = await measureDensity(host, workload, { steps, memoryBudgetBytes: options.memoryBudgetBytes, onSession: track })
        rows.push(...densityRows(rowHost, workload, outcome))
        for (const point of outcome.points) options.log(`${host.name} density N=${point.instances}: ${(point.perInstancePssBytes / 1024).toFixed(1)} KiB PSS per instance, ${(point.totalPssBytes / 2 ** 20).toFixed(1)} MiB total, all ready in ${point.allReadyMs.toFixed(1)} ms`)
        if (outcome.failure !== undefined) {
          options.log(`${host.name} density: failed growing to N = ${outcome.failure.instances}: ${outcome.failure.error.message}`)
          failed.push({ runtime: host.name, workload: workload.workload.name, mode: 'density', params: { ...workload.params, instances: outcome.failure.instances }, error: outcome.failure.error.message })
        }
        if (outcome.stoppedBy !== undefined) {
          stops.push(outcome.stoppedBy)
          options.log(outcome.stoppedBy.message)
        }
      })
    }
    if (options.parts.includes('burst')) {
      for (const burst of options.burstSizes) {
        await attempt('burst', { burst }, async () => {
          const allCorrectMs = await measureBurst(host, workload, burst, options.burstRepeats, track)
          rows.push(burstRow(rowHost, workload, burst, allCorrectMs))
          options.log(`${host.name} burst K=${burst}: all correct in ${allCorrectMs.map((ms) => ms.toFixed(1)).join(', ')} ms`)
        })
      }
    }
    if (options.parts.includes('instantiate') && host.mode === 'in-process') {
      await attempt('instantiate', {}, async () => {
        const samplesNs = await measureInstantiate(host, workload, options.instantiateSamples, track)
        if (samplesNs === undefined) return
        rows.push(instantiateRow(rowHost, workload, samplesNs))
        const sorted = [...samplesNs].sort((a, b) => a - b)
        options.log(`${host.name} instantiate-only: median ${((sorted[Math.floor(sorted.length / 2)] ?? 0) / 1000).toFixed(1)} µs`)
      })
    }
    const plan = options.snapshot
    if (options.parts.includes('snapshot') && host.mode === 'in-process' && plan !== undefined && 'pair' in plan) {
      for (const build of [plan.pair.plain, plan.pair.snapshot]) {
        await attempt('instantiate', build.params, async () => {
          const measured = await measureFirstCall(host, build, plan.samples, track)
          if (measured === undefined) return
          rows.push(firstCallRow(rowHost, build, measured))
          options.log(`${host.name} ${build.label}: instantiate median ${(median(measured.instantiateNs) / 1000).toFixed(1)} µs, first call median ${(median(measured.firstCallNs) / 1000).toFixed(1)} µs`)
        }, build)
      }
    }
  }
  if (options.parts.includes('snapshot')) await runSnapshotColdStarts(options, runtimes, rows, skipped, failed)
  const results: ResultsFile = {
    schemaVersion: 1,
    tool: { name: 'wasm-faas-bench', version: toolVersion },
    createdAt,
    command: process.argv.slice(1),
    machine,
    options: {
      coldSamples: options.burstRepeats,
      warmupRuns: 0,
      warmBatches: 0,
      warmRepeats: 0,
      timeoutMs: options.timeoutMs,
      scale: { instanceSteps: [...options.instanceSteps], memoryBudgetBytes: options.memoryBudgetBytes, burstSizes: [...options.burstSizes], burstRepeats: options.burstRepeats, instantiateSamples: options.instantiateSamples },
    },
    runtimes,
    rows,
    skipped,
    failed,
  }
  return { results, stops }
}
