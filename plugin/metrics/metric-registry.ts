/**
 * The metric registry: every metric the tool records, one entry each, keyed by its name (the unit is
 * part of the name). The row recorder, the terminal, Markdown and HTML tables, the report's charts,
 * BMF export, the regression gate, quality warnings and the results schema all read it. Adding a
 * metric is one entry here plus its collector (docs/metrics.md, "Adding a metric").
 */
import type { MetricDefinition } from './metric-definition.ts'

const nsPerMs = 1e6
const usPerMs = 1e3

/** Default minimum effect of a judged metric: a 5% change. */
export const defaultMinEffect = 0.05

// Timings compare the 10th percentile: other load only ever adds time, so a low quantile is the steady estimate.
const timing = { judged: true, kind: 'sampled', statistic: 'p10', minEffect: defaultMinEffect, speedDependent: true } as const
const exact = { judged: true, kind: 'exact', statistic: 'median', minEffect: defaultMinEffect, reference: 'never' } as const
const scaleOnly = { judged: false, why: 'one sample per point of a scale run; compare scale runs by their charts' } as const
const httpOnly = { judged: false, why: 'HTTP rows are reported, not judged' } as const

/** Context switches need wait4's rusage of the invocation's own process. */
const noOwnProcess = 'counted from wait4 rusage of a process per invocation: in-process rows share one host process, whose context switches are not the instance\'s'

/**
 * Every metric, in the order the gate judges them (then the rest). Columns and charts have their own
 * order (`columns[].position`, chart sections).
 */
