import { BenchError, formatNames } from '../errors.ts'
import type { InstanceMode, WorkloadParams } from '../types.ts'
import type { PairedVariant } from './run-paired.ts'

/** The `paired` plugin option: one A/B comparison, run by a bench file that calls `benchPaired()`. */
export interface PairedOptions {
  /** Workload both variants run (`fib`). */
  workload: string
  /** Its parameters; default each parameter's default. */
  params?: WorkloadParams
  /** Instance mode; default `process`. */
  mode?: InstanceMode
  /** The base variant: `{ runtime: 'wasmtime', wasmPath: 'base/fib.wasm' }` (a path relative to the project root). */
  base: PairedVariant
  /** The head variant, e.g. the pull request's build or another runtime. */
  head: PairedVariant
  /** Interleaved pairs of invocations. Default 60, at least 10. */
  pairs?: number
  /** Timed repetitions per warm invocation. Default 20; 0 measures no warm latency. */
  warmRepeats?: number
  /** Invocations of each variant per pair, the smallest counting (for noisy machines). Default 1. */
  blockSize?: number
}

/** The option with defaults filled in and checked. */
export type ResolvedPairedOptions = Required<Omit<PairedOptions, 'params'>> & { params: WorkloadParams }

/** Checks the `paired` option against the known runtimes and fills in defaults. Throws a BenchError naming the bad value. */
export function resolvePairedOptions(user: PairedOptions, knownRuntimes: readonly string[]): ResolvedPairedOptions {
  for (const [side, variant] of [['base', user.base], ['head', user.head]] as const) {
    if (typeof variant?.runtime !== 'string' || !knownRuntimes.includes(variant.runtime)) {
      throw new BenchError('unknown-runtime', `Option \`paired.${side}.runtime\` is \`${String(variant?.runtime)}\`. Use one of: ${formatNames(knownRuntimes)}.`)
    }
  }
  const pairs = user.pairs ?? 60
  const warmRepeats = user.warmRepeats ?? 20
  if (!Number.isInteger(pairs) || pairs < 10) throw new BenchError('invalid-option', `Option \`paired.pairs\` is ${pairs}; give an integer of at least 10 (default 60).`)
  if (!Number.isInteger(warmRepeats) || warmRepeats < 0) throw new BenchError('invalid-option', `Option \`paired.warmRepeats\` is ${warmRepeats}; give an integer of at least 0 (default 20).`)
  const blockSize = user.blockSize ?? 1
  if (!Number.isInteger(blockSize) || blockSize < 1) throw new BenchError('invalid-option', `Option \`paired.blockSize\` is ${blockSize}; give an integer of at least 1 (default 1).`)
  return { workload: user.workload, params: user.params ?? {}, mode: user.mode ?? 'process', base: user.base, head: user.head, pairs, warmRepeats, blockSize }
}
