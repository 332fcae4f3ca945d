/**
 * Generated from schema/results.schema.json by plugin/build/generate-types.ts. Do not edit:
 * change the schema, then run `npm run gen:types`.
 */

/**
 * What the regression gate concluded for one metric of one row: `pass` (no change of at least the minimum effect), `regressed` (worse by at least the minimum effect, statistically significant or beyond an exact threshold; fails the run), `improved`, `inconclusive` (too noisy to tell a minimum-effect change; the message names the option that fixes it), `no-baseline` (nothing recorded for it), `incomparable` (baseline from another machine, runtime version or flags).
 *
 * This interface was referenced by `ResultsFile`'s JSON-Schema
 * via the `definition` "VerdictKind".
 */
export type VerdictKind = 'pass' | 'regressed' | 'improved' | 'inconclusive' | 'no-baseline' | 'incomparable'
/**
 * How a runtime creates instances. `process`: a new OS process per invocation; `in-process`: an instance inside a live host; `remote`: invoked on a platform that runs elsewhere (Faasm), so only wall time is measured here.
 *
 * This interface was referenced by `ResultsFile`'s JSON-Schema
 * via the `definition` "InstanceMode".
 */
export type InstanceMode = 'process' | 'in-process' | 'remote'
/**
 * The mode of a row: an instance mode (InstanceMode) for invocation rows, a server mode (ServerMode) for HTTP rows; the union of both lists, plus the scale rows (`wasm-faas-bench scale`, docs/scale.md): `density` (N live instances held at once, parameter `instances`), `burst` (K simultaneous cold starts, parameter `burst`), `instantiate` (instantiate-only time inside an embedder).
 *
 * This interface was referenced by `ResultsFile`'s JSON-Schema
 * via the `definition` "RowMode".
 */
export type RowMode =
  'process' | 'in-process' | 'remote' | 'one-instance' | 'instance-per-request' | 'density' | 'burst' | 'instantiate'
/**
 * Measurement-quality problems, a closed list: too few samples, high noise (interquartile range above 10% of the median), slow first run (more than twice the median), busy machine (other processes used more than a quarter of a CPU core while the row was measured), remeasured (the row looked regressed and was measured again; the numbers are the second measurement's), load cut short (an HTTP load phase stopped at `maxRequests` before `durationMs`, so it ran shorter than asked), slow load generator (hey reached too little of wrk's rate on this machine just before: the load generator, not the server, may have limited the row's throughput).
 *
 * This interface was referenced by `ResultsFile`'s JSON-Schema
 * via the `definition` "WarningCode".
 */
export type WarningCode =
  | 'too-few-samples'
  | 'high-noise'
  | 'slow-first-run'
  | 'busy-machine'
  | 'remeasured'
  | 'load-cut-short'
  | 'slow-load-generator'
/**
 * How an HTTP server creates workload instances: `one-instance` (one live instance answers every request) or `instance-per-request` (a fresh instance per request, the serverless model).
 *
 * This interface was referenced by `ResultsFile`'s JSON-Schema
 * via the `definition` "ServerMode".
 */
export type ServerMode = 'one-instance' | 'instance-per-request'
/**
 * A summary of the samples, or the reason the metric is unsupported here (objects with `unsupported` are UnsupportedMetric, all others MetricSummary).
 *
 * This interface was referenced by `ResultsFile`'s JSON-Schema
 * via the `definition` "MetricValue".
 */
export type MetricValue = MetricSummary | UnsupportedMetric

/**
 * One wasm-faas-bench run: the machine, the options, the runtimes found and one row per runtime x workload x mode x parameters. Written to bench-results/latest.json and a timestamped copy.
 */
