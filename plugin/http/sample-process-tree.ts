import pidusage from 'pidusage'
import { listDescendants } from '../collectors/process-tree.ts'

/** What sampling a server's process tree gave. */
export interface TreeSamples {
  /** CPU cores the tree used in each interval (1 = one core busy), from its user + system time. */
  cpuUtilisation: number[]
  /** Resident memory of the whole tree at each sample, in bytes. */
  rssBytes: number[]
}

/** How often the tree is sampled, in milliseconds. */
export const treeSampleIntervalMs = 200

/**
 * Samples the CPU and memory of a process and all its descendants (a server and whatever it
 * started: workers, `runc`'s container process) with pidusage every `intervalMs` until `stop`.
 * CPU utilisation per interval is the sum over the tree of the growth of user + system time
 * (pidusage's `ctime`) divided by the interval's wall time; a process that appears mid-way counts
 * from its start, one that exits mid-way is missed for its last interval.
 */
export function startTreeSampler(pid: number, intervalMs = treeSampleIntervalMs): { stop: () => Promise<TreeSamples> } {
  const samples: TreeSamples = { cpuUtilisation: [], rssBytes: [] }
  let previous = new Map<number, number>()
  let previousAt = 0
  let running = true
  const sampleOnce = async (): Promise<void> => {
    const pids = [pid, ...(await listDescendants(pid)).map((entry) => entry.pid)]
    const stats = await pidusage(pids).catch(() => undefined)
    const at = performance.now()
    if (stats === undefined) return
    const cpuMs = new Map<number, number>()
    let rss = 0
    for (const stat of Object.values(stats)) {
      cpuMs.set(stat.pid, stat.ctime)
      rss += stat.memory
    }
    if (previousAt > 0) {
      let grownMs = 0
      for (const [child, ms] of cpuMs) grownMs += ms - (previous.get(child) ?? 0)
      samples.cpuUtilisation.push(Math.max(0, grownMs) / (at - previousAt))
      samples.rssBytes.push(rss)
    }
    previous = cpuMs
    previousAt = at
  }
  const loop = (async () => {
    while (running) {
      await sampleOnce()
      await new Promise((resolve) => setTimeout(resolve, intervalMs))
    }
    await sampleOnce()
  })()
  return {
    async stop() {
      running = false
      await loop
      pidusage.clear()
      return samples
    },
  }
}
