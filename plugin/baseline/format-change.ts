import { formatSignificant } from '../metrics/format-units.ts'

/** A relative change as a signed percentage: `+11.2%`, `-3.04%`, `+0%`. */
export function formatChange(change: number): string {
  const percent = change * 100
  const text = Math.abs(percent) >= 10 ? percent.toFixed(1) : Math.abs(percent) >= 1 ? percent.toFixed(2) : percent.toPrecision(2)
  return `${change >= 0 ? '+' : ''}${Number(text) === 0 ? '0' : text}%`
}

/** A fraction as a plain percentage: 0.05 -> `5%`, 0.125 -> `12.5%`. */
export function formatPercent(fraction: number): string {
  return `${formatSignificant(fraction * 100)}%`
}
