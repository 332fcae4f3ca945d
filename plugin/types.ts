/**
 * Public types of wasm-faas-bench: runtimes, workloads, measurements and options.
 * Results-file types are generated from schema/results.schema.json into schema/results.d.ts.
 */

/**
 * How a runtime creates instances. `process`: a new OS process per invocation; `in-process`: an instance inside a
 * live host; `remote`: invoked on a platform that runs elsewhere (Faasm), so only wall time is measured here.
 */
export type InstanceMode = 'process' | 'in-process' | 'remote'

/**
 * How an HTTP server creates workload instances.
 * `one-instance`: one live instance answers every request (a native server, a V8 instance reused).
 * `instance-per-request`: a fresh instance per request, the serverless model (Wasmtime `serve`,
 * Sledge sandboxes, V8 with a new instance per request).
 */
export type ServerMode = 'one-instance' | 'instance-per-request'

/** How a process-per-invocation runtime runs a workload: the program and the arguments before the workload's. */
export interface CommandSpec {
  file: string
  /** Arguments between the program and the workload's own arguments (a runtime's flags and the module path). */
  prefixArgs: string[]
  env?: Record<string, string>
}

/** What `detect()` found out about a runtime on this machine. */
export interface Detection {
  available: boolean
  /** Version string as the runtime reports it, when available. */
  version?: string
  /** Absolute path of the binary that will run, when there is one. */
  path?: string
  /** Flags the adapter runs the runtime with that change what is measured (`-interpreter`); baselines only compare equal flags. */
  flags?: string[]
  /** Why it is unavailable (or a caveat when available). */
  reason?: string
  /** The command that installs or fixes it. */
  install: string
}

/** One integer parameter of a workload (fib's `n`). */
export interface WorkloadParamSpec {
  description: string
  default: number
  min: number
  max: number
}

/**
 * Expected output of one invocation: exact stdout, a SHA-256 and byte length for large outputs, or a
 * check function for outputs that vary in ways that do not matter (it returns what is wrong, or undefined).
 */
export type ExpectedOutput =
  | { kind: 'exact'; stdout: string }
  | { kind: 'sha256'; sha256: string; bytes: number }
  | {
    kind: 'check'
    /** What a correct output is, in words, for messages (`the count of primes below 1000000`). */
    description: string
    /** The problem with `stdout` (`expected 78498, got 78497`), or undefined when it is right. `bytes` is the raw output. */
    check: (stdout: string, bytes: Buffer) => string | undefined
  }

/** Parameter values of one workload invocation, by parameter name. */
export type WorkloadParams = Record<string, number>

/** What every workload definition declares, whatever it is built from. */
export interface WorkloadDefinitionBase {
  /** The workload's name: its folder's name under the workloads folder. */
  name: string
  description: string
  params: Record<string, WorkloadParamSpec>
  /** Command-line arguments passed to the workload for the given parameters. */
  args: (params: WorkloadParams) => string[]
  /** What a correct invocation prints to stdout for the given parameters. */
  expected: (params: WorkloadParams) => ExpectedOutput
}

/**
 * A workload written in C against workloads/common/wfb.h: the folder holds `<name>.c` and the built
 * `<name>.wasm`; the native floor is built from the same source. It always speaks the warm protocol.
 */
export interface CWorkloadDefinition extends WorkloadDefinitionBase {
  wasm?: never
  warm?: never
  native?: never
}

/** How the warm protocol is spoken: `wfb-repeat` (`--wfb-repeat K` first, one `wfb-warm-ns <ns>` stderr line per repetition; docs/workloads.md). */
export type WarmProtocol = 'wfb-repeat'

/** The native floor of a prebuilt workload: a command that does the same work outside WebAssembly. */
export interface NativeCommand {
  /**
   * Program and fixed arguments; the workload's arguments follow (after `--wfb-repeat K` when the
   * workload speaks the warm protocol). A program with a `/` (`./primes-native`) is relative to the
   * workload's folder; a bare name is looked up on PATH.
   */
  command: readonly string[]
  /** Builds the program once per run before its first invocation, in the workload's folder (`['go', 'build', '-o', 'primes-native', '.']`). Optional. */
  build?: readonly string[]
}

/**
 * A prebuilt WASI command module (wasm32-wasip1) from any language: Rust, Go, AssemblyScript, Zig, C.
 * The runtime runs it with `args(params)` and checks its stdout against `expected(params)`.
 */
export interface PrebuiltWorkloadDefinition extends WorkloadDefinitionBase {
  /** Path of the module, relative to the folder of workload.ts (`./primes.wasm`) or absolute. */
  wasm: string
  /** The warm protocol the module speaks. Default none: warm metrics are reported unsupported, with the reason. */
  warm?: WarmProtocol
  /** The native floor row's command. Default none: the native and runc rows are skipped, with the reason. */
  native?: NativeCommand
}

/**
 * A workload definition, as exported (`export const workload = defineWorkload({...})`) by
 * `workloads/<name>/workload.ts`: C against wfb.h, or a prebuilt WASI module (it has `wasm`).
 */
export type WorkloadDefinition = CWorkloadDefinition | PrebuiltWorkloadDefinition

/** A C workload found on disk: its definition plus where its files are. */
export interface CWorkload extends CWorkloadDefinition {
  kind: 'c'
  /** Absolute folder path. */
  dir: string
  /** Absolute path of the committed wasm32-wasi module. */
  wasmPath: string
  /** Absolute path of the C source. */
  sourcePath: string
}

