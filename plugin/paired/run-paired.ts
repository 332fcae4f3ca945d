import { access } from 'node:fs/promises'
import { BenchError, formatNames } from '../errors.ts'
import { checkOutput } from '../workloads/check-output.ts'
import { extraWorkFlag } from '../workloads/inject-slowdown.ts'
import { loadWorkloads } from '../workloads/load-workloads.ts'
import { prepareWorkload } from '../workloads/prepare-workload.ts'
import { metricRegistry, type MetricName } from '../metrics/metric-registry.ts'
import type { InstanceMode, InvocationResult, InvocationUsage, PreparedWorkload, RuntimeAdapter, RuntimeInstance, WorkloadParams } from '../types.ts'
import type { PairedMetric } from './judge-paired.ts'

/** One side of a paired A/B run. */
export interface PairedVariant {
  /** Runtime registry name (`wasmtime`); two variants may name two runtimes. */
  runtime: string
  /** Another build of the workload's module (the base or head .wasm of a pull request); default the workload's own. */
  wasmPath?: string
  /** For testing the comparison only: the workload harness's extra compute per call, in percent (see inject-slowdown.ts). */
  extraWorkPercent?: number
}

/** What a paired run measures. */
export interface PairedRunSpec {
  workload: string
  params?: WorkloadParams
  /** Instance mode both variants run in; default `process`. */
  mode?: InstanceMode
  base: PairedVariant
  head: PairedVariant
  /** Pairs of cold invocations, and as many pairs of warm ones. */
  pairs: number
  /** Timed repetitions inside each warm invocation; its warm sample is their median. 0: no warm metric. */
  warmRepeats: number
  /** Unmeasured invocations of each variant first. */
  warmupRuns: number
  /**
   * Invocations of each variant per pair, alternating inside the pair (ABBA…); the pair's value of a
   * metric is the smallest of them, the least disturbed (other load only ever adds time, which is
   * why the gate compares 10th percentiles). Default 1: one invocation each.
   */
  blockSize?: number
  timeoutMs: number
}

/** The samples of a paired run, ready for `judgePaired`. */
export interface PairedSamples {
  /** `native/fib/process/n=25`: the base variant's row key. */
  key: string
  /** `native` vs `native +5% extra work`: what was compared. */
  description: string
  metrics: PairedMetric[]
  durationMs: number
}

function describeVariant(variant: PairedVariant, defaultWasm: string): string {
  const parts = [variant.runtime]
  if (variant.wasmPath !== undefined && variant.wasmPath !== defaultWasm) parts.push(variant.wasmPath)
  if (variant.extraWorkPercent !== undefined) parts.push(`+${variant.extraWorkPercent}% extra work`)
  return parts.join(' ')
}

/** Runtimes a paired run can name, by registry name (the built-in ones and the project's). */
export type PairedRuntimes = Readonly<Record<string, RuntimeAdapter>>

async function prepareVariant(variant: PairedVariant, base: PreparedWorkload, runtimes: PairedRuntimes): Promise<PreparedWorkload> {
  if (!Object.hasOwn(runtimes, variant.runtime)) throw new BenchError('unknown-runtime', `Unknown runtime \`${variant.runtime}\`. Use one of: ${formatNames(Object.keys(runtimes))}.`)
  let prepared = base
  if (variant.wasmPath !== undefined) {
    await access(variant.wasmPath).catch((error: unknown) => {
      throw new BenchError('invalid-option', `Module \`${variant.wasmPath}\` does not exist. Give the path of a built .wasm of workload \`${base.workload.name}\`.`, { cause: error })
    })
    prepared = { ...prepared, workload: { ...prepared.workload, wasmPath: variant.wasmPath } }
  }
  if (variant.extraWorkPercent !== undefined) prepared = { ...prepared, args: [extraWorkFlag, String(variant.extraWorkPercent), ...prepared.args] }
  return prepared
}

async function startVariant(variant: PairedVariant, prepared: PreparedWorkload, mode: InstanceMode, runtimes: PairedRuntimes): Promise<RuntimeInstance> {
  const adapter = runtimes[variant.runtime]
  if (adapter === undefined) throw new BenchError('unknown-runtime', `Unknown runtime \`${variant.runtime}\`. Use one of: ${formatNames(Object.keys(runtimes))}.`)
  const detection = await adapter.detect()
  if (!detection.available) throw new BenchError('unknown-runtime', `Runtime \`${variant.runtime}\` is not available here: ${detection.reason ?? 'not found'}. Install: ${detection.install}`)
  if (!adapter.modes.includes(mode)) throw new BenchError('invalid-option', `Runtime \`${variant.runtime}\` has no \`${mode}\` mode. Use one of: ${formatNames(adapter.modes)}.`)
  return adapter.start(prepared, mode)
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = (sorted.length - 1) / 2
  return ((sorted[Math.floor(mid)] ?? Number.NaN) + (sorted[Math.ceil(mid)] ?? Number.NaN)) / 2
}

