/**
 * The measurement launcher: a small native program (launcher.c) that times a child process
 * from posix_spawn to wait4, as `hyperfine -N` does, so Node's own spawn cost (1-4 ms) stays
 * outside the measured cold start. It also reports the child's CPU time, peak RSS and context
 * switches from wait4's rusage, which Node cannot read for a child. For samples of a cold start, run a
 * series in one launcher ({@link runMeasuredSeries}) rather than one launcher per sample.
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { execa } from 'execa'
import { ensureCachedBuild } from '../build-cache/ensure-cached-build.ts'
import { hashBuildInputs } from '../build-cache/hash-build-inputs.ts'
import { BenchError } from '../errors.ts'
import { buildCacheDir } from '../package-paths.ts'
import { makeScratchDir } from '../shared/scratch-dir.ts'
import { formatCommand } from '../shared/format-command.ts'

/** One process run measured by the launcher. */
export interface MeasuredRun {
  /**
   * The first {@link outputHeadBytes} of stdout: the whole output when it is no longer
   * (`stdoutDigest.bytes` says). Large outputs are checked by their digest, never held whole.
   */
  stdout: Buffer
  /** Length and SHA-256 of the whole stdout, computed while it was read. */
  stdoutDigest: OutputDigest
  /** stderr, or its last {@link stderrKeepBytes} when it was longer. */
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
  /**
   * Further values of the run from wait4's rusage, by metric name (plugin/metrics/metric-registry.ts):
   * `voluntaryContextSwitches` (ru_nvcsw) and `involuntaryContextSwitches` (ru_nivcsw), of the process
   * and its reaped descendants.
   */
  metrics: Record<string, number>
}

/** Length and SHA-256 (hex) of an output that was read as a stream. */
export interface OutputDigest {
  bytes: number
  sha256: string
}

/** How much of a run's stdout is kept in memory (for messages and small outputs), in bytes: 64 KiB. */
export const outputHeadBytes = 64 * 1024
/** How much of a run's stderr is kept (its tail), in bytes: 1 MiB. */
export const stderrKeepBytes = 1024 * 1024
/**
 * A series pauses (launcher `--pause-above-bytes`) once its unread output files pass this many
 * bytes, so that they are checked and deleted before the next run: 16 MiB.
 */
export const pauseAboveBytes = 16 * 1024 * 1024

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
  /**
   * A command the launcher runs when it is stopped (Ctrl-C, SIGTERM, this process dying) after it
   * has killed the run in progress; `{N}` in it stands for argument N (1 = the first after `file`)
   * of that run: `['runc', 'delete', '--force', '{4}']` removes the container `runc run` left.
   */
  cleanup?: string[]
  /**
   * Further folders of the caller's that the launcher deletes when it is stopped (Ctrl-C, this
   * process killed), besides its own output folder: those of an instance that dies with it (a runc bundle).
   */
  scratchDirs?: string[]
  /**
   * How much of each run's stdout is kept in memory, in bytes; default {@link outputHeadBytes}. The
   * digest always covers all of it. A workload whose output is judged by a check function needs it whole.
   */
  keepStdoutBytes?: number | undefined
}

const sourceUrl = new URL('./launcher.c', import.meta.url)
const cacheDir = buildCacheDir('launcher')

/** Extra time the Node side waits beyond `timeoutMs` before it stops the launcher itself. */
const launcherGraceMs = 5_000

let launcherPath: Promise<string> | undefined

/** The compiler and flags that build launcher.c. */
const launcherCompile = ['cc', '-O2', '-Wall', '-Wextra'] as const

/**
 * Compiles launcher.c with `cc -O2` into `<cache>/build/launcher/launcher-<12 hex of SHA-256 of the
 * source and the compile command>` once (atomically: temp name, then rename) and returns the binary's absolute path.
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
  const [compiler, ...flags] = launcherCompile
  const key = await hashBuildInputs({ files: [sourcePath], values: launcherCompile })
  return ensureCachedBuild({
    dir: cacheDir,
    name: `launcher-${key}`,
    async build(tempPath) {
      const compile = await execa(compiler, [...flags, '-o', tempPath, sourcePath], { reject: false, stdin: 'ignore' })
      if (compile.code === 'ENOENT') {
        throw new BenchError(
          'build-failed',
          'Cannot build the measurement launcher: no C compiler `cc` on PATH. Install one: `apt-get install -y gcc`.',
          { cause: compile.cause },
        )
      }
      if (compile.failed) {
        throw new BenchError(
          'build-failed',
          `Cannot build the measurement launcher: \`cc -O2 ${sourcePath}\` failed (${compile.shortMessage}).\n${compile.stderr}`,
          { cause: compile.cause },
        )
      }
    },
  })
}

/**
 * The command that runs `file args` under the launcher's parent-death guard (`launcher --exec`):
 * the launcher sets PR_SET_PDEATHSIG (SIGKILL), checks that this process is still its parent and
 * replaces itself with the program, whose pid, stdio and signal handling are then the program's own.
 * For helpers that must not outlive this process (the load generator) when it is killed outright.
 */
