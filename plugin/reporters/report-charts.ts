import type { ResultRow } from '../../schema/results.d.ts'
import { formatChange, readComparison, sortByVerdict, verdictOrder } from './read-comparison.ts'
import { chartUnitOf, formatMs, type ChartUnit } from '../metrics/format-units.ts'
import type { MetricChart } from '../metrics/metric-definition.ts'
import { metricEntries } from '../metrics/metric-registry.ts'
import { cellLabel, spreadOf, workloadLabel, type ReportRun, type Spread } from './report-model.ts'
import type { ChartSection, LineChartSpec, LinePoint, RangeChartSpec, RangePoint } from './chart-spec.ts'
import { buildScaleCharts } from './scale-charts.ts'

const whiskers = 'Whiskers: thick p25–p75 (interquartile range), thin min–max.'

/** A metric drawn as medians with spread: its registry chart with the unit's conversion to the axis. */
interface RangeMetric extends MetricChart, ChartUnit {
  metric: string
}

/** The registry's charted metrics of one report section, in registry order. */
function rangeMetricsOf(section: MetricChart['section']): RangeMetric[] {
  return metricEntries().flatMap(([metric, definition]) => (definition.chart?.section === section ? [{ metric, ...definition.chart, ...chartUnitOf(definition.unit) }] : []))
}

/**
 * The report's charts, built from the runs in the order given: cold start, warm latency, CPU time
 * and utilisation, peak memory, HTTP throughput and p99 latency against concurrency, and the
 * baseline comparison when a run carries one. With one run colours are runtimes; with several,
 * colours are runs and each bar's label names its run (`node-wasi (process) · run 2`).
 */
export function buildChartSections(runs: readonly ReportRun[]): ChartSection[] {
  const sections: ChartSection[] = []
  const comparison = buildComparisonChart(runs)
  if (comparison !== undefined) sections.push({ id: 'comparison', title: 'Baseline comparison', charts: [comparison] })
  const titles: Array<[MetricChart['section'], string, string]> = [
    ['cold-start', 'Cold start', 'cold starts'],
    ['warm-latency', 'Warm latency', 'warm latency'],
    ['cpu', 'CPU time and utilisation', 'CPU time'],
    ['memory', 'Peak memory', 'peak memory'],
  ]
  for (const [id, title, what] of titles) {
    const charts = rangeMetricsOf(id).flatMap((metric) => {
      const chart = buildRangeChart(runs, metric)
      return chart === undefined ? [] : [chart]
    })
    sections.push(charts.length > 0 ? { id, title, charts } : { id, title, charts, empty: `No row measured ${what}.` })
  }
  const http = buildHttpCharts(runs)
  sections.push(http.length > 0
    ? { id: 'http', title: 'HTTP throughput and latency', charts: http }
    : { id: 'http', title: 'HTTP throughput and latency', charts: [], empty: 'No HTTP rows were measured in these results (no row has a `requestsPerSec` metric with a `concurrency` parameter), so there is no throughput or p99 chart.' })
  // Scale rows (`wasm-faas-bench scale`): only results that have them get the section.
  const scale = [...buildScaleCharts(runs), ...rangeMetricsOf('scale').flatMap((metric) => buildRangeChart(runs, metric) ?? [])]
  if (scale.length > 0) sections.push({ id: 'scale', title: 'Scale: density, bursts, instantiation', charts: scale })
  return sections
}

