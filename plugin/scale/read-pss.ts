/**
 * Proportional set size (PSS) of a set of processes and all their descendants, from
 * /proc/<pid>/smaps_rollup (Linux 4.14+). PSS divides each shared page among the processes that map
 * it, so the PSS of a process tree adds up to what the tree costs the machine; RSS would count a
 * shared page (the runtime's code, a copy-on-write image) once per process.
 */
import { readFile } from 'node:fs/promises'
import { listDescendantStats } from '../collectors/process-tree.ts'

/** The `Pss:` line of an smaps_rollup file, in bytes, or undefined when it has none. */
export function parsePssBytes(smapsRollup: string): number | undefined {
  const match = /^Pss:\s+(\d+) kB$/m.exec(smapsRollup)
  return match?.[1] === undefined ? undefined : Number(match[1]) * 1024
}

/** What {@link readTreePss} found. */
export interface TreePss {
  /** Sum of the PSS of every process read, in bytes. */
  pssBytes: number
  /** How many processes were read (the roots that are alive, and their descendants). */
  processes: number
}

/**
 * The PSS of `roots` and every live descendant of each, counting each process once. A process that
 * exits while being read counts as zero.
 */
export async function readTreePss(roots: readonly number[]): Promise<TreePss> {
  const pids = new Set<number>(roots)
  // One /proc scan for all roots: one per root would be slow with thousands of roots.
  for (const { pid } of await listDescendantStats(roots)) pids.add(pid)
  let pssBytes = 0
  let processes = 0
  const all = [...pids]
  // Bounded parallelism: thousands of open files at once would hit the descriptor limit.
  for (let i = 0; i < all.length; i += 256) {
    const chunk = await Promise.all(all.slice(i, i + 256).map(readPssOf))
    for (const value of chunk) {
      if (value === undefined) continue
      pssBytes += value
      processes++
    }
  }
  return { pssBytes, processes }
}

async function readPssOf(pid: number): Promise<number | undefined> {
  try {
    return parsePssBytes(await readFile(`/proc/${pid}/smaps_rollup`, 'utf8'))
  } catch {
    return undefined
  }
}

/** MemAvailable of /proc/meminfo in bytes: what the whole machine can still hand out (kernel memory included). */
export async function readMemAvailableBytes(): Promise<number> {
  const text = await readFile('/proc/meminfo', 'utf8')
  const match = /^MemAvailable:\s+(\d+) kB$/m.exec(text)
  return match?.[1] === undefined ? Number.NaN : Number(match[1]) * 1024
}
