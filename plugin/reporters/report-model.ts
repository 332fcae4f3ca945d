import { basename } from 'node:path'
import type { MachineFingerprint, MetricSummary, ResultRow, ResultsFile, UnsupportedMetric } from '../../schema/results.d.ts'
import { quantile } from '../stats/summarise.ts'

/** One results file given to a report, with the names its charts and tables use for it. */
export interface ReportRun {
  /** `run 1`: short name for axes, in the order the files were given. */
  id: string
  /** `run 1 · 2026-11-29 22:46 UTC · latest.json`: the legend entry. */
  label: string
  /** Where the file came from (a path), as given. */
  source: string
  results: ResultsFile
}

/** A metric summary reduced to what charts and tables draw, in the metric's own unit. */
export interface Spread {
  median: number
  /** 25th and 75th percentiles (Hyndman & Fan type 7, as `summarise`), from the samples. */
  p25: number
  p75: number
  min: number
  max: number
  p99: number
  n: number
}

/**
 * Names each results file for the report, keeping the order given: `run 1`, `run 2`, … with the
 * run's start (UTC, to the minute) and the file name in the label.
 */
export function labelRuns(files: ReadonlyArray<{ source: string; results: ResultsFile }>): ReportRun[] {
  return files.map(({ source, results }, index) => {
    const id = `run ${index + 1}`
    return { id, label: `${id} · ${formatUtcMinute(results.createdAt)} · ${basename(source)}`, source, results }
  })
}

/** `2026-11-29 22:46 UTC` from an RFC 3339 date-time. */
export function formatUtcMinute(dateTime: string): string {
  return `${new Date(dateTime).toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

/** True for a measured metric, false for an unsupported or absent one. */
export function isSummary(metric: MetricSummary | UnsupportedMetric | undefined): metric is MetricSummary {
  return metric !== undefined && 'median' in metric
}

/** The spread of one metric of a row, or undefined when the row lacks it or it is unsupported. */
export function spreadOf(row: ResultRow, metric: string): Spread | undefined {
  const summary = row.metrics[metric]
  if (!isSummary(summary)) return undefined
  const sorted = [...summary.samples].sort((a, b) => a - b)
  return {
    median: summary.median,
    p25: quantile(sorted, 0.25),
    p75: quantile(sorted, 0.75),
    min: summary.min,
    max: summary.max,
    p99: summary.p99,
    n: summary.n,
  }
}

/** `fib(n=25)`: the workload with its parameters, as the summary table prints it. */
export function workloadLabel(row: { workload: string; params: Record<string, number> }): string {
  const params = Object.entries(row.params).map(([name, value]) => `${name}=${value}`).join(',')
  return params === '' ? row.workload : `${row.workload}(${params})`
}

/** `node-wasi (process)`: the runtime and its instance mode. */
export function cellLabel(row: { runtime: string; mode: string }): string {
  return `${row.runtime} (${row.mode})`
}

/** `Intel Xeon (2 cores, 23.5 GiB), Debian GNU/Linux 12, kernel 6.1.0-18-amd64, x64`. */
export function describeMachine(machine: MachineFingerprint): string {
  const { cpu, os } = machine
  const memory = `${(machine.memoryBytes / 2 ** 30).toFixed(1)} GiB`
  const speed = cpu.speedGHz === null ? '' : ` @ ${cpu.speedGHz} GHz`
  return `${cpu.model}${speed} (${cpu.cores} ${cpu.cores === 1 ? 'core' : 'cores'}, ${memory}), ${os.distro}, kernel ${os.kernel}, ${os.arch}`
}

/** `wasm-faas-bench 0.1.0, Node 24.21.0 (V8 13.6.233.17), node-wasi: node 24.21.0, native: cc 12.2.0`: every version that shaped the numbers. */
export function describeVersions(results: ResultsFile): string {
  const runtimes = results.runtimes
    .filter((runtime) => runtime.available)
    .map((runtime) => {
      // Read leniently: older results files have no flags.
      const flags = (runtime as { flags?: unknown }).flags
      const flagText = Array.isArray(flags) && flags.length > 0 ? ` with ${flags.join(' ')}` : ''
      // The version proper: adapters may append how they run the runtime after a `;`.
      const version = (runtime.version ?? 'version unknown').split('; ')[0] ?? ''
      return `${runtime.name}: ${version}${flagText}`
    })
  return [`wasm-faas-bench ${results.tool.version}`, `Node ${results.machine.node} (V8 ${results.machine.v8})`, ...runtimes].join(', ')
}

/**
 * One line per distinct machine and set of versions among the runs: `Machine: …. Versions: ….`,
 * prefixed with the run ids when the runs differ, so every chart caption names what was measured.
 */
export function describeSetup(runs: readonly ReportRun[]): string[] {
  const lines = new Map<string, string[]>()
  for (const run of runs) {
    const line = `Machine: ${describeMachine(run.results.machine)}. Versions: ${describeVersions(run.results)}.`
    lines.set(line, [...(lines.get(line) ?? []), run.id])
  }
  if (lines.size === 1) return [...lines.keys()]
  return [...lines].map(([line, ids]) => `${ids.join(', ')}: ${line}`)
}

/**
 * `fib +20% (every runtime)` when the run had a slowdown injected to test the regression gate (the
 * `injectSlowdown` option), undefined for a normal run; such numbers are not the runtimes' own.
 */
export function describeInjectedSlowdown(results: ResultsFile): string | undefined {
  const injected = (results.options as { injectSlowdown?: { workload?: unknown; runtime?: unknown; percent?: unknown } }).injectSlowdown
  if (injected === undefined || typeof injected.workload !== 'string' || typeof injected.percent !== 'number') return undefined
  return `${injected.workload} +${injected.percent}% (${typeof injected.runtime === 'string' ? injected.runtime : 'every runtime'})`
}