function buildRangeChart(runs: readonly ReportRun[], metric: RangeMetric): RangeChartSpec | undefined {
  const multi = runs.length > 1
  const points: RangePoint[] = []
  const cells: Array<{ y: string; cell: string }> = []
  for (const run of runs) {
    for (const row of run.results.rows) {
      const spread = spreadOf(row, metric.metric)
      if (spread === undefined || (metric.modes !== undefined && !metric.modes.includes(row.mode))) continue
      const converted = convert(spread, metric.toAxis)
      const y = multi ? `${cellLabel(row)} · ${run.id}` : cellLabel(row)
      cells.push({ y, cell: cellLabel(row) })
      points.push({
        facet: workloadLabel(row),
        y,
        series: multi ? run.label : row.runtime,
        ...converted,
        text: metric.format(converted.median),
        title: `${workloadLabel(row)} ${y}\nmedian ${metric.format(converted.median)}, p25–p75 ${metric.format(converted.p25)}–${metric.format(converted.p75)}, min–max ${metric.format(converted.min)}–${metric.format(converted.max)}, n = ${spread.n}`,
      })
    }
  }
  if (points.length === 0) return undefined
  const high = Math.max(...points.map((point) => point.max), metric.reference?.value ?? 0)
  const low = Math.min(...points.map((point) => point.min))
  const spec: RangeChartSpec = {
    kind: 'range',
    id: metric.id,
    title: metric.title,
    axisLabel: metric.axisLabel,
    scale: metric.scale,
    mark: metric.mark,
    marks: 'median',
    // Room after the longest whisker for the median's label.
    domain: metric.scale === 'log' ? [low / 2, high * 5] : [0, high * 1.25],
    tickFormat: metric.tickFormat,
    colorLabel: multi ? 'Run' : 'Runtime',
    series: unique(points.map((point) => point.series)),
    facets: unique(points.map((point) => point.facet)),
    ys: groupByCell(cells),
    points,
    caption: `${metric.caption} ${whiskers}`,
  }
  if (metric.reference !== undefined) spec.reference = { ...metric.reference }
  return spec
}

/** HTTP rows: those with a throughput summary and a concurrency (`concurrency` or `connections` parameter). */
function buildHttpCharts(runs: readonly ReportRun[]): LineChartSpec[] {
  const multi = runs.length > 1
  const throughput: LinePoint[] = []
  const p99: LinePoint[] = []
  const cells: Array<{ y: string; cell: string }> = []
  for (const run of runs) {
    for (const row of run.results.rows) {
      const concurrency = concurrencyOf(row)
      const requests = spreadOf(row, 'requestsPerSec')
      if (concurrency === undefined || requests === undefined) continue
      // Rows without keep-alive are their own line (`native (one-instance) keep-alive off`).
      const cell = row.params.keepAlive === 0 ? `${cellLabel(row)} keep-alive off` : cellLabel(row)
      const series = multi ? `${cell} · ${run.id}` : cell
      cells.push({ y: series, cell })
      const where = `${workloadLabel(row)} ${series}, concurrency ${concurrency}`
      throughput.push({ series, x: concurrency, y: requests.median, low: requests.p25, high: requests.p75, title: `${where}\n${requests.median.toFixed(0)} requests/s (p25–p75 ${requests.p25.toFixed(0)}–${requests.p75.toFixed(0)})` })
      const latency = spreadOf(row, 'latencyMs')
      if (latency !== undefined) p99.push({ series, x: concurrency, y: latency.p99, low: latency.p99, high: latency.p99, title: `${where}\np99 latency ${formatMs(latency.p99)} (median ${formatMs(latency.median)})` })
    }
  }
  if (throughput.length === 0) return []
  const xs = throughput.map((point) => point.x)
  const xScale = Math.max(...xs) / Math.max(Math.min(...xs), 1) >= 8 ? 'log' : 'linear'
  const xLabel = `Concurrent connections${xScale === 'log' ? ' (log scale)' : ''} →`
  const xTicks = [...new Set(xs)].sort((a, b) => a - b)
  const charts: LineChartSpec[] = [{
    kind: 'line', id: 'http-throughput', title: 'HTTP throughput', xLabel, yLabel: '↑ Throughput, median (requests/s)', xScale, xTicks,
    colorLabel: 'Runtime', series: groupByCell(cells), points: throughput,
    caption: 'Requests per second against the number of concurrent connections. Lines: median; vertical whiskers: p25–p75.',
  }]
  if (p99.length > 0) {
    charts.push({
      kind: 'line', id: 'http-p99', title: 'HTTP tail latency', xLabel, yLabel: '↑ Latency p99 (ms)', xScale, xTicks,
      colorLabel: 'Runtime', series: groupByCell(cells).filter((series) => p99.some((point) => point.series === series)), points: p99,
      caption: 'The 99th percentile of request latency against the number of concurrent connections.',
    })
  }
  return charts
}

