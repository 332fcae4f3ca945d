/**
 * Fidelity inside a bench run: the cold starts a real `vitest bench` run records for each process
 * runtime, against `hyperfine -N` on the same commands just before and just after it. Whatever a
 * bench run adds to a fast start (Vitest's processes, the environment, output files) shows here,
 * while `measureLauncherFidelity` shows the launcher alone.
 */
import { join } from 'node:path'
import { rm } from 'node:fs/promises'
import { runBenchProcess } from './baseline/run-bench-process.ts'
import { medianWithHyperfine, type CalibrationCommand, type CalibrationOptions, type CalibrationRow } from './launcher-fidelity.ts'
import { BenchError } from './errors.ts'
import { makeScratchDir } from './shared/scratch-dir.ts'

/** A runtime's command, as `processRuntimeCommands` builds it, with the runtime's name. */
export interface RuntimeCalibrationCommand extends CalibrationCommand {
  runtime: string
}

/**
 * hyperfine on every command, one `vitest bench --run <workload>.bench` of the project at `root`
 * with `runs` cold samples per runtime, then hyperfine again; each row compares the bench run's
 * median `coldStartMs` with the mean of the two hyperfine medians.
 */
export async function measureLauncherFidelityInBench(commands: readonly RuntimeCalibrationCommand[], options: CalibrationOptions & { root: string; workload: string }): Promise<CalibrationRow[]> {
  const before: number[] = []
  for (const command of commands) before.push(await medianWithHyperfine(command, options))
  const work = await makeScratchDir('calibrate-bench')
  try {
    const { results } = await runBenchProcess(options.root, join(work, 'results'), {
      WFB_RUNTIMES: commands.map((command) => command.runtime).join(','),
      WFB_WORKLOADS: options.workload,
      WFB_PARAMS: '',
      WFB_COLD_SAMPLES: String(options.runs),
      WFB_WARMUP_RUNS: String(options.warmup),
      WFB_WARM_BATCHES: '1',
      WFB_WARM_REPEATS: '1',
      WFB_INJECT_SLOWDOWN: '',
      WFB_UPDATE_BASELINE: '0',
      WFB_BASELINE_DIR: join(work, 'no-baselines'),
    }, [`${options.workload}.bench`])
    const after: number[] = []
    for (const command of commands) after.push(await medianWithHyperfine(command, options))
    return commands.map((command, index) => {
      const row = results.rows.find((candidate) => candidate.runtime === command.runtime && candidate.workload === options.workload && candidate.mode === 'process')
      const cold = row?.metrics.coldStartMs
      if (cold === undefined || !('median' in cold)) {
        throw new BenchError('invocation-failed', `The bench run recorded no coldStartMs for ${command.runtime} on ${options.workload} (${results.failed.find((failed) => failed.runtime === command.runtime)?.error ?? 'no row'}).`)
      }
      const hyperfineMedianMs = ((before[index] ?? Number.NaN) + (after[index] ?? Number.NaN)) / 2
      return { label: `${command.label} (bench run)`, hyperfineMedianMs, launcherMedianMs: cold.median, ratio: cold.median / hyperfineMedianMs }
    })
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}
