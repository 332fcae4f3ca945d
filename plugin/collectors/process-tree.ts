/**
 * The live descendants of a process, read from /proc (Linux). Tests use it to prove that a
 * runtime or the launcher left no process behind.
 */
import { readAllProcStats, readProcCmdline, type ProcStat } from '../system/proc-stat.ts'

/** One process in the tree. */
export interface ProcessEntry {
  pid: number
  ppid: number
  /** Command line (arguments joined by spaces), or `[comm]` when it has none (zombies, kernel threads). */
  command: string
}

/**
 * Every live descendant of each of `roots` (children, grandchildren, …), parents before children,
 * from one scan of /proc; empty when there are none.
 */
export async function listDescendantStats(roots: readonly number[]): Promise<ProcStat[]> {
  const childrenOf = new Map<number, ProcStat[]>()
  for (const stat of await readAllProcStats()) {
    const siblings = childrenOf.get(stat.ppid) ?? []
    siblings.push(stat)
    childrenOf.set(stat.ppid, siblings)
  }
  const found: ProcStat[] = []
  const queue = [...roots]
  for (let parent = queue.shift(); parent !== undefined; parent = queue.shift()) {
    for (const child of childrenOf.get(parent) ?? []) {
      found.push(child)
      queue.push(child.pid)
    }
  }
  return found
}

/** Every live descendant of `pid` (children, grandchildren, …), parents before children; empty when there are none. */
export async function listDescendants(pid: number): Promise<ProcessEntry[]> {
  return Promise.all(
    (await listDescendantStats([pid])).map(async ({ pid: childPid, ppid, comm }) => {
      const args = (await readProcCmdline(childPid)) ?? []
      return { pid: childPid, ppid, command: args.length > 0 ? args.join(' ') : `[${comm}]` }
    }),
  )
}
