import type { BaselineOptions, HttpOptions, WasmFaasBenchOptions } from '../schema/options.d.ts'
import { applyEnvOverrides, type EnvParser } from './apply-env-overrides.ts'
import { baselineEnvParsers, resolveBaselineOptions, type ResolvedBaselineOptions } from './baseline/baseline-options.ts'
import { checkOptions } from './check-options.ts'
import { BenchError, formatNames } from './errors.ts'
import { resolveHttpOptions, type ResolvedHttpOptions } from './http/http-options.ts'
import { resolvePairedOptions, type ResolvedPairedOptions } from './paired/paired-options.ts'
import { parseInjectSlowdown, type InjectedSlowdown } from './workloads/inject-slowdown.ts'

/** Options of the wasm-faas-bench Vitest plugin (`wasmFaasBench(options)` in vitest.config.ts), generated from schema/options.schema.json: every option's description, default, limits and environment variable live there. */
export type { WasmFaasBenchOptions }

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

/** The options as the schema check returns them: every option with a schema default is present. */
type WithDefaults = WasmFaasBenchOptions & Required<Pick<WasmFaasBenchOptions, 'runtimeModules' | 'params' | 'coldSamples' | 'minColdSamples' | 'warmupRuns'
  | 'warmBatches' | 'minWarmBatches' | 'warmRepeats' | 'precision' | 'phaseBudgetMs' | 'timeoutMs' | 'outputDir' | 'claims' | 'instructionCount' | 'valgrindRuns'>>
  & { baseline: BaselineOptions; http: HttpOptions }

/** Parses `WFB_PARAMS` (`fib.n=30,html.x=1`) into `{ fib: { n: 30 }, … }`. */
export function parseParamsEnv(value: string): Record<string, Record<string, number>> {
  const params: Record<string, Record<string, number>> = {}
  for (const item of value.split(',').map((part) => part.trim()).filter((part) => part !== '')) {
    const match = /^([\w-]+)\.(\w+)=(-?\d+)$/.exec(item)
    if (match === null) {
      throw new BenchError('invalid-option', `Cannot read \`${item}\` in WFB_PARAMS. Write it as \`workload.param=integer\`, e.g. \`fib.n=30\`.`)
    }
    const [, workload = '', name = '', number = ''] = match
    params[workload] = { ...params[workload], [name]: Number(number) }
  }
  return params
}

/** Variables with a syntax of their own; every other one is a number or a comma-separated list (plugin/apply-env-overrides.ts). */
const envParsers: Record<string, EnvParser> = {
  WFB_PARAMS: (text) => parseParamsEnv(text),
  WFB_INJECT_SLOWDOWN: (text) => parseInjectSlowdown(text),
  ...baselineEnvParsers,
}

/**
 * Checks the user's options against schema/options.schema.json and the known runtimes, applies the
 * environment overrides the schema names, and fills in the schema's defaults. Workload names and
 * parameters are checked later, against the workloads found on disk.
 * Throws a BenchError naming the bad value and the valid ones.
 */
export function resolveOptions(
  user: WasmFaasBenchOptions,
  knownRuntimes: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  /** The selection when the user names none: every known runtime except opt-in ones not configured (an endpoint without URL). */
  defaultRuntimes: readonly string[] = knownRuntimes,
): ResolvedOptions {
  const { options: merged, fromEnv } = applyEnvOverrides(user, env, envParsers)
  const checked = checkOptions<WithDefaults>(merged, { fromEnv })
  const runtimes = checked.runtimes ?? [...defaultRuntimes]
  // Names from the project's runtime modules are checked once the modules are loaded (configureVitest).
  const deferred = checked.runtimeModules.length > 0
  for (const name of runtimes) {
    if (!knownRuntimes.includes(name) && !deferred) {
      throw new BenchError('unknown-runtime', `Unknown runtime \`${name}\`. Use one of: ${formatNames(knownRuntimes)}.`)
    }
  }
  if (runtimes.length === 0) {
    throw new BenchError('invalid-option', `No runtimes selected. Use one or more of: ${formatNames(knownRuntimes)}.`)
  }
  const { baseline, http, paired, injectSlowdown, testbed, workloads, workloadsDir, ...rest } = checked
  return {
    ...rest,
    // A minimum above the maximum (coldSamples: 5 alone) means the maximum: a fixed count.
    minColdSamples: Math.min(checked.minColdSamples, checked.coldSamples),
    minWarmBatches: Math.min(checked.minWarmBatches, checked.warmBatches),
    runtimes: [...new Set(runtimes)],
    workloads,
    workloadsDir,
    // The environment is already applied; these fill in what only code can (the judging policy, unique levels).
    baseline: resolveBaselineOptions(baseline, {}),
    injectSlowdown,
    http: resolveHttpOptions(http, {}),
    testbed,
    paired: paired === undefined ? undefined : resolvePairedOptions(paired, knownRuntimes),
  }
}
