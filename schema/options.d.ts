/**
 * Generated from schema/options.schema.json by plugin/build/generate-types.ts. Do not edit:
 * change the schema, then run `npm run gen:types`.
 */

/**
 * Options of the wasm-faas-bench Vitest plugin (`wasmFaasBench(options)` in vitest.config.ts), checked when the config loads. `default` is what an absent option means; `envVar` names the environment variable that overrides it (an empty variable counts as unset); `defaultText` says the default in words where it is not one value. docs/configuration.md's option table is generated from this file (`npm run gen:types`).
 */
export interface WasmFaasBenchOptions {
  /**
   * Runtimes to run, by registry name; absent ones become skipped rows.
   *
   * Default: every registered runtime (an endpoint only once configured). Allowed: a non-empty list of non-empty strings. Environment: `WFB_RUNTIMES`.
   *
   * @minItems 1
   */
  runtimes?: string[]
  /**
   * The project's own runtime adapters: module paths relative to the Vitest root, each exporting `runtime` (a RuntimeAdapter, e.g. built with `createCommandInstance`) or `runtimes` (an array). Their names can then be selected like the built-in ones, and are selected by default. See docs/runtimes.md.
   *
   * Default: none. Allowed: a list of non-empty strings.
   */
  runtimeModules?: string[]
  /**
   * Workloads to run, by name: the built-in ones (noop, fib, html) and the project's own.
   *
   * Default: all: the built-in ones and the project's. Allowed: a list of non-empty strings. Environment: `WFB_WORKLOADS`.
   */
  workloads?: string[]
  /**
   * The project's own workloads: one folder per workload, relative to the Vitest root.
   *
   * Default: `workloads` (when it exists). Allowed: a non-empty string. Environment: `WFB_WORKLOADS_DIR`.
   */
  workloadsDir?: string
  /**
   * Parameter values per workload, e.g. `{ fib: { n: 30 } }`; the environment variable reads `fib.n=30,html.size=2`.
   *
   * Default: each parameter's default (fib n = 25). Allowed: an object mapping names to an object mapping names to an integer. Environment: `WFB_PARAMS`.
   */
  params?: {
    [k: string]: {
      [k: string]: number
    }
  }
  /**
   * Measured cold invocations per row at most (after the warm-up runs).
   *
   * Default: 30. Allowed: an integer from 1 to 100000. Environment: `WFB_COLD_SAMPLES`.
   */
  coldSamples?: number
  /**
   * Measured cold invocations per row at least; between this and `coldSamples` a row stops once its median is known to `precision` or `phaseBudgetMs` is spent. Above `coldSamples` it means `coldSamples` (a fixed count).
   *
   * Default: 10. Allowed: an integer from 1 to 100000. Environment: `WFB_MIN_COLD_SAMPLES`.
   */
  minColdSamples?: number
  /**
   * Cold invocations run and checked first but not counted (page cache, compilation caches). Every later series of a row's cold starts is led by enough such runs to fill 25 ms (at least this many, at most 50): a series of short processes settles over its first runs. 0: every run counts, first ones included, and no series is warmed up.
   *
   * Default: 1. Allowed: an integer from 0 to 1000. Environment: `WFB_WARMUP_RUNS`.
   */
  warmupRuns?: number
  /**
   * Warm batches per row at most: invocations that each carry `warmRepeats` timed repetitions inside one live instance.
   *
   * Default: 10. Allowed: an integer from 1 to 10000. Environment: `WFB_WARM_BATCHES`.
   */
  warmBatches?: number
  /**
   * Warm batches per row at least; then as for cold samples: until precise, at most `warmBatches`, within `phaseBudgetMs`. Above `warmBatches` it means `warmBatches`.
   *
   * Default: 5. Allowed: an integer from 1 to 10000. Environment: `WFB_MIN_WARM_BATCHES`.
   */
  minWarmBatches?: number
  /**
   * Timed repetitions per warm batch (warm samples = batches × repeats).
   *
   * Default: 20. Allowed: an integer from 1 to 1000000. Environment: `WFB_WARM_REPEATS`.
   */
  warmRepeats?: number
  /**
   * Target precision of a row's medians: a row's cold and warm phases stop between their minimum and maximum once the 95% confidence interval of the median is this narrow, relative to the median (Maritz-Jarrett standard error; 0.01 = ±1%; 0 = always take the maximum).
   *
   * Default: 0.01. Allowed: a fraction from 0 to 1. Environment: `WFB_PRECISION`.
   */
  precision?: number
  /**
   * Time for each sampling phase of a row (cold starts, warm batches) in milliseconds, after its minimum: slow interpreters stop here, even below their minimum after a first probe.
   *
   * Default: 10000. Allowed: an integer from 0 to 3600000. Environment: `WFB_PHASE_BUDGET_MS`.
   */
  phaseBudgetMs?: number
  /**
   * One invocation is killed and fails after this many milliseconds.
   *
   * Default: 30000. Allowed: an integer from 100 to 3600000. Environment: `WFB_TIMEOUT_MS`.
   */
  timeoutMs?: number
  /**
   * Folder for results files, relative to the project root.
   *
   * Default: `bench-results`. Allowed: a non-empty string. Environment: `WFB_OUTPUT_DIR`.
   */
  outputDir?: string
  /**
   * A name for this class of machine (Bencher calls it a testbed): baselines are then stored in `baselines/<testbed>.json` and judged on any machine of that name, with differences shown as a note; another CPU model or core count is still never compared. 1-64 lowercase letters, digits, `.`, `_` or `-`, starting with a letter or digit. See docs/ci.md.
   *
   * Default: the machine class computed from the fingerprint (CPU model, cores, memory in GiB, arch, OS major, counters, Node/V8). Allowed: a string matching ^[a-z0-9][a-z0-9._-]{0,63}$, e.g. `github-ubuntu-24-x64`. Environment: `WFB_TESTBED`.
   */
  testbed?: string
  /**
   * The project's own claims files (schema/claims.schema.json), relative to the project root: held against every run after the package's built-in claims (a claim with a built-in id replaces it). See docs/claims.md.
   *
   * Default: none. Allowed: a list of non-empty strings, e.g. `['claims/ours.json']`. Environment: `WFB_CLAIMS`.
   */
  claims?: string[]
  /**
   * Counts instructions deterministically on extra, untimed invocations of each process-mode row: `valgrind` runs `valgrind --tool=callgrind` and adds the metric `valgrindInstructions`. Slow (native: about 0.3 s per invocation; node-wasi: several seconds).
   *
   * Default: `off`. Allowed: one of `off`, `valgrind`. Environment: `WFB_INSTRUCTION_COUNT`.
   */
  instructionCount?: 'off' | 'valgrind'
  /**
   * Invocations counted under valgrind per row when `instructionCount` is `valgrind`.
   *
   * Default: 3. Allowed: an integer from 1 to 1000. Environment: `WFB_VALGRIND_RUNS`.
   */
  valgrindRuns?: number
  injectSlowdown?: InjectedSlowdown
  baseline?: BaselineOptions
  http?: HttpOptions
  paired?: PairedOptions
}
/**
 * For testing the regression gate only: makes one workload really slower by the given percent (the workload harness does that much extra compute after each call, inside the timed region). Never recorded as a baseline. The environment variable reads `fib:10` or `fib@node-wasi:10`.
 *
 * Default: none. Environment: `WFB_INJECT_SLOWDOWN`.
 *
 * This interface was referenced by `WasmFaasBenchOptions`'s JSON-Schema
 * via the `definition` "InjectedSlowdown".
 */
