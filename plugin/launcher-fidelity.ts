/**
 * Cold-start calibration: times the same commands with `hyperfine -N` and with the measurement
 * launcher (one series per round, runMeasuredSeries) and compares the medians. The launcher's
 * cold starts are meant to be within ±5% of hyperfine's.
 */
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { execa } from 'execa'
import { BenchError } from './errors.ts'
import { makeScratchDir } from './shared/scratch-dir.ts'
import { runMeasuredSeries } from './collectors/launcher.ts'
import { formatCommand } from './shared/format-command.ts'

/** A command to calibrate on: a program and its arguments (no shell). */
export interface CalibrationCommand {
  label: string
  file: string
  args: string[]
  /** Variables added to the environment of both tools' runs (a runtime adapter's, e.g. quieting Rust's backtraces). */
  env?: Record<string, string>
}

/** Both tools' medians for one command, in milliseconds, and launcher / hyperfine. */
export interface CalibrationRow {
  label: string
  hyperfineMedianMs: number
  launcherMedianMs: number
  /** launcherMedianMs / hyperfineMedianMs; 1 means the launcher adds nothing. */
  ratio: number
}

/** Runs per tool and warm-up runs (not counted) before them, in each round. */
export interface CalibrationOptions {
  runs: number
  warmup: number
}

/** The launcher's target: its median within this fraction of hyperfine's (0.95-1.05). */
export const calibrationTolerance = 0.05

/** Rounds per command, each hyperfine then launcher, so both tools see the same drift. */
const rounds = 2
/** A calibration command that runs longer than this is killed and fails. */
const runTimeoutMs = 60_000

const hyperfineInstall = 'apt-get install -y hyperfine'

/**
 * Times each command with `hyperfine -N` and with the launcher, interleaved in two rounds
 * (hyperfine, launcher, hyperfine, launcher), and returns per tool the mean of its two round
 * medians. In each round the launcher runs warm-up and measured runs as one series in one
 * launcher process, as hyperfine runs them in one process. Averaging the rounds, rather than
 * keeping one pair, uses every run and halves the effect of a slow phase of the machine
 * (another tenant, frequency change) that hits one round.
 */
export async function measureLauncherFidelity(
  commands: readonly CalibrationCommand[],
  options: CalibrationOptions,
): Promise<CalibrationRow[]> {
  if (!Number.isInteger(options.runs) || options.runs < 2) {
    throw new BenchError('invalid-option', `Calibration \`runs\` must be an integer of at least 2, got ${options.runs}. Use e.g. 200.`)
  }
  if (!Number.isInteger(options.warmup) || options.warmup < 0) {
    throw new BenchError('invalid-option', `Calibration \`warmup\` must be a non-negative integer, got ${options.warmup}. Use e.g. 20.`)
  }
  const rows: CalibrationRow[] = []
  for (const command of commands) {
    const hyperfineMediansMs: number[] = []
    const launcherMediansMs: number[] = []
    for (let round = 0; round < rounds; round++) {
      hyperfineMediansMs.push(await medianWithHyperfine(command, options))
      launcherMediansMs.push(await medianWithLauncher(command, options))
    }
    const hyperfineMedianMs = mean(hyperfineMediansMs)
    const launcherMedianMs = mean(launcherMediansMs)
    rows.push({ label: command.label, hyperfineMedianMs, launcherMedianMs, ratio: launcherMedianMs / hyperfineMedianMs })
  }
  return rows
}

/**
 * Quotes arguments into the one command string `hyperfine -N` splits into words itself
 * (POSIX shell word rules, no shell runs): plain words stay, others go in single quotes
 * with `'` written as `'\''`.
 */
export function toHyperfineCommand(file: string, args: readonly string[]): string {
  return formatCommand(file, args)
}

