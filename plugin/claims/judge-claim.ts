import type { Claim, PublishedValue, RowMetric, RowSelector } from '../../schema/claims.d.ts'
import type { FailedRow, ResultRow, ResultsFile, SkippedRow } from '../../schema/results.d.ts'
import { formatClaimRange, formatClaimValue, formatPublished } from './format-claim-value.ts'
import { measureCommand } from './measure-command.ts'

/**
 * What a run says about a claim: `consistent` (this run's number lies within the tolerance of the
 * published one), `contradicts` (it lies outside), `not-comparable` (the rows exist but are not
 * like for like: a metric unsupported here, rows from two machines, an injected slowdown, an
 * ambiguous selector), `not-measured` (the rows are not in the results; the command says how).
 */
export type ClaimVerdictKind = 'consistent' | 'contradicts' | 'not-comparable' | 'not-measured'

/** The verdict on one claim, with this run's number computed as the claim's quantity says. */
export interface ClaimVerdict {
  claim: Claim
  verdict: ClaimVerdictKind
  /** This run's number, in `claim.published.unit`; absent unless consistent or contradicts. */
  measured?: number
  /** Keys of the rows the number came from. */
  rows: string[]
  /** One sentence: the comparison with its numbers, or why there is none. */
  reason: string
  /** For `not-measured`: the command that would measure it. */
  command?: string
}

/** A results file to judge claims against (a ReportRun fits). */
export interface ClaimRun {
  results: ResultsFile
}

interface FoundRow {
  row: ResultRow
  results: ResultsFile
}

type Operand = { value: number; found: FoundRow } | { verdict: 'not-comparable' | 'not-measured'; reason: string; rows: string[] }

/**
 * Judges one claim against the rows of one or more results files (a row key given twice: the file
 * given last wins). Pure: reads nothing but its arguments.
 */
export function judgeClaim(claim: Claim, runs: readonly ClaimRun[]): ClaimVerdict {
  const command = measureCommand(claim)
  const { quantity } = claim
  if (quantity === undefined) {
    return { claim, verdict: 'not-measured', rows: [], reason: `No row of this tool computes it yet${claim.setup.needs === undefined ? '' : `; needs ${claim.setup.needs}`}.`, command }
  }
  const rows = collectRows(runs)
  const operands = [quantity.of, ...(quantity.kind === 'ratio' && quantity.per !== undefined ? [quantity.per] : [])].map((operand) => readOperand(operand, rows, runs))
  for (const operand of operands) {
    if ('verdict' in operand) {
      if (operand.verdict === 'not-comparable') return { claim, verdict: operand.verdict, rows: operand.rows, reason: operand.reason }
      const needs = claim.setup.needs === undefined ? '' : ` Needs ${claim.setup.needs}.`
      return { claim, verdict: operand.verdict, rows: operand.rows, reason: `${operand.reason}${needs}`, command }
    }
  }
  const found = operands.flatMap((operand) => ('found' in operand ? [operand.found] : []))
  const keys = found.map(({ row }) => row.key)
  const machines = new Set(found.map(({ results }) => results.machine.id))
  if (machines.size > 1) {
    return { claim, verdict: 'not-comparable', rows: keys, reason: `The rows come from different machines (${[...machines].join(', ')}); a ratio needs both rows from one machine.` }
  }
  const slowed = found.find(({ results }) => results.options.injectSlowdown !== undefined)
  if (slowed !== undefined) {
    return { claim, verdict: 'not-comparable', rows: keys, reason: `The run of \`${slowed.row.key}\` had a slowdown injected to test the regression gate; its numbers are not the runtime's own.` }
  }
  const values = operands.flatMap((operand) => ('value' in operand ? [operand.value] : []))
  const [numerator = Number.NaN, denominator] = values
  const measured = denominator === undefined ? numerator : numerator / denominator
  if (!Number.isFinite(measured) || measured <= 0) {
    return { claim, verdict: 'not-comparable', rows: keys, reason: `This run's value is ${String(measured)}, which cannot be compared with a published number (a zero or missing denominator).` }
  }
  const consistent = isWithin(measured, claim.published, claim.tolerance)
  const tolerance = claim.tolerance === 0 ? 'no tolerance' : `tolerance ×/÷${formatFactor(1 + claim.tolerance)}`
  const reason = `${formatClaimValue(measured, claim.published.unit)} ${describeComparison(consistent, claim.published, claim.tolerance)} (published ${formatPublished(claim.published)}, ${tolerance}).${describeDisturbance(found)}`
  return { claim, verdict: consistent ? 'consistent' : 'contradicts', measured, rows: keys, reason }
}

