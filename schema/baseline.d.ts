/**
 * Generated from schema/baseline.schema.json by plugin/build/generate-types.ts. Do not edit:
 * change the schema, then run `npm run gen:types`.
 */

/**
 * The mode of a row: an instance mode (InstanceMode) for invocation rows, a server mode (ServerMode) for HTTP rows; the union of both lists, plus the scale rows (`wasm-faas-bench scale`, docs/scale.md): `density` (N live instances held at once, parameter `instances`), `burst` (K simultaneous cold starts, parameter `burst`), `instantiate` (instantiate-only time inside an embedder).
 */
export type RowMode =
  'process' | 'in-process' | 'remote' | 'one-instance' | 'instance-per-request' | 'density' | 'burst' | 'instantiate'

/**
 * The stored baseline of one machine class: baselines/<class id>.json (schema 1: baselines/<machine id>.json). Written by `vitest bench -u` (or WFB_UPDATE_BASELINE=1), read by the regression gate. One entry per runtime x runtime version x flags x workload x parameters x mode, each with the samples of every metric.
 */
export interface BaselineFile {
  /**
   * Version of this schema. 2: keyed by machine class (`baselines/<machine.class.id>.json`, `machine.class` required). 1: keyed by one machine (`baselines/<machine.id>.json`); still read, its class computed from the fingerprint, and rewritten as 2 when recorded again.
   */
  schemaVersion: 1 | 2
  /**
   * The program that wrote the file.
   */
  tool: {
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
   * When an entry was last written, as an RFC 3339 date-time in UTC.
   */
  updatedAt: string
  machine: MachineFingerprint
  /**
   * The baseline rows. Unique by runtime, runtimeVersion, flags, workload, params and mode.
   */
  entries: BaselineEntry[]
}
/**
 * The machine that ran the benchmarks, in full. Baselines compare with results of the same machine class (`class`); the other fields are recorded and differences inside a class are shown beside the verdicts.
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
 * The baseline of one runtime x runtime version x flags x workload x parameters x mode: every metric's samples as measured in the run that recorded it.
 *
 * This interface was referenced by `BaselineFile`'s JSON-Schema
 * via the `definition` "BaselineEntry".
 */
export interface BaselineEntry {
  /**
   * Row key: runtime/workload/mode/params (`node-wasi/fib/process/n=25`), as in results files.
   */
  key: string
  /**
   * Runtime registry key (`node-wasi`).
   */
  runtime: string
  /**
   * Version of the runtime that produced the entry; a run with another version is incomparable.
   */
  runtimeVersion: string
  /**
   * Runtime flags the entry was measured with (empty when none); a run with other flags is incomparable.
   *
   * Items: One flag.
   */
  flags: string[]
  /**
   * Workload name (`fib`).
   */
  workload: string
  params: WorkloadParams
  mode: RowMode
  /**
   * When the run that recorded this entry started (RFC 3339).
   */
  recordedAt: string
  options: RunOptions
  /**
   * CPU cores other processes used while the entry was measured (see the results schema). Above 0.25 the entry counts as disturbed and the gate asks for it to be recorded again.
   */
  otherLoadCores?: number
  /**
   * Measured metrics by name, with every sample (metrics that were unsupported are left out).
   */
  metrics: {
    [k: string]: MetricSummary
  }
  /**
   * Run-to-run noise by metric name, from the self-check's A/A runs (`wasm-faas-bench self-check --record`). Kept when `vitest bench -u` records new samples for the same runtime version and flags.
   */
  noise?: {
    [k: string]: RunToRunNoise
  }
}
/**
 * Parameter values of one workload invocation, by parameter name (fib's `n`).
 */
export interface WorkloadParams {
  /**
   * The parameter's value.
   */
  [k: string]: number
}
/**
 * The measurement options the run used (after defaults were applied).
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
 * Summary statistics of one metric's samples, in the unit of the metric's name. Quantiles use linear interpolation between closest ranks (Hyndman & Fan type 7, the R and NumPy default).
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
 * How much one metric of one row moves between whole runs on this machine: the sample standard deviation of the natural log of each run's median over several A/A runs. A change must stand out from it, not only from the spread of one run's samples.
 *
 * This interface was referenced by `BaselineFile`'s JSON-Schema
 * via the `definition` "RunToRunNoise".
 */
export interface RunToRunNoise {
  /**
   * Number of A/A runs it was estimated from (degrees of freedom + 1).
   */
  runs: number
  /**
   * Standard deviation of ln(run median); 0.02 is about 2% from run to run.
   */
  absoluteLogSd: number
  /**
   * The same for ln(run median / reference row's run median), when the runs had the reference row.
   */
  relativeLogSd?: number
  /**
   * Row key of that reference row (`native/fib/process/n=25`).
   */
  reference?: string
  /**
   * When the last of those runs started (RFC 3339).
   */
  calibratedAt: string
}