function concurrencyOf(row: ResultRow): number | undefined {
  return row.params.concurrency ?? row.params.connections
}

/** Colours of the verdicts: red for worse, green for better, grey for unchanged, amber for unsure. */
const verdictColors: Record<string, string> = { regressed: '#d62728', incomparable: '#7f7f7f', inconclusive: '#ff9f1c', 'no-baseline': '#bcbd22', improved: '#2ca02c', pass: '#4e79a7' }

function buildComparisonChart(runs: readonly ReportRun[]): RangeChartSpec | undefined {
  const multi = runs.length > 1
  const points: RangePoint[] = []
  const cells: Array<{ y: string; cell: string }> = []
  for (const run of runs) {
    for (const entry of sortByVerdict(readComparison(run.results)?.entries ?? [])) {
      if (entry.change === undefined) continue
      const [low, high] = entry.changeInterval ?? [entry.change, entry.change]
      const cell = `${entry.key} ${entry.metric}`
      const y = multi ? `${cell} · ${run.id}` : cell
      cells.push({ y, cell })
      points.push({
        // One panel: rows differ between metrics, and facets would repeat every row in each.
        facet: '', y, series: entry.verdict,
        median: entry.change * 100, p25: low * 100, p75: high * 100, min: low * 100, max: high * 100,
        text: `${formatChange(entry.change)} ${entry.verdict}`,
        title: `${entry.metric} ${y}: ${formatChange(entry.change)}, ${entry.verdict}${entry.reason === undefined ? '' : ` (${entry.reason})`}`,
      })
    }
  }
  if (points.length === 0) return undefined
  const reach = Math.max(5, ...points.flatMap((point) => [Math.abs(point.min), Math.abs(point.max)]))
  const series = unique(points.map((point) => point.series))
    .sort((a, b) => (verdictOrder as readonly string[]).indexOf(a) - (verdictOrder as readonly string[]).indexOf(b))
  return {
    kind: 'range', id: 'comparison', title: 'Change against the baseline', axisLabel: '← better   change of the median against the baseline (%)   worse →',
    scale: 'linear', mark: 'dot', marks: 'change', domain: [-reach * 1.2, reach * 1.9], tickFormat: 'number', reference: { value: 0, label: 'baseline' },
    colorLabel: 'Verdict', series, colors: series.map((verdict) => verdictColors[verdict] ?? '#333333'),
    facets: [''], ys: groupByCell(cells), points,
    caption: 'Relative change of each row’s median against the baseline, per metric (positive: more time, CPU or memory). Dots: change; whiskers: its confidence interval where the comparison gives one. Colour: the verdict.',
  }
}

function convert(spread: Spread, toUnit: (value: number) => number): Pick<RangePoint, 'median' | 'p25' | 'p75' | 'min' | 'max'> {
  return { median: toUnit(spread.median), p25: toUnit(spread.p25), p75: toUnit(spread.p75), min: toUnit(spread.min), max: toUnit(spread.max) }
}

/** Runtimes in the order the results first list them, with each runtime's runs next to each other. */
function groupByCell(cells: ReadonlyArray<{ y: string; cell: string }>): string[] {
  const order = unique(cells.map(({ cell }) => cell))
  return unique([...cells].sort((a, b) => order.indexOf(a.cell) - order.indexOf(b.cell)).map(({ y }) => y))
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)]
}
