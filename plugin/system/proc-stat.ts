/**
 * The one reader of Linux's per-process status files: /proc/<pid>/stat (pid, comm, state, ppid and
 * CPU time) and /proc/<pid>/cmdline. A process may exit at any moment, so every read answers
 * undefined for a process that is gone instead of throwing.
 */
import { readdir, readFile } from 'node:fs/promises'

/** Clock ticks per second of /proc (USER_HZ; 100 on every mainstream Linux architecture). */
export const procTicksPerSecond = 100

/** The fields of one /proc/<pid>/stat line that this tool reads (proc(5)). */
export interface ProcStat {
  pid: number
  /** The executable's name as the kernel keeps it (at most 15 bytes; may hold spaces and parentheses). */
  comm: string
  /** One letter: R, S, D, Z, T… */
  state: string
  ppid: number
  /** CPU time in user mode (utime, field 14), in clock ticks. */
  userTicks: number
  /** CPU time in kernel mode (stime, field 15), in clock ticks. */
  systemTicks: number
}

/**
 * Parses one /proc/<pid>/stat line; undefined when it is not one. comm may hold spaces and
 * parentheses, so it ends at the last `)`; the fields after it are counted from there.
 */
export function parseProcStat(text: string): ProcStat | undefined {
  const open = text.indexOf('(')
  const close = text.lastIndexOf(')')
  if (open < 0 || close < open) return undefined
  const pid = Number(text.slice(0, open).trim())
  // After `) ` come state (field 3), ppid (4), … utime (14) and stime (15).
  const fields = text.slice(close + 2).split(' ')
  const [state = '', ppid, userTicks, systemTicks] = [fields[0], Number(fields[1]), Number(fields[11]), Number(fields[12])]
  if (![pid, ppid, userTicks, systemTicks].every(Number.isInteger) || text.slice(0, open).trim() === '') return undefined
  return { pid, comm: text.slice(open + 1, close), state, ppid, userTicks, systemTicks }
}

/** utime + stime of a process, in seconds. */
export function processCpuSeconds(stat: Pick<ProcStat, 'userTicks' | 'systemTicks'>): number {
  return (stat.userTicks + stat.systemTicks) / procTicksPerSecond
}

/** A file under /proc as text; undefined when it cannot be read (the process is gone, or no /proc). */
export async function readProcText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8')
  } catch {
    return undefined
  }
}

/** The /proc/<pid>/stat of one process; undefined when it is gone. */
export async function readProcStat(pid: number | string): Promise<ProcStat | undefined> {
  const text = await readProcText(`/proc/${pid}/stat`)
  return text === undefined ? undefined : parseProcStat(text)
}

/** The arguments of one process from /proc/<pid>/cmdline (empty for zombies and kernel threads); undefined when it is gone. */
export async function readProcCmdline(pid: number | string): Promise<string[] | undefined> {
  const text = await readProcText(`/proc/${pid}/cmdline`)
  return text?.split('\0').filter((arg) => arg !== '')
}

/** The stat of every live process, from one scan of /proc; processes that exit during the scan are left out. */
export async function readAllProcStats(): Promise<ProcStat[]> {
  const names = (await readdir('/proc')).filter((name) => /^\d+$/.test(name))
  const stats = await Promise.all(names.map(readProcStat))
  return stats.filter((stat) => stat !== undefined)
}

/** The pids in a /proc/<pid>/task/<tid>/children text (space-separated, in the order the kernel lists them). */
export function parseProcChildren(text: string): number[] {
  return text.trim().split(' ').filter((pid) => /^\d+$/.test(pid)).map(Number)
}

/** The children of a process's main thread, from /proc/<pid>/task/<pid>/children; empty when it has none or is gone. */
export async function readProcChildren(pid: number): Promise<number[]> {
  return parseProcChildren((await readProcText(`/proc/${pid}/task/${pid}/children`)) ?? '')
}