export const metricRegistry = {
  coldStartMs: {
    unit: 'ms',
    description: 'process mode: spawn to exit of a fresh runtime process (posix_spawn to wait4); in-process mode: compile + instantiate + run of a fresh instance in a live host; remote: request to checked response',
    better: 'lower',
    sample: 'one per cold invocation; the discarded warm-up run is kept aside to spot a slow first run',
    samplesOption: 'coldSamples',
    assessed: true,
    coldInvocation: { sample: (usage) => usage.wallNs / nsPerMs, checkFirstRun: true },
    columns: [{ header: 'cold start', position: 1, tables: ['terminal', 'markdown', 'html'] }],
    chart: { section: 'cold-start', id: 'cold-start', title: 'Cold start', axisLabel: 'Cold start, median (ms) →', mark: 'bar', scale: 'linear', tickFormat: 'number', caption: 'Cold start per runtime and workload: process mode is spawn to exit of a fresh runtime process; in-process mode is compile + instantiate + run of a fresh instance in a live host. Bars: median.' },
    gate: { ...timing, reference: 'auto' },
  },
  cpuTimeMs: {
    unit: 'ms',
    description: 'user + system CPU time of a cold invocation (wait4 rusage; in-process: the host\'s process.cpuUsage())',
    better: 'lower',
    sample: 'one per cold invocation',
    samplesOption: 'coldSamples',
    assessed: true,
    coldInvocation: { sample: (usage) => (usage.cpuUserUs + usage.cpuSysUs) / usPerMs, localProcess: true },
    columns: [{ header: 'CPU time', position: 3, tables: ['terminal', 'markdown', 'html'] }],
    chart: { section: 'cpu', id: 'cpu-time', title: 'CPU time', axisLabel: 'CPU time (user + system) of a cold invocation, median (ms) →', mark: 'bar', scale: 'linear', tickFormat: 'number', caption: 'User + system CPU time of one cold invocation. Bars: median.' },
    gate: { ...timing, reference: 'auto' },
  },
  warmLatencyMs: {
    unit: 'ms',
    description: 'one call of the workload inside a live instance, repeated (timed by the workload harness with CLOCK_MONOTONIC)',
    better: 'lower',
    sample: 'one per warm repetition (warmBatches x warmRepeats)',
    samplesOption: 'warmBatches',
    assessed: true,
    columns: [{ header: 'warm', position: 2, tables: ['terminal', 'markdown', 'html'] }],
    chart: { section: 'warm-latency', id: 'warm-latency', title: 'Warm latency', axisLabel: 'Warm latency per call, median (log scale; ns, µs, ms) →', mark: 'dot', scale: 'log', tickFormat: 'duration', caption: 'One call of the workload inside a live instance, timed by the workload harness. Dots: median, on a log scale because runtimes differ by orders of magnitude.' },
    gate: { ...timing, reference: 'auto' },
  },
  compileMs: {
    unit: 'ms',
    description: 'in-process mode: the compile phase of a cold start',
    better: 'lower',
    sample: 'one per cold in-process invocation',
    samplesOption: 'coldSamples',
    assessed: false,
    coldInvocation: { sample: (usage) => (usage.phases === undefined ? undefined : usage.phases.compileNs / nsPerMs) },
    gate: { ...timing, reference: 'never' },
  },
  instantiateMs: {
    unit: 'ms',
    description: 'in-process mode: the instantiate phase of a cold start; scale rows (mode `instantiate`): one instantiation inside a live embedder (no compile, no process start, no run)',
    better: 'lower',
    sample: 'one per cold in-process invocation (scale: one per instantiation)',
    samplesOption: 'coldSamples',
    assessed: false,
    coldInvocation: { sample: (usage) => (usage.phases === undefined ? undefined : usage.phases.instantiateNs / nsPerMs) },
    chart: { section: 'scale', id: 'instantiate', title: 'Instantiate-only time inside an embedder', axisLabel: 'Instantiation, median (log scale; ns, µs, ms) →', mark: 'dot', scale: 'log', tickFormat: 'duration', caption: 'One instantiation of an already compiled module in a live host (its WASI context included; no process start, no compile, no run). Dots: median, on a log scale.', modes: ['instantiate'] },
    gate: { ...timing, reference: 'never' },
  },
  runMs: {
    unit: 'ms',
    description: 'in-process mode: the run phase of a cold start (`_start` to return)',
    better: 'lower',
    sample: 'one per cold in-process invocation',
    samplesOption: 'coldSamples',
    assessed: false,
    coldInvocation: { sample: (usage) => (usage.phases === undefined ? undefined : usage.phases.runNs / nsPerMs) },
    gate: { ...timing, reference: 'never' },
  },
  peakRssBytes: {
    unit: 'bytes',
    description: 'peak resident set of the process that ran the invocation (ru_maxrss from wait4; in-process: the host process\'s maxRSS, which includes Node)',
    better: 'lower',
    sample: 'one per cold invocation',
    samplesOption: 'coldSamples',
    assessed: false,
    coldInvocation: { sample: (usage) => usage.peakRssBytes, localProcess: true },
    columns: [{ header: 'peak RSS', position: 5, tables: ['terminal', 'markdown', 'html'] }],
    chart: { section: 'memory', id: 'peak-memory', title: 'Peak memory', axisLabel: 'Peak resident set size, median (MiB) →', mark: 'bar', scale: 'linear', tickFormat: 'number', caption: 'Peak resident set size of the process that ran the invocation; in-process rows include the whole host process (Node). Bars: median.' },
    // A small process's peak RSS moves by up to 0.2 MiB between runs here (native fib, 1.4-1.6 MiB: 7% to
    // 12% in A/A runs) while staying steady within a run: changes smaller than 512 KiB never count.
    gate: { judged: true, kind: 'sampled', statistic: 'median', minEffect: defaultMinEffect, minAbsoluteChange: 512 * 1024, reference: 'never' },
  },
  instanceMemoryBytes: {
    unit: 'bytes',
    description: 'in-process mode and HTTP rows: the instance\'s linear memory after the run',
    better: 'lower',
    sample: 'one per cold in-process invocation (HTTP: one per checked response)',
    samplesOption: 'coldSamples',
    assessed: false,
    coldInvocation: { sample: (usage) => usage.instanceMemoryBytes },
    gate: exact,
  },
  instructions: {
    unit: 'count',
    description: 'retired instructions from hardware counters (perf stat) where the machine has a PMU; otherwise unsupported with the reason, never an estimate',
    better: 'lower',
    sample: 'one per counted invocation',
    samplesOption: 'coldSamples',
    assessed: false,
    gate: exact,
    bmfMeasure: 'instructions-count',
  },
  cycles: {
    unit: 'count',
    description: 'CPU cycles from hardware counters (perf stat) where the machine has a PMU; otherwise unsupported with the reason',
    better: 'lower',
    sample: 'one per counted invocation',
    samplesOption: 'coldSamples',
    assessed: false,
    gate: exact,
    bmfMeasure: 'cycles-count',
  },
  valgrindInstructions: {
    unit: 'count',
    description: 'instructions counted by valgrind (callgrind) in extra, untimed invocations (`instructionCount: \'valgrind\'`); deterministic where the runtime is',
    better: 'lower',
    sample: 'one per valgrind run (valgrindRuns)',
    samplesOption: 'valgrindRuns',
    assessed: false,
    gate: exact,
  },
  cpuUtilisation: {
    unit: 'ratio',
    description: 'cpuTimeMs / coldStartMs of each cold invocation; above 1 when a runtime uses more than one core (V8 compiles on background threads)',
    better: 'lower',
    sample: 'one per cold invocation',
    samplesOption: 'coldSamples',
    assessed: false,
    coldInvocation: { sample: (usage) => (usage.cpuUserUs + usage.cpuSysUs) / usPerMs / (usage.wallNs / nsPerMs), localProcess: true },
    columns: [{ header: 'CPU util', position: 4, tables: ['terminal', 'markdown', 'html'] }],
    chart: { section: 'cpu', id: 'cpu-utilisation', title: 'CPU utilisation', axisLabel: 'CPU utilisation = CPU time / wall time, median (%) →', mark: 'bar', scale: 'linear', tickFormat: 'number', caption: 'CPU time divided by wall time of each cold invocation; above 100% the runtime used more than one core. Bars: median.', reference: { value: 100, label: 'one core' } },
    gate: { judged: false, why: 'a ratio of two judged metrics (cpuTimeMs, coldStartMs)' },
    bmfMeasure: 'cpu-utilisation-ratio',
  },
  containerOverheadMs: {
    unit: 'ms',
    description: 'runc rows: what the container adds (create, start, teardown) to running the same executable directly, from interleaved pairs',
    better: 'lower',
    sample: 'one per interleaved pair of a direct and a container run',
    samplesOption: 'coldSamples',
    assessed: true,
    gate: { judged: false, why: 'a difference of two noisy timings; the runc row\'s coldStartMs is judged' },
  },
  faasmExecMs: {
    unit: 'ms',
    description: 'Faasm rows: Faasm\'s own start_ts..finish_ts of each invocation (millisecond resolution)',
    better: 'lower',
    sample: 'one per cold invocation',
    samplesOption: 'coldSamples',
    assessed: true,
    gate: { judged: false, why: 'measured by the platform at millisecond resolution; the row\'s coldStartMs is judged' },
  },
  voluntaryContextSwitches: {
    unit: 'count',
    description: 'process mode: voluntary context switches of the process that ran the invocation and its reaped descendants (ru_nvcsw from wait4): how often it blocked (I/O, a lock, a sleep, waiting for a thread)',
    better: 'lower',
    sample: 'one per cold invocation',
    samplesOption: 'coldSamples',
    assessed: false,
    coldInvocation: { sample: (usage) => usage.metrics?.voluntaryContextSwitches, localProcess: true, absentReason: noOwnProcess },
    columns: [{ header: 'vol. ctx sw', position: 6, tables: ['html'] }],
    gate: { judged: false, why: 'a count of scheduling events that moves with threads, I/O and other load; read it to explain a change of coldStartMs' },
  },
  involuntaryContextSwitches: {
    unit: 'count',
    description: 'process mode: involuntary context switches of the process that ran the invocation and its reaped descendants (ru_nivcsw from wait4): how often the scheduler preempted it (time slice used up, other load on its core)',
    better: 'lower',
    sample: 'one per cold invocation',
    samplesOption: 'coldSamples',
    assessed: false,
    coldInvocation: { sample: (usage) => usage.metrics?.involuntaryContextSwitches, localProcess: true, absentReason: noOwnProcess },
    columns: [{ header: 'invol. ctx sw', position: 7, tables: ['html'] }],
    gate: { judged: false, why: 'rises with other load on the machine rather than with the runtime; read it as a sign of a disturbed measurement' },
  },
  firstResponseMs: {
    unit: 'ms',
    description: 'HTTP rows: spawn to the end of the first correct response',
    better: 'lower',
    sample: 'one per cold start of the server',
    samplesOption: 'http.coldSamples',
    assessed: true,
    columns: [{ header: 'first response', position: 1, tables: ['terminal-http'] }],
    gate: httpOnly,
  },
  requestsPerSec: {
    unit: 'per-second',
    description: 'HTTP rows: responses completed per 250 ms window of the load phase, scaled to a second (the windows where connections open and where the load generator stops left out)',
    better: 'higher',
    sample: 'one per 250 ms window of the load phase',
    samplesOption: 'http.durationMs',
    assessed: true,
    columns: [{ header: 'req/s', position: 2, tables: ['terminal-http'] }, { header: 'requests/s', position: 1, tables: ['markdown-http', 'html-http'] }],
    gate: httpOnly,
  },
  latencyMs: {
    unit: 'ms',
    description: 'HTTP rows: every request\'s latency under load; the summary gives p50, p90, p99, max (at most 2,000 samples kept)',
    better: 'lower',
    sample: 'one per request of the load phase',
    samplesOption: 'http.durationMs',
    assessed: false,
    columns: [{ header: 'p50', position: 3, tables: ['terminal-http'] }, { header: 'p99', position: 4, tables: ['terminal-http'], statistic: 'p99' }, { header: 'p99 latency', position: 2, tables: ['markdown-http', 'html-http'], statistic: 'p99' }],
    gate: httpOnly,
  },
  bytesPerSec: {
    unit: 'bytes-per-second',
    description: 'HTTP rows: requestsPerSec x page size (every counted response is the whole page)',
    better: 'higher',
    sample: 'one per 250 ms window of the load phase',
    samplesOption: 'http.durationMs',
    assessed: false,
    gate: httpOnly,
  },
  errorCount: {
    unit: 'count',
    description: 'HTTP rows: failed requests of the load phase (any makes the row fail, so 0 in a row)',
    better: 'lower',
    sample: 'one per load phase',
    assessed: false,
    gate: httpOnly,
  },
  non2xxCount: {
    unit: 'count',
    description: 'HTTP rows: non-2xx responses of the load phase (any makes the row fail, so 0 in a row)',
    better: 'lower',
    sample: 'one per load phase',
    assessed: false,
    gate: httpOnly,
  },
  serverCpuUtilisation: {
    unit: 'ratio',
    description: 'HTTP rows: the server process tree\'s user + system CPU per sampling interval (1 = one core busy)',
    better: 'lower',
    sample: 'one per 200 ms sampling interval of the load phase',
    samplesOption: 'http.durationMs',
    assessed: false,
    columns: [{ header: 'server CPU', position: 5, tables: ['terminal-http'] }],
    gate: httpOnly,
  },
  serverRssBytes: {
    unit: 'bytes',
    description: 'HTTP rows: resident memory of the server process tree at each sample',
    better: 'lower',
    sample: 'one per 200 ms sampling interval of the load phase',
    samplesOption: 'http.durationMs',
    assessed: false,
    columns: [{ header: 'server RSS', position: 6, tables: ['terminal-http'] }],
    gate: httpOnly,
  },
  pssPerInstanceBytes: {
    unit: 'bytes',
    description: 'scale rows, mode `density`: marginal PSS per live instance, (PSS at N - PSS with none) / N',
    better: 'lower',
    sample: 'one per N',
    samplesOption: 'scale',
    assessed: false,
    gate: scaleOnly,
  },
  pssPerAddedInstanceBytes: {
    unit: 'bytes',
    description: 'scale rows, mode `density`: PSS each instance added since the previous N, (PSS at N - PSS at the previous N) / (N - previous N)',
    better: 'lower',
    sample: 'one per N',
    samplesOption: 'scale',
    assessed: false,
    gate: scaleOnly,
  },
  pssTotalBytes: {
    unit: 'bytes',
    description: 'scale rows, mode `density`: PSS of the host\'s whole process tree with N live instances',
    better: 'lower',
    sample: 'one per N',
    samplesOption: 'scale',
    assessed: false,
    gate: scaleOnly,
  },
  allReadyMs: {
    unit: 'ms',
    description: 'scale rows, mode `density`: time to have all N started and answered correctly (host start excluded)',
    better: 'lower',
    sample: 'one per N',
    samplesOption: 'scale',
    assessed: false,
    gate: scaleOnly,
  },
  burstAllCorrectMs: {
    unit: 'ms',
    description: 'scale rows, mode `burst`: K simultaneous cold starts until the last answered correctly',
    better: 'lower',
    sample: 'one per burst',
    samplesOption: 'scale',
    assessed: false,
    gate: scaleOnly,
  },
  coldStartsPerSec: {
    unit: 'per-second',
    description: 'scale rows, mode `burst`: K / burstAllCorrectMs, correct cold starts per second',
    better: 'higher',
    sample: 'one per burst',
    samplesOption: 'scale',
    assessed: false,
    gate: scaleOnly,
  },
  firstCallMs: {
    unit: 'ms',
    description: 'scale rows, snapshot part (mode `instantiate`): the first call of a new instance inside a live embedder (`_initialize` when exported, the workload run, its output read), plain or pre-initialised by Wizer',
    better: 'lower',
    sample: 'one per instantiation',
    samplesOption: 'scale',
    assessed: false,
    gate: scaleOnly,
  },
} as const satisfies Record<string, MetricDefinition>

