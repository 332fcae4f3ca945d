import type { MetricSummary, ResultRow, UnsupportedMetric, Warning } from '../../schema/results.d.ts'
import { rowKey, type RowIdentity } from '../harness/row-recorder.ts'
import { assessQuality } from '../stats/assess-quality.ts'
import { summarise } from '../stats/summarise.ts'
import type { HttpMeasurement } from './measure-server.ts'

/** Metrics whose spread says something about the measurement's quality (latency under load varies by nature). */
const assessedMetrics = ['firstResponseMs', 'requestsPerSec']
/** Fewer samples than this in an assessed metric give a `too-few-samples` warning. */
const minSamples = 5

/** One HTTP measurement as a results-file row: every metric summarised, quality warnings for the assessed ones. */
export function toHttpRow(identity: RowIdentity, measurement: HttpMeasurement): ResultRow {
  const metrics: Record<string, MetricSummary | UnsupportedMetric> = {}
  const warnings: Warning[] = []
  for (const [metric, samples] of Object.entries(measurement.samples)) {
    if (samples.length === 0) continue
    metrics[metric] = summarise(samples)
    if (assessedMetrics.includes(metric)) warnings.push(...assessQuality({ metric, samples, minSamples }))
  }
  for (const [metric, reason] of Object.entries(measurement.unsupported)) metrics[metric] = { unsupported: reason }
  return { key: rowKey(identity), ...identity, metrics, warnings }
}