export async function guardedCommand(file: string, args: readonly string[]): Promise<{ file: string; args: string[] }> {
  return { file: await ensureLauncher(), args: ['--exec', '--parent-pid', String(process.pid), '--', file, ...args] }
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
 * there. Each run's stdout and stderr go to their own temp files, which are read as streams
 * (stdout's length and SHA-256, its first bytes, stderr's tail) and deleted as soon as the
 * run's line arrives; a series of large outputs pauses between runs until that is done
 * ({@link pauseAboveBytes}), so neither memory nor /tmp holds a whole series (also when the series fails). If this Node process dies, the launcher gets SIGTERM
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
      '--pause-above-bytes', String(pauseAboveBytes),
      // Stopped (Ctrl-C, this process killed), the launcher deletes the folders: nobody will read them.
      '--scratch-dir', dir,
      ...(spec.scratchDirs ?? []).flatMap((extra) => ['--scratch-dir', extra]),
      ...(spec.stdinPath === undefined ? [] : ['--stdin', spec.stdinPath]),
      ...(spec.numberedArg === undefined ? [] : ['--numbered-arg', String(spec.numberedArg + 1)]),
      ...(spec.cleanup ?? []).flatMap((arg) => ['--cleanup', arg]),
      '--', spec.file, ...spec.args,
    ]
    const subprocess = execa(launcher, launcherArgs, {
      reject: false,
      stdin: 'pipe',
      ...(spec.cwd === undefined ? {} : { cwd: spec.cwd }),
      ...(spec.env === undefined ? {} : { env: spec.env }),
      // Safety net only: the launcher enforces timeoutMs itself; SIGTERM makes it kill the child.
      timeout: safetyNetMs(spec.timeoutMs, runs),
      killSignal: 'SIGTERM',
    })
    // Each run's files are read (hashed, not kept whole) and deleted as soon as its line arrives;
    // after a pause line the launcher waits for one byte before the next run.
    const measured: MeasuredRun[] = []
    let reading: Promise<void> = Promise.resolve()
    let readError: Error | undefined
    let pendingText = ''
    let measurementCount = 0
    subprocess.stdout.setEncoding('utf8')
    subprocess.stdout.on('data', (chunk: string) => {
      pendingText += chunk
      for (let newline = pendingText.indexOf('\n'); newline >= 0; newline = pendingText.indexOf('\n')) {
        const report = parseLauncherLine(pendingText.slice(0, newline))
        pendingText = pendingText.slice(newline + 1)
        if (report !== undefined && isLauncherPause(report)) {
          reading = reading.then(() => { subprocess.stdin.write('g') })
        } else if (report !== undefined && isLauncherMeasurement(report)) {
          const index = measurementCount++
          reading = reading.then(async () => {
            if (readError === undefined) measured[index] = await readRun(report, `${stdoutPrefix}.${index}`, `${stderrPrefix}.${index}`, spec.keepStdoutBytes ?? outputHeadBytes)
          }).catch((error: unknown) => {
            readError ??= error instanceof Error ? error : new Error(String(error))
            subprocess.stdin.end()
          })
        }
      }
    })
    const result = await subprocess
    await reading
    if (readError !== undefined) throw readError
    const reports = parseLauncherReports(result.stdout)?.filter((report) => !isLauncherPause(report))
    const measurements = reports?.filter(isLauncherMeasurement) ?? []
    const error = reports?.find(isLauncherError)
    const cutShort = measurements.length < runs && measurements.at(-1)?.timedOut !== true
    if (reports === undefined || error !== undefined || result.exitCode !== 0 || measurements.length > runs || cutShort || measured.length !== measurements.length) {
      const progress = runs > 1 ? ` (after ${measurements.length} of ${runs} runs)` : ''
      throw new BenchError('invocation-failed', `Cannot run \`${command}\`${progress}: ${explainFailure(error, result, spec, runs, launcher)}`, { cause: result.cause })
    }
    return measured
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** Reads one run's output files as streams (digest and head of stdout, tail of stderr), then deletes them. */
async function readRun(report: LauncherMeasurement, stdoutPath: string, stderrPath: string, headBytes: number): Promise<MeasuredRun> {
  const [stdout, stderr] = await Promise.all([readOutputStream(stdoutPath, headBytes), readOutputStream(stderrPath, 0)])
  await Promise.all([rm(stdoutPath, { force: true }), rm(stderrPath, { force: true })])
  return {
    stdout: stdout.head,
    stdoutDigest: { bytes: stdout.bytes, sha256: stdout.sha256 },
    stderr: stderr.tail,
    exitCode: report.exitCode,
    signal: report.signal,
    timedOut: report.timedOut,
    wallNs: report.wallNs,
    userUs: report.userUs,
    sysUs: report.sysUs,
    maxRssBytes: report.maxRssKiB * 1024,
    metrics: { voluntaryContextSwitches: report.nvcsw, involuntaryContextSwitches: report.nivcsw },
  }
}

