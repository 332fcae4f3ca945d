import { describe, inject, test, type Bench } from 'vitest'
import type { AdapterRegistry } from './adapter-registry.ts'
import { countWithPerf } from './collectors/hardware-counters.ts'
import { startLoadWindow } from './collectors/other-load.ts'
import { BenchError } from './errors.ts'
import { classOf } from './machine-class.ts'
import { confirmRow, screenRow } from './baseline/screen-row.ts'
import { countValgrindRow } from './harness/count-valgrind-row.ts'
import { createInstancePool, type InstancePool } from './harness/instance-pool.ts'
import { measureRow, measureThenClose, type RowToMeasure } from './harness/measure-row.ts'
import { resolveRuntimeAdapter } from './project-runtimes.ts'
import type { CounterOutcome, RowIdentity } from './harness/row-recorder.ts'
import { planKey, type BenchPlan } from './plan.ts'
import type { InstanceMode, RuntimeInstance } from './types.ts'
import { loadWorkloads } from './workloads/load-workloads.ts'
import { prepareWorkload } from './workloads/prepare-workload.ts'
import { applySlowdown } from './workloads/inject-slowdown.ts'
import type { ResultRow, RuntimeInfo } from '../schema/results.d.ts'

/** The fix a row skipped for its workload names: nothing to install, the workload's definition decides. */
const prebuiltSkipFix = 'nothing to install: see docs/workloads.md (a native command for the native floor; C against wfb.h for the runtimes that build from source)'

/** Invocations under perf when the machine has hardware counters (not timed). */
const counterRuns = 5

/** `test` with a file-scoped `instances` fixture: every runtime instance a bench file starts is closed at its end. */
export const benchTest = test.extend<{ instances: InstancePool }>({
  instances: [
    // eslint-disable-next-line no-empty-pattern -- Vitest fixtures take their dependencies by destructuring.
    async ({}, use) => {
      const pool = createInstancePool()
      try {
        await use(pool)
      } finally {
        await pool.closeAll()
      }
    },
    { scope: 'file' },
  ],
})

/**
 * How long one cell (test) may take: every invocation it makes at its own limit (`timeoutMs`), plus a
 * minute for starting and closing. Each invocation is bounded, so a cell cannot hang past this; a
 * slow interpreter on a big workload legitimately needs minutes.
 */
function cellTimeoutMs(options: BenchPlan['options']): number {
  const invocations = options.warmupRuns + options.coldSamples + options.warmBatches + counterRuns
  // Timers take at most 2^31 - 1 ms; a longer one fires at once.
  return Math.min(invocations * options.timeoutMs + 60_000, 2 ** 31 - 1)
}

/** The plan the plugin provided to this bench worker. @throws BenchError when the plugin is not configured. */
export function readPlan(): BenchPlan {
  const plan = inject(planKey)
  if (plan === undefined) {
    throw new BenchError('invalid-option', 'No benchmark plan: add the plugin to vitest.config.ts (`plugins: [wasmFaasBench()]`) and run with `vitest bench`.')
  }
  return plan
}

/**
 * Declares the benchmarks of one workload: one test per selected runtime and instance mode, each
 * measuring cold starts and warm repetitions with every output checked. Call it at the top level of
 * a `*.bench.ts` file: `benchWorkload('fib')` (plugin/bench.ts passes the built-in adapters).
 */
