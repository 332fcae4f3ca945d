import { metricDefinition } from '../metrics/metric-registry.ts'
import { spreadOf, type ReportRun } from './report-model.ts'

/** One Bencher metric: the median, with the interquartile range as its bounds. */
export interface BmfMetric {
  value: number
  lower_value: number
  upper_value: number
}

/** Bencher Metric Format: benchmark name -> measure name -> metric (https://bencher.dev/docs/reference/bencher-metric-format). */
export type BmfReport = Record<string, Record<string, BmfMetric>>

/**
 * `coldStartMs` -> `cold-start-ms`: the Bencher measure (slug) of a metric, kebab-case with the unit
 * last, as Bencher names measures (the registry's `bmfMeasure` where the unit is not the last word
 * of the name); Bencher creates a measure the first time a slug arrives.
 */
export function measureName(metric: string): string {
  return metricDefinition(metric).bmfMeasure ?? metric.replaceAll(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)
}

/**
 * The runs as Bencher Metric Format JSON: one benchmark per row key (`node-wasi/fib/process/n=25`),
 * one measure per measured metric with `value` = median and `lower_value`/`upper_value` = p25/p75
 * (type 7 quantiles of the samples); HTTP latency also gets `latency-p99-ms`. Unsupported metrics are
 * left out. Rows of several files merge by key; when two files have the same row, the later one wins.
 */
export function renderBmf(runs: readonly ReportRun[]): BmfReport {
  const report: BmfReport = {}
  for (const run of runs) {
    for (const row of run.results.rows) {
      const measures: Record<string, BmfMetric> = {}
      for (const metric of Object.keys(row.metrics)) {
        const spread = spreadOf(row, metric)
        if (spread === undefined) continue
        measures[measureName(metric)] = { value: spread.median, lower_value: spread.p25, upper_value: spread.p75 }
        if (metric === 'latencyMs') measures['latency-p99-ms'] = { value: spread.p99, lower_value: spread.p99, upper_value: spread.p99 }
      }
      report[row.key] = measures
    }
  }
  return report
}

/** The BMF report as the text of `bmf.json`: two-space indented, with a final newline. */
export function formatBmf(report: BmfReport): string {
  return `${JSON.stringify(report, null, 2)}\n`
}