/** The name of a metric in the registry; the unit is part of the name (`coldStartMs`, `peakRssBytes`). */
export type MetricName = keyof typeof metricRegistry

/** True when `name` is a metric of the registry. */
export function isMetricName(name: string): name is MetricName {
  return Object.hasOwn(metricRegistry, name)
}

/**
 * The definition of a metric that is not in the registry (a user adapter's `extraMetrics`, a results
 * file from a newer version): a plain count, reported and not judged, checked for quality like a cold metric.
 */
export const unknownMetric: MetricDefinition = {
  unit: 'count',
  description: 'a metric this version of wasm-faas-bench does not define (an adapter\'s extra metric)',
  better: 'lower',
  sample: 'as the adapter reports them',
  samplesOption: 'coldSamples',
  assessed: true,
  gate: { judged: false, why: 'not in the metric registry' },
}

/** The registry entry of `name`, or {@link unknownMetric} for a name the registry does not define. */
export function metricDefinition(name: string): MetricDefinition {
  return isMetricName(name) ? metricRegistry[name] : unknownMetric
}

/** Every registry entry with its name, in registry order. */
export function metricEntries(): Array<[MetricName, MetricDefinition]> {
  return Object.entries(metricRegistry) as Array<[MetricName, MetricDefinition]>
}
