import type { MetricSummary, ResultRow, UnsupportedMetric, Warning } from '../../schema/results.d.ts'
import { rowKey, type RowIdentity } from '../harness/row-recorder.ts'
import { metricDefinition } from '../metrics/metric-registry.ts'
import { assessQuality } from '../stats/assess-quality.ts'
import { summarise } from '../stats/summarise.ts'
import type { HttpMeasurement } from './measure-server.ts'

/** Fewer samples than this in an assessed metric give a `too-few-samples` warning. */
const minSamples = 5
/**
 * Most samples a metric keeps in the results file: a load phase records every request's latency (tens
 * of thousands), which would make results and baseline files megabytes per row. The summary is
 * computed from all of them first; `n` still counts them all.
 */
export const maxStoredSamples = 2000

/** Every k-th sample in measurement order, so that at most `max` remain (all of them when there are fewer). */
export function thinSamples(samples: readonly number[], max = maxStoredSamples): number[] {
  if (samples.length <= max) return [...samples]
  const step = samples.length / max
  return Array.from({ length: max }, (_, i) => samples[Math.floor(i * step)] ?? 0)
}

/** One HTTP measurement as a results-file row: every metric summarised, quality warnings for those the registry marks as assessed (latency under load varies by nature). */
export function toHttpRow(identity: RowIdentity, measurement: HttpMeasurement): ResultRow {
  const metrics: Record<string, MetricSummary | UnsupportedMetric> = {}
  const warnings: Warning[] = []
  for (const [metric, samples] of Object.entries(measurement.samples)) {
    if (samples.length === 0) continue
    const summary = summarise(samples)
    metrics[metric] = { ...summary, samples: thinSamples(summary.samples) }
    if (metricDefinition(metric).assessed) warnings.push(...assessQuality({ metric, samples, minSamples }))
  }
  for (const [metric, reason] of Object.entries(measurement.unsupported)) metrics[metric] = { unsupported: reason }
  if (measurement.load.stoppedByMaxRequests === true) {
    warnings.push({
      code: 'load-cut-short',
      metric: 'requestsPerSec',
      message: `The load phase stopped after ${measurement.load.requests} requests (\`maxRequests\`) in ${measurement.load.durationSeconds.toFixed(2)} s, before its planned duration.`,
      advice: 'Its throughput comes from a shorter phase than asked for. Raise WFB_HTTP_MAX_REQUESTS (the plugin option `http.maxRequests`) above what the server answers in `http.durationMs`, or shorten the duration to match.',
    })
  }
  return { key: rowKey(identity), ...identity, metrics, warnings }
}
