/**
 * The scale charts of the report (rows of `wasm-faas-bench scale`): memory per instance against the
 * number of live instances, and the time until K simultaneous cold starts all answered correctly
 * against K, both on log axes, one line per host (and run).
 */
import { formatMs } from '../metrics/format-units.ts'
import { spreadOf, type ReportRun } from './report-model.ts'
import type { LineChartSpec, LinePoint } from './chart-spec.ts'

interface Axis {
  mode: 'density' | 'burst'
  param: 'instances' | 'burst'
  metric: string
  toUnit: (value: number) => number
  describe: (value: number) => string
}

const density: Axis = { mode: 'density', param: 'instances', metric: 'pssPerInstanceBytes', toUnit: (bytes) => bytes / 1024, describe: (kib) => `${kib.toFixed(1)} KiB PSS per instance` }
const burst: Axis = { mode: 'burst', param: 'burst', metric: 'burstAllCorrectMs', toUnit: (ms) => ms, describe: (ms) => `all correct in ${formatMs(ms)}` }

function pointsOf(runs: readonly ReportRun[], axis: Axis): LinePoint[] {
  const multi = runs.length > 1
  const points: LinePoint[] = []
  for (const run of runs) {
    for (const row of run.results.rows) {
      const x = row.params[axis.param]
      const spread = spreadOf(row, axis.metric)
      if (row.mode !== axis.mode || x === undefined || spread === undefined) continue
      const series = multi ? `${row.runtime} · ${run.id}` : row.runtime
      const y = axis.toUnit(spread.median)
      const budget = row.stoppedBy === undefined ? '' : `\n${row.stoppedBy.message}`
      points.push({ series, x, y, low: axis.toUnit(spread.p25), high: axis.toUnit(spread.p75), title: `${series}, ${axis.param} ${x}: ${axis.describe(y)}${budget}` })
    }
  }
  return points
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)]
}

/** A log-log line chart of `points`, one line per host; none when there are no points. */
function logLogChart(points: LinePoint[], text: Pick<LineChartSpec, 'id' | 'title' | 'xLabel' | 'yLabel' | 'caption'>): LineChartSpec[] {
  if (points.length === 0) return []
  return [{
    kind: 'line', ...text, xScale: 'log', yScale: 'log',
    xTicks: unique(points.map((point) => point.x)).sort((a, b) => a - b),
    colorLabel: 'Host', series: unique(points.map((point) => point.series)), points,
  }]
}

/** The density and burst charts, for the runs that have such rows (none: an empty list). */
export function buildScaleCharts(runs: readonly ReportRun[]): LineChartSpec[] {
  return [
    ...logLogChart(pointsOf(runs, density), {
      id: 'density', title: 'Density: memory per live instance',
      xLabel: 'Live instances N (log scale) →', yLabel: '↑ PSS per instance (KiB, log scale)',
      caption: 'Marginal proportional set size (PSS) per instance: (PSS of the host’s whole process tree with N live instances − PSS with none) / N. A line ends where the run reached its memory budget or its largest N. Process-per-instance hosts count the processes’ PSS, not the kernel’s own memory per process or container.',
    }),
    ...logLogChart(pointsOf(runs, burst), {
      id: 'burst', title: 'Bursts: K simultaneous cold starts',
      xLabel: 'Simultaneous cold starts K (log scale) →', yLabel: '↑ Until all K answered correctly (ms, log scale)',
      caption: 'Time from asking for K new instances at once until the last of them answered with the right output; in-process hosts create them in their live process (module already compiled). Lines: median over the bursts; whiskers: p25–p75. K divided by this time is the rate of correct cold starts (`coldStartsPerSec`).',
    }),
  ]
}