export interface InjectedSlowdown {
  /**
   * Workload to slow down (`fib`).
   */
  workload: string
  /**
   * Only this runtime's rows; default: every runtime running the workload.
   */
  runtime?: string
  /**
   * Extra compute per workload call, in whole percent of the call's own duration.
   */
  percent: number
}
/**
 * Baselines (baselines/<machine class>.json) and the regression gate: folder, what a missing baseline does, judging policy. `vitest bench -u` records. See docs/gate.md.
 *
 * This interface was referenced by `WasmFaasBenchOptions`'s JSON-Schema
 * via the `definition` "BaselineOptions".
 */
export interface BaselineOptions {
  /**
   * Folder of baseline files, one `<machine class id>.json` per machine class, relative to the project root.
   *
   * Default: `baselines`. Allowed: a non-empty string. Environment: `WFB_BASELINE_DIR`.
   */
  dir?: string
  /**
   * What happens when there is nothing to compare with (no baseline for this machine or a row, or one recorded with another runtime version or flags): `pass` reports it, `fail` fails the run.
   *
   * Default: `pass`. Allowed: one of `pass`, `fail`. Environment: `WFB_BASELINE_MISSING`.
   */
  missing?: 'pass' | 'fail'
  /**
   * Record this run as the baseline instead of judging it. The environment variable reads `1`/`true` (record) or `0`/`false` (judge).
   *
   * Default: Vitest's `-u` flag (`vitest bench -u`). Allowed: true or false. Environment: `WFB_UPDATE_BASELINE`.
   */
  update?: boolean
  policy?: BaselinePolicyOptions
}
/**
 * Overrides of the judging policy (plugin/baseline/policy.ts): minimum effect, false discovery rate, per-metric settings. The environment variable (the same as JSON, e.g. `{"minEffect":0.1}`) is applied on top.
 *
 * Default: plugin/baseline/policy.ts's `defaultPolicy`. Environment: `WFB_BASELINE_POLICY`.
 *
 * This interface was referenced by `WasmFaasBenchOptions`'s JSON-Schema
 * via the `definition` "BaselinePolicyOptions".
 */
