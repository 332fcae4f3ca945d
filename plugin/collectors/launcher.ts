/**
 * The measurement launcher: a small native program (launcher.c) that times a child process
 * from posix_spawn to wait4, as `hyperfine -N` does, so Node's own spawn cost (1-4 ms) stays
 * outside the measured cold start. It also reports the child's CPU time and peak RSS from
 * wait4's rusage, which Node cannot read for a child. For samples of a cold start, run a
 * series in one launcher ({@link runMeasuredSeries}) rather than one launcher per sample.
 */
import { createHash } from 'node:crypto'
import { access, constants, mkdir, readFile, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { execa } from 'execa'
import { BenchError } from '../errors.ts'
import { buildCacheDir } from '../package-paths.ts'
import { makeScratchDir } from '../harness/scratch-dir.ts'

/** One process run measured by the launcher. */
export interface MeasuredRun {
  stdout: Buffer
  stderr: Buffer
  /** Exit status, or null when the process was killed by a signal. */
  exitCode: number | null
  /** Name of the signal that killed the process (`SIGSEGV`), or null. */
  signal: string | null
  /** True when the launcher killed the process (SIGKILL) after `timeoutMs`. */
  timedOut: boolean
  /** Wall time from posix_spawn to wait4 returning, in nanoseconds. */
  wallNs: number
  /** User CPU time of the process and its reaped descendants, in microseconds. */
  userUs: number
  /** System CPU time of the process and its reaped descendants, in microseconds. */
  sysUs: number
  /** Peak resident set size (largest of the process and its reaped descendants), in bytes. */
  maxRssBytes: number
}

/** What to run under the launcher. */
export interface MeasuredRunSpec {
  /** Program: a name looked up on PATH (like execvp) or a path. */
  file: string
  args: string[]
  /** Variables added to (or overriding) the current environment. */
  env?: Record<string, string>
  /** Working directory of the process; default: the current one. */
  cwd?: string
  /** The launcher SIGKILLs the process after this many milliseconds and reports `timedOut`. */
  timeoutMs: number
  /** File fed to the process's stdin (a relative path resolves against `cwd`); default /dev/null. */
  stdinPath?: string
  /**
   * Index into `args` (0 = the first) of an argument that gets the run number appended in each run
   * of a series (`id-` becomes `id-0`, `id-1`, …), so each run can name something of its own (a container).
   */
  numberedArg?: number
}

const sourceUrl = new URL('./launcher.c', import.meta.url)
const cacheDir = buildCacheDir('launcher')

/** Extra time the Node side waits beyond `timeoutMs` before it stops the launcher itself. */
const launcherGraceMs = 5_000

let launcherPath: Promise<string> | undefined

/**
 * Compiles launcher.c with `cc -O2` into `<cache>/build/launcher/launcher-<sha256 prefix of the source>`
 * once (atomically: temp name, then rename) and returns the binary's absolute path.
 */
export function ensureLauncher(): Promise<string> {
  launcherPath ??= buildLauncher().catch((error: unknown) => {
    launcherPath = undefined
    throw error
  })
  return launcherPath
}

async function buildLauncher(): Promise<string> {
  const sourcePath = fileURLToPath(sourceUrl)
  const source = await readFile(sourcePath)
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 12)
  const binaryPath = join(cacheDir, `launcher-${hash}`)
  try {
    await access(binaryPath, constants.X_OK)
    return binaryPath
  } catch {
    // Not built yet.
  }

  await mkdir(cacheDir, { recursive: true })
  const tempPath = `${binaryPath}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`
  const compile = await execa('cc', ['-O2', '-Wall', '-Wextra', '-o', tempPath, sourcePath], {
    reject: false,
    stdin: 'ignore',
  })
  if (compile.code === 'ENOENT') {
    throw new BenchError(
      'build-failed',
      'Cannot build the measurement launcher: no C compiler `cc` on PATH. Install one: `apt-get install -y gcc`.',
      { cause: compile.cause },
    )
  }
  if (compile.failed) {
    await rm(tempPath, { force: true })
    throw new BenchError(
      'build-failed',
      `Cannot build the measurement launcher: \`cc -O2 ${sourcePath}\` failed (${compile.shortMessage}).\n${compile.stderr}`,
      { cause: compile.cause },
    )
  }
  await rename(tempPath, binaryPath)
  return binaryPath
}

