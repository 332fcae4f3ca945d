/**
 * Warm-up runs that lead every measured series of cold starts. A series of short processes starts
 * slow and settles over its first runs: on this project's 2-vCPU VM (2026-12-08, 40 series of 10),
 * a native noop read 0.81-0.82 ms at a series' first run and 0.67-0.70 ms at its tenth, against
 * 0.61-0.65 ms in one series of 400; wasm3 noop 1.37-1.42 -> 1.26-1.30 against 1.20-1.23 ms. Adaptive
 * sampling takes a row's samples in several short series, so without this a fast row read 7-13%
 * above `hyperfine -N` (which warms up and then runs one long series) and within 4% with it.
 */

/** Warm-up time that leads each series, in milliseconds: enough for the runs above to settle. */
export const seriesWarmupMs = 25
/** At most this many warm-up runs lead a series (very fast commands). */
export const maxSeriesWarmupRuns = 50

/** The warm-up runs of one row's cold series: how many lead the next series, from what the last ones took. */
export interface SeriesWarmup {
  /** Runs to put before the measured ones in the next series (checked, not counted). */
  leadRuns(): number
  /** Hands over the wall times (ns) of the measured runs of a series just taken. */
  observe(measuredWallNs: readonly number[]): void
}

/**
 * `warmupRuns` (the option) lead the first series, as ever; once a run's duration is known, every
 * series is led by enough runs to fill {@link seriesWarmupMs} (at least `warmupRuns`, at most
 * {@link maxSeriesWarmupRuns}). `warmupRuns: 0` asks for every run to count, first ones included: then
 * no series has a warm-up.
 */
export function createSeriesWarmup(warmupRuns: number): SeriesWarmup {
  let fastestMs: number | undefined
  return {
    leadRuns() {
      if (warmupRuns === 0 || fastestMs === undefined) return warmupRuns
      return Math.max(warmupRuns, Math.min(maxSeriesWarmupRuns, Math.ceil(seriesWarmupMs / Math.max(fastestMs, 1e-3))))
    },
    observe(measuredWallNs) {
      for (const ns of measuredWallNs) fastestMs = Math.min(fastestMs ?? Number.POSITIVE_INFINITY, ns / 1e6)
    },
  }
}
