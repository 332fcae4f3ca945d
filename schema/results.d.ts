/**
 * Generated from schema/results.schema.json by plugin/build/generate-types.ts. Do not edit:
 * change the schema, then run `npm run gen:types`.
 */

/**
 * How a runtime creates instances. `process`: a new OS process per invocation; `in-process`: an instance inside a live host.
 *
 * This interface was referenced by `ResultsFile`'s JSON-Schema
 * via the `definition` "InstanceMode".
 */
export type InstanceMode = 'process' | 'in-process'
/**
 * Measurement-quality problems, a closed list: too few samples, high noise (interquartile range above 10% of the median), slow first run (more than twice the median).
 *
 * This interface was referenced by `ResultsFile`'s JSON-Schema
 * via the `definition` "WarningCode".
 */
export type WarningCode = 'too-few-samples' | 'high-noise' | 'slow-first-run'

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
  options: RunOptions
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
 * The machine that ran the benchmarks. Baselines only compare with results from the same `id`.
 *
 * This interface was referenced by `ResultsFile`'s JSON-Schema
 * via the `definition` "MachineFingerprint".
 */
export interface MachineFingerprint {
  /**
   * Short lowercase hex hash of the stable fields (CPU model, cores, memory, OS, architecture), for matching baselines.
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
  mode: InstanceMode
  /**
   * Workload name (`fib`).
   */
  workload: string
  params: WorkloadParams
  /**
   * Measurements by metric name; the unit is part of the name (`coldStartMs`, `peakRssBytes`, `cpuUtilisation`, `instructions`). A metric this machine or runtime cannot measure says why instead of carrying a number.
   */
  metrics: {
    /**
     * A summary of the samples, or the reason the metric is unsupported here (objects with `unsupported` are UnsupportedMetric, all others MetricSummary).
     */
    [k: string]: MetricSummary | UnsupportedMetric
  }
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
  mode: InstanceMode
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
  mode: InstanceMode
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
   * Every sample, in measurement order (warm-up runs excluded).
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
