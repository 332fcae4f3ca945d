/**
 * How busy the rest of the machine was while a row was measured: CPU time the whole system spent
 * (Linux /proc/stat, including time the hypervisor stole) minus the CPU time of the row's own
 * invocations, per second of wall time. A timing taken while other processes ran is disturbed,
 * and the regression gate does not report it as a regression.
 */
import { readFile } from 'node:fs/promises'
import { processCpuSeconds, procTicksPerSecond } from '../system/proc-stat.ts'
import { listDescendantStats } from './process-tree.ts'

/** System-wide CPU time at one moment. */
export interface CpuSnapshot {
  /** Busy CPU time of all CPUs since boot (user, nice, system, irq, softirq, steal), in seconds. */
  busySeconds: number
  /** When it was read (process.hrtime.bigint), in nanoseconds. */
  atNs: bigint
}

/** Parses the first (`cpu `) line of /proc/stat into busy seconds. */
export function parseProcStatCpu(text: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith('cpu '))
  if (line === undefined) return undefined
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = line.trim().split(/\s+/).slice(1).map(Number)
  const busy = user + nice + system + irq + softirq + steal
  return Number.isFinite(busy) ? busy / procTicksPerSecond : undefined
}

/** Reads the system-wide CPU time; undefined where there is no /proc/stat (not Linux). */
export async function readCpuSnapshot(): Promise<CpuSnapshot | undefined> {
  const text = await readFile('/proc/stat', 'utf8').catch(() => undefined)
  const busySeconds = text === undefined ? undefined : parseProcStatCpu(text)
  return busySeconds === undefined ? undefined : { busySeconds, atNs: process.hrtime.bigint() }
}

/**
 * Average number of CPU cores used by everything but the row between two snapshots: (system busy
 * time - `ownCpuSeconds`) / wall time, at least 0. /proc/stat counts in 10 ms ticks, so windows
 * under about a second read a few tenths of a core high or low.
 */
export function otherLoadCores(before: CpuSnapshot, after: CpuSnapshot, ownCpuSeconds: number): number {
  const wallSeconds = Number(after.atNs - before.atNs) / 1e9
  if (!(wallSeconds > 0)) return 0
  return Math.max(0, (after.busySeconds - before.busySeconds - ownCpuSeconds) / wallSeconds)
}

async function descendantsCpu(): Promise<Map<number, number>> {
  const cpu = new Map<number, number>()
  for (const stat of await listDescendantStats([process.pid]).catch(() => [])) cpu.set(stat.pid, processCpuSeconds(stat))
  return cpu
}

/**
 * Starts measuring the machine's other load for one row. `finish(invocationCpuSeconds)` returns the
 * average cores used by everything else: system busy time minus this worker's CPU and the row's
 * own, which is the larger of the invocations' CPU (processes that came and went) and the CPU of
 * descendant processes alive through the window (a live host, with its background threads).
 * Undefined where /proc/stat is missing.
 */
export async function startLoadWindow(): Promise<{ finish: (invocationCpuSeconds: number) => Promise<number | undefined> }> {
  const hostsBefore = await descendantsCpu()
  const workerBefore = process.cpuUsage()
  const before = await readCpuSnapshot()
  return {
    async finish(invocationCpuSeconds) {
      const after = await readCpuSnapshot()
      const worker = process.cpuUsage(workerBefore)
      const hostsAfter = await descendantsCpu()
      if (before === undefined || after === undefined) return undefined
      let hosts = 0
      for (const [pid, seconds] of hostsAfter) hosts += seconds - (hostsBefore.get(pid) ?? seconds)
      const own = (worker.user + worker.system) / 1e6 + Math.max(invocationCpuSeconds, hosts)
      return otherLoadCores(before, after, own)
    },
  }
}