export interface ResultsFile {
  /**
   * Version of this schema. Incremented on every incompatible change; readers refuse other versions.
   */
  schemaVersion: 1
  tool: ToolInfo
  /**
   * When the run started, as an RFC 3339 date-time in UTC (`2025-01-31T12:00:00.000Z`).
   */
  createdAt: string
  /**
   * The command line that produced the file (`process.argv`, program and arguments).
   *
   * Items: One argument.
   */
  command: string[]
  machine: MachineFingerprint
  /**
   * When this file was merged from shards (`wasm-faas-bench merge`): each results file in the order given, with when it started and on which machine of the class it ran. `machine` is then the first shard's.
   */
  mergedFrom?: MergedShard[]
  options: RunOptions
  /**
   * Paired A/B comparisons of this run (the `paired` option and a bench file calling `benchPaired()`): base and head invoked alternately, judged invocation by invocation.
   */
  paired?: PairedComparison[]
  /**
   * Every runtime the run asked for, found or not.
   */
  runtimes: RuntimeInfo[]
  /**
   * One row per measured runtime x workload x mode x parameters. Rows from several files merge by `key`.
   */
  rows: ResultRow[]
  /**
   * Combinations that were not measured because the runtime is unavailable or does not support the workload.
   */
  skipped: SkippedRow[]
  /**
   * Combinations that were started but failed (wrong output, crash, timeout). Other rows are unaffected.
   */
  failed: FailedRow[]
  comparison?: Comparison
  /**
   * Every HTTP server (fixtures/servers/) the run asked for, found or not; their rows carry `concurrency` and `keepAlive` parameters. Absent in runs without HTTP benches.
   */
  servers?: ServerInfo[]
  incomplete?: Incomplete
}
/**
 * The program that wrote the file.
 */
export interface ToolInfo {
  /**
   * Always `wasm-faas-bench`.
   */
  name: 'wasm-faas-bench'
  /**
   * Version of wasm-faas-bench (package.json `version`).
   */
  version: string
}
/**
 * The machine that ran the benchmarks, in full. Baselines compare with results of the same machine class (`class`); the other fields are recorded and differences inside a class are shown beside the verdicts.
 *
 * This interface was referenced by `ResultsFile`'s JSON-Schema
 * via the `definition` "MachineFingerprint".
 */
export interface MachineFingerprint {
  /**
   * Short lowercase hex hash of every fingerprint field (CPU, exact memory, OS, kernel, Node, V8): this one machine.
   */
  id: string
  /**
   * The processor.
   */
  cpu: {
    /**
     * Model name as the OS reports it (`AMD EPYC 7B13`).
     */
    model: string
    /**
     * Vendor as the OS reports it (`AuthenticAMD`).
     */
    vendor: string
    /**
     * Logical cores (hardware threads).
     */
    cores: number
    /**
     * Physical cores.
     */
    physicalCores: number
    /**
     * Nominal clock speed in GHz, or null when the OS does not report it (common on VMs).
     */
    speedGHz: number | null
  }
  /**
   * Total physical memory, in bytes.
   */
  memoryBytes: number
  /**
   * The operating system.
   */
  os: {
    /**
     * Node's `process.platform` (`linux`, `darwin`, `win32`).
     */
    platform: string
    /**
     * Distribution name (`Debian GNU/Linux`).
     */
    distro: string
    /**
     * Distribution release (`12`).
     */
    release: string
    /**
     * Kernel version (`6.1.0-18-amd64`).
     */
    kernel: string
    /**
     * Node's `process.arch` (`x64`, `arm64`).
     */
    arch: string
  }
  /**
   * Node.js version that ran the harness, without the `v` (`24.21.0`).
   */
  node: string
  /**
   * V8 version inside that Node.js (`13.6.233.10-node.27`); V8 is one of the runtimes under test.
   */
  v8: string
  class?: MachineClass
  /**
   * Whether cycles and instructions can be counted here.
   */
  hardwareCounters: {
    /**
     * True when hardware performance counters are readable.
     */
    supported: boolean
    /**
     * Why they are not (`perf_event_open failed: ENOENT, no PMU on this VM`).
     */
    reason?: string
  }
}
/**
 * The class of machine (testbed) whose timings are comparable: CPU model, logical cores, memory rounded to GiB, architecture, OS and major version, hardware counters, Node and V8. Baselines are keyed by its `id`. Absent in files written before classes existed; readers then compute it from the fingerprint.
 *
 * This interface was referenced by `ResultsFile`'s JSON-Schema
 * via the `definition` "MachineClass".
 */
export interface MachineClass {
  /**
   * `class-` and a 12-digit hex hash of the other fields, or the user's testbed name; the baseline file is `baselines/<id>.json`.
   */
  id: string
  /**
   * The name the user gave the class (`testbed` option, WFB_TESTBED), when any.
   */
  testbed?: string
  /**
   * CPU model as the OS reports it.
   */
  cpuModel: string
  /**
   * Logical cores.
   */
  cores: number
  /**
   * Total memory rounded to whole GiB.
   */
  memoryGiB: number
  /**
   * Node's `process.arch`.
   */
  arch: string
  /**
   * Platform, distribution and its major version (`linux Debian GNU/Linux 12`).
   */
  os: string
  /**
   * Whether hardware performance counters are readable.
   */
  hardwareCounters: boolean
  /**
   * Node.js version.
   */
  node: string
  /**
   * V8 version.
   */
  v8: string
}
/**
 * One results file that went into a merged one.
 */