/**
 * Reads a file once as a stream: its length and SHA-256, its first `headBytes` (default
 * {@link outputHeadBytes}) and its last {@link stderrKeepBytes}, so that memory stays bounded
 * whatever the output's size.
 */
export async function readOutputStream(path: string, headBytes = outputHeadBytes): Promise<OutputDigest & { head: Buffer; tail: Buffer }> {
  const hash = createHash('sha256')
  const headChunks: Buffer[] = []
  let headLength = 0
  const tailChunks: Buffer[] = []
  let tailLength = 0
  let bytes = 0
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    hash.update(chunk)
    bytes += chunk.length
    if (headLength < headBytes) {
      const part = chunk.subarray(0, headBytes - headLength)
      headChunks.push(part)
      headLength += part.length
    }
    tailChunks.push(chunk)
    tailLength += chunk.length
    while (tailLength - (tailChunks[0]?.length ?? 0) >= stderrKeepBytes) tailLength -= tailChunks.shift()?.length ?? 0
  }
  const tail = Buffer.concat(tailChunks)
  return { bytes, sha256: hash.digest('hex'), head: Buffer.concat(headChunks), tail: tail.length > stderrKeepBytes ? tail.subarray(tail.length - stderrKeepBytes) : tail }
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

/** One JSON line launcher.c prints: a run's measurement, the launcher's error, or a pause (it waits for a byte on stdin). */
type LauncherReport = LauncherError | LauncherMeasurement | LauncherPause

interface LauncherPause {
  pause: number
}

function isLauncherPause(report: LauncherReport): report is LauncherPause {
  return 'pause' in report
}

interface LauncherError {
  error: string
}

interface LauncherMeasurement {
  wallNs: number
  userUs: number
  sysUs: number
  maxRssKiB: number
  /** Voluntary context switches (wait4 rusage `ru_nvcsw`): the process blocked. */
  nvcsw: number
  /** Involuntary context switches (`ru_nivcsw`): the scheduler preempted it. */
  nivcsw: number
  exitCode: number | null
  signal: string | null
  timedOut: boolean
}

function isLauncherError(report: LauncherReport): report is LauncherError {
  return 'error' in report
}

function isLauncherMeasurement(report: LauncherReport): report is LauncherMeasurement {
  return !isLauncherError(report) && !isLauncherPause(report)
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
  if (typeof record.pause === 'number') return { pause: record.pause }
  const { wallNs, userUs, sysUs, maxRssKiB, nvcsw, nivcsw, exitCode, signal, timedOut } = record
  if (
    typeof wallNs !== 'number' || typeof userUs !== 'number' || typeof sysUs !== 'number'
    || typeof maxRssKiB !== 'number' || typeof nvcsw !== 'number' || typeof nivcsw !== 'number' || typeof timedOut !== 'boolean'
    || (exitCode !== null && typeof exitCode !== 'number')
    || (signal !== null && typeof signal !== 'string')
  ) {
    return undefined
  }
  return { wallNs, userUs, sysUs, maxRssKiB, nvcsw, nivcsw, exitCode, signal, timedOut }
}
