import type { InvocationResult, InvokeRequest, RuntimeInstance } from '../types.ts'
import { invokeOneByOne } from './invoke-one-by-one.ts'

/** What a remote platform answered for one invocation, as the adapter decoded it (no timing: the harness times). */
export interface RemoteOutcome {
  /** The workload's stdout as the platform returned it. */
  stdout: Buffer
  /** The platform's own words about the invocation (error text, non-stdout output), for failure messages. */
  stderrTail: string
  /** The function's exit code as the platform reports it; null when it has none. */
  exitCode: number | null
  /** The invocation did not finish within `timeoutMs`. */
  timedOut: boolean
  /** Durations of the warm repetitions reported by the workload harness inside the platform, in nanoseconds. */
  warmNs: number[]
}

/** How to reach one remote function: invoke it once, and release what `start` made. */
export interface RemoteFunction {
  /** Invokes the function once and resolves with its decoded answer; rejects with a BenchError on protocol failures. */
  call: (request: InvokeRequest) => Promise<RemoteOutcome>
  /** Releases local resources (sockets); the platform itself is the user's. Safe to call twice. */
  close?: () => Promise<void>
  /** Metrics the platform reports about itself (Faasm's own execution time), by name with the unit in it. */
  extraMetrics?: () => Record<string, number[]>
}

/** The reason every remote row gives for CPU time and peak RSS. */
export const remoteUnmeasuredReason = 'not measured: the invocation runs on a remote platform, and this machine sees only its wall time'

/**
 * A runtime instance for a platform that runs elsewhere (Faasm). The harness times each invocation
 * here, as wall time on the monotonic clock from the first request to the decoded answer; CPU time
 * and peak RSS are marked unmeasured rather than filled with numbers. Invocations of a series run
 * one after another, never overlapping.
 */
export function createRemoteInstance(remote: RemoteFunction): RuntimeInstance {
  const invoke = async (request: InvokeRequest): Promise<InvocationResult> => {
    const startNs = process.hrtime.bigint()
    const outcome = await remote.call(request)
    const wallNs = Number(process.hrtime.bigint() - startNs)
    return {
      stdout: outcome.stdout,
      stderrTail: outcome.stderrTail,
      exitCode: outcome.exitCode,
      signal: null,
      timedOut: outcome.timedOut,
      usage: { wallNs, cpuUserUs: 0, cpuSysUs: 0, peakRssBytes: 0, warmNs: outcome.warmNs, unmeasured: remoteUnmeasuredReason },
    }
  }
  let closed = false
  return {
    invoke,
    invokeSeries: (request, runs) => invokeOneByOne(invoke, request, runs),
    ...(remote.extraMetrics === undefined ? {} : { extraMetrics: () => Promise.resolve(remote.extraMetrics?.() ?? {}) }),
    async close() {
      if (closed) return
      closed = true
      await remote.close?.()
    },
  }
}
