import { resolveBaselineOptions, type BaselineOptions, type ResolvedBaselineOptions } from './baseline/baseline-options.ts'
import { BenchError, formatNames } from './errors.ts'
import { resolveHttpOptions, type HttpOptions, type ResolvedHttpOptions } from './http/http-options.ts'
import { checkTestbed } from './machine-class.ts'
import { resolvePairedOptions, type PairedOptions, type ResolvedPairedOptions } from './paired/paired-options.ts'
import { checkSlowdown, parseInjectSlowdown, type InjectedSlowdown } from './workloads/inject-slowdown.ts'

/** Options of the wasm-faas-bench Vitest plugin (`wasmFaasBench(options)` in vitest.config.ts). */
export interface WasmFaasBenchOptions {
  /** Runtimes to run, by registry name. Default: every registered runtime; absent ones become skipped rows. Env `WFB_RUNTIMES` (comma-separated) overrides. */
  runtimes?: string[]
  /** Workloads to run, by name: the built-in ones (noop, fib, html) and the project's own. Default: all. Env `WFB_WORKLOADS` overrides. */
  workloads?: string[]
  /**
   * The project's own runtime adapters: module paths relative to the Vitest root, each exporting `runtime`
   * (a RuntimeAdapter, e.g. built with `createCommandInstance`) or `runtimes` (an array). Their names can
   * then be selected like the built-in ones, and are selected by default.
   */
  runtimeModules?: string[]
  /** The project's own workloads: one folder per workload, relative to the Vitest root. Default `workloads` (used when it exists). Env `WFB_WORKLOADS_DIR` overrides. */
  workloadsDir?: string
  /** Parameter values per workload, e.g. `{ fib: { n: 30 } }`. Default: each parameter's default (fib n = 25). Env `WFB_PARAMS` (`fib.n=30,…`) overrides. */
  params?: Record<string, Record<string, number>>
  /** Measured cold invocations per row at most (after the warm-up runs). Default 30. */
  coldSamples?: number
  /** Measured cold invocations per row at least; between this and `coldSamples` a row stops once its median is known to `precision` or `phaseBudgetMs` is spent. Default 10. */
  minColdSamples?: number
  /** Cold invocations run and checked first but not counted (page cache, compilation caches). Default 1. */
  warmupRuns?: number
  /** Invocations (batches) that each carry `warmRepeats` timed repetitions inside one live instance, at most. Default 10. */
  warmBatches?: number
  /** Warm batches per row at least (then as for cold samples: until precise, at most `warmBatches`, within `phaseBudgetMs`). Default 5. */
  minWarmBatches?: number
  /** Target precision of a row's medians: the 95% confidence interval's half-width relative to the median (0.01 = ±1%). Default 0.01; env `WFB_PRECISION`. */
  precision?: number
  /** Time for each sampling phase of a row (cold starts, warm batches) in milliseconds, after its minimum: slow interpreters stop here. Default 10000. */
  phaseBudgetMs?: number
  /** Timed repetitions per warm batch. Default 20 (so 200 warm samples per row). */
  warmRepeats?: number
  /** One invocation is killed and fails after this many milliseconds. Default 30000. */
  timeoutMs?: number
  /** Folder for results files, relative to the project root. Default `bench-results`; env `WFB_OUTPUT_DIR` overrides. Numeric options have env overrides too: `WFB_COLD_SAMPLES`, `WFB_WARMUP_RUNS`, `WFB_WARM_BATCHES`, `WFB_WARM_REPEATS`, `WFB_TIMEOUT_MS`. */
  outputDir?: string
  /**
   * A name for this class of machine (Bencher calls it a testbed): baselines are then stored in
   * `baselines/<testbed>.json` and judged on any machine of that name, with differences shown as a
   * note; another CPU model or core count is still never compared. Default: the machine class
   * computed from the fingerprint (CPU model, cores, memory in GiB, arch, OS major, counters,
   * Node/V8). Env `WFB_TESTBED`.
   */
  testbed?: string
  /**
   * A paired A/B comparison for a bench file that calls `benchPaired()`: two variants of one workload
   * (two .wasm builds, two runtimes) invoked alternately, invocation by invocation, and judged with
   * paired statistics against the gate's minimum effects; a regressed metric fails the run. See
   * docs/ci.md. Default: none.
   */
  paired?: PairedOptions
  /** Baselines (baselines/<machine class>.json) and the regression gate: folder, what a missing baseline does, judging policy. `vitest bench -u` records. */
  baseline?: BaselineOptions
  /**
   * Counts instructions deterministically on extra, untimed invocations of each process-mode row:
   * `valgrind` runs `valgrind --tool=callgrind` and adds the metric `valgrindInstructions`. Slow (native: about
   * 0.3 s per invocation; node-wasi: several seconds). Default `off`; env `WFB_INSTRUCTION_COUNT`.
   */
  instructionCount?: 'off' | 'valgrind'
  /** Invocations counted under valgrind per row when `instructionCount` is `valgrind`. Default 3; env `WFB_VALGRIND_RUNS`. */
  valgrindRuns?: number
  /**
   * For testing the regression gate only: makes one workload really slower by the given percent (the workload
   * harness does that much extra compute after each call). Env `WFB_INJECT_SLOWDOWN=fib:10` or `fib@node-wasi:10`.
   * Never recorded as a baseline.
   */
  injectSlowdown?: InjectedSlowdown
  /** HTTP load settings of the server rows (benches/http.bench.ts): concurrency levels, keep-alive, duration; see plugin/http/http-options.ts. */
  http?: HttpOptions
  /**
   * The project's own claims files (schema/claims.schema.json), relative to the project root: held
   * against every run after the package's built-in claims (a claim with a built-in id replaces it).
   * Default none; env `WFB_CLAIMS` (comma-separated paths). See docs/claims.md.
   */
  claims?: string[]
}