export interface MergedShard {
  /**
   * The file as given on the command line.
   */
  source: string
  /**
   * When that run started (RFC 3339).
   */
  createdAt: string
  /**
   * The fingerprint id of the machine it ran on.
   */
  machineId: string
  /**
   * How many rows it contributed.
   */
  rows: number
}
/**
 * The measurement options the run used (after defaults were applied).
 *
 * This interface was referenced by `ResultsFile`'s JSON-Schema
 * via the `definition` "RunOptions".
 */
export interface RunOptions {
  /**
   * Measured cold invocations per row, after the warm-up runs.
   */
  coldSamples: number
  /**
   * Cold invocations run and checked first but not counted (they fill the page cache and compilation caches).
   */
  warmupRuns: number
  /**
   * Invocations per row that each carry `warmRepeats` timed repetitions inside one live instance.
   */
  warmBatches: number
  /**
   * Timed repetitions per warm batch; a row has warmBatches x warmRepeats warm samples.
   */
  warmRepeats: number
  /**
   * An invocation is killed and fails after this many milliseconds.
   */
  timeoutMs: number
  /**
   * Measured cold invocations per row at least; up to `coldSamples` a row stops once its median is known to `precision` or its phase budget is spent.
   */
  minColdSamples?: number
  /**
   * Warm batches per row at least (as for cold samples, up to `warmBatches`).
   */
  minWarmBatches?: number
  /**
   * Target half-width of the 95% confidence interval of a row's median, relative to the median (0.01 = ±1%).
   */
  precision?: number
  /**
   * Time for each sampling phase of a row (cold, warm), in milliseconds.
   */
  phaseBudgetMs?: number
  http?: HttpRunOptions
  scale?: ScaleRunOptions
  /**
   * How instructions were counted on extra, untimed invocations: `valgrind` adds `valgrindInstructions`; absent means off.
   */
  instructionCount?: 'off' | 'valgrind'
  injectSlowdown?: InjectedSlowdown
}
/**
 * The HTTP load settings of the run's server rows (benches/http.bench.ts).
 */
export interface HttpRunOptions {
  /**
   * Workloads served over HTTP in this run.
   *
   * Items: A workload name.
   */
  workloads?: string[]
  /**
   * Concurrent connections, one row per level.
   *
   * Items: One level.
   */
  concurrency: number[]
  /**
   * Connection reuse settings measured, one row each.
   *
   * Items: `on` or `off`.
   */
  keepAlive: ('on' | 'off')[]
  /**
   * Length of one load phase, in milliseconds.
   */
  durationMs: number
  /**
   * A load phase also stops after this many requests.
   */
  maxRequests: number
  /**
   * Server starts timed to their first correct response, per row.
   */
  coldSamples: number
  /**
   * A server must answer within this long of its start, and each request within this long.
   */
  timeoutMs: number
  /**
   * The load generator and its version (`hey 0.1.4-2+b4`).
   */
  loadGenerator?: string
}
/**
 * The settings of a `wasm-faas-bench scale` run (density, bursts, instantiate-only); absent in other runs.
 */
export interface ScaleRunOptions {
  /**
   * Numbers of live instances a density run measures at, ascending, while within the memory budget.
   *
   * Items: One N.
   */
  instanceSteps: number[]
  /**
   * A density run stops growing before a host's process tree PSS would pass this, in bytes.
   */
  memoryBudgetBytes: number
  /**
   * Numbers of simultaneous cold starts (K), one burst row each.
   *
   * Items: One K.
   */
  burstSizes: number[]
  /**
   * Bursts per K, each in a fresh host.
   */
  burstRepeats: number
  /**
   * Timed instantiations per instantiate row.
   */
  instantiateSamples: number
}
/**
 * Present only in runs that test the regression gate: the workload harness did this much real extra compute per workload call. Such runs are never recorded as baselines.
 */
export interface InjectedSlowdown {
  /**
   * Workload slowed down (`fib`).
   */
  workload: string
  /**
   * Only this runtime's rows; absent means every runtime.
   */
  runtime?: string
  /**
   * Extra compute per workload call, in percent of the call's own duration.
   */
  percent: number
}
/**
 * One paired A/B comparison and its verdicts.
 */
