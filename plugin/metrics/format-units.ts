/**
 * Units, formatted in one place: every table, chart, gate message and BMF measure that prints a
 * metric's value goes through the metric's unit (plugin/metrics/metric-registry.ts), not a guess
 * from the end of its name.
 */

/**
 * The unit of a metric's samples: `ms` (milliseconds), `bytes`, `ratio` (a fraction; 1 = 100%),
 * `count` (a number of things: instructions, context switches, errors), `per-second` (things per
 * second), `bytes-per-second`.
 */
export type MetricUnit = 'ms' | 'bytes' | 'ratio' | 'count' | 'per-second' | 'bytes-per-second'

/** How each unit is written in documentation and the results schema. */
export const unitLabels = {
  ms: 'ms',
  bytes: 'bytes',
  ratio: 'ratio',
  count: 'count',
  'per-second': '1/s',
  'bytes-per-second': 'bytes/s',
} as const satisfies Record<MetricUnit, string>

/** Three significant digits without trailing zeros (`14.6`, `0.00123`, `1230000`). */
export function formatSignificant(value: number): string {
  return String(Number(value.toPrecision(3)))
}

function formatNumber(value: number): string {
  if (value >= 100) return value.toFixed(0)
  if (value >= 10) return value.toFixed(1)
  return value.toFixed(2)
}

/** A duration given in milliseconds, printed in the unit that keeps it readable: `85 ns`, `210 µs`, `4.32 ms`, `1.20 s`. */
export function formatMs(ms: number): string {
  if (ms >= 1000) return `${formatNumber(ms / 1000)} s`
  if (ms >= 1) return `${formatNumber(ms)} ms`
  if (ms >= 0.001) return `${formatNumber(ms * 1000)} µs`
  return `${formatNumber(ms * 1e6)} ns`
}

/** A size in bytes with three significant digits in MiB, KiB or B: `47.2 MiB`, `512 KiB`, `96 B`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 2 ** 20) return `${formatSignificant(bytes / 2 ** 20)} MiB`
  if (bytes >= 1024) return `${formatSignificant(bytes / 1024)} KiB`
  return `${formatSignificant(bytes)} B`
}

/** A count with three significant digits, in millions from a million on: `1.23e9` -> `1230M`, `412`. */
export function formatCount(count: number): string {
  return count >= 1e6 ? `${formatSignificant(count / 1e6)}M` : formatSignificant(count)
}

/** A value in its unit for messages (the gate's verdicts): `4.32 ms`, `47.2 MiB`, `1230M`, `0.95`. */
export function formatUnitValue(unit: MetricUnit, value: number): string {
  switch (unit) {
    case 'ms': return formatMs(value)
    case 'bytes': return formatBytes(value)
    case 'count': return formatCount(value)
    case 'ratio':
    case 'per-second':
    case 'bytes-per-second':
      return formatSignificant(value)
  }
}

/** A statistic in a results table's cell: `4.32 ms`, `47.2 MiB`, `95%`, `412`, `2322` (per second: whole numbers). */
export function formatTableValue(unit: MetricUnit, value: number): string {
  switch (unit) {
    case 'ms': return formatMs(value)
    case 'bytes': return `${(value / 2 ** 20).toFixed(1)} MiB`
    case 'ratio': return `${(value * 100).toFixed(0)}%`
    case 'per-second': return value.toFixed(0)
    case 'count':
    case 'bytes-per-second':
      return formatCount(value)
  }
}

/** How a chart draws a unit: the conversion of a sample to the axis's unit, and how a converted value is labelled. */
export interface ChartUnit {
  toAxis: (value: number) => number
  format: (axisValue: number) => string
}

/** The chart conversion of each unit: milliseconds as they are, bytes in MiB, ratios in percent. */
export function chartUnitOf(unit: MetricUnit): ChartUnit {
  switch (unit) {
    case 'ms': return { toAxis: (ms) => ms, format: formatMs }
    case 'bytes': return { toAxis: (bytes) => bytes / 2 ** 20, format: (mib) => `${mib.toFixed(1)} MiB` }
    case 'ratio': return { toAxis: (ratio) => ratio * 100, format: (percent) => `${percent.toFixed(0)}%` }
    case 'count':
    case 'per-second':
    case 'bytes-per-second':
      return { toAxis: (value) => value, format: formatCount }
  }
}
