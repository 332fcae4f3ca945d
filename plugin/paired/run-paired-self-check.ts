import type { JudgePolicy } from '../baseline/policy.ts'
import { BenchError } from '../errors.ts'
import type { WorkloadParams } from '../types.ts'
import { evaluatePairedSelfCheck, type PairedMetricReport, type PairedTrial } from './evaluate-paired-self-check.ts'
import { judgePaired } from './judge-paired.ts'
import { runPaired, type PairedRunSpec, type PairedRuntimes } from './run-paired.ts'

/** What the paired self-check runs. */
export interface PairedSelfCheckSettings {
  workload: string
  runtime: string
  /** The adapters `runtime` is looked up in (the built-in ones and the project's). */
  runtimes: PairedRuntimes
  params: WorkloadParams
  repeats: number
  pairs: number
  /** Invocations of each variant per pair (see PairedRunSpec.blockSize). */
  blockSize: number
  warmRepeats: number
  /** Extra work levels in percent of each call: a warm call becomes that much slower. */
  levels: number[]
  /** Whole-process cold-start slowdowns to aim at, in percent; their extra work is derived from a calibration run. */
  coldTargets: number[]
  policy: JudgePolicy
  log: (line: string) => void
}

/** Extra work that calibrates the cold-start levels: large enough to move a whole process clearly. */
const calibrationPercent = 200

/**
 * The paired self-check: per repeat, one A/A paired run (base against itself) and one paired run per
 * injected level (base against base with the harness's extra work), each judged with `judgePaired`.
 * Extra work is a percentage of each workload call, which is a smaller share of a whole process's
 * cold start; so a first paired run at 200% measures that share and each cold target (5%, 10% of
 * the whole process) gets the level that should produce it. The report gives the change each metric
 * really saw at each level (median over repeats), so the aim need not be exact.
 */
export async function runPairedSelfCheck(settings: PairedSelfCheckSettings): Promise<{ reports: PairedMetricReport[]; levels: number[]; description: string }> {
  const base = { runtime: settings.runtime }
  const spec = (extraWorkPercent: number | undefined, pairs = settings.pairs): PairedRunSpec => ({
    workload: settings.workload, params: settings.params, base, head: extraWorkPercent === undefined ? base : { ...base, extraWorkPercent },
    pairs, blockSize: settings.blockSize, warmRepeats: settings.warmRepeats, warmupRuns: 2, timeoutMs: 30_000,
  })
  const calibration = await runPaired(spec(calibrationPercent, Math.max(20, settings.pairs)), settings.runtimes)
  const coldChange = judgePaired(calibration.key, calibration.metrics, settings.policy).find((verdict) => verdict.metric === 'coldStartMs')?.change ?? 0
  const share = coldChange / (calibrationPercent / 100)
  settings.log(`calibration: +${calibrationPercent}% extra work per call made the whole-process cold start ${(coldChange * 100).toFixed(1)}% slower (the calls are about ${(share * 100).toFixed(1)}% of it)`)
  const coldLevels = share > 0.001 ? settings.coldTargets.map((target) => Math.min(1000, Math.max(1, Math.round(target / share)))) : []
  const levels = [...new Set([...settings.levels, ...coldLevels])].sort((a, b) => a - b)
  if (levels.length === 0) throw new BenchError('invalid-option', 'The paired self-check has no slowdown levels to inject. Give --levels.')
  settings.log(`levels of extra work per call: ${levels.map((level) => `${level}%`).join(', ')} (cold-start targets ${settings.coldTargets.map((target) => `${target}%`).join(', ')} -> ${coldLevels.map((level) => `${level}%`).join(', ') || 'none'})`)
  const trials: PairedTrial[] = []
  for (let repeat = 1; repeat <= settings.repeats; repeat++) {
    const started = Date.now()
    for (const level of [undefined, ...levels]) {
      const samples = await runPaired(spec(level), settings.runtimes)
      trials.push({ ...(level === undefined ? {} : { extraWorkPercent: level }), verdicts: judgePaired(samples.key, samples.metrics, settings.policy) })
    }
    settings.log(`  repeat ${repeat}/${settings.repeats}: ${((Date.now() - started) / 1000).toFixed(0)} s`)
  }
  return { reports: evaluatePairedSelfCheck(trials), levels, description: `${calibration.key}, ${settings.runtime} against itself (A/A) and against itself with extra work${settings.blockSize > 1 ? `, smallest of ${settings.blockSize} invocations per variant and pair` : ''}` }
}
