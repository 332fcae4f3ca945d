/**
 * The regression gate's policy: which metrics are judged, how (statistical test or exact
 * threshold), the smallest change that counts, and the false discovery rate across the matrix.
 */
import { metricEntries } from '../metrics/metric-registry.ts'


/** `sampled`: noisy samples, compared with a statistical test. `exact`: deterministic counts or sizes, compared with a threshold. */
export type MetricKind = 'sampled' | 'exact'

/**
 * The statistic a sampled metric is compared on: `p10`, the 10th percentile, for timings (other
 * load only ever adds time, so a low quantile is the steady estimate of the undisturbed time), or
 * `median` for the rest.
 */
export type MetricStatistic = 'median' | 'p10'

/** How one metric is judged. */
export interface MetricPolicy {
  kind: MetricKind
  /** The statistic compared (sampled metrics; exact metrics always compare medians). */
  statistic: MetricStatistic
  /** Smallest relative change that counts as a regression or an improvement, as a fraction (0.05 = 5%). */
  minEffect: number
  /** Smallest absolute change that counts, in the metric's unit (sampled metrics); default none. For memory of tiny processes, whose few hundred KiB of drift is a large fraction. */
  minAbsoluteChange?: number
  /**
   * Whether to compare ratios to the reference row (native, same workload) measured in the same run,
   * which cancels drift that moves every row alike. `auto`: when both runs have the reference row and
   * the self-check found the ratio steadier from run to run than the absolute value. `always`: whenever
   * both runs have it. `never`: absolute values.
   */
  reference: 'auto' | 'always' | 'never'
  /** The plugin option that adds samples to this metric, named in the advice of an inconclusive verdict. */
  samplesOption: string
  /**
   * A timing that moves with the speed of the machine as a whole. Compared with a baseline recorded on
   * another machine of the same class, it is compared relative to the in-run reference row whenever
   * both runs have it, and otherwise needs `otherMachineMinEffect`.
   */
  speedDependent?: boolean
}

/** The whole policy handed to `judge`. */
export interface JudgePolicy {
  /**
   * False discovery rate across every sampled comparison of the run, controlled with the
   * Benjamini-Hochberg procedure. Default 0.01.
   */
  falseDiscoveryRate: number
  /** The runtime whose row of the same workload is the in-run reference. Default `native`. */
  referenceRuntime: string
  /**
   * A sampled metric measured while other processes used more than this many CPU cores (the row's
   * `otherLoadCores`) is never reported as regressed: the verdict is inconclusive and says why. A
   * baseline entry recorded under such load makes its row's sampled verdicts inconclusive. Default
   * 0.5: on this project's 2-vCPU machines, other work above half a core moved cold starts by 50%
   * and more for minutes (self-check data), too long for a re-measurement to wait out.
   */
  maxOtherLoadCores: number
  /**
   * Smallest relative change of a speed-dependent timing that counts when the baseline was recorded on
   * another machine of the same class and the timing cannot be compared relative to the in-run
   * reference (the reference row itself, in-process phases). Default 0.5: quiet VMs of this project's
   * class ran the same rows 25-41% apart (native cold start and CPU time, 2026-12-08), so a smaller
   * absolute change across machines says nothing about the code.
   */
  otherMachineMinEffect: number
  /** Metrics that are judged, by name. A metric not listed is reported but never judged. */
  metrics: Record<string, MetricPolicy>
}

/** Partial policy as users write it in the plugin options (`baseline.policy`). */
export interface JudgePolicyOverrides {
  falseDiscoveryRate?: number
  referenceRuntime?: string
  maxOtherLoadCores?: number
  otherMachineMinEffect?: number
  /** Applies to every metric unless the metric sets its own. */
  minEffect?: number
  /** Per metric; `false` stops judging a metric. */
  metrics?: Record<string, Partial<MetricPolicy> | false>
}

/** Default minimum effect: a 5% change. */
export { defaultMinEffect } from '../metrics/metric-registry.ts'

/** Default minimum effect of an absolute timing against a baseline of another machine of the class. */
export const defaultOtherMachineMinEffect = 0.5

/** The policy of each metric the registry marks as judged, in registry order. */
function registryMetricPolicies(): Record<string, MetricPolicy> {
  const metrics: Record<string, MetricPolicy> = {}
  for (const [name, definition] of metricEntries()) {
    const gate = definition.gate
    if (!gate.judged) continue
    metrics[name] = {
      kind: gate.kind,
      statistic: gate.statistic,
      minEffect: gate.minEffect,
      ...(gate.minAbsoluteChange === undefined ? {} : { minAbsoluteChange: gate.minAbsoluteChange }),
      reference: gate.reference,
      samplesOption: definition.samplesOption ?? 'coldSamples',
      ...(gate.speedDependent === true ? { speedDependent: true } : {}),
    }
  }
  return metrics
}

/**
 * The default policy: every metric the registry (plugin/metrics/metric-registry.ts) marks as judged,
 * with its kind, statistic, minimum effect and reference there. Times may compare relative to native;
 * phases of in-process runs (which native has not) and memory compare absolutely; cpuUtilisation is
 * a ratio of two judged metrics, so it is not judged itself.
 */
export const defaultPolicy: JudgePolicy = {
  falseDiscoveryRate: 0.01,
  referenceRuntime: 'native',
  maxOtherLoadCores: 0.5,
  otherMachineMinEffect: defaultOtherMachineMinEffect,
  metrics: registryMetricPolicies(),
}
