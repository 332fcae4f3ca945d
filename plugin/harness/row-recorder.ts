import type { MetricSummary, ResultRow, UnsupportedMetric, Warning } from '../../schema/results.d.ts'
import { assessLoad, assessQuality } from '../stats/assess-quality.ts'
import { summarise } from '../stats/summarise.ts'
import { metricEntries, metricDefinition } from '../metrics/metric-registry.ts'
import type { InstanceMode, InvocationUsage, WorkloadParams } from '../types.ts'
import type { ServerMode } from '../types.ts'

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

/** Hardware counter values for a row, or the reason they cannot be had. */
export type CounterOutcome = { instructions: number[]; cycles: number[] } | { unsupported: string }

/**
 * Collects the samples of one row as invocations complete and turns them into the row's metrics.
 * Cold metrics come from invocations without repetitions; warm ones from the repetitions.
 */
export function createRowRecorder(identity: RowIdentity) {
  const cold: InvocationUsage[] = []
  const warmNs: number[] = []
  const warmups: InvocationUsage[] = []

  return {
    /** A checked warm-up invocation: not counted, kept to spot a slow first run. */
    addWarmup(usage: InvocationUsage): void { warmups.push(usage) },
    addCold(usage: InvocationUsage): void { cold.push(usage) },
    addWarm(samplesNs: readonly number[]): void { warmNs.push(...samplesNs) },

    toRow(settings: { minSamples: number; counters: CounterOutcome; warmUnsupported?: string; otherLoadCores?: number; valgrindInstructions?: number[] | { unsupported: string }; extra?: Record<string, number[]> }): ResultRow {
      const metrics: Record<string, MetricSummary | UnsupportedMetric> = {}
      const warnings: Warning[] = []
      const add = (name: string, samples: number[], firstRun?: number): void => {
        if (samples.length === 0) return
        metrics[name] = summarise(samples)
        if (metricDefinition(name).assessed) warnings.push(...assessQuality({ metric: name, samples, minSamples: settings.minSamples, ...(firstRun === undefined ? {} : { firstRun }) }))
      }
      // The metrics the registry takes from cold invocations, in registry order.
      const unmeasured = cold.find((usage) => usage.unmeasured !== undefined)?.unmeasured
      for (const [name, definition] of metricEntries()) {
        const source = definition.coldInvocation
        if (source === undefined) continue
        if (source.localProcess === true && unmeasured !== undefined) {
          metrics[name] = { unsupported: unmeasured }
          continue
        }
        const samples = cold.flatMap((usage) => {
          const value = source.sample(usage)
          return value === undefined ? [] : [value]
        })
        const firstWarmup = warmups[0]
        add(name, samples, source.checkFirstRun === true && firstWarmup !== undefined ? source.sample(firstWarmup) : undefined)
        if (samples.length === 0 && source.absentReason !== undefined) metrics[name] = { unsupported: source.absentReason }
      }
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