/** A prebuilt workload found on disk: its definition plus where its module is. */
export interface PrebuiltWorkload extends PrebuiltWorkloadDefinition {
  kind: 'prebuilt'
  /** Absolute folder path (where workload.ts is). */
  dir: string
  /** Absolute path of the WASI command module. */
  wasmPath: string
}

/** A workload found on disk. `kind` says what it is built from. */
export type Workload = CWorkload | PrebuiltWorkload

/** A workload with its parameters fixed, ready to run. */
export interface PreparedWorkload {
  workload: Workload
  params: WorkloadParams
  /** Arguments for the workload itself (from `workload.args(params)`). */
  args: string[]
  expected: ExpectedOutput
  /** `fib(n=25)`: workload name plus its parameters, for messages and row keys. */
  label: string
}

/** What one invocation asks of an instance. */
export interface InvokeRequest {
  /**
   * Extra timed repetitions inside the same live instance after the first run (0 = none).
   * Each repetition is timed by the workload harness and compared byte for byte with the first output.
   */
  warmRepeats: number
  /** The invocation is killed and fails after this many milliseconds. */
  timeoutMs: number
}

/** Resource usage of one invocation, measured by the harness (never by the adapter). */
export interface InvocationUsage {
  /** Wall time of the whole invocation (process spawn to exit, or compile to return in-process), in nanoseconds. */
  wallNs: number
  /** User CPU time of the invocation, in microseconds. */
  cpuUserUs: number
  /** System CPU time of the invocation, in microseconds. */
  cpuSysUs: number
  /** Peak resident set size of the process that ran the invocation, in bytes. */
  peakRssBytes: number
  /** In-process phases, in nanoseconds. */
  phases?: { compileNs: number; instantiateNs: number; runNs: number }
  /** Linear memory of the instance after the run, in bytes (in-process only). */
  instanceMemoryBytes?: number
  /** Durations of the warm repetitions, in nanoseconds (one per `warmRepeats`). */
  warmNs: number[]
  /**
   * Further values a collector measured for this invocation, by metric name with the unit in it (a
   * name of plugin/metrics/metric-registry.ts, whose entry says how the row recorder summarises it).
   */
  metrics?: Record<string, number>
  /**
   * Why CPU time and peak RSS were not measured (a remote platform: the invocation ran on another machine). The
   * CPU and RSS fields are then 0 and mean nothing; the row carries this reason instead of numbers.
   */
  unmeasured?: string
}

/** The outcome of one invocation: what it printed and what it cost. */
export interface InvocationResult {
  /** What it printed, or (when `stdoutDigest` is given and longer) only the first bytes of it, for messages. */
  stdout: Buffer
  /**
   * Length and SHA-256 (hex) of the whole stdout when it was read as a stream rather than kept
   * (process runtimes): the output check uses these. Absent: `stdout` is the whole output.
   */
  stdoutDigest?: { bytes: number; sha256: string }
  /** Last few KiB of stderr, with harness protocol lines removed. */
  stderrTail: string
  exitCode: number | null
  signal: string | null
  timedOut: boolean
  usage: InvocationUsage
}

/** A live runtime instance for one workload. */
export interface RuntimeInstance {
  invoke: (request: InvokeRequest) => Promise<InvocationResult>
  /**
   * `runs` invocations back to back, as one series. Process runtimes run the whole series from one
   * launcher (as hyperfine does): a launcher started per sample perturbs millisecond cold starts.
   */
  invokeSeries: (request: InvokeRequest, runs: number) => Promise<InvocationResult[]>
  /** Stops everything the instance started; safe to call twice. */
  close: () => Promise<void>
  /**
   * Metrics this runtime measures besides the harness's, as samples by metric name with the unit in
   * it (runc: `containerOverheadMs`). Called once per row after the timed series.
   */
  extraMetrics?: (settings: { samples: number; timeoutMs: number }) => Promise<Record<string, number[]>>
  /** For process-per-invocation instances: the command one invocation runs, with the variables it adds to the environment (used to count instructions with perf, and by `calibrate`). */
  command?: { file: string; args: string[]; env?: Record<string, string> }
}

/** A runtime adapter: one file in fixtures/, one line in fixtures/index.ts. */
export interface RuntimeAdapter {
  /** Registry key, kebab-case (`node-wasi`). */
  name: string
  /** One line for tables and errors. */
  title: string
  /** The instance modes it offers; each is a separate row. */
  modes: readonly InstanceMode[]
  detect: () => Promise<Detection>
  /**
   * Why this runtime cannot run `workload` (a runtime that needs C source, given a prebuilt module), or
   * undefined when it can. Default: every workload runs. Its rows are then skipped with this reason.
   */
  unsupportedReason?: (workload: Workload) => string | undefined
  /** Prepares an instance for the workload (builds, starts a host); the harness then times `invoke`. */
  start: (workload: PreparedWorkload, mode: InstanceMode) => Promise<RuntimeInstance>
}

/** Measurement-quality warnings: a closed list, each with advice. */
export type WarningCode = 'too-few-samples' | 'high-noise' | 'slow-first-run' | 'busy-machine' | 'remeasured' | 'load-cut-short' | 'slow-load-generator'
