import { runMeasuredSeries, type MeasuredRun } from '../collectors/launcher.ts'
import type { InvocationResult, InvokeRequest, PreparedWorkload, RuntimeInstance } from '../types.ts'
import { harnessArgs, parseHarnessStderr } from './harness-protocol.ts'

/** How a process-per-invocation runtime runs a workload: the program and the arguments before the workload's. */
export interface CommandSpec {
  file: string
  /** Arguments between the program and the workload's own arguments (a runtime's flags and the module path). */
  prefixArgs: string[]
  env?: Record<string, string>
}

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
    usage: { wallNs: run.wallNs, cpuUserUs: run.userUs, cpuSysUs: run.sysUs, peakRssBytes: run.maxRssBytes, warmNs },
  }
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
    }, runs)
    return measured.map(toInvocationResult)
  }
  return {
    command: { file: spec.file, args: [...spec.prefixArgs, ...workload.args], ...(spec.env === undefined ? {} : { env: spec.env }) },
    invokeSeries,
    async invoke(request) {
      const [result] = await invokeSeries(request, 1)
      if (result === undefined) throw new Error('the launcher returned no measurement')
      return result
    },
    // Nothing outlives an invocation: the launcher reaps (or kills) every process it starts.
    close: () => Promise.resolve(),
  }
}
