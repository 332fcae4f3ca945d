import type { InvocationUsage } from '../types.ts'
import type { MetricUnit } from './format-units.ts'

/**
 * The tables a metric can have a column in: the compact tables of invocation rows (the terminal
 * summary, the Markdown summary of `report`, the HTML report's table), which print the median and its
 * spread, and the HTTP tables of load rows (`terminal-http`, `markdown-http`, `html-http`), which print
 * one statistic per column.
 */
export type ResultsTable = 'terminal' | 'markdown' | 'html' | 'terminal-http' | 'markdown-http' | 'html-http'

/**
 * The option that adds samples to a metric, named in `too-few-samples` warnings and in the advice of
 * an inconclusive verdict: `coldSamples` (one sample per cold invocation), `warmBatches` (warm
 * repetitions: warmBatches x warmRepeats), `valgrindRuns`, `http.coldSamples` (first responses),
 * `http.durationMs` (windows and requests of the load phase), `scale` (one sample per point of a scale run).
 */
export type SamplesOption = 'coldSamples' | 'warmBatches' | 'valgrindRuns' | 'http.coldSamples' | 'http.durationMs' | 'scale'

/** A column of a metric in the results tables. */
export interface MetricColumn {
  /** Column header (`cold start`). */
  header: string
  /** Place among the metric columns of its tables, from the left (1 = first). */
  position: number
  /** The tables that show the column. */
  tables: readonly ResultsTable[]
  /** The statistic printed; default the median (`p99`: the HTTP tables' tail latency). */
  statistic?: 'median' | 'p99'
}

/** A chart of a metric's medians with spread (p25–p75, min–max), one bar or dot per row, in the HTML report. */
export interface MetricChart {
  /** The report section it is drawn in; charts of one section follow the registry's order. */
  section: 'cold-start' | 'warm-latency' | 'cpu' | 'memory' | 'scale'
  /** Chart id in the page (`cold-start`). */
  id: string
  title: string
  axisLabel: string
  mark: 'bar' | 'dot'
  scale: 'linear' | 'log'
  /** `duration` lets the browser pick ns, µs, ms or s per tick (milliseconds only); `number` leaves Plot's default. */
  tickFormat: 'number' | 'duration'
  caption: string
  /** A vertical rule at this value (in the axis's unit) with its label (`one core`). */
  reference?: { value: number; label: string }
  /** Only rows of these modes are drawn (`instantiate`); default every row that has the metric. */
  modes?: readonly string[]
}

/** How the regression gate judges a metric, when it does. */
export interface MetricGateJudged {
  judged: true
  /** `sampled`: a statistical test on noisy samples. `exact`: deterministic values against a threshold. */
  kind: 'sampled' | 'exact'
  /** The statistic compared: `p10` for timings (other load only adds time), `median` for the rest. */
  statistic: 'median' | 'p10'
  /** Smallest relative change that counts (0.05 = 5%). */
  minEffect: number
  /** Smallest absolute change that counts, in the metric's unit; default none. */
  minAbsoluteChange?: number
  /** Compare ratios to the in-run reference row (native): `auto`, `always` or `never`. */
  reference: 'auto' | 'always' | 'never'
  /**
   * A timing that moves with the speed of the machine as a whole: against a baseline of another
   * machine of the class it compares relative to the reference row, or needs `otherMachineMinEffect`.
   */
  speedDependent?: boolean
}

/** A metric the gate reports but never judges, and why. */
export interface MetricGateReported {
  judged: false
  why: string
}

/** Per-row recording by the row recorder: one sample per cold invocation, taken from its usage. */
export interface ColdInvocationSource {
  /** The sample of one cold invocation, in the metric's unit; undefined when the invocation did not measure it. */
  sample: (usage: InvocationUsage) => number | undefined
  /**
   * True when the value needs the invocation's own process on this machine (CPU time, RSS): a remote
   * invocation (`usage.unmeasured`) records the metric as unsupported with that reason.
   */
  localProcess?: boolean
  /** Whether the discarded warm-up run is compared with the median (`slow-first-run` warning); default false. */
  checkFirstRun?: boolean
  /** Why the metric is unsupported on a row none of whose invocations measured it; default: the metric is left out. */
  absentReason?: string
}

/**
 * Everything about one metric, in one place: the registry (metric-registry.ts) holds one per
 * metric, keyed by its name (the unit is part of the name: `coldStartMs`, `peakRssBytes`).
 */
export interface MetricDefinition {
  unit: MetricUnit
  /** What it measures and how, in one or two sentences (the results schema's description of the metric). */
  description: string
  /** Which way is better. The gate treats an increase as worse, so every judged metric is `lower`. */
  better: 'lower' | 'higher'
  /** What one sample is and how the row summarises them (always: the summary of every sample, `MetricSummary`). */
  sample: string
  /** The option that adds samples (advice for too few samples and inconclusive verdicts); absent when the count is fixed by design. */
  samplesOption?: SamplesOption
  /** Whether its samples are checked for quality (too few, high noise, slow first run); noisy-by-nature or derived metrics are not. */
  assessed: boolean
  /** How the row recorder takes its samples from cold invocations; absent for metrics recorded elsewhere (HTTP, scale, adapters' extras, counters). */
  coldInvocation?: ColdInvocationSource
  /** Its columns in the results tables (a metric may have several: latency's p50 and p99). */
  columns?: readonly MetricColumn[]
  chart?: MetricChart
  gate: MetricGateJudged | MetricGateReported
  /** The Bencher measure slug when it is not the name in kebab-case (`cpu-utilisation-ratio`). */
  bmfMeasure?: string
}