export interface PairedComparison {
  /**
   * The base variant's row key (`wasmtime/fib/process/n=25`).
   */
  key: string
  /**
   * What was compared (`wasmtime base/fib.wasm vs wasmtime head/fib.wasm`).
   */
  description: string
  /**
   * Interleaved pairs of cold invocations (and as many of warm ones).
   */
  pairs: number
  /**
   * True when a metric regressed: the run fails.
   */
  failed: boolean
  /**
   * One verdict per judged metric (method `wilcoxon-signed-rank`, comparedAs `paired`).
   */
  verdicts: Verdict[]
}
/**
 * The regression gate's verdict on one metric of one row.
 *
 * This interface was referenced by `ResultsFile`'s JSON-Schema
 * via the `definition` "Verdict".
 */
export interface Verdict {
  /**
   * Row key (`node-wasi/fib/process/n=25`).
   */
  key: string
  /**
   * Metric name with its unit (`coldStartMs`).
   */
  metric: string
  verdict: VerdictKind
  /**
   * How it was decided: `wilcoxon-signed-rank` (paired A/B run: Wilcoxon signed-rank test on the log ratios of paired invocations, Hodges-Lehmann change with its interval, Benjamini-Hochberg across the metrics), `mann-whitney-u` (medians; two-sided Mann-Whitney U on the samples), `quantile-test` (10th percentiles; two-sided z-test with Maritz-Jarrett standard errors), each combined with a t-test against the calibrated run-to-run noise when there is one and Benjamini-Hochberg across the run; `threshold` (deterministic metric, exact threshold); `none` (nothing to compare).
   */
  method: 'mann-whitney-u' | 'quantile-test' | 'threshold' | 'wilcoxon-signed-rank' | 'none'
  /**
   * The statistic compared, which `baseline` and `current` hold: `median` or `p10` (10th percentile).
   */
  statistic?: 'median' | 'p10'
  /**
   * `absolute`: the metric's own values. `paired`: head against base invocation by invocation in one interleaved run (`baseline` is the base variant's median, `current` the head's). `relative-to-reference`: each side divided by the median of the reference row (native, same workload) measured in the same run.
   */
  comparedAs: 'absolute' | 'relative-to-reference' | 'paired' | 'none'
  /**
   * Row key of the in-run reference when comparedAs is relative-to-reference.
   */
  reference?: string
  /**
   * The baseline's statistic (see `statistic`), in the metric's unit.
   */
  baseline?: number
  /**
   * This run's statistic, in the metric's unit.
   */
  current?: number
  /**
   * Estimated relative change (0.1 = 10% more, i.e. worse) of the statistic, after dividing by the reference's when there is one.
   */
  change?: number
  /**
   * The smallest change that counts for this metric (0.05 = 5%).
   */
  minEffect?: number
  /**
   * Confidence interval of `change` (paired runs: from the signed-rank test at 1 - the false discovery rate), as relative changes.
   *
   * @minItems 2
   * @maxItems 2
   */
  changeInterval?: number[]
  /**
   * Two-sided p-value of the test.
   */
  pValue?: number
  /**
   * Benjamini-Hochberg adjusted p-value across every sampled comparison of the run; confidence is 1 - qValue.
   */
  qValue?: number
  /**
   * The machine's calibrated run-to-run noise used (sd of the log of run medians), when the baseline has one.
   */
  runToRunLogSd?: number
  /**
   * How many A/A runs that noise was estimated from.
   */
  calibrationRuns?: number
  /**
   * Estimated smallest change this comparison could detect with 80% power at the run's significance level, from the spread of the samples.
   */
  detectableChange?: number
  /**
   * The verdict in one sentence, with the numbers.
   */
  message: string
  /**
   * What to do about it (for inconclusive, no-baseline and incomparable verdicts).
   */
  advice?: string
}
/**
 * A runtime the run asked for and what detection found on this machine.
 *
 * This interface was referenced by `ResultsFile`'s JSON-Schema
 * via the `definition` "RuntimeInfo".
 */
export interface RuntimeInfo {
  /**
   * Registry key, kebab-case (`node-wasi`).
   */
  name: string
  /**
   * One line for tables and messages.
   */
  title: string
  /**
   * The instance modes the runtime offers; each is measured as a separate row.
   *
   * @minItems 1
   */
  modes: InstanceMode[]
  /**
   * True when the runtime was found and can run.
   */
  available: boolean
  /**
   * Version string as the runtime reports it, when available.
   */
  version?: string
  /**
   * Runtime flags that change what is measured (`-interpreter`, `--cranelift-opt-level=2`), when the adapter uses any. Baselines only compare rows with the same flags.
   *
   * Items: One flag as passed on the command line.
   */
  flags?: string[]
  /**
   * Absolute path of the binary that ran, when there is one.
   */
  path?: string
  /**
   * Why it is unavailable, or a caveat when available.
   */
  reason?: string
  /**
   * The command that installs or fixes it.
   */
  install: string
}
/**
 * The measurements of one runtime x workload x mode x parameters.
 *
 * This interface was referenced by `ResultsFile`'s JSON-Schema
 * via the `definition` "ResultRow".
 */
