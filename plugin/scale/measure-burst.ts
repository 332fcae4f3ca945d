/**
 * Bursts: K simultaneous cold starts in a fresh host, timed until all K have answered correctly.
 * A process-per-instance host starts K processes (or containers) at once (up to its start
 * concurrency); an in-process host creates K instances in its live process, one after another on
 * its one thread (host start and module compile excluded, as a platform with a warm host pays it).
 * Each burst opens a fresh host and closes it, also after a failure.
 */
import type { PreparedWorkload } from '../types.ts'
import { checkInstanceOutputs } from './check-instance-outputs.ts'
import type { ScaleHost, ScaleSession } from './types.ts'

/** Each burst's time until all `burst` instances answered correctly, in milliseconds. */
export async function measureBurst(host: ScaleHost, workload: PreparedWorkload, burst: number, repeats: number, onSession?: (session: ScaleSession) => void): Promise<number[]> {
  const allCorrectMs: number[] = []
  for (let repeat = 0; repeat < repeats; repeat++) {
    const session = await host.open(workload, burst)
    onSession?.(session)
    try {
      const added = await session.add(burst)
      checkInstanceOutputs(workload, added.outputs, burst, host.title)
      allCorrectMs.push(added.elapsedNs / 1e6)
    } finally {
      await session.close()
    }
  }
  return allCorrectMs
}

/**
 * Instantiate-only time inside a live embedder: `samples` instantiations timed alone, each instance
 * then run once (output checked) and dropped. Undefined for hosts that cannot (process per instance).
 */
export async function measureInstantiate(host: ScaleHost, workload: PreparedWorkload, samples: number, onSession?: (session: ScaleSession) => void): Promise<number[] | undefined> {
  const session = await host.open(workload, 1)
  onSession?.(session)
  try {
    if (session.instantiate === undefined) return undefined
    const { samplesNs, outputs } = await session.instantiate(samples)
    checkInstanceOutputs(workload, outputs, samples, host.title)
    return samplesNs
  } finally {
    await session.close()
  }
}
