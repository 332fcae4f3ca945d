import { resolve } from 'node:path'
import { resolveBaselineOptions } from '../baseline/baseline-options.ts'
import { BenchError } from '../errors.ts'
import { judgePaired } from '../paired/judge-paired.ts'
import { renderPaired } from '../paired/render-paired.ts'
import { runPaired, type PairedRunSpec, type PairedVariant } from '../paired/run-paired.ts'
import { writeFileAtomic } from '../results/write-file-atomic.ts'
import { parseParamsEnv } from '../options.ts'
import type { InstanceMode } from '../types.ts'
import type { CliCommand } from './types.ts'
import { commandRuntimes, runtimeModuleFlag, runtimeModuleUsage } from './runtime-module-flag.ts'
import { parseCommandArgs } from './parse-command-args.ts'

const usage = `wasm-faas-bench compare --workload fib --runtime native [--head-runtime R] [--base-wasm A.wasm --head-wasm B.wasm] [--params fib.n=25] [--pairs 60] [--block 1] [--warm-repeats 20] [--mode process] [--json FILE] ${runtimeModuleUsage}`

const options = {
  workload: { type: 'string' },
  runtime: { type: 'string' },
  'head-runtime': { type: 'string' },
  'base-wasm': { type: 'string' },
  'head-wasm': { type: 'string' },
  'head-slowdown': { type: 'string' },
  params: { type: 'string' },
  pairs: { type: 'string' },
  'warm-repeats': { type: 'string' },
  'warmup-runs': { type: 'string' },
  block: { type: 'string' },
  mode: { type: 'string' },
  json: { type: 'string' },
  ...runtimeModuleFlag,
} as const

function integer(value: string | undefined, name: string, fallback: number, min: number): number {
  const number = value === undefined ? fallback : Number(value)
  if (!Number.isInteger(number) || number < min) throw new BenchError('invalid-option', `--${name} is \`${value}\`; give an integer of at least ${min}. Usage: ${usage}`)
  return number
}

/** The paired run the command line asks for. */
export function parseCompareArgs(args: string[]): { spec: PairedRunSpec; json?: string; runtimeModules?: string[] } {
  const { values } = parseCommandArgs(args, usage, options)
  if (values.workload === undefined || values.runtime === undefined) throw new BenchError('invalid-option', `compare needs --workload and --runtime. Usage: ${usage}`)
  const base: PairedVariant = { runtime: values.runtime, ...(values['base-wasm'] === undefined ? {} : { wasmPath: resolve(values['base-wasm']) }) }
  const slowdown = values['head-slowdown'] === undefined ? undefined : integer(values['head-slowdown'], 'head-slowdown', 0, 1)
  const head: PairedVariant = {
    runtime: values['head-runtime'] ?? values.runtime,
    ...(values['head-wasm'] === undefined ? {} : { wasmPath: resolve(values['head-wasm']) }),
    ...(slowdown === undefined ? {} : { extraWorkPercent: slowdown }),
  }
  const params = values.params === undefined ? {} : parseParamsEnv(values.params)[values.workload] ?? {}
  const spec: PairedRunSpec = {
    workload: values.workload,
    params,
    mode: (values.mode ?? 'process') as InstanceMode,
    base,
    head,
    pairs: integer(values.pairs, 'pairs', 60, 10),
    warmRepeats: integer(values['warm-repeats'], 'warm-repeats', 20, 0),
    warmupRuns: integer(values['warmup-runs'], 'warmup-runs', 2, 0),
    blockSize: integer(values.block, 'block', 1, 1),
    timeoutMs: 30_000,
  }
  return { spec, ...(values.json === undefined ? {} : { json: values.json }), ...(values['runtime-module'] === undefined ? {} : { runtimeModules: values['runtime-module'] }) }
}

/**
 * `compare`: a paired A/B run. Two variants (two builds of a workload, two runtimes, or the same
 * with injected extra work for testing) are invoked alternately, invocation by invocation, and judged
 * with paired statistics against the regression gate's minimum effects (policy from
 * WFB_BASELINE_POLICY). Exit code 1 on a regressed metric. `--json` writes the samples and verdicts.
 */
export const compare: CliCommand = {
  words: ['compare'],
  summary: '--workload W --runtime R [--head-runtime R2 | --base-wasm A --head-wasm B] [--pairs N]  paired A/B run, judged invocation by invocation',
  async run(args, registry) {
    const { spec, json, runtimeModules } = parseCompareArgs(args)
    const { policy } = resolveBaselineOptions({}, process.env)
    const samples = await runPaired(spec, await commandRuntimes(registry.runtimes, runtimeModules))
    const verdicts = judgePaired(samples.key, samples.metrics, policy)
    console.log(renderPaired(samples.description, samples.key, spec.pairs, verdicts))
    if (json !== undefined) await writeFileAtomic(resolve(json), `${JSON.stringify({ ...samples, spec, verdicts }, null, 2)}\n`)
    if (verdicts.some((verdict) => verdict.verdict === 'regressed')) process.exitCode = 1
  },
}
