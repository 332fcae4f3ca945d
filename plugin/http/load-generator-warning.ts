import type { ResultRow, Warning } from '../../schema/results.d.ts'

/** The row `benches/load-generator.bench.ts` writes: hey's throughput against wrk's on the same server. */
export const loadGeneratorRowRuntime = 'hey-vs-wrk'

/** Below this share of wrk's throughput, hey may be what limits an HTTP row (docs/http.md). */
export const minHeyToWrkRatio = 0.9

const advice = 'The load generator, not the server, may have limited this row\'s throughput: run on a quieter machine (hey and the server share the cores), or compare servers at lower concurrency. This is a warning about the measurement, not a failure of the run.'

/**
 * The warning for a load-generator check whose median hey/wrk ratio is below {@link minHeyToWrkRatio}, or
 * undefined when it is not. A slow load generator on a busy machine is a fact about the measurement,
 * so it is a warning on the rows, never a failed benchmark run.
 */
export function slowLoadGeneratorWarning(heyToWrkRatio: number, line: string): Warning | undefined {
  if (!(heyToWrkRatio < minHeyToWrkRatio)) return undefined
  return { code: 'slow-load-generator', metric: 'requestsPerSec', message: `hey reached ${(heyToWrkRatio * 100).toFixed(1)}% of wrk's rate in this run (below ${minHeyToWrkRatio * 100}%): ${line}.`, advice }
}

/**
 * Copies the load-generator row's `slow-load-generator` warning onto every HTTP row of the run (rows
 * with a `concurrency` parameter), so that whoever reads a row's throughput sees it.
 */
export function spreadLoadGeneratorWarning(rows: readonly ResultRow[]): ResultRow[] {
  const warning = rows.find((row) => row.runtime === loadGeneratorRowRuntime)?.warnings.find((candidate) => candidate.code === 'slow-load-generator')
  if (warning === undefined) return [...rows]
  return rows.map((row) => (row.runtime !== loadGeneratorRowRuntime && 'concurrency' in row.params && !row.warnings.some((existing) => existing.code === 'slow-load-generator')
    ? { ...row, warnings: [...row.warnings, warning] }
    : row))
}