/** The median of `hyperfine -N` runs of one command, in milliseconds. */
export async function medianWithHyperfine(command: CalibrationCommand, options: CalibrationOptions): Promise<number> {
  const commandLine = toHyperfineCommand(command.file, command.args)
  const dir = await makeScratchDir('calibrate')
  try {
    const exportPath = join(dir, 'hyperfine.json')
    const args = [
      '-N', '--warmup', String(options.warmup), '--runs', String(options.runs),
      '--export-json', exportPath, '--output=null', '--style', 'none', '--', commandLine,
    ]
    const run = await execa('hyperfine', args, { reject: false, stdin: 'ignore', ...(command.env === undefined ? {} : { env: command.env }) })
    if (run.code === 'ENOENT') {
      throw new BenchError('runtime-unavailable', `hyperfine is not installed (no \`hyperfine\` on PATH). Install it: \`${hyperfineInstall}\`.`, { cause: run.cause })
    }
    if (run.failed) {
      throw new BenchError(
        'invocation-failed',
        `\`hyperfine -N -- ${commandLine}\` failed for ${command.label}: ${run.shortMessage}${run.stderr === '' ? '' : `\n${run.stderr}`}`,
        { cause: run.cause },
      )
    }
    const exported: unknown = JSON.parse(await readFile(exportPath, 'utf8'))
    const medianSeconds = readHyperfineMedian(exported)
    if (medianSeconds === undefined) {
      throw new BenchError('invocation-failed', `hyperfine's export ${exportPath} has no results[0].median for ${command.label}.`)
    }
    return medianSeconds * 1000
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

function readHyperfineMedian(exported: unknown): number | undefined {
  if (typeof exported !== 'object' || exported === null) return undefined
  const results = (exported as { results?: unknown }).results
  if (!Array.isArray(results)) return undefined
  const first: unknown = results[0]
  if (typeof first !== 'object' || first === null) return undefined
  const median = (first as { median?: unknown }).median
  return typeof median === 'number' ? median : undefined
}

async function medianWithLauncher(command: CalibrationCommand, options: CalibrationOptions): Promise<number> {
  const series = await runMeasuredSeries({ file: command.file, args: command.args, timeoutMs: runTimeoutMs, ...(command.env === undefined ? {} : { env: command.env }) }, options.warmup + options.runs)
  for (const measured of series) {
    if (measured.exitCode !== 0) {
      const status = measured.timedOut ? `timed out after ${runTimeoutMs} ms` : measured.signal ?? `exit code ${measured.exitCode}`
      throw new BenchError(
        'invocation-failed',
        `\`${formatCommand(command.file, command.args)}\` failed under the launcher for ${command.label} (${status}). Calibrate on a command that succeeds.`,
      )
    }
  }
  return median(series.slice(options.warmup).map((measured) => measured.wallNs / 1e6))
}

/** Median: middle of the sorted sample, mean of the two middle values for an even count (as hyperfine). */
function median(values: readonly number[]): number {
  const sorted = values.toSorted((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  const upper = sorted[middle] ?? Number.NaN
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? Number.NaN) + upper) / 2
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length
}

/** Renders calibration rows as a plain-text table: medians in ms, ratio, and whether it is within ±10%. */
export function formatLauncherFidelity(rows: readonly CalibrationRow[]): string {
  const header = ['command', 'hyperfine -N median (ms)', 'launcher median (ms)', 'ratio', 'verdict']
  const body = rows.map((row) => [
    row.label,
    row.hyperfineMedianMs.toFixed(3),
    row.launcherMedianMs.toFixed(3),
    row.ratio.toFixed(3),
    Math.abs(row.ratio - 1) <= calibrationTolerance
      ? `within ±${calibrationTolerance * 100}%`
      : `off by ${row.ratio > 1 ? '+' : ''}${((row.ratio - 1) * 100).toFixed(0)}%`,
  ])
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column]?.length ?? 0)))
  const format = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => (column === 0 || column === cells.length - 1 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join('  ')
      .trimEnd()
  return [format(header), ...body.map(format)].join('\n')
}
