import type { MetricSummary, Verdict } from '../../schema/results.d.ts'
import { envNameOf } from '../shared/env-name-of.ts'
import { benjaminiHochberg } from '../stats/benjamini-hochberg.ts'
import { quantile } from '../stats/summarise.ts'
import { compareSamples, detectableChange, detectableRunChange, samplesFactorFor, type RunNoise, type SampleComparison, type SampleSide } from './compare-samples.ts'
import { formatMetricValue } from '../metrics/format-metric-value.ts'
import { formatChange, formatPercent } from './format-change.ts'
import { describeSetup, findReferenceRow, sameSetup, summaryOf, type JudgeRow, type JudgeSide } from './judge-row.ts'
import type { JudgePolicy, MetricPolicy } from './policy.ts'

export type { JudgeRow, JudgeSide } from './judge-row.ts'

const recordAdvice = 'Record a baseline: `vitest bench -u` (or WFB_UPDATE_BASELINE=1 npm run bench), then commit baselines/.'
const calibrateAdvice = 'Calibrate this machine once (`npx wasm-faas-bench self-check --record`) so that drift between runs is not taken for a regression.'

type Draft = Omit<Verdict, 'verdict' | 'message'>

interface Pending {
  index: number
  metric: string
  policy: MetricPolicy
  /** An absolute timing against a baseline of another machine of the class (minimum effect raised). */
  acrossMachines: boolean
  comparison: SampleComparison
  noise: RunNoise | undefined
  samples: number
  /** Other load while the row was measured, in CPU cores: now and when the baseline was recorded. */
  load: { now?: number; before?: number }
}

function median(summary: MetricSummary): number {
  return quantile([...summary.samples].sort((a, b) => a - b), 0.5)
}

/**
 * Judges every judged metric of every row of `current` against `baseline` (undefined: none stored
 * for this machine) and returns one verdict per row and metric, in row order. Pure.
 *
 * - `no-baseline`: no baseline, no entry for the row, or the entry lacks the metric.
 * - `incomparable`: the baseline comes from another machine class or other hardware (CPU model,
 *   core count), or its entry from another runtime version or other flags.
 * - `exact` metrics (deterministic counts and sizes): the change of the medians against the
 *   minimum effect as an exact threshold, no test.
 * - `sampled` metrics: a two-sided test on the samples (Mann-Whitney U for medians; a z-test with
 *   Maritz-Jarrett standard errors for the 10th percentiles of timings, see compare-samples.ts),
 *   and, when the baseline carries the self-check's run-to-run calibration, a t-test of the change
 *   against that noise; p = max of the two. Benjamini-Hochberg across every sampled comparison of
 *   the run at `policy.falseDiscoveryRate`. `regressed`/`improved` needs a significant result and a
 *   change of at least the minimum effect; a comparison that could not have detected the minimum
 *   effect (80% power at the level a lone change must reach) is otherwise `inconclusive`, with the
 *   knob to turn; so is a change finer than the timer's step, and a slower row measured (or a
 *   baseline recorded) while other processes used more than `policy.maxOtherLoadCores`.
 *   Times compare relative to the in-run reference row where the policy and calibration say so.
 */