export interface BaselinePolicyOptions {
  /**
   * False discovery rate across every sampled comparison of the run (Benjamini-Hochberg), as a fraction.
   *
   * Default: 0.01. Allowed: a fraction above 0 and below 0.5.
   */
  falseDiscoveryRate?: number
  /**
   * The runtime whose row of the same workload is the reference for ratio comparisons.
   *
   * Default: `native`. Allowed: a non-empty string.
   */
  referenceRuntime?: string
  /**
   * CPU cores other processes may keep busy while a row is measured before its verdict is inconclusive.
   *
   * Default: 0.5. Allowed: a number of at least 0.
   */
  maxOtherLoadCores?: number
  /**
   * Smallest relative change of a speed-dependent timing that counts when the baseline was recorded on another machine of the same class and the timing cannot be compared relative to the in-run reference row, as a fraction. Quiet VMs of one class ran the same rows 25-41% apart.
   *
   * Default: 0.5. Allowed: a number above 0 and below 10.
   */
  otherMachineMinEffect?: number
  /**
   * Smallest relative change that counts as a regression or an improvement, for every metric, as a fraction (0.05 = 5%).
   *
   * Default: 0.05. Allowed: a number above 0 and below 10.
   */
  minEffect?: number
  /**
   * Per-metric overrides by metric name; `false` switches a metric's judging off.
   *
   * Default: one entry per built-in metric. Allowed: an object mapping names to false or an object with `kind`, `statistic`, `minEffect`, `minAbsoluteChange`, `reference`, `samplesOption`, `speedDependent`.
   */
  metrics?: {
    [k: string]: false | MetricPolicyOptions
  }
}
/**
 * How one metric is judged; what is left out comes from the metric's built-in policy (or, for a new metric, sampled, median, the global minimum effect, no reference).
 *
 * This interface was referenced by `WasmFaasBenchOptions`'s JSON-Schema
 * via the `definition` "MetricPolicyOptions".
 */
export interface MetricPolicyOptions {
  /**
   * `sampled` metrics are compared with a test; `exact` ones (counts) by their medians.
   */
  kind?: 'sampled' | 'exact'
  /**
   * The statistic compared: `p10` (timings) or `median`.
   */
  statistic?: 'median' | 'p10'
  /**
   * Smallest relative change that counts, as a fraction.
   */
  minEffect?: number
  /**
   * Smallest absolute change that counts, in the metric's unit.
   */
  minAbsoluteChange?: number
  /**
   * Compare ratios to the reference row: `auto`, `always` or `never`.
   */
  reference?: 'auto' | 'always' | 'never'
  /**
   * The plugin option that adds samples to this metric, named in the advice of an inconclusive verdict.
   */
  samplesOption?: string
  /**
   * A timing that moves with the speed of the machine as a whole: against a baseline of another machine of the class it is compared relative to the reference row, or needs `otherMachineMinEffect`.
   */
  speedDependent?: boolean
}
/**
 * HTTP load settings of the server rows (benches/http.bench.ts). See docs/http.md.
 *
 * This interface was referenced by `WasmFaasBenchOptions`'s JSON-Schema
 * via the `definition` "HttpOptions".
 */