/** Options with every default filled in and every value checked. */
export interface ResolvedOptions {
  runtimes: string[]
  workloads: string[] | undefined
  /** As given (relative to the Vitest root). */
  runtimeModules: string[]
  /** As given (relative to the Vitest root), or undefined for the default `workloads` when present. */
  workloadsDir: string | undefined
  params: Record<string, Record<string, number>>
  coldSamples: number
  minColdSamples: number
  warmupRuns: number
  warmBatches: number
  minWarmBatches: number
  precision: number
  phaseBudgetMs: number
  warmRepeats: number
  timeoutMs: number
  outputDir: string
  baseline: ResolvedBaselineOptions
  instructionCount: 'off' | 'valgrind'
  valgrindRuns: number
  injectSlowdown: InjectedSlowdown | undefined
  http: ResolvedHttpOptions
  testbed: string | undefined
  paired: ResolvedPairedOptions | undefined
  claims: string[]
}

const numericLimits = {
  coldSamples: { default: 30, min: 1, max: 100_000 },
  minColdSamples: { default: 10, min: 1, max: 100_000 },
  warmupRuns: { default: 1, min: 0, max: 1000 },
  warmBatches: { default: 10, min: 1, max: 10_000 },
  minWarmBatches: { default: 5, min: 1, max: 10_000 },
  phaseBudgetMs: { default: 10_000, min: 0, max: 3_600_000 },
  warmRepeats: { default: 20, min: 1, max: 1_000_000 },
  timeoutMs: { default: 30_000, min: 100, max: 3_600_000 },
  valgrindRuns: { default: 3, min: 1, max: 1000 },
} as const

const knownOptions = ['runtimes', 'runtimeModules', 'workloads', 'workloadsDir', 'params', ...Object.keys(numericLimits), 'precision', 'outputDir', 'baseline', 'instructionCount', 'injectSlowdown', 'http', 'testbed', 'paired', 'claims']

function splitList(value: string | undefined): string[] | undefined {
  if (value === undefined || value.trim() === '') return undefined
  return value.split(',').map((item) => item.trim()).filter((item) => item !== '')
}

/** `coldSamples` -> `WFB_COLD_SAMPLES`: the environment variable that overrides a numeric option. */
export function envNameOf(option: string): string {
  return `WFB_${option.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase()}`
}

/** Parses `WFB_PARAMS` (`fib.n=30,html.x=1`) into `{ fib: { n: 30 }, … }`. */
export function parseParamsEnv(value: string): Record<string, Record<string, number>> {
  const params: Record<string, Record<string, number>> = {}
  for (const item of splitList(value) ?? []) {
    const match = /^([\w-]+)\.(\w+)=(-?\d+)$/.exec(item)
    if (match === null) {
      throw new BenchError('invalid-option', `Cannot read \`${item}\` in WFB_PARAMS. Write it as \`workload.param=integer\`, e.g. \`fib.n=30\`.`)
    }
    const [, workload = '', name = '', number = ''] = match
    params[workload] = { ...params[workload], [name]: Number(number) }
  }
  return params
}

/**
 * Checks the user's options against the known runtimes and fills in defaults.
 * Workload names and parameters are checked later, against the workloads found on disk.
 * Throws a BenchError naming the bad value and the valid ones.
 */