/** The cold metrics a paired run compares, each taken from an invocation as the metric registry says. */
const pairedColdMetrics = ['coldStartMs', 'cpuTimeMs', 'peakRssBytes'] as const satisfies readonly MetricName[]
type PairedColdMetric = (typeof pairedColdMetrics)[number]

function coldValues(usage: InvocationUsage): Record<PairedColdMetric, number> {
  return Object.fromEntries(pairedColdMetrics.map((metric) => [metric, metricRegistry[metric].coldInvocation.sample(usage)])) as Record<PairedColdMetric, number>
}

/**
 * Runs a paired A/B comparison: both variants started once, then `pairs` pairs of cold invocations,
 * interleaved invocation by invocation in ABBA order (base-head, head-base, …) so that drift and
 * neighbours hit both alike, then `pairs` pairs of warm invocations the same way (`blockSize`
 * invocations of each per pair, the smallest counting). Every output is checked. Returns, per
 * metric, the base and head value of each pair: coldStartMs, cpuTimeMs and peakRssBytes of the
 * cold invocations, warmLatencyMs (median of the repetitions) of the warm ones.
 * Both instances are closed whatever fails. `runtimes` are the adapters the variants name.
 */
export async function runPaired(spec: PairedRunSpec, runtimes: PairedRuntimes): Promise<PairedSamples> {
  const mode = spec.mode ?? 'process'
  const workload = (await loadWorkloads()).get(spec.workload)
  if (workload === undefined) throw new BenchError('unknown-workload', `Unknown workload \`${spec.workload}\`.`)
  const prepared = prepareWorkload(workload, spec.params ?? {})
  const sides = [
    { variant: spec.base, prepared: await prepareVariant(spec.base, prepared, runtimes) },
    { variant: spec.head, prepared: await prepareVariant(spec.head, prepared, runtimes) },
  ] as const
  const started = Date.now()
  const instances: RuntimeInstance[] = []
  try {
    for (const side of sides) instances.push(await startVariant(side.variant, side.prepared, mode, runtimes))
    const invoke = async (index: 0 | 1, warmRepeats: number): Promise<InvocationResult> => {
      const [result] = await (instances[index] as RuntimeInstance).invokeSeries({ warmRepeats, timeoutMs: spec.timeoutMs }, 1)
      if (result === undefined) throw new BenchError('invocation-failed', 'The runtime returned no invocation result.')
      checkOutput(sides[index].prepared, result, `${sides[index].variant.runtime} (${index === 0 ? 'base' : 'head'})`)
      return result
    }
    for (let run = 0; run < spec.warmupRuns; run++) for (const index of [0, 1] as const) await invoke(index, 0)
    const blockSize = spec.blockSize ?? 1
    type ColdValues = Record<PairedColdMetric, number>
    const cold: [ColdValues[], ColdValues[]] = [[], []]
    const warm: [number[], number[]] = [[], []]
    // Pair p starts with base when p is even, with head when odd; inside a pair the order alternates too.
    const order = (pair: number, step: number): readonly (0 | 1)[] => ((pair + step) % 2 === 0 ? [0, 1] : [1, 0])
    const smallest = (values: readonly ColdValues[], pick: (value: ColdValues) => number): number => Math.min(...values.map(pick))
    for (let pair = 0; pair < spec.pairs; pair++) {
      const block: [ColdValues[], ColdValues[]] = [[], []]
      for (let step = 0; step < blockSize; step++) {
        for (const index of order(pair, step)) {
          const { usage } = await invoke(index, 0)
          block[index].push(coldValues(usage))
        }
      }
      for (const index of [0, 1] as const) {
        cold[index].push(Object.fromEntries(pairedColdMetrics.map((metric) => [metric, smallest(block[index], (v) => v[metric])])) as ColdValues)
      }
    }
    if (spec.warmRepeats > 0) {
      for (let pair = 0; pair < spec.pairs; pair++) {
        const block: [number[], number[]] = [[], []]
        for (let step = 0; step < blockSize; step++) {
          for (const index of order(pair, step)) block[index].push(median((await invoke(index, spec.warmRepeats)).usage.warmNs) / 1e6)
        }
        for (const index of [0, 1] as const) warm[index].push(Math.min(...block[index]))
      }
    }
    const of = (index: 0 | 1, metric: keyof ColdValues): number[] => cold[index].map((values) => values[metric])
    const metrics: PairedMetric[] = [
      ...pairedColdMetrics.map((metric) => ({ metric, base: of(0, metric), head: of(1, metric) })),
      ...(spec.warmRepeats > 0 ? [{ metric: 'warmLatencyMs', base: warm[0], head: warm[1] }] : []),
    ]
    const params = Object.entries(prepared.params).map(([name, value]) => `${name}=${value}`).join(',')
    return {
      key: [spec.base.runtime, spec.workload, mode, ...(params === '' ? [] : [params])].join('/'),
      description: `${describeVariant(spec.base, workload.wasmPath)} vs ${describeVariant(spec.head, workload.wasmPath)}`,
      metrics,
      durationMs: Date.now() - started,
    }
  } finally {
    await Promise.allSettled(instances.map((instance) => instance.close()))
  }
}
