/**
 * The live descendants of a process, read from /proc (Linux). Tests use it to prove that a
 * runtime or the launcher left no process behind.
 */
import { readdir, readFile } from 'node:fs/promises'

/** One process in the tree. */
export interface ProcessEntry {
  pid: number
  ppid: number
  /** Command line (arguments joined by spaces), or `[comm]` when it has none (zombies, kernel threads). */
  command: string
}

/** Parses the pid, comm and ppid of one /proc/<pid>/stat line. comm may hold spaces and parentheses, so it ends at the last `)`. */
export function parseProcStat(stat: string): { pid: number; comm: string; ppid: number } | undefined {
  const open = stat.indexOf('(')
  const close = stat.lastIndexOf(')')
  if (open < 0 || close < open) return undefined
  const pid = Number(stat.slice(0, open).trim())
  // After `) ` come state, then ppid.
  const ppid = Number(stat.slice(close + 2).split(' ')[1])
  if (!Number.isInteger(pid) || !Number.isInteger(ppid)) return undefined
  return { pid, comm: stat.slice(open + 1, close), ppid }
}

/** Reads a file under /proc; undefined when the process is gone (it may exit at any moment). */
async function readProcFile(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8')
  } catch {
    return undefined
  }
}

/** Every live descendant of `pid` (children, grandchildren, …), parents before children; empty when there are none. */
export async function listDescendants(pid: number): Promise<ProcessEntry[]> {
  const names = await readdir('/proc')
  const stats = await Promise.all(
    names.filter((name) => /^\d+$/.test(name)).map((name) => readProcFile(`/proc/${name}/stat`)),
  )
  const childrenOf = new Map<number, Array<{ pid: number; ppid: number; comm: string }>>()
  for (const stat of stats) {
    const parsed = stat === undefined ? undefined : parseProcStat(stat)
    if (parsed === undefined) continue
    const siblings = childrenOf.get(parsed.ppid) ?? []
    siblings.push(parsed)
    childrenOf.set(parsed.ppid, siblings)
  }

  const found: Array<{ pid: number; ppid: number; comm: string }> = []
  const queue = [pid]
  for (let parent = queue.shift(); parent !== undefined; parent = queue.shift()) {
    for (const child of childrenOf.get(parent) ?? []) {
      found.push(child)
      queue.push(child.pid)
    }
  }

  return Promise.all(
    found.map(async ({ pid: childPid, ppid, comm }) => {
      const cmdline = await readProcFile(`/proc/${childPid}/cmdline`)
      const args = cmdline?.split('\0').filter((arg) => arg !== '') ?? []
      return { pid: childPid, ppid, command: args.length > 0 ? args.join(' ') : `[${comm}]` }
    }),
  )
}