export interface ResultRow {
  /**
   * Unique row key: runtime/workload/mode/params as name=value joined by `,` (`node-wasi/fib/process/n=25`). Results files merge by it.
   */
  key: string
  /**
   * Runtime registry key (`node-wasi`).
   */
  runtime: string
  /**
   * Version of the runtime that produced the row.
   */
  runtimeVersion: string
  mode: RowMode
  /**
   * Workload name (`fib`).
   */
  workload: string
  params: WorkloadParams
  /**
   * Measurements by metric name; the unit is part of the name. `properties` lists every metric this version records, each described with its unit (plugin/metrics/metric-registry.ts; a test keeps the two equal); a runtime adapter may add its own (`extraMetrics`). A metric this machine or runtime cannot measure says why instead of carrying a number.
   */
  metrics: {[name: string]: MetricValue}
  stoppedBy?: ScaleStop
  /**
   * Average CPU cores used by other processes (and stolen by the hypervisor) while this row was measured: /proc/stat busy time minus the row's own CPU time, per second. Above 0.25 the row's timings count as disturbed. Absent where /proc/stat is missing.
   */
  otherLoadCores?: number
  /**
   * Measurement-quality warnings for this row, each with advice.
   */
  warnings: Warning[]
}
/**
 * Parameter values of one workload invocation, by parameter name (fib's `n`).
 *
 * This interface was referenced by `ResultsFile`'s JSON-Schema
 * via the `definition` "WorkloadParams".
 */
export interface WorkloadParams {
  /**
   * The parameter's value.
   */
  [k: string]: number
}
/**
 * Density rows only: present on the last row of a host whose growth stopped before the largest N, saying why (`memory-budget`: the next N would pass, or passed, the run's memory budget).
 */
export interface ScaleStop {
  /**
   * What stopped the growth.
   */
  kind: 'memory-budget'
  /**
   * The numbers: the N reached, the projected or measured memory and the budget.
   */
  message: string
}
/**
 * A measurement-quality warning with advice.
 *
 * This interface was referenced by `ResultsFile`'s JSON-Schema
 * via the `definition` "Warning".
 */
export interface Warning {
  code: WarningCode
  /**
   * The metric it concerns (`coldStartMs`).
   */
  metric: string
  /**
   * What is wrong, with the numbers.
   */
  message: string
  /**
   * What to do about it.
   */
  advice: string
}
/**
 * A runtime x workload x mode that was not measured, why, and how to fix it.
 *
 * This interface was referenced by `ResultsFile`'s JSON-Schema
 * via the `definition` "SkippedRow".
 */
export interface SkippedRow {
  /**
   * Runtime registry key.
   */
  runtime: string
  /**
   * Workload name.
   */
  workload: string
  mode: RowMode
  params?: WorkloadParams
  /**
   * Why it was skipped (`wasmtime not found on PATH`).
   */
  reason: string
  /**
   * The command that installs or fixes it.
   */
  install: string
}
/**
 * A runtime x workload x mode x parameters that was started and failed.
 *
 * This interface was referenced by `ResultsFile`'s JSON-Schema
 * via the `definition` "FailedRow".
 */
export interface FailedRow {
  /**
   * Runtime registry key.
   */
  runtime: string
  /**
   * Workload name.
   */
  workload: string
  mode: RowMode
  params: WorkloadParams
  /**
   * The error message (wrong output, exit code, timeout).
   */
  error: string
  /**
   * Last few KiB of the runtime's stderr.
   */
  stderrTail?: string
}
/**
 * The regression gate: this run against the stored baseline of its machine.
 *
 * This interface was referenced by `ResultsFile`'s JSON-Schema
 * via the `definition` "Comparison".
 */