export function resolveOptions(
  user: WasmFaasBenchOptions,
  knownRuntimes: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  /** The selection when the user names none: every known runtime except opt-in ones not configured (an endpoint without URL). */
  defaultRuntimes: readonly string[] = knownRuntimes,
): ResolvedOptions {
  for (const key of Object.keys(user)) {
    if (!knownOptions.includes(key)) {
      throw new BenchError('invalid-option', `Unknown option \`${key}\`. Use one of: ${formatNames(knownOptions)}.`)
    }
  }
  const runtimes = splitList(env.WFB_RUNTIMES) ?? user.runtimes ?? [...defaultRuntimes]
  // Names from the project's runtime modules are checked once the modules are loaded (configureVitest).
  const deferred = (user.runtimeModules ?? []).length > 0
  for (const name of runtimes) {
    if (!knownRuntimes.includes(name) && !deferred) {
      throw new BenchError('unknown-runtime', `Unknown runtime \`${name}\`. Use one of: ${formatNames(knownRuntimes)}.`)
    }
  }
  if (runtimes.length === 0) {
    throw new BenchError('invalid-option', `No runtimes selected. Use one or more of: ${formatNames(knownRuntimes)}.`)
  }
  const numbers = Object.fromEntries(Object.entries(numericLimits).map(([key, limits]) => {
    const envName = envNameOf(key)
    const fromEnv = env[envName]
    const value = fromEnv === undefined || fromEnv === '' ? user[key as keyof typeof numericLimits] ?? limits.default : Number(fromEnv)
    if (!Number.isInteger(value) || value < limits.min || value > limits.max) {
      throw new BenchError('invalid-option', `Option \`${key}\` (or ${envName}) is ${String(fromEnv ?? value)}; it must be an integer from ${limits.min} to ${limits.max} (default ${limits.default}).`)
    }
    return [key, value]
  })) as Record<keyof typeof numericLimits, number>
  return {
    ...numbers,
    // A minimum above the maximum (coldSamples: 5 alone) means the maximum: a fixed count.
    minColdSamples: Math.min(numbers.minColdSamples, numbers.coldSamples),
    minWarmBatches: Math.min(numbers.minWarmBatches, numbers.warmBatches),
    precision: resolvePrecision(env.WFB_PRECISION, user.precision),
    runtimes: [...new Set(runtimes)],
    runtimeModules: [...(user.runtimeModules ?? [])],
    workloads: splitList(env.WFB_WORKLOADS) ?? user.workloads,
    workloadsDir: nonEmpty(env.WFB_WORKLOADS_DIR) ?? user.workloadsDir,
    params: env.WFB_PARAMS === undefined ? user.params ?? {} : parseParamsEnv(env.WFB_PARAMS),
    outputDir: env.WFB_OUTPUT_DIR ?? user.outputDir ?? 'bench-results',
    baseline: resolveBaselineOptions(user.baseline, env),
    instructionCount: resolveInstructionCount(env.WFB_INSTRUCTION_COUNT || user.instructionCount),
    injectSlowdown: parseInjectSlowdown(env.WFB_INJECT_SLOWDOWN) ?? (user.injectSlowdown === undefined ? undefined : checkSlowdown(user.injectSlowdown)),
    http: resolveHttpOptions(user.http, env),
    testbed: checkTestbed(env.WFB_TESTBED || user.testbed),
    paired: user.paired === undefined ? undefined : resolvePairedOptions(user.paired, knownRuntimes),
    claims: resolveClaimsFiles(user.claims, env.WFB_CLAIMS),
  }
}

function resolvePrecision(fromEnv: string | undefined, fromUser: number | undefined): number {
  const value = fromEnv === undefined || fromEnv.trim() === '' ? fromUser ?? 0.01 : Number(fromEnv)
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new BenchError('invalid-option', `Option \`precision\` (or WFB_PRECISION) is ${String(fromEnv ?? value)}; it must be a fraction from 0 to 1 (0.01 = the median known to ±1%; 0 = always take the maximum; default 0.01).`)
  }
  return value
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim()
}

function resolveClaimsFiles(user: unknown, env: string | undefined): string[] {
  const fromEnv = splitList(env)
  if (fromEnv !== undefined) return fromEnv
  if (user === undefined) return []
  if (!Array.isArray(user) || !user.every((path) => typeof path === 'string' && path !== '')) {
    throw new BenchError('invalid-option', `Option \`claims\` is ${JSON.stringify(user)}; it must be a list of claims file paths, e.g. \`['claims/ours.json']\`.`)
  }
  return user as string[]
}

function resolveInstructionCount(value: string | undefined): 'off' | 'valgrind' {
  if (value === undefined || value === 'off' || value === 'valgrind') return value ?? 'off'
  throw new BenchError('invalid-option', `Option \`instructionCount\` (or WFB_INSTRUCTION_COUNT) is \`${value}\`. Use one of: \`off\`, \`valgrind\`.`)
}
