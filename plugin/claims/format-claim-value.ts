import type { PublishedValue } from '../../schema/claims.d.ts'
import { formatMs } from '../reporters/render-table.ts'

/** A value in a claim's unit, for tables: `16.7x`, `112 ms`, `4.8 MiB`, `2,322 req/s`. */
export function formatClaimValue(value: number, unit: PublishedValue['unit']): string {
  if (!Number.isFinite(value)) return String(value)
  switch (unit) {
    case 'ratio':
      return `${significant(value)}x`
    case 'ms':
      return formatMs(value)
    case 'bytes':
      return value >= 2 ** 20 ? `${significant(value / 2 ** 20)} MiB` : `${significant(value / 2 ** 10)} KiB`
    case 'req/s':
      return `${Math.round(value).toLocaleString('en-US')} req/s`
  }
}

/** The published number in the tool's unit: `16.7x`, `4.6–5.2 MiB`, `≥ 4x`, `≤ 100 KiB`. */
export function formatPublished(published: PublishedValue): string {
  const { unit } = published
  const low = published.low ?? published.value
  const high = published.high ?? published.value
  const range = low === undefined || high === undefined ? '?' : low === high ? formatClaimValue(low, unit) : `${formatClaimValue(low, unit)}–${formatClaimValue(high, unit)}`
  if (published.comparison === 'at-least') return `≥ ${low === undefined ? '?' : formatClaimValue(low, unit)}`
  if (published.comparison === 'at-most') return `≤ ${high === undefined ? '?' : formatClaimValue(high, unit)}`
  return range
}

/** Three significant digits without trailing zeros: 16.65 -> 16.7, 0.04213 -> 0.0421, 2322 -> 2320. */
function significant(value: number): string {
  if (value >= 1000) return Math.round(value).toLocaleString('en-US')
  return Number(value.toPrecision(3)).toString()
}
