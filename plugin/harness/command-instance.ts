import { runMeasuredSeries, type MeasuredRun } from '../collectors/launcher.ts'
import type { CommandSpec, InvocationResult, InvokeRequest, PreparedWorkload, RuntimeInstance } from '../types.ts'
import { harnessArgs, parseHarnessStderr } from './harness-protocol.ts'
import { invokeAsSeriesOfOne } from './invoke-one-by-one.ts'

export type { CommandSpec } from '../types.ts'


/** One launcher measurement as an invocation result: the harness's warm lines parsed out of stderr. */
export function toInvocationResult(run: MeasuredRun): InvocationResult {
  const { warmNs, stderrTail } = parseHarnessStderr(run.stderr.toString('utf8'))
  return {
    stdout: run.stdout,
    stdoutDigest: run.stdoutDigest,
    stderrTail,
    exitCode: run.exitCode,
    signal: run.signal,
    timedOut: run.timedOut,
    usage: { wallNs: run.wallNs, cpuUserUs: run.userUs, cpuSysUs: run.sysUs, peakRssBytes: run.maxRssBytes, warmNs, metrics: run.metrics },
  }
}

/** A check function judges the whole output, so it is kept up to this size, in bytes (256 MiB); larger ones fail with the fix. */
const checkedOutputMaxBytes = 256 * 1024 * 1024

/** How much of each run's stdout a process instance keeps: all of it (up to 256 MiB) for a check function, else the launcher's bounded head. */
export function stdoutBytesToKeep(workload: PreparedWorkload): number | undefined {
  return workload.expected.kind === 'check' ? checkedOutputMaxBytes : undefined
}

/**
 * A runtime instance that starts a new process for every invocation, timed by the native launcher
 * (spawn to exit, wait4 rusage), so that Node's own spawn cost stays out of the numbers.
 */
export function createCommandInstance(spec: CommandSpec, workload: PreparedWorkload): RuntimeInstance {
  const invokeSeries = async (request: InvokeRequest, runs: number): Promise<InvocationResult[]> => {
    const measured = await runMeasuredSeries({
      file: spec.file,
      args: [...spec.prefixArgs, ...harnessArgs(workload.args, request.warmRepeats)],
      timeoutMs: request.timeoutMs,
      ...(spec.env === undefined ? {} : { env: spec.env }),
      keepStdoutBytes: stdoutBytesToKeep(workload),
    }, runs)
    return measured.map(toInvocationResult)
  }
  return {
    command: { file: spec.file, args: [...spec.prefixArgs, ...workload.args], ...(spec.env === undefined ? {} : { env: spec.env }) },
    invokeSeries,
    invoke: invokeAsSeriesOfOne(invokeSeries),
    // Nothing outlives an invocation: the launcher reaps (or kills) every process it starts.
    close: () => Promise.resolve(),
  }
}
