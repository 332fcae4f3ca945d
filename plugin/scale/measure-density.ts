/**
 * Density: how many live instances of one workload fit, and what each costs. The host starts with
 * no instance (its baseline PSS is read then), grows to each step of N in chunks (every new
 * instance runs the workload once and its output is checked), and at each step reads the PSS of
 * its whole process tree. Per-instance memory is the marginal PSS: (PSS at N - baseline) / N.
 * Before each step the growth is projected from the last per-instance cost; a step that would pass
 * the memory budget is not started, and a chunk that passes it stops the growth: the outcome says
 * where and why. PSS does not see the kernel's own memory per instance (a container's namespaces,
 * cgroup and mounts), so the drop of the machine's MemAvailable is held to the same budget as a
 * safety net; it also moves with other processes, so it can only stop a run early, never extend it.
 * The session is always closed, also after a failure.
 */
import type { PreparedWorkload } from '../types.ts'
import { checkInstanceOutputs } from './check-instance-outputs.ts'
import { readMemAvailableBytes, readTreePss } from './read-pss.ts'
import type { ScaleHost, ScaleSession } from './types.ts'

/** Settings of one density run. */
export interface DensityOptions {
  /** Numbers of live instances to measure at, ascending (default 1, 10, 100, 1000, 10000). */
  steps: readonly number[]
  /** Total PSS (host process tree) growth stops at, in bytes. */
  memoryBudgetBytes: number
  /** Instances started per chunk at most, between budget checks; default a tenth of the step. */
  chunkFraction?: number
  /** Called with the session once it is open (so Ctrl-C handling can close it). */
  onSession?: (session: ScaleSession) => void
}

/** One measured step. */
export interface DensityPoint {
  /** Live instances when measured. */
  instances: number
  /** PSS of the host's process tree with no instance (0 for process-per-instance hosts), in bytes. */
  baselinePssBytes: number
  /** PSS of the host's process tree with `instances` live, in bytes. */
  totalPssBytes: number
  /** (totalPssBytes - baselinePssBytes) / instances, in bytes. */
  perInstancePssBytes: number
  /** Processes whose PSS was summed. */
  processes: number
  /** Time spent starting all `instances` (host start excluded), summed over the chunks, in milliseconds. */
  allReadyMs: number
}

/** Why growth ended before the last step. */
export interface DensityStop {
  kind: 'memory-budget'
  message: string
}

/** What a density run measured. */
export interface DensityOutcome {
  points: DensityPoint[]
  /** Set when the memory budget stopped the growth. */
  stoppedBy?: DensityStop
}

const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`

/**
 * Runs one density measurement of `host` with `workload`.
 * @throws BenchError when an instance fails or prints the wrong output (the session is closed first).
 */
export async function measureDensity(host: ScaleHost, workload: PreparedWorkload, options: DensityOptions): Promise<DensityOutcome> {
  const steps = [...options.steps].sort((a, b) => a - b)
  const capacity = steps.at(-1) ?? 1
  const session = await host.open(workload, capacity)
  options.onSession?.(session)
  try {
    const baseline = await readTreePss(await session.pids())
    const availableAtStart = await readMemAvailableBytes()
    const points: DensityPoint[] = []
    let live = 0
    let readyNs = 0
    const budget = options.memoryBudgetBytes
    const overBudget = (target: number, projected: number, perInstance: number): DensityOutcome => ({
      points,
      stoppedBy: {
        kind: 'memory-budget',
        message: `${host.name}: stopped growing at N = ${live}: N = ${target} would need about ${mib(projected)} (${(perInstance / 1024).toFixed(0)} KiB per instance measured at N = ${live}), over the memory budget of ${mib(budget)}.`,
      },
    })
    for (const target of steps) {
      const last = points.at(-1)
      if (last !== undefined) {
        const projected = last.totalPssBytes + last.perInstancePssBytes * (target - live)
        if (projected > budget) return overBudget(target, projected, last.perInstancePssBytes)
      }
      const chunk = Math.max(1, Math.ceil((target - live) * (options.chunkFraction ?? 0.1)))
      while (live < target) {
        const count = Math.min(chunk, target - live)
        const added = await session.add(count)
        checkInstanceOutputs(workload, added.outputs, count, host.title)
        live += count
        readyNs += added.elapsedNs
        if (live < target) {
          const totalPss = (await readTreePss(await session.pids())).pssBytes
          const machineDrop = availableAtStart - (await readMemAvailableBytes())
          if (totalPss > budget || machineDrop > budget) {
            const point = await measurePoint(session, baseline.pssBytes, live, readyNs)
            points.push(point)
            const what = totalPss > budget ? `the host's PSS (${mib(point.totalPssBytes)})` : `the machine's MemAvailable drop since the start (${mib(machineDrop)}, kernel memory and other processes included)`
            return { points, stoppedBy: { kind: 'memory-budget', message: `${host.name}: stopped growing at N = ${live} on the way to ${target}: ${what} passed the memory budget of ${mib(budget)}.` } }
          }
        }
      }
      points.push(await measurePoint(session, baseline.pssBytes, live, readyNs))
    }
    return { points }
  } finally {
    await session.close()
  }
}

async function measurePoint(session: ScaleSession, baselinePssBytes: number, instances: number, readyNs: number): Promise<DensityPoint> {
  const { pssBytes, processes } = await readTreePss(await session.pids())
  return {
    instances,
    baselinePssBytes,
    totalPssBytes: pssBytes,
    perInstancePssBytes: (pssBytes - baselinePssBytes) / instances,
    processes,
    allReadyMs: readyNs / 1e6,
  }
}