/** Formats a command for messages: `file 'arg with space' arg`. */
export function formatCommand(file: string, args: readonly string[]): string {
  return [file, ...args].map((part) => (/^[\w@%+=:,./-]+$/.test(part) ? part : `'${part.replaceAll("'", `'\\''`)}'`)).join(' ')
}

/**
 * Runs one process under the launcher and returns its output, exit status and measurements:
 * {@link runMeasuredSeries} with one run.
 */
export async function runMeasured(spec: MeasuredRunSpec): Promise<MeasuredRun> {
  const [run] = await runMeasuredSeries(spec, 1)
  if (run === undefined) throw new Error('runMeasuredSeries returned no run for runs = 1')
  return run
}

/**
 * Runs the same process `runs` times back to back under one launcher process (`--runs`) and
 * returns each run's output, exit status and measurements, in order. One launcher for the
 * whole series is what keeps short cold starts at `hyperfine -N`'s level: starting a launcher
 * from Node per sample reads 3-35% higher. `timeoutMs` applies to each run; a run that times
 * out is the last one returned, so fewer than `runs` results means the series was cut short
 * there. Each run's stdout and stderr go to their own temp files, read back and removed
 * (also when the series fails). If this Node process dies, the launcher gets SIGTERM
 * (PR_SET_PDEATHSIG) and kills the child.
 * @throws BenchError `invalid-option` when `runs` is not a positive integer; `invocation-failed`
 * when the launcher produces no measurement (the program cannot be started, the launcher fails).
 */
export async function runMeasuredSeries(spec: MeasuredRunSpec, runs: number): Promise<MeasuredRun[]> {
  if (!Number.isInteger(runs) || runs < 1) {
    throw new BenchError('invalid-option', `A measured series needs a positive integer number of runs, got ${runs}. Use 1 for a single run.`)
  }
  const launcher = await ensureLauncher()
  const command = formatCommand(spec.file, spec.args)
  const dir = await makeScratchDir('run')
  try {
    const stdoutPrefix = join(dir, 'stdout')
    const stderrPrefix = join(dir, 'stderr')
    const launcherArgs = [
      '--stdout', stdoutPrefix,
      '--stderr', stderrPrefix,
      '--timeout-ms', String(Math.max(1, Math.ceil(spec.timeoutMs))),
      '--runs', String(runs),
      '--parent-pid', String(process.pid),
      ...(spec.stdinPath === undefined ? [] : ['--stdin', spec.stdinPath]),
      ...(spec.numberedArg === undefined ? [] : ['--numbered-arg', String(spec.numberedArg + 1)]),
      '--', spec.file, ...spec.args,
    ]
    const result = await execa(launcher, launcherArgs, {
      reject: false,
      stdin: 'ignore',
      ...(spec.cwd === undefined ? {} : { cwd: spec.cwd }),
      ...(spec.env === undefined ? {} : { env: spec.env }),
      // Safety net only: the launcher enforces timeoutMs itself; SIGTERM makes it kill the child.
      timeout: safetyNetMs(spec.timeoutMs, runs),
      killSignal: 'SIGTERM',
    })
    const reports = parseLauncherReports(result.stdout)
    const measurements = reports?.filter(isLauncherMeasurement) ?? []
    const error = reports?.find(isLauncherError)
    const cutShort = measurements.length < runs && measurements.at(-1)?.timedOut !== true
    if (reports === undefined || error !== undefined || result.exitCode !== 0 || measurements.length > runs || cutShort) {
      const progress = runs > 1 ? ` (after ${measurements.length} of ${runs} runs)` : ''
      throw new BenchError('invocation-failed', `Cannot run \`${command}\`${progress}: ${explainFailure(error, result, spec, runs, launcher)}`, { cause: result.cause })
    }
    const measured: MeasuredRun[] = []
    for (const [index, report] of measurements.entries()) {
      // One run's pair at a time: a long series has thousands of files.
      const [stdout, stderr] = await Promise.all([readFile(`${stdoutPrefix}.${index}`), readFile(`${stderrPrefix}.${index}`)])
      measured.push({
        stdout,
        stderr,
        exitCode: report.exitCode,
        signal: report.signal,
        timedOut: report.timedOut,
        wallNs: report.wallNs,
        userUs: report.userUs,
        sysUs: report.sysUs,
        maxRssBytes: report.maxRssKiB * 1024,
      })
    }
    return measured
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** Longest delay Node's timers accept (2^31 - 1 ms); a longer one would fire after 1 ms. */
const maxTimerMs = 2 ** 31 - 1

/** How long the Node side waits for a series before it stops the launcher itself, in milliseconds. */
function safetyNetMs(timeoutMs: number, runs: number): number {
  return Math.min(maxTimerMs, Math.ceil(timeoutMs) * runs + launcherGraceMs)
}

/** Says why the launcher produced no (or not every) measurement, and what to do about it. */
function explainFailure(
  error: LauncherError | undefined,
  result: { timedOut: boolean; shortMessage?: string | undefined; stderr: string; code?: string | undefined },
  spec: MeasuredRunSpec,
  runs: number,
  launcher: string,
): string {
  const timeoutMs = spec.timeoutMs
  if (error !== undefined) {
    return error.error.startsWith('spawn failed')
      ? `${error.error}. Check that the program exists and is executable, and give a path or make sure it is on PATH.`
      : `the launcher stopped: ${error.error}.`
  }
  if (result.timedOut) {
    const each = runs > 1 ? 'each ' : ''
    return `the launcher did not return within ${safetyNetMs(timeoutMs, runs)} ms although it kills ${each}process after ${timeoutMs} ms; the process may be stuck in the kernel (state D).`
  }
  if (result.code === 'ENOENT' && spec.cwd !== undefined) {
    return `the working directory ${spec.cwd} does not exist (or the launcher ${launcher} is gone). Create it or pass another \`cwd\`.`
  }
  const stderr = result.stderr.trim()
  return `the launcher ${launcher} printed no measurement for every run (${result.shortMessage ?? 'no exit status'})${stderr === '' ? '' : `: ${stderr}`}. Delete ${cacheDir} to rebuild it.`
}

/** One JSON line launcher.c prints: a run's measurement or the launcher's error. */
type LauncherReport = LauncherError | LauncherMeasurement

interface LauncherError {
  error: string
}

interface LauncherMeasurement {
  wallNs: number
  userUs: number
  sysUs: number
  maxRssKiB: number
  exitCode: number | null
  signal: string | null
  timedOut: boolean
}

function isLauncherError(report: LauncherReport): report is LauncherError {
  return 'error' in report
}

function isLauncherMeasurement(report: LauncherReport): report is LauncherMeasurement {
  return !isLauncherError(report)
}

/** Reads the last JSON line of the launcher's stdout; undefined when there is none or it has the wrong shape. */
export function parseLauncherReport(stdout: string): LauncherReport | undefined {
  return parseLauncherLine(stdout.trimEnd().split('\n').at(-1) ?? '')
}

/**
 * Reads every JSON line of the launcher's stdout (one per run of a series, perhaps an error
 * line last), in order; undefined when there is none or any line has the wrong shape.
 */
export function parseLauncherReports(stdout: string): LauncherReport[] | undefined {
  const lines = stdout.trimEnd().split('\n')
  const reports: LauncherReport[] = []
  for (const line of lines) {
    const report = parseLauncherLine(line)
    if (report === undefined) return undefined
    reports.push(report)
  }
  return reports
}

function parseLauncherLine(line: string): LauncherReport | undefined {
  if (line === '') return undefined
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch {
    return undefined
  }
  if (typeof value !== 'object' || value === null) return undefined
  const record = value as Record<string, unknown>
  if (typeof record.error === 'string') return { error: record.error }
  const { wallNs, userUs, sysUs, maxRssKiB, exitCode, signal, timedOut } = record
  if (
    typeof wallNs !== 'number' || typeof userUs !== 'number' || typeof sysUs !== 'number'
    || typeof maxRssKiB !== 'number' || typeof timedOut !== 'boolean'
    || (exitCode !== null && typeof exitCode !== 'number')
    || (signal !== null && typeof signal !== 'string')
  ) {
    return undefined
  }
  return { wallNs, userUs, sysUs, maxRssKiB, exitCode, signal, timedOut }
}
