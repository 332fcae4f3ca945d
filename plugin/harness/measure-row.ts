import type { ResultRow } from '../../schema/results.d.ts'
import { BenchError } from '../errors.ts'
import type { InvocationResult, PreparedWorkload, RuntimeInstance } from '../types.ts'
import { checkOutput } from '../workloads/check-output.ts'
import { warmUnsupportedReason } from '../workloads/warm-support.ts'
import { createRowRecorder, type CounterOutcome, type RowIdentity } from './row-recorder.ts'
import { createSeriesWarmup } from './series-warmup.ts'
import { sampleUntil } from './sample-until.ts'

/** The options that steer how one row is sampled. */
// Spelled out rather than picked from ResolvedOptions, so that harness/ does not import options.ts (which imports http/, which imports harness/).
export interface SamplingOptions {
  warmupRuns: number
  coldSamples: number
  minColdSamples: number
  warmBatches: number
  minWarmBatches: number
  warmRepeats: number
  precision: number
  phaseBudgetMs: number
  timeoutMs: number
}

/** One row to measure: the live instance, what it runs and how the row is named. */
export interface RowToMeasure {
  options: SamplingOptions
  /** `Wasmtime (Cranelift JIT, cache off) (process)`: names the runtime in error messages. */
  title: string
  /** `wasmtime process`: the start of the series' bench names. */
  seriesName: string
  prepared: PreparedWorkload
  instance: RuntimeInstance
  identity: RowIdentity
  /** Suffix of the bench names of a repeated measurement (` (confirmation 1)`); default none. */
  attempt?: string
}

/**
 * What a row takes from outside the instance: the machine's other load, the instruction counts, and
 * where the measured series go (Vitest's bench, for its table and matchers). The bench file passes
 * the real ones; unit tests pass fixed ones.
 */
export interface RowCollectors {
  /** Hands one measured series to the bench as durations in milliseconds, in order. */
  reportSeries: (name: string, durationsMs: number[]) => Promise<void>
  /** Starts the other-load window; `finish(ownCpuSeconds)` gives the cores other processes used (undefined without /proc/stat). */
  startLoadWindow: () => Promise<{ finish: (ownCpuSeconds: number) => Promise<number | undefined> }>
  /** Hardware counters of the row, or why there are none. */
  countHardware: () => Promise<CounterOutcome>
  /** valgrind's instruction counts, why there are none, or undefined when not asked for. */
  countValgrind: () => Promise<number[] | { unsupported: string } | undefined>
}

/**
 * Measures one row on a live instance: warm-ups, then cold starts until the median is precise (or the
 * maximum or budget is reached), then warm batches when the workload speaks the warm protocol. Every
 * output is checked before it counts; a wrong one throws (the bench test fails and its row is a failed row).
 * @throws BenchError `wrong-output`, `invocation-failed` or `timeout` from the first bad invocation.
 */
export async function measureRow(row: RowToMeasure, collectors: RowCollectors): Promise<ResultRow> {
  const { options, title, prepared, instance, identity, attempt = '' } = row
  const recorder = createRowRecorder(identity)
  const invokeChecked = async (warmRepeats: number, runs: number): Promise<InvocationResult[]> => {
    const results = await instance.invokeSeries({ warmRepeats, timeoutMs: options.timeoutMs }, runs)
    for (const result of results) {
      checkOutput(prepared, result, title)
      if (result.usage.warmNs.length !== warmRepeats) {
        throw new BenchError('invocation-failed', `${title} on ${prepared.label}: asked for ${warmRepeats} warm repetitions, the harness reported ${result.usage.warmNs.length}.`)
      }
    }
    if (results.length !== runs) throw new BenchError('invocation-failed', `${title} on ${prepared.label}: asked for ${runs} invocations, got ${results.length}.`)
    return results
  }

  // Each series runs back to back in one launcher (or host), as hyperfine does; every output is
  // checked before any sample counts. The bench then only receives the measured durations.
  const loadWindow = await collectors.startLoadWindow()
  const rule = (minSamples: number, maxSamples: number) => ({ minSamples, maxSamples, precision: options.precision, budgetMs: options.phaseBudgetMs })
  const seriesWarmup = createSeriesWarmup(options.warmupRuns)
  const warmups: InvocationResult[] = []
  const { samples: cold } = await sampleUntil(rule(options.minColdSamples, options.coldSamples), async (count) => {
    // Warm-up runs lead every series (see series-warmup.ts): checked, not counted.
    const lead = seriesWarmup.leadRuns()
    const series = await invokeChecked(0, lead + count)
    warmups.push(...series.slice(0, lead))
    const counted = series.slice(lead)
    seriesWarmup.observe(counted.map((result) => result.usage.wallNs))
    return counted
  }, (result) => [result.usage.wallNs], { firstRound: 3 })
  for (const warmup of warmups) recorder.addWarmup(warmup.usage)
  for (const result of cold) recorder.addCold(result.usage)
  await collectors.reportSeries(`${row.seriesName} cold${attempt}`, cold.map((result) => result.usage.wallNs / 1e6))

  // A prebuilt module without the warm protocol cannot be called again inside a live instance: no warm series, and the row says why.
  const warmUnsupported = warmUnsupportedReason(prepared.workload)
  const warm = warmUnsupported === undefined
    ? (await sampleUntil(rule(options.minWarmBatches, options.warmBatches), (count) => invokeChecked(options.warmRepeats, count), (result) => result.usage.warmNs, { step: 1, firstRound: 1 })).samples
    : []
  for (const result of warm) recorder.addWarm(result.usage.warmNs)
  if (warm.length > 0) {
    await collectors.reportSeries(`${row.seriesName} warm (mean of ${options.warmRepeats})${attempt}`, warm.map((result) => result.usage.warmNs.reduce((sum, ns) => sum + ns, 0) / result.usage.warmNs.length / 1e6))
  }

  // Whatever else ran on the machine meanwhile disturbed the timings: the gate needs to know.
  const otherLoad = await loadWindow.finish([...warmups, ...cold, ...warm].reduce((sum, result) => sum + (result.usage.cpuUserUs + result.usage.cpuSysUs) / 1e6, 0))
  const valgrindInstructions = await collectors.countValgrind()
  const extra = await instance.extraMetrics?.({ samples: options.coldSamples, timeoutMs: options.timeoutMs })
  return recorder.toRow({
    ...(extra === undefined ? {} : { extra }),
    minSamples: 10,
    ...(warmUnsupported === undefined ? {} : { warmUnsupported }),
    counters: await collectors.countHardware(),
    ...(otherLoad === undefined ? {} : { otherLoadCores: otherLoad }),
    ...(valgrindInstructions === undefined ? {} : { valgrindInstructions }),
  })
}

/**
 * Runs `measure` on a live instance and closes the instance whatever happens, so that no process or
 * host outlives its row. A close that throws fails the row (the bench test), even after a good measurement.
 */
export async function measureThenClose<T>(instance: RuntimeInstance, measure: (instance: RuntimeInstance) => Promise<T>): Promise<T> {
  try {
    return await measure(instance)
  } finally {
    await instance.close()
  }
}
