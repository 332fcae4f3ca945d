import type { MetricSummary, ResultRow, UnsupportedMetric, Warning } from '../../schema/results.d.ts'
import { assessLoad, assessQuality } from '../stats/assess-quality.ts'
import { summarise } from '../stats/summarise.ts'
import type { InstanceMode, InvocationUsage, WorkloadParams } from '../types.ts'
import type { ServerMode } from '../http/types.ts'

/** What identifies a row: runtime x workload x parameters x mode. */
export interface RowIdentity {
  runtime: string
  runtimeVersion: string
  /** An instance mode, or for HTTP server rows a server mode. */
  mode: InstanceMode | ServerMode
  workload: string
  params: WorkloadParams
}

/** `node-wasi/fib/process/n=25`: the stable key of a row, used to match results and baselines. */
export function rowKey(identity: Omit<RowIdentity, 'runtimeVersion' | 'mode'> & { mode: string }): string {
  const params = Object.entries(identity.params).sort(([a], [b]) => a.localeCompare(b)).map(([name, value]) => `${name}=${value}`)
  return [identity.runtime, identity.workload, identity.mode, ...(params.length > 0 ? [params.join(',')] : [])].join('/')
}

const nsPerMs = 1e6
const usPerMs = 1e3

/** Hardware counter values for a row, or the reason they cannot be had. */
export type CounterOutcome = { instructions: number[]; cycles: number[] } | { unsupported: string }

/**
 * Collects the samples of one row as invocations complete and turns them into the row's metrics.
 * Cold metrics come from invocations without repetitions; warm ones from the repetitions.
 */
export function createRowRecorder(identity: RowIdentity) {
  const cold: InvocationUsage[] = []
  const warmNs: number[] = []
  const warmupWallNs: number[] = []

  return {
    /** A checked warm-up invocation: not counted, kept to spot a slow first run. */
    addWarmup(usage: InvocationUsage): void { warmupWallNs.push(usage.wallNs) },
    addCold(usage: InvocationUsage): void { cold.push(usage) },
    addWarm(samplesNs: readonly number[]): void { warmNs.push(...samplesNs) },

    toRow(settings: { minSamples: number; counters: CounterOutcome; warmUnsupported?: string; otherLoadCores?: number; valgrindInstructions?: number[] | { unsupported: string }; extra?: Record<string, number[]> }): ResultRow {
      const metrics: Record<string, MetricSummary | UnsupportedMetric> = {}
      const warnings: Warning[] = []
      const add = (name: string, samples: number[], firstRun?: number): void => {
        if (samples.length === 0) return
        metrics[name] = summarise(samples)
        warnings.push(...assessQuality({ metric: name, samples, minSamples: settings.minSamples, ...(firstRun === undefined ? {} : { firstRun }) }))
      }
      const coldStartMs = cold.map((usage) => usage.wallNs / nsPerMs)
      const cpuTimeMs = cold.map((usage) => (usage.cpuUserUs + usage.cpuSysUs) / usPerMs)
      const firstWarmup = warmupWallNs[0]
      add('coldStartMs', coldStartMs, firstWarmup === undefined ? undefined : firstWarmup / nsPerMs)
      const unmeasured = cold.find((usage) => usage.unmeasured !== undefined)?.unmeasured
      if (unmeasured === undefined) {
        add('cpuTimeMs', cpuTimeMs)
        metrics.cpuUtilisation = summarise(cpuTimeMs.map((cpu, i) => cpu / (coldStartMs[i] ?? Number.NaN)))
        metrics.peakRssBytes = summarise(cold.map((usage) => usage.peakRssBytes))
      } else {
        for (const name of ['cpuTimeMs', 'cpuUtilisation', 'peakRssBytes']) metrics[name] = { unsupported: unmeasured }
      }
      const phased = cold.flatMap((usage) => (usage.phases === undefined ? [] : [usage.phases]))
      if (phased.length > 0) {
        metrics.compileMs = summarise(phased.map((phases) => phases.compileNs / nsPerMs))
        metrics.instantiateMs = summarise(phased.map((phases) => phases.instantiateNs / nsPerMs))
        metrics.runMs = summarise(phased.map((phases) => phases.runNs / nsPerMs))
      }
      const instanceMemory = cold.flatMap((usage) => (usage.instanceMemoryBytes === undefined ? [] : [usage.instanceMemoryBytes]))
      if (instanceMemory.length > 0) metrics.instanceMemoryBytes = summarise(instanceMemory)
      if (settings.warmUnsupported === undefined) add('warmLatencyMs', warmNs.map((ns) => ns / nsPerMs))
      else metrics.warmLatencyMs = { unsupported: settings.warmUnsupported }
      if ('unsupported' in settings.counters) {
        metrics.instructions = { unsupported: settings.counters.unsupported }
        metrics.cycles = { unsupported: settings.counters.unsupported }
      } else {
        metrics.instructions = summarise(settings.counters.instructions)
        metrics.cycles = summarise(settings.counters.cycles)
      }
      for (const [name, samples] of Object.entries(settings.extra ?? {})) add(name, samples)
      const counted = settings.valgrindInstructions
      if (counted !== undefined) metrics.valgrindInstructions = Array.isArray(counted) ? summarise(counted) : counted
      const load = settings.otherLoadCores
      if (load !== undefined) warnings.push(...assessLoad(load))
      return { key: rowKey(identity), ...identity, metrics, warnings, ...(load === undefined ? {} : { otherLoadCores: Number(load.toFixed(3)) }) }
    },
  }
}
