import { BenchError } from '../errors.ts'
import type { InvocationResult, InvokeRequest } from '../types.ts'

/** What an empty series from the launcher means, and its fix. */
const noMeasurement = 'The launcher (plugin/collectors/launcher.c) reported no measurement for an invocation it was asked to run. Run again; if it repeats, delete the built launcher in the cache folder (WFB_CACHE_DIR, default ~/.cache/wasm-faas-bench/build) so that it is rebuilt.'

/**
 * An `invoke` for instances that measure in series (one launcher per series): a series of one.
 * @throws BenchError `invocation-failed` when the series returns nothing, which a working launcher never does.
 */
export function invokeAsSeriesOfOne(invokeSeries: (request: InvokeRequest, runs: number) => Promise<InvocationResult[]>): (request: InvokeRequest) => Promise<InvocationResult> {
  return async (request) => {
    const [result] = await invokeSeries(request, 1)
    if (result === undefined) throw new BenchError('invocation-failed', noMeasurement)
    return result
  }
}

/**
 * A series for instances that time each invocation on their own (a live host, a remote platform):
 * `runs` invocations one after another, stopping after one that timed out or was killed, since the
 * harness fails the series there anyway.
 */
export async function invokeOneByOne(invoke: (request: InvokeRequest) => Promise<InvocationResult>, request: InvokeRequest, runs: number): Promise<InvocationResult[]> {
  const results: InvocationResult[] = []
  for (let run = 0; run < runs; run++) {
    const result = await invoke(request)
    results.push(result)
    if (result.timedOut || result.signal !== null) break
  }
  return results
}