export function judge(current: JudgeSide, baseline: JudgeSide | undefined, policy: JudgePolicy): Verdict[] {
  const verdicts: Verdict[] = []
  const pending: Pending[] = []
  for (const row of current.rows) {
    const candidates = baseline?.rows.filter((entry) => entry.key === row.key) ?? []
    const stored = candidates.find((entry) => sameSetup(entry, row))
    for (const [metric, metricPolicy] of Object.entries(policy.metrics)) {
      const now = summaryOf(row, metric)
      if (now === undefined) continue
      const draft: Draft = { key: row.key, metric, method: 'none', comparedAs: 'none', current: median(now), minEffect: metricPolicy.minEffect }
      const other = candidates[0]
      if (baseline === undefined) {
        verdicts.push({ ...draft, verdict: 'no-baseline', message: `${metric}: no baseline for this machine class (\`${current.machineId}\`).`, advice: recordAdvice })
      } else if (baseline.machineId !== current.machineId || (baseline.hardware !== undefined && current.hardware !== undefined && baseline.hardware !== current.hardware)) {
        const on = (side: JudgeSide): string => `\`${side.machineId}\`${side.hardware === undefined ? '' : ` (${side.hardware})`}`
        verdicts.push({ ...draft, verdict: 'incomparable', message: `${metric}: the baseline was recorded on machine class ${on(baseline)}, this run is on ${on(current)}.`, advice: `Compare only with a baseline of this machine class (same CPU model and core count). ${recordAdvice}` })
      } else if (stored === undefined && other !== undefined) {
        verdicts.push({ ...draft, verdict: 'incomparable', message: `${metric}: the baseline of ${row.key} is for ${describeSetup(other)}, this run has ${describeSetup(row)}.`, advice: `Record a baseline for this version and flags. ${recordAdvice}` })
      } else {
        const before = summaryOf(stored, metric)
        if (stored === undefined || before === undefined) {
          verdicts.push({ ...draft, verdict: 'no-baseline', message: `${metric}: the baseline has no \`${metric}\` for ${row.key}.`, advice: recordAdvice })
        } else if (metricPolicy.kind === 'exact') {
          verdicts.push(judgeExact({ ...draft, baseline: median(before), statistic: 'median' }, metricPolicy, [now, before]))
        } else {
          const prepared = prepareSampled({ current, baseline, row, stored, metric, policy, metricPolicy, now, before })
          pending.push({ ...prepared.pending, index: verdicts.length })
          verdicts.push({ ...draft, ...prepared.draft, verdict: 'pass', message: '' })
        }
      }
    }
  }
  const qValues = benjaminiHochberg(pending.map((entry) => entry.comparison.pValue))
  // Under Benjamini-Hochberg a lone change must reach q / m.
  const loneAlpha = policy.falseDiscoveryRate / Math.max(1, pending.length)
  pending.forEach((entry, i) => {
    const verdict = verdicts[entry.index]
    if (verdict !== undefined) verdicts[entry.index] = guardLoad(judgeSampled(verdict, entry, qValues[i] ?? 1, policy.falseDiscoveryRate, loneAlpha), entry.load, policy.maxOtherLoadCores)
  })
  return verdicts
}

interface SampledInput {
  current: JudgeSide
  baseline: JudgeSide
  row: JudgeRow
  stored: JudgeRow
  metric: string
  policy: JudgePolicy
  metricPolicy: MetricPolicy
  now: MetricSummary
  before: MetricSummary
}

/** Chooses absolute or relative comparison, runs the tests, and drafts the verdict's fields. */
function prepareSampled(input: SampledInput): { pending: Omit<Pending, 'index'>; draft: Partial<Draft> } {
  const { current, baseline, row, stored, metric, policy, metricPolicy, now, before } = input
  const calibration = stored.noise?.[metric]
  const referenceNow = findReferenceRow(current.rows, row, policy.referenceRuntime)
  const referenceBefore = findReferenceRow(baseline.rows, stored, policy.referenceRuntime)
  const refNow = summaryOf(referenceNow, metric)
  const refBefore = referenceNow !== undefined && referenceBefore !== undefined && sameSetup(referenceNow, referenceBefore) ? summaryOf(referenceBefore, metric) : undefined
  const steadier = calibration?.relativeLogSd !== undefined && calibration.relativeLogSd < calibration.absoluteLogSd
  // Another machine of the class runs everything faster or slower (see otherMachineMinEffect): the
  // ratio to the reference row of the same run cancels that, an absolute timing needs a larger change.
  const acrossMachines = metricPolicy.speedDependent === true && current.machine !== undefined && baseline.machine !== undefined && current.machine !== baseline.machine
  const relative = refNow !== undefined && refBefore !== undefined
    && (metricPolicy.reference === 'always' || (metricPolicy.reference === 'auto' && (steadier || acrossMachines)))
  const effectivePolicy = acrossMachines && !relative ? { ...metricPolicy, minEffect: Math.max(metricPolicy.minEffect, policy.otherMachineMinEffect) } : metricPolicy
  const logSd = relative ? calibration?.relativeLogSd : calibration?.absoluteLogSd
  const noise = calibration === undefined || logSd === undefined ? undefined : { logSd, runs: calibration.runs }
  const side = (summary: MetricSummary, reference: MetricSummary | undefined): SampleSide =>
    (relative && reference !== undefined ? { samples: summary.samples, reference: reference.samples } : { samples: summary.samples })
  const comparison = compareSamples(side(now, refNow), side(before, refBefore), metricPolicy.statistic, noise)
  return {
    pending: {
      metric, policy: effectivePolicy, acrossMachines: acrossMachines && !relative, comparison, noise, samples: Math.min(now.n, before.n),
      load: { ...(row.otherLoadCores === undefined ? {} : { now: row.otherLoadCores }), ...(stored.otherLoadCores === undefined ? {} : { before: stored.otherLoadCores }) },
    },
    draft: {
      baseline: comparison.baseline,
      current: comparison.current,
      statistic: metricPolicy.statistic,
      method: metricPolicy.statistic === 'median' ? 'mann-whitney-u' : 'quantile-test',
      comparedAs: relative ? 'relative-to-reference' : 'absolute',
      minEffect: effectivePolicy.minEffect,
      ...(relative && referenceNow !== undefined ? { reference: referenceNow.key } : {}),
      ...(noise === undefined ? {} : { runToRunLogSd: noise.logSd, calibrationRuns: noise.runs }),
    },
  }
}

