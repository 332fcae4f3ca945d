import type { PublishedValue } from '../../schema/claims.d.ts'

/** A value in a claim's unit, for tables: `16.7x`, `112 ms`, `4.8 MiB`, `2,322 req/s`. */
export function formatClaimValue(value: number, unit: PublishedValue['unit']): string {
  if (!Number.isFinite(value)) return String(value)
  switch (unit) {
    case 'ratio':
      return `${significant(value)}x`
    case 'ms':
      if (value >= 1000) return `${significant(value / 1000)} s`
      if (value >= 1) return `${significant(value)} ms`
      return `${significant(value * 1000)} µs`
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
  const range = low === undefined || high === undefined ? '?' : formatClaimRange(low, high, unit)
  if (published.comparison === 'at-least') return `≥ ${low === undefined ? '?' : formatClaimValue(low, unit)}`
  if (published.comparison === 'at-most') return `≤ ${high === undefined ? '?' : formatClaimValue(high, unit)}`
  return range
}

/** `1.07–1.32x`, `150–200 ms`, `5.09–6.18 MiB`: a range with its unit written once when both ends share it. */
export function formatClaimRange(low: number, high: number, unit: PublishedValue['unit']): string {
  const from = formatClaimValue(low, unit)
  const to = formatClaimValue(high, unit)
  if (from === to) return from
  const suffix = /(x| [^\d ]+)$/.exec(to)?.[0]
  return suffix !== undefined && from.endsWith(suffix) ? `${from.slice(0, -suffix.length)}–${to}` : `${from}–${to}`
}

/** Three significant digits without trailing zeros: 16.65 -> 16.7, 0.04213 -> 0.0421, 2322 -> 2320. */
function significant(value: number): string {
  if (value >= 1000) return Math.round(value).toLocaleString('en-US')
  return Number(value.toPrecision(3)).toString()
}