export interface HttpOptions {
  /**
   * Workloads served over HTTP (by the HTTP bench files).
   *
   * Default: `['html']`. Allowed: a non-empty list of non-empty strings. Environment: `WFB_HTTP_WORKLOADS`.
   *
   * @minItems 1
   */
  workloads?: string[]
  /**
   * Concurrent connections, one row per level (the study this tool grew from ran Apache Bench at 2 to 1,024 connections). Each level needs an open-file limit (`ulimit -n`) of at least the level + 64.
   *
   * Default: `[1, 4, 16, 64, 256]`. Allowed: a non-empty list of integers from 1 to 10000. Environment: `WFB_HTTP_CONCURRENCY`.
   *
   * @minItems 1
   */
  concurrency?: number[]
  /**
   * Connection reuse, one row each: `on` (keep-alive), `off` (a new connection per request).
   *
   * Default: `['on']`. Allowed: a non-empty list of values from `on`, `off`. Environment: `WFB_HTTP_KEEPALIVE`.
   *
   * @minItems 1
   */
  keepAlive?: ('on' | 'off')[]
  /**
   * Length of one load phase, in milliseconds.
   *
   * Default: 3000. Allowed: an integer from 100 to 3600000. Environment: `WFB_HTTP_DURATION_MS`.
   */
  durationMs?: number
  /**
   * A load phase also stops after this many requests.
   *
   * Default: 100000. Allowed: an integer from 1 to 100000000. Environment: `WFB_HTTP_MAX_REQUESTS`.
   */
  maxRequests?: number
  /**
   * Server starts timed to their first correct response, per row.
   *
   * Default: 10. Allowed: an integer from 1 to 10000. Environment: `WFB_HTTP_COLD_SAMPLES`.
   */
  coldSamples?: number
  /**
   * A server must answer correctly within this long of its start, and each request within this long, in milliseconds (the top-level `timeoutMs` does not apply to HTTP rows).
   *
   * Default: 10000. Allowed: an integer from 100 to 600000. Environment: `WFB_HTTP_TIMEOUT_MS`.
   */
  timeoutMs?: number
}
/**
 * A paired A/B comparison for a bench file that calls `benchPaired()`: two variants of one workload (two .wasm builds, two runtimes) invoked alternately, invocation by invocation, and judged with paired statistics against the gate's minimum effects; a regressed metric fails the run. See docs/ci.md.
 *
 * Default: none.
 *
 * This interface was referenced by `WasmFaasBenchOptions`'s JSON-Schema
 * via the `definition` "PairedOptions".
 */
export interface PairedOptions {
  /**
   * Workload both variants run (`fib`).
   */
  workload: string
  /**
   * Its parameters.
   *
   * Default: each parameter's default. Allowed: an object mapping names to an integer.
   */
  params?: {
    [k: string]: number
  }
  /**
   * Instance mode.
   *
   * Default: `process`. Allowed: one of `process`, `in-process`, `remote`.
   */
  mode?: 'process' | 'in-process' | 'remote'
  base: PairedVariant
  head: PairedVariant
  /**
   * Interleaved pairs of invocations.
   *
   * Default: 60. Allowed: an integer of at least 10.
   */
  pairs?: number
  /**
   * Timed repetitions per warm invocation; 0 measures no warm latency.
   *
   * Default: 20. Allowed: an integer of at least 0.
   */
  warmRepeats?: number
  /**
   * Invocations of each variant per pair, the smallest counting (for noisy machines).
   *
   * Default: 1. Allowed: an integer of at least 1.
   */
  blockSize?: number
}
/**
 * One side of a paired comparison: `{ runtime: 'wasmtime', wasmPath: 'base/fib.wasm' }`.
 *
 * This interface was referenced by `WasmFaasBenchOptions`'s JSON-Schema
 * via the `definition` "PairedVariant".
 */
export interface PairedVariant {
  /**
   * Runtime registry name (`wasmtime`); two variants may name two runtimes.
   */
  runtime: string
  /**
   * Another build of the workload's module (the base or head .wasm of a pull request), relative to the project root; default the workload's own.
   */
  wasmPath?: string
  /**
   * For testing the comparison only: the workload harness's extra compute per call, in percent (see inject-slowdown.ts).
   */
  extraWorkPercent?: number
}
