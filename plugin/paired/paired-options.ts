import type { PairedOptions } from '../../schema/options.d.ts'
import { BenchError, formatNames } from '../errors.ts'
import type { WorkloadParams } from '../types.ts'

/** The `paired` plugin option (one A/B comparison, run by a bench file that calls `benchPaired()`), generated from schema/options.schema.json. */
export type { PairedOptions }

/** The option with defaults filled in and checked. */
export type ResolvedPairedOptions = Required<Omit<PairedOptions, 'params'>> & { params: WorkloadParams }

/**
 * Checks the runtimes of a `paired` option the options schema has already checked (and filled in
 * with its defaults) against the known runtimes. Throws a BenchError naming the bad value.
 */
export function resolvePairedOptions(checked: PairedOptions, knownRuntimes: readonly string[]): ResolvedPairedOptions {
  for (const [side, variant] of [['base', checked.base], ['head', checked.head]] as const) {
    if (!knownRuntimes.includes(variant.runtime)) {
      throw new BenchError('unknown-runtime', `Option \`paired.${side}.runtime\` is \`${variant.runtime}\`. Use one of: ${formatNames(knownRuntimes)}.`)
    }
  }
  // The schema check filled in every default (params, mode, pairs, warmRepeats, blockSize).
  return checked as ResolvedPairedOptions
}
