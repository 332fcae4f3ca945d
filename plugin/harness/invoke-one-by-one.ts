import type { InvocationResult, InvokeRequest } from '../types.ts'

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
