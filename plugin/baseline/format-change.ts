import { formatMs } from '../reporters/render-table.ts'

/** Three significant digits (`14.6`, `0.00123`, `1230000`). */
function significant(value: number): string {
  return String(Number(value.toPrecision(3)))
}

/** A metric value in its unit, read from the metric's name: `4.32 ms`, `47.2 MiB`, `1.23e9 instructions`. */
export function formatMetricValue(metric: string, value: number): string {
  if (metric.endsWith('Ms')) return formatMs(value)
  if (metric.endsWith('Bytes')) return value >= 2 ** 20 ? `${significant(value / 2 ** 20)} MiB` : value >= 1024 ? `${significant(value / 1024)} KiB` : `${significant(value)} B`
  if (/instructions|cycles/i.test(metric)) return value >= 1e6 ? `${significant(value / 1e6)}M` : significant(value)
  return significant(value)
}

/** A relative change as a signed percentage: `+11.2%`, `-3.04%`, `+0%`. */
export function formatChange(change: number): string {
  const percent = change * 100
  const text = Math.abs(percent) >= 10 ? percent.toFixed(1) : Math.abs(percent) >= 1 ? percent.toFixed(2) : percent.toPrecision(2)
  return `${change >= 0 ? '+' : ''}${Number(text) === 0 ? '0' : text}%`
}

/** A fraction as a plain percentage: 0.05 -> `5%`, 0.125 -> `12.5%`. */
export function formatPercent(fraction: number): string {
  return `${significant(fraction * 100)}%`
}
