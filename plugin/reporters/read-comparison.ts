import type { ResultsFile } from '../../schema/results.d.ts'

/** The verdicts of the baseline policy (`judge`), worst first; reports list them in this order. */
export const verdictOrder = ['regressed', 'incomparable', 'inconclusive', 'no-baseline', 'improved', 'pass'] as const

/** One row x metric compared with the baseline. */
export interface ComparisonEntry {
  /** Row key (`node-wasi/fib/process/n=25`). */
  key: string
  /** Metric name with its unit (`coldStartMs`). */
  metric: string
  /** `pass | regressed | improved | inconclusive | no-baseline | incomparable`, or whatever the file says. */
  verdict: string
  /** Relative change of the median against the baseline: 0.12 = 12% higher. */
  change?: number
  /** Confidence interval of `change`, as relative changes. */
  changeInterval?: [number, number]
  /** Confidence that the change is real, 0..1 (1 - the Benjamini-Hochberg q-value). */
  confidence?: number
  /** The verdict in one sentence, with the numbers, and what to do about it. */
  reason?: string
}

/** The optional `comparison` section of a results file, normalised for the reporters. */
export interface ComparisonView {
  /** What the run was compared with (`baselines/3f2a9c81d0b4.json (2026-11-29T22:00:00.000Z)`). */
  baseline?: string
  /** The run's overall outcome: `passed`, `failed`, `no-baseline`, `recorded`. */
  verdict?: string
  /** One-line summary of the comparison. */
  summary?: string
  entries: ComparisonEntry[]
}

type Fields = Record<string, unknown>

/**
 * Reads the `comparison` section that the regression gate adds to a results file (schema
 * definition `Comparison`: `{ status, baselinePath, baselineUpdatedAt?, failed, message, verdicts:
 * [{ key, metric, verdict, change?, qValue?, message, advice? }] }`), or undefined when there is
 * none. It reads leniently, so that a report of an older or newer file still draws what it can:
 * entries without key, metric or verdict are dropped; `entries` or `rows` may stand for `verdicts`,
 * `confidence` (0..1) or `changeInterval` ([low, high]) may be given directly.
 */
export function readComparison(results: ResultsFile): ComparisonView | undefined {
  const section = (results as unknown as Fields).comparison
  if (!isFields(section)) return undefined
  const list = [section.verdicts, section.entries, section.rows].find(Array.isArray) as unknown[] | undefined
  const entries = (list ?? []).flatMap((item) => {
    const entry = readEntry(item)
    return entry === undefined ? [] : [entry]
  })
  const view: ComparisonView = { entries }
  const baseline = describeBaseline(section)
  if (baseline !== undefined) view.baseline = baseline
  const verdict = overallVerdict(section)
  if (verdict !== undefined) view.verdict = verdict
  // Differences between the baseline's machine and this one inside their class travel with the summary line.
  const note = typeof section.machineNote === 'string' ? ` Machine note: ${section.machineNote}` : ''
  if (typeof section.message === 'string') view.summary = `${section.message}${note}`
  return view
}

function readEntry(item: unknown): ComparisonEntry | undefined {
  if (!isFields(item)) return undefined
  const { key, metric, verdict } = item
  if (typeof key !== 'string' || typeof metric !== 'string' || typeof verdict !== 'string') return undefined
  const entry: ComparisonEntry = { key, metric, verdict }
  const change = finite(item.change)
  if (change !== undefined) entry.change = change
  const interval = [item.changeInterval, item.interval].find(isPair)
  if (interval !== undefined) entry.changeInterval = interval
  const qValue = fraction(item.qValue)
  const confidence = qValue === undefined ? fraction(item.confidence) : 1 - qValue
  if (confidence !== undefined) entry.confidence = confidence
  const reason = [item.message, item.advice, item.reason].filter((text): text is string => typeof text === 'string' && text !== '').join(' ')
  if (reason !== '') entry.reason = reason
  return entry
}

function describeBaseline(section: Fields): string | undefined {
  const path = [section.baselinePath, section.baseline].find((value): value is string => typeof value === 'string')
  const updatedAt = typeof section.baselineUpdatedAt === 'string' ? section.baselineUpdatedAt : undefined
  if (path === undefined) return updatedAt
  return updatedAt === undefined ? path : `${path} (${updatedAt})`
}

function overallVerdict(section: Fields): string | undefined {
  if (section.status === 'compared' && typeof section.failed === 'boolean') return section.failed ? 'failed' : 'passed'
  if (typeof section.status === 'string') return section.failed === true ? `${section.status}, failed` : section.status
  return typeof section.verdict === 'string' ? section.verdict : undefined
}

/** Entries sorted worst verdict first, then by key and metric. */
export function sortByVerdict(entries: readonly ComparisonEntry[]): ComparisonEntry[] {
  const rank = (verdict: string): number => {
    const index = (verdictOrder as readonly string[]).indexOf(verdict)
    return index === -1 ? verdictOrder.length : index
  }
  return [...entries].sort((a, b) => rank(a.verdict) - rank(b.verdict) || a.key.localeCompare(b.key) || a.metric.localeCompare(b.metric))
}

/** `+12.3%`, `−4.0%`: a relative change with its sign. */
export function formatChange(change: number): string {
  const percent = change * 100
  const digits = Math.abs(percent) >= 100 ? 0 : 1
  const text = Math.abs(percent).toFixed(digits)
  if (Number(text) === 0) return `±${text}%`
  return `${percent > 0 ? '+' : '−'}${text}%`
}

/** `95% CI −3.0% … +8.0%`, `95%`, `−3.0% … +8.0%`, or `—`: what the entry says about its certainty. */
export function formatConfidence(entry: ComparisonEntry): string {
  const level = entry.confidence === undefined ? '' : `${(entry.confidence * 100).toFixed(0)}%`
  if (entry.changeInterval === undefined) return level === '' ? '—' : level
  const interval = `${formatChange(entry.changeInterval[0])} … ${formatChange(entry.changeInterval[1])}`
  return level === '' ? interval : `${level} CI ${interval}`
}

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

function fraction(value: unknown): number | undefined {
  const number = finite(value)
  return number !== undefined && number >= 0 && number <= 1 ? number : undefined
}

function isPair(value: unknown): value is [number, number] {
  return Array.isArray(value) && value.length === 2 && value.every((item) => finite(item) !== undefined)
}