export interface Comparison {
  /**
   * `compared`: judged against a baseline. `no-baseline`: none stored for this machine. `recorded`: this run was written as the baseline (`vitest bench -u`).
   */
  status: 'compared' | 'no-baseline' | 'recorded'
  /**
   * The baseline file for this machine class, relative to the project root (`baselines/class-3f2a9c81d0b4.json`).
   */
  baselinePath: string
  /**
   * When that baseline was last written.
   */
  baselineUpdatedAt?: string
  /**
   * True when the gate failed the run (a regressed verdict, or nothing to compare with under `baseline.missing: 'fail'`).
   */
  failed: boolean
  /**
   * One-line summary.
   */
  message: string
  /**
   * Benjamini-Hochberg level used across the run.
   */
  falseDiscoveryRate?: number
  /**
   * The machine class (testbed) the baseline is keyed by (`class-3f2a9c81d0b4`, or the user's testbed name).
   */
  machineClass?: string
  /**
   * How the baseline's machine differs from this one inside their class (kernel build, exact memory, …): shown beside the verdicts, not a reason to skip them.
   */
  machineNote?: string
  /**
   * One verdict per judged metric per row.
   */
  verdicts: Verdict[]
}
/**
 * An HTTP server (fixtures/servers/) the run asked for and what detection found on this machine.
 *
 * This interface was referenced by `ResultsFile`'s JSON-Schema
 * via the `definition` "ServerInfo".
 */
export interface ServerInfo {
  /**
   * Registry key, kebab-case (`node-wasi`); the runtime name of its rows.
   */
  name: string
  /**
   * One line for tables and messages.
   */
  title: string
  /**
   * The server modes it offers; each is measured as separate rows.
   *
   * @minItems 1
   */
  modes: ServerMode[]
  /**
   * True when the server can run here.
   */
  available: boolean
  /**
   * Version string, naming what runs.
   */
  version?: string
  /**
   * Flags that change what is measured, when the adapter uses any.
   *
   * Items: One flag.
   */
  flags?: string[]
  /**
   * Absolute path of the binary that runs, when there is one.
   */
  path?: string
  /**
   * Why it is unavailable, or a caveat when available.
   */
  reason?: string
  /**
   * The command that installs or fixes it.
   */
  install: string
}
/**
 * Present when the run did not finish (interrupted by a signal, a Vitest worker killed or crashed, the benchmark process killed outright): the file holds the rows measured until then. Such a run is never recorded as a baseline.
 */
export interface Incomplete {
  /**
   * What ended the run early (`interrupted by SIGINT`, `a Vitest worker exited unexpectedly: …`).
   */
  reason: string
  /**
   * Names of the benchmark cells that were scheduled but have no row, failed row or skipped row.
   */
  unfinished?: string[]
}
/**
 * Why a run did not finish, and what it did not measure.
 *
 * This interface was referenced by `ResultsFile`'s JSON-Schema
 * via the `definition` "Incomplete".
 */
export interface Incomplete1 {
  /**
   * What ended the run early (`interrupted by SIGINT`, `a Vitest worker exited unexpectedly: …`).
   */
  reason: string
  /**
   * Names of the benchmark cells that were scheduled but have no row, failed row or skipped row.
   */
  unfinished?: string[]
}
/**
 * Summary statistics of one metric's samples, in the unit of the metric's name. Quantiles use linear interpolation between closest ranks (Hyndman & Fan type 7, the R and NumPy default).
 *
 * This interface was referenced by `ResultsFile`'s JSON-Schema
 * via the `definition` "MetricSummary".
 */
export interface MetricSummary {
  /**
   * Number of samples.
   */
  n: number
  /**
   * The 50th percentile.
   */
  median: number
  /**
   * Arithmetic mean.
   */
  mean: number
  /**
   * Smallest sample.
   */
  min: number
  /**
   * Largest sample.
   */
  max: number
  /**
   * The 90th percentile.
   */
  p90: number
  /**
   * The 99th percentile.
   */
  p99: number
  /**
   * Sample standard deviation (divisor n - 1; 0 when n is 1).
   */
  sd: number
  /**
   * Every sample, in measurement order (warm-up runs excluded). Metrics with more than 2,000 samples (an HTTP load phase's request latencies) keep every k-th, at most 2,000; `n` and the statistics count them all.
   *
   * @minItems 1
   *
   * Items: One sample.
   */
  samples: number[]
}
/**
 * A metric that cannot be measured on this machine or runtime, instead of a made-up number.
 *
 * This interface was referenced by `ResultsFile`'s JSON-Schema
 * via the `definition` "UnsupportedMetric".
 */
export interface UnsupportedMetric {
  /**
   * Why it cannot be measured (`no hardware performance counters on this VM`).
   */
  unsupported: string
}