/** A caveat when a row was measured while other processes kept the machine busy (its `busy-machine` warning), else ''. */
function describeDisturbance(found: readonly FoundRow[]): string {
  const busy = found.filter(({ row }) => row.warnings.some((warning) => warning.code === 'busy-machine'))
  if (busy.length === 0) return ''
  const cores = Math.max(...busy.map(({ row }) => row.otherLoadCores ?? 0))
  const load = cores > 0 ? ` (other processes used up to ${cores.toFixed(1)} cores)` : ''
  return ` Caveat: ${busy.map(({ row }) => `\`${row.key}\``).join(' and ')} ${busy.length === 1 ? 'was' : 'were'} measured on a busy machine${load}; repeat on a quiet one before relying on it.`
}

/** Judges every claim, in order. */
export function judgeClaims(claims: readonly Claim[], runs: readonly ClaimRun[]): ClaimVerdict[] {
  return claims.map((claim) => judgeClaim(claim, runs))
}

/** The range of this run's values that count as consistent: published / (1 + tolerance) to published × (1 + tolerance), or one side of it for a bound. */
export function acceptedRange(published: PublishedValue, tolerance: number): { low: number; high: number } {
  const factor = 1 + tolerance
  const low = (published.low ?? published.value ?? Number.NaN) / factor
  const high = (published.high ?? published.value ?? Number.NaN) * factor
  if (published.comparison === 'at-least') return { low, high: Number.POSITIVE_INFINITY }
  if (published.comparison === 'at-most') return { low: 0, high }
  return { low, high }
}

function isWithin(measured: number, published: PublishedValue, tolerance: number): boolean {
  const { low, high } = acceptedRange(published, tolerance)
  return measured >= low && measured <= high
}

function describeComparison(consistent: boolean, published: PublishedValue, tolerance: number): string {
  const { low, high } = acceptedRange(published, tolerance)
  if (published.comparison === 'at-least') return `${consistent ? 'is at least' : 'is below'} ${formatClaimValue(low, published.unit)}`
  if (published.comparison === 'at-most') return `${consistent ? 'is at most' : 'is above'} ${formatClaimValue(high, published.unit)}`
  return `${consistent ? 'is within' : 'is outside'} ${formatClaimRange(low, high, published.unit)}`
}

function formatFactor(factor: number): string {
  return Number(factor.toPrecision(3)).toString()
}

interface CollectedRows {
  rows: Map<string, FoundRow>
  skipped: SkippedRow[]
  failed: FailedRow[]
}

function collectRows(runs: readonly ClaimRun[]): CollectedRows {
  const rows = new Map<string, FoundRow>()
  for (const { results } of runs) for (const row of results.rows) rows.set(row.key, { row, results })
  return { rows, skipped: runs.flatMap(({ results }) => results.skipped), failed: runs.flatMap(({ results }) => results.failed) }
}

/** `wasm3/fib/process/n=40` (parts the selector leaves open as `*`), as row keys read. */
export function describeSelector(selector: RowSelector): string {
  const params = Object.entries(selector.params ?? {}).sort(([a], [b]) => a.localeCompare(b)).map(([name, value]) => `${name}=${value}`).join(',')
  const runtime = selector.version === undefined ? selector.runtime : `${selector.runtime}[${selector.version}]`
  return [runtime, selector.workload, selector.mode ?? '*', ...(params === '' ? [] : [params])].join('/')
}

function matches(selector: RowSelector, row: { runtime: string; workload: string; mode: string; params?: Record<string, number>; runtimeVersion?: string }): boolean {
  if (row.runtime !== selector.runtime || row.workload !== selector.workload) return false
  if (selector.mode !== undefined && row.mode !== selector.mode) return false
  if (selector.version !== undefined && row.runtimeVersion !== undefined && !row.runtimeVersion.includes(selector.version)) return false
  // Skipped rows carry no parameters: they match on runtime, workload and mode alone.
  if (row.params === undefined) return true
  return Object.entries(selector.params ?? {}).every(([name, value]) => row.params?.[name] === value)
}

function readOperand(operand: RowMetric, collected: CollectedRows, runs: readonly ClaimRun[]): Operand {
  const { row: selector, metric } = operand
  const statistic = operand.statistic ?? 'median'
  const wanted = describeSelector(selector)
  const candidates = [...collected.rows.values()].filter(({ row }) => matches(selector, row))
  if (candidates.length === 0) {
    const failed = collected.failed.find((row) => matches(selector, row))
    if (failed !== undefined) return { verdict: 'not-measured', rows: [], reason: `No row \`${wanted}\`: it failed in this run (${firstLine(failed.error)}).` }
    const skipped = collected.skipped.find((row) => matches(selector, row))
    if (skipped !== undefined) return { verdict: 'not-measured', rows: [], reason: `No row \`${wanted}\`: skipped in this run (${skipped.reason}; install: \`${skipped.install}\`).` }
    const runtime = runs.flatMap(({ results }) => [...results.runtimes, ...(results.servers ?? [])]).find((info) => info.name === selector.runtime && !info.available)
    const why = runtime === undefined ? '' : ` ${selector.runtime} was not available (${runtime.reason ?? 'not found'}; install: \`${runtime.install}\`).`
    return { verdict: 'not-measured', rows: [], reason: `No row \`${wanted}\` in the results.${why}` }
  }
  const measured = candidates.flatMap((found) => {
    const summary = found.row.metrics[metric]
    return summary !== undefined && 'median' in summary ? [{ found, value: summary[statistic] }] : []
  })
  if (measured.length === 0) {
    const unsupported = candidates.map(({ row }) => row.metrics[metric]).find((summary) => summary !== undefined && 'unsupported' in summary)
    const keys = candidates.map(({ row }) => row.key)
    if (unsupported !== undefined && 'unsupported' in unsupported) {
      return { verdict: 'not-comparable', rows: keys, reason: `\`${metric}\` of \`${keys[0] ?? wanted}\` is unsupported here: ${unsupported.unsupported}.` }
    }
    return { verdict: 'not-measured', rows: keys, reason: `Row \`${keys[0] ?? wanted}\` has no \`${metric}\`: this run did not record that metric.` }
  }
  if (measured.length > 1 && selector.pick === undefined) {
    return { verdict: 'not-comparable', rows: measured.map(({ found }) => found.row.key), reason: `${measured.length} rows match \`${wanted}\`; name the parameters that tell them apart, or \`pick\` the highest or lowest.` }
  }
  const sorted = [...measured].sort((a, b) => (selector.pick === 'lowest' ? a.value - b.value : b.value - a.value))
  const chosen = sorted[0]
  if (chosen === undefined) return { verdict: 'not-measured', rows: [], reason: `No row \`${wanted}\` in the results.` }
  return { value: chosen.value, found: chosen.found }
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').slice(0, 200)
}
