/**
 * Density: how many live instances of one workload fit, and what each costs. The host starts with
 * no instance (its baseline PSS is read then), grows to each step of N in chunks (every new
 * instance runs the workload once and its output is checked), and at each step reads the PSS of
 * its whole process tree. Per-instance memory is the marginal PSS: (PSS at N - baseline) / N.
 * Before each step the growth is projected from the cost per instance of the step before; a step
 * that would pass the memory budget is not started, and a chunk that passes it stops the growth: the outcome says
 * where and why. PSS does not see the kernel's own memory per instance (a container's namespaces,
 * cgroup and mounts), so a drop of the machine's MemAvailable by more than twice the budget (at
 * least the budget + 512 MiB) also stops the growth, as a safety net; it moves with other processes
 * too, so it can only stop a run early, never extend it.
 * The session is always closed, also after a failure.
 */
import type { PreparedWorkload } from '../types.ts'
import { checkInstanceOutputs } from './check-instance-outputs.ts'
import { readMemAvailableBytes, readTreePss, type TreePss } from './read-pss.ts'
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
  /** How memory is read; default /proc (readTreePss, readMemAvailableBytes). Tests pass fakes. */
  memory?: { readPss: (pids: readonly number[]) => Promise<TreePss>; readMemAvailable: () => Promise<number> }
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
  /** Set when growing past the last point failed (an instance failed or printed the wrong output): the N tried and the error. */
  failure?: { instances: number; error: Error }
}

const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`

/**
 * Runs one density measurement of `host` with `workload`.
 * @throws BenchError when an instance fails or prints the wrong output before the first point (the
 * session is closed first); a failure after that ends the growth and is in the outcome's `failure`.
 */
export async function measureDensity(host: ScaleHost, workload: PreparedWorkload, options: DensityOptions): Promise<DensityOutcome> {
  const steps = [...options.steps].sort((a, b) => a - b)
  const capacity = steps.at(-1) ?? 1
  const { readPss, readMemAvailable } = options.memory ?? { readPss: readTreePss, readMemAvailable: readMemAvailableBytes }
  const session = await host.open(workload, capacity)
  options.onSession?.(session)
  const measurePoint = async (instances: number, baselinePssBytes: number, readyNs: number): Promise<DensityPoint> => {
    const { pssBytes, processes } = await readPss(await session.pids())
    return { instances, baselinePssBytes, totalPssBytes: pssBytes, perInstancePssBytes: (pssBytes - baselinePssBytes) / instances, processes, allReadyMs: readyNs / 1e6 }
  }
  try {
    const baseline = await readPss(await session.pids())
    const availableAtStart = await readMemAvailable()
    const budget = options.memoryBudgetBytes
    // Loose on purpose: other processes move MemAvailable by tens of MiB within seconds.
    const machineGuard = Math.max(2 * budget, budget + 512 * 2 ** 20)
    const points: DensityPoint[] = []
    let live = 0
    let readyNs = 0
    const overBudget = (target: number, projected: number, perInstance: number): DensityOutcome => ({
      points,
      stoppedBy: {
        kind: 'memory-budget',
        message: `${host.name}: stopped growing at N = ${live}: N = ${target} would need about ${mib(projected)} (${(perInstance / 1024).toFixed(0)} KiB per instance added in the last step), over the memory budget of ${mib(budget)}.`,
      },
    })
    for (const target of steps) {
      // The cost of the last step's instances (the first instance also pays for pages every
      // instance shares, so projecting from N = 1 alone would stop too early; chunks guard that step).
      const [before, last] = points.slice(-2)
      if (before !== undefined && last !== undefined) {
        const slope = (last.totalPssBytes - before.totalPssBytes) / (last.instances - before.instances)
        const projected = last.totalPssBytes + slope * (target - live)
        if (projected > budget) return overBudget(target, projected, slope)
      }
      const chunk = Math.max(1, Math.ceil((target - live) * (options.chunkFraction ?? 0.1)))
      while (live < target) {
        const count = Math.min(chunk, target - live)
        try {
          const added = await session.add(count)
          checkInstanceOutputs(workload, added.outputs, count, host.title)
          readyNs += added.elapsedNs
        } catch (error) {
          // Before any point there is nothing to keep: the run failed as a whole.
          if (points.length === 0) throw error
          return { points, failure: { instances: target, error: error instanceof Error ? error : new Error(String(error)) } }
        }
        live += count
        if (live < target) {
          const totalPss = (await readPss(await session.pids())).pssBytes
          const machineDrop = availableAtStart - (await readMemAvailable())
          if (totalPss > budget || machineDrop > machineGuard) {
            const point = await measurePoint(live, baseline.pssBytes, readyNs)
            points.push(point)
            const what = totalPss > budget ? `the host's PSS (${mib(point.totalPssBytes)})` : `the machine's MemAvailable drop since the start (${mib(machineDrop)}, kernel memory and other processes included)`
            return { points, stoppedBy: { kind: 'memory-budget', message: `${host.name}: stopped growing at N = ${live} on the way to ${target}: ${what} passed ${totalPss > budget ? `the memory budget of ${mib(budget)}` : `the safety limit of ${mib(machineGuard)} (budget ${mib(budget)})`}.` } }
          }
        }
      }
      points.push(await measurePoint(live, baseline.pssBytes, readyNs))
    }
    return { points }
  } finally {
    await session.close()
  }
}