/**
 * Other load only ever adds time, so a slower row measured on a busy machine proves nothing, and a
 * baseline recorded on a busy machine hides regressions: both become inconclusive, saying why.
 */
function guardLoad(verdict: Verdict, load: Pending['load'], maxCores: number): Verdict {
  const busyBaseline = load.before !== undefined && load.before > maxCores
  const busyNow = load.now !== undefined && load.now > maxCores && verdict.verdict === 'regressed'
  if (!busyBaseline && !busyNow) return verdict
  const cores = busyBaseline ? load.before : load.now
  return {
    ...verdict,
    verdict: 'inconclusive',
    message: `${verdict.message.replace(/^(\S+) \w+: /, '$1 inconclusive: ')} But other processes used ${cores?.toFixed(2) ?? '?'} CPU cores while ${busyBaseline ? 'the baseline was recorded' : 'this row was measured'} (limit ${maxCores}), so it is not judged.`,
    advice: busyBaseline
      ? 'Record the baseline again on a quiet machine (`vitest bench -u` with nothing else running).'
      : 'Run again with nothing else running on the machine (builds, browsers, other benchmarks).',
  }
}

/** Largest over smallest sample, minus 1: how far a "deterministic" metric's samples disagree. */
function relativeRange(summary: MetricSummary): number {
  return summary.min > 0 ? summary.max / summary.min - 1 : summary.max === summary.min ? 0 : Number.POSITIVE_INFINITY
}

/**
 * Whether every sample of `now` lies beyond every sample of `before` by at least `minEffect` (up:
 * regressed, down: improved): then the change holds for each invocation, whatever the spread.
 */
function separatedBy(now: MetricSummary, before: MetricSummary, minEffect: number): 'up' | 'down' | undefined {
  if (before.max > 0 && now.min >= before.max * (1 + minEffect)) return 'up'
  if (before.min > 0 && now.max <= before.min * (1 - minEffect)) return 'down'
  return undefined
}

function judgeExact(draft: Draft, policy: MetricPolicy, samples: readonly [MetricSummary, MetricSummary]): Verdict {
  const before = draft.baseline ?? 0
  const now = draft.current ?? 0
  const range = Math.max(...samples.map(relativeRange))
  const separated = separatedBy(samples[0], samples[1], policy.minEffect)
  if (range > policy.minEffect / 2 && separated !== undefined) {
    // Counts that vary (a JIT runtime, or a slowdown that is itself timed) but whose ranges lie apart by
    // more than the threshold: every invocation changed by at least that much.
    const change = now / before - 1
    const verdict = separated === 'up' ? 'regressed' : 'improved'
    return {
      ...draft,
      method: 'threshold',
      comparedAs: 'absolute',
      verdict,
      change,
      message: `${draft.metric} ${verdict}: ${formatMetricValue(draft.metric, before)} -> ${formatMetricValue(draft.metric, now)} (${formatChange(change)}; every invocation ${separated === 'up' ? 'above' : 'below'} every baseline one by more than the exact threshold ${formatPercent(policy.minEffect)}, though identical invocations differ by up to ${formatPercent(range)}).`,
    }
  }
  if (range > policy.minEffect / 2) {
    // Counts that differ between identical invocations are not deterministic here (a JIT runtime).
    return {
      ...draft,
      method: 'threshold',
      comparedAs: 'absolute',
      verdict: 'inconclusive',
      message: `${draft.metric} inconclusive: ${formatMetricValue(draft.metric, before)} -> ${formatMetricValue(draft.metric, now)}, but identical invocations differ by up to ${formatPercent(range)}, so the exact ${formatPercent(policy.minEffect)} threshold does not apply.`,
      advice: `This runtime is not deterministic under this counter (JIT compilation, GC and threads vary). Judge it with a threshold above its spread (\`baseline.policy.metrics.${draft.metric}.minEffect\`), or rely on its native row.`,
    }
  }
  const change = before === 0 ? (now === 0 ? 0 : Number.POSITIVE_INFINITY) : now / before - 1
  const verdict = change >= policy.minEffect ? 'regressed' : change <= -policy.minEffect ? 'improved' : 'pass'
  const what = verdict === 'pass' ? `within the ${formatPercent(policy.minEffect)} threshold` : verdict
  return {
    ...draft,
    method: 'threshold',
    comparedAs: 'absolute',
    verdict,
    ...(Number.isFinite(change) ? { change } : {}),
    message: `${draft.metric} ${what}: ${formatMetricValue(draft.metric, before)} -> ${formatMetricValue(draft.metric, now)} (${Number.isFinite(change) ? formatChange(change) : 'from zero'}; exact threshold ${formatPercent(policy.minEffect)}).`,
  }
}