export function benchWorkload(name: string, registry: AdapterRegistry): void {
  const plan = readPlan()
  const selected = plan.workloads.find((workload) => workload.name === name)
  if (selected === undefined) {
    benchTest(`${name}: not selected in this run`, ({ skip }) => skip(`workload \`${name}\` is not in this run's selection (WFB_WORKLOADS or the plugin's \`workloads\` option)`))
    return
  }
  describe(name, () => {
    for (const runtime of plan.runtimes) {
      for (const mode of runtime.modes) {
        benchTest(`${runtime.name} (${mode})`, { timeout: cellTimeoutMs(plan.options) }, async ({ bench, task, skip, instances }) => {
          const identity: RowIdentity = { runtime: runtime.name, runtimeVersion: runtime.version ?? 'unknown', mode, workload: name, params: selected.params }
          task.meta.wfb = { identity }
          if (!runtime.available) {
            const reason = runtime.reason ?? 'not available'
            task.meta.wfb = { identity, skipped: { reason, install: runtime.install } }
            skip(`${runtime.name} unavailable: ${reason}. Install: ${runtime.install}`)
            return
          }
          const workloads = await loadWorkloads(plan.workloadDirs)
          const workload = workloads.get(name)
          if (workload === undefined) throw new BenchError('unknown-workload', `Workload \`${name}\` vanished from workloads/ after the run started.`)
          const adapter = await resolveRuntimeAdapter(runtime.name, plan.runtimeModulePaths, registry.runtimes)
          const unsupported = adapter.unsupportedReason?.(workload)
          if (unsupported !== undefined) {
            task.meta.wfb = { identity, skipped: { reason: unsupported, install: prebuiltSkipFix } }
            skip(`${runtime.name} cannot run \`${name}\`: ${unsupported}`)
            return
          }
          const prepared = applySlowdown(prepareWorkload(workload, selected.params), runtime.name, plan.options.injectSlowdown)
          const instance = await instances.start(adapter, prepared, mode)
          const cell = { bench, plan, runtime, mode, prepared, instance, identity }
          let row = await measureThenClose(instance, () => measureCell(cell))
          // A row that looks regressed is measured again, on a fresh instance; the gate judges the last measurement.
          const { policy } = plan.options.baseline
          let confirmations = 0
          row = await confirmRow(row, {
            screen: (candidate) => (plan.recordBaseline ? [] : screenRow(candidate, runtime.flags ?? [], plan.baseline, classOf(plan.machine).id, policy)),
            maxOtherLoadCores: policy.maxOtherLoadCores,
            measureAgain: async () => measureThenClose(await instances.start(adapter, prepared, mode), (again) => measureCell({ ...cell, instance: again, attempt: ` (confirmation ${++confirmations})` })),
          })
          task.meta.wfb = { identity, row }
        })
      }
    }
  })
}

interface CellContext extends Pick<RowToMeasure, 'prepared' | 'instance' | 'identity' | 'attempt'> {
  bench: Bench
  plan: BenchPlan
  runtime: RuntimeInfo
  mode: InstanceMode
}

function measureCell({ bench, plan, runtime, mode, prepared, instance, identity, attempt = '' }: CellContext): Promise<ResultRow> {
  const { options } = plan
  const title = `${runtime.title} (${mode})`
  return measureRow({ options, title, seriesName: `${runtime.name} ${mode}`, prepared, instance, identity, attempt }, {
    // tinybench only receives the measured durations (overriddenDuration), so Vitest's table, bench.compare and matchers see the real numbers.
    reportSeries: async (name, durationsMs) => {
      await bench(name, { async: false }, replay(durationsMs)).run({ iterations: durationsMs.length, time: 0, warmup: false })
    },
    startLoadWindow,
    countValgrind: () => countValgrindRow(instance, prepared, title, options),
    countHardware: () => countHardware(plan, instance, mode, options.timeoutMs),
  })
}

/**
 * A tinybench task function that hands out one measured duration (ms) per call.
 * Registered with `async: false` so that tinybench does not call it once to find out.
 */
function replay(durationsMs: readonly number[]): () => { overriddenDuration: number } {
  let next = 0
  return () => {
    const duration = durationsMs[next++]
    if (duration === undefined) throw new BenchError('invocation-failed', `tinybench asked for more than the ${durationsMs.length} measured samples.`)
    return { overriddenDuration: duration }
  }
}

async function countHardware(plan: BenchPlan, instance: RuntimeInstance, mode: InstanceMode, timeoutMs: number): Promise<CounterOutcome> {
  const counters = plan.machine.hardwareCounters
  if (!counters.supported) return { unsupported: `unsupported here: ${counters.reason ?? 'no hardware counters'}` }
  if (instance.command === undefined) {
    return { unsupported: mode === 'remote' ? 'not counted: the invocation runs on a remote platform' : 'not counted in in-process mode: the host process runs more than the instance; use process mode' }
  }
  const instructions: number[] = []
  const cycles: number[] = []
  for (let run = 0; run < counterRuns; run++) {
    const counts = await countWithPerf('perf', { ...instance.command, timeoutMs })
    instructions.push(counts.instructions)
    cycles.push(counts.cycles)
  }
  return { instructions, cycles }
}
