import { invokeAsSeriesOfOne } from '../harness/invoke-one-by-one.ts'
import type { InvocationResult, InvocationUsage, InvokeRequest, PreparedWorkload, RuntimeInstance, Workload } from '../types.ts'

/**
 * For tests: what one fake invocation reports. Times in milliseconds for readability; everything
 * not given is a clean run (exit 0, no signal, the expected stdout).
 */
export interface FakeInvocation {
  /** Wall time of the invocation, in milliseconds. */
  wallMs: number
  /** What it printed; default the `stdout` given to {@link createFakeRuntimeInstance}. */
  stdout?: string
  exitCode?: number | null
  signal?: string | null
  timedOut?: boolean
  stderrTail?: string
  /** User + system CPU time, in milliseconds (split 9:1); default 0. */
  cpuMs?: number
  /** Peak RSS, in bytes; default 1 MiB. */
  peakRssBytes?: number
}

/** One call the harness made, as the fake recorded it. */
export interface FakeCall {
  request: InvokeRequest
  runs: number
}

/** A {@link RuntimeInstance} that spawns nothing: it answers from a script and records what was asked of it. */
export interface FakeRuntimeInstance extends RuntimeInstance {
  /** Every `invokeSeries` (an `invoke` counts as a series of one), in order. */
  readonly calls: FakeCall[]
  /** How many times `close` was called. */
  readonly closeCount: () => number
}

/** How a fake instance behaves. */
export interface FakeInstanceScript {
  /** The output of a clean invocation. */
  stdout: string
  /**
   * The invocation with this index (0-based, counting every invocation of every series, warm-ups
   * included) and its request. Deterministic by design: a test gives exact samples and checks exact rows.
   */
  invocation: (index: number, request: InvokeRequest) => FakeInvocation
  /** Warm repetition times for an invocation asked for `warmRepeats`, in milliseconds; default 1 ms each. */
  warmMs?: (index: number, warmRepeats: number) => number[]
  /** Extra metrics the instance reports per row (runc's `containerOverheadMs`). */
  extraMetrics?: Record<string, number[]>
  /** What `close` does; default nothing. A throwing close tests the teardown paths. */
  close?: () => Promise<void>
}

/**
 * A fake runtime instance, like hyperfine's `MockExecutor`: the harness, the row recorder and the
 * gate run on it exactly as on a real runtime, with fixed numbers and no process. Contract tests
 * against real runtimes stay the proof that adapters behave; this is for the logic around them.
 */
export function createFakeRuntimeInstance(script: FakeInstanceScript): FakeRuntimeInstance {
  const calls: FakeCall[] = []
  let next = 0
  let closes = 0
  const one = (request: InvokeRequest): InvocationResult => {
    const index = next++
    const fake = script.invocation(index, request)
    const cpuUs = (fake.cpuMs ?? 0) * 1000
    const usage: InvocationUsage = {
      wallNs: Math.round(fake.wallMs * 1e6),
      cpuUserUs: cpuUs * 0.9,
      cpuSysUs: cpuUs * 0.1,
      peakRssBytes: fake.peakRssBytes ?? 1024 * 1024,
      warmNs: (script.warmMs?.(index, request.warmRepeats) ?? Array.from({ length: request.warmRepeats }, () => 1)).map((ms) => Math.round(ms * 1e6)),
    }
    return {
      stdout: Buffer.from(fake.stdout ?? script.stdout),
      stderrTail: fake.stderrTail ?? '',
      exitCode: fake.exitCode === undefined ? 0 : fake.exitCode,
      signal: fake.signal ?? null,
      timedOut: fake.timedOut ?? false,
      usage,
    }
  }
  const invokeSeries = (request: InvokeRequest, runs: number): Promise<InvocationResult[]> => {
    calls.push({ request, runs })
    const results: InvocationResult[] = []
    for (let run = 0; run < runs; run++) {
      const result = one(request)
      results.push(result)
      // As the launcher does: a series stops at a run that timed out or was killed.
      if (result.timedOut || result.signal !== null) break
    }
    return Promise.resolve(results)
  }
  return {
    calls,
    closeCount: () => closes,
    invokeSeries,
    invoke: invokeAsSeriesOfOne(invokeSeries),
    async close() {
      closes++
      await script.close?.()
    },
    ...(script.extraMetrics === undefined ? {} : { extraMetrics: () => Promise.resolve(script.extraMetrics ?? {}) }),
  }
}

/** For tests: a C workload that needs no files (nothing reads them when the instance is fake), prepared with exact expected output. */
export function fakePreparedWorkload(name: string, stdout: string): PreparedWorkload {
  const workload: Workload = {
    kind: 'c',
    name,
    description: `fake workload ${name}`,
    params: {},
    args: () => [],
    expected: () => ({ kind: 'exact', stdout }),
    dir: `/nonexistent/${name}`,
    wasmPath: `/nonexistent/${name}/${name}.wasm`,
    sourcePath: `/nonexistent/${name}/${name}.c`,
  }
  return { workload, params: {}, args: [], expected: { kind: 'exact', stdout }, label: name }
}