function judgeSampled(verdict: Verdict, entry: Pending, qValue: number, level: number, loneAlpha: number): Verdict {
  const { metric, policy, comparison, noise } = entry
  const { change } = comparison
  const fromSamples = detectableChange(comparison.logStandardError, loneAlpha)
  const fromRuns = noise === undefined ? 0 : detectableRunChange(noise, loneAlpha)
  const detectable = Math.max(fromSamples, fromRuns)
  const significant = qValue <= level
  if (comparison.relativeResolution > policy.minEffect / 2) {
    return {
      ...verdict,
      verdict: 'inconclusive',
      message: `${metric} inconclusive: the measurement's step (${formatMetricValue(metric, comparison.relativeResolution * comparison.current)}) is ${formatPercent(comparison.relativeResolution)} of the value ${formatMetricValue(metric, comparison.current)}, too coarse to tell a ${formatPercent(policy.minEffect)} change.`,
      advice: 'Measure more work per sample (larger workload parameters) so that the timer resolution is small against it.',
    }
  }
  const stats = { ...(Number.isFinite(change) ? { change } : {}), pValue: comparison.pValue, qValue, detectableChange: detectable }
  const how = verdict.comparedAs === 'relative-to-reference'
    ? `relative to ${verdict.reference ?? 'the reference'} in the same run`
    : entry.acrossMachines ? 'absolute, against a baseline of another machine of this class' : 'absolute'
  const values = `${formatMetricValue(metric, verdict.baseline ?? 0)} -> ${formatMetricValue(metric, verdict.current ?? 0)}`
  const shown = Number.isFinite(change) ? formatChange(change) : 'from zero'
  const uncalibrated = noise === undefined ? ' Run-to-run noise is not calibrated.' : ''
  const absoluteChange = Math.abs((verdict.current ?? 0) - (verdict.baseline ?? 0))
  const belowAbsolute = policy.minAbsoluteChange !== undefined && absoluteChange < policy.minAbsoluteChange
  if (significant && Math.abs(change) >= policy.minEffect && belowAbsolute) {
    return { ...verdict, ...stats, verdict: 'pass', message: `${metric} pass: ${values}, ${shown} ${how}: significant, but the change of ${formatMetricValue(metric, absoluteChange)} is below the minimum absolute change of ${formatMetricValue(metric, policy.minAbsoluteChange ?? 0)}.${uncalibrated}` }
  }
  if (significant && Math.abs(change) >= policy.minEffect) {
    const kind = change > 0 ? 'regressed' : 'improved'
    const confidence = qValue < 1e-4 ? '>99.99%' : `${(Math.floor((1 - qValue) * 1000) / 10).toFixed(1)}%`
    return { ...verdict, ...stats, verdict: kind, message: `${metric} ${kind}: ${values}, ${shown} ${how} (confidence ${confidence}, q = ${qValue.toPrecision(2)}).${uncalibrated}`, ...(noise === undefined && kind === 'regressed' ? { advice: calibrateAdvice } : {}) }
  }
  if (!significant && detectable > policy.minEffect) {
    const runs = fromRuns >= fromSamples && noise !== undefined
    const advice = runs
      ? `This machine's run-to-run drift (about ±${formatPercent(Math.expm1(noise.logSd))} over ${noise.runs} calibration runs) hides a ${formatPercent(policy.minEffect)} change; more samples per run do not help. Run on a quieter machine (no other load, fixed CPU frequency), calibrate with more runs (\`self-check --record --repeats 20\`), or gate on a steadier metric (warmLatencyMs, cpuTimeMs, valgrindInstructions).`
      : `Take more samples: raise \`${policy.samplesOption}\` (env ${envNameOf(policy.samplesOption)}) by the factor each line gives, record the baseline again with the same setting, or run on a quieter machine.`
    const more = runs ? 'more samples would not help' : `about ${Math.ceil(samplesFactorFor(policy.minEffect, fromSamples) * 10) / 10}x the ${entry.samples} samples would`
    return { ...verdict, ...stats, verdict: 'inconclusive', message: `${metric} inconclusive: ${values}, ${shown} ${how}; too noisy to detect a ${formatPercent(policy.minEffect)} change (about ${formatPercent(detectable)} could be detected; ${more}).`, advice }
  }
  const why = significant ? `significant but below the ${formatPercent(policy.minEffect)} minimum effect` : `no significant change (a ${formatPercent(policy.minEffect)} change would have been detected)`
  return { ...verdict, ...stats, verdict: 'pass', message: `${metric} pass: ${values}, ${shown} ${how}: ${why}.${uncalibrated}` }
}
