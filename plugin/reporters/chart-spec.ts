// What the HTML report's drawing script (report-client.mjs) draws: one specification per chart,
// built by report-charts.ts and embedded in the page as JSON.

/** How the browser formats axis ticks: `number` leaves Plot's default, `duration` picks ns, µs, ms or s per tick. */
export type TickFormat = 'number' | 'duration'

/** One bar or dot with its whiskers: median, p25-p75 and min-max, in the chart's unit. */
export interface RangePoint {
  facet: string
  y: string
  series: string
  median: number
  p25: number
  p75: number
  min: number
  max: number
  /** The median, formatted, drawn after the whisker. */
  text: string
  /** Tooltip. */
  title: string
}

/** A horizontal chart of medians with spread, one facet per workload; a single facet `''` draws one panel. */
export interface RangeChartSpec {
  kind: 'range'
  id: string
  title: string
  axisLabel: string
  scale: 'linear' | 'log'
  mark: 'bar' | 'dot'
  /** What the marks stand for, for the key beside the legend: a median with quartiles, or a change with its interval. */
  marks: 'median' | 'change'
  domain: [number, number]
  tickFormat: TickFormat
  reference?: { value: number; label: string }
  colorLabel: string
  series: string[]
  /** Colours for `series`, in order; Plot's default scheme when absent. */
  colors?: string[]
  facets: string[]
  ys: string[]
  points: RangePoint[]
  caption: string
}

/** One point of a line against concurrency. */
export interface LinePoint {
  series: string
  x: number
  y: number
  low: number
  high: number
  title: string
}

/** Lines against concurrency, one per runtime (and run). */
export interface LineChartSpec {
  kind: 'line'
  id: string
  title: string
  xLabel: string
  yLabel: string
  xScale: 'linear' | 'log'
  /** Default linear from zero. */
  yScale?: 'linear' | 'log'
  /** The concurrencies measured: ticks go there and nowhere else. */
  xTicks: number[]
  colorLabel: string
  series: string[]
  points: LinePoint[]
  caption: string
}

/** Any chart of the report. */
export type ChartSpec = RangeChartSpec | LineChartSpec

/** A part of the report: its charts, or the sentence that says why there are none. */
export interface ChartSection {
  id: string
  title: string
  charts: ChartSpec[]
  empty?: string
}
