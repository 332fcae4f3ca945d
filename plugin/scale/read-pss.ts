/**
 * Proportional set size (PSS) of a set of processes and all their descendants, from
 * /proc/<pid>/smaps_rollup (Linux 4.14+). PSS divides each shared page among the processes that map
 * it, so the PSS of a process tree adds up to what the tree costs the machine; RSS would count a
 * shared page (the runtime's code, a copy-on-write image) once per process.
 */
import { readdir, readFile } from 'node:fs/promises'
import { listDescendants, parseProcStat } from '../collectors/process-tree.ts'

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
  // One /proc scan per root would be slow with thousands of roots: scan once when there are many.
  const descendants = roots.length > 8 ? await listDescendantsOfAll(roots) : (await Promise.all(roots.map(listDescendants))).flat().map((entry) => entry.pid)
  for (const pid of descendants) pids.add(pid)
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

async function listDescendantsOfAll(roots: readonly number[]): Promise<number[]> {
  // listDescendants(1) would be every process; instead walk the parent links of one /proc scan.
  const childrenOf = new Map<number, number[]>()
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => undefined)
    const parsed = stat === undefined ? undefined : parseProcStat(stat)
    if (parsed === undefined) continue
    const siblings = childrenOf.get(parsed.ppid) ?? []
    siblings.push(parsed.pid)
    childrenOf.set(parsed.ppid, siblings)
  }
  const found: number[] = []
  const queue = [...roots]
  for (let parent = queue.shift(); parent !== undefined; parent = queue.shift()) {
    for (const child of childrenOf.get(parent) ?? []) {
      found.push(child)
      queue.push(child)
    }
  }
  return found
}

/** MemAvailable of /proc/meminfo in bytes: what the whole machine can still hand out (kernel memory included). */
export async function readMemAvailableBytes(): Promise<number> {
  const text = await readFile('/proc/meminfo', 'utf8')
  const match = /^MemAvailable:\s+(\d+) kB$/m.exec(text)
  return match?.[1] === undefined ? Number.NaN : Number(match[1]) * 1024
}
