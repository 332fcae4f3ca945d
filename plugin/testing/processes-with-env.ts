import { readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { execa } from 'execa'
import { scratchRoot } from '../shared/scratch-dir.ts'
import { readProcStat } from '../system/proc-stat.ts'

/** For tests: processes anywhere on the machine (orphans included) whose environment carries `marker` (`NAME=value`). */
export async function processesWithEnv(marker: string): Promise<Array<{ pid: number; command: string }>> {
  const found: Array<{ pid: number; command: string }> = []
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const environ = await readFile(`/proc/${entry}/environ`, 'latin1').catch(() => '')
    if (!environ.split('\0').includes(marker)) continue
    const command = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '')
    found.push({ pid: Number(entry), command: command.replaceAll('\0', ' ').trim() })
  }
  return found
}

/** How a test interrupts a run: which signal, sent to whom. */
export interface Interruption {
  signal: 'SIGINT' | 'SIGKILL'
  /**
   * `group`: the run's whole process group (Ctrl-C in a terminal); `main`: the Vitest main process only;
   * `worker`: the Vitest worker that runs the benchmark (the parent of the live process).
   */
  target: 'group' | 'main' | 'worker'
}

/** What a run left behind after it ended: processes, runc containers, cgroup folders, scratch folders. */
export interface Leftovers {
  processes: Array<{ pid: number; command: string }>
  /** runc containers named after one of the run's processes (`wfb-<pid>-…`). */
  containers: string[]
  /** cgroup folders of such containers under /sys/fs/cgroup. */
  cgroupDirs: string[]
  /** Scratch folders of the run's processes in the temporary folder (`wfb-<purpose>-<pid>-…`). */
  scratchDirs: string[]
}

async function runcContainers(): Promise<string[]> {
  const result = await execa('runc', ['list', '--quiet'], { reject: false, stdin: 'ignore' })
  return result.failed ? [] : result.stdout.split('\n').map((line) => line.trim()).filter((id) => id !== '')
}

async function cgroupDirs(): Promise<string[]> {
  const found: string[] = []
  for (const controller of await readdir('/sys/fs/cgroup').catch(() => [] as string[])) {
    for (const name of await readdir(`/sys/fs/cgroup/${controller}`).catch(() => [] as string[])) {
      if (name.startsWith('wfb-')) found.push(`/sys/fs/cgroup/${controller}/${name}`)
    }
  }
  return found
}

/** Everything named after one of `pids` that is still there: containers, cgroup folders, scratch folders. */
export async function listLeftovers(marker: string, pids: ReadonlySet<number>): Promise<Leftovers> {
  const ownedBy = (name: string, pattern: RegExp): boolean => pids.has(Number(pattern.exec(name)?.[1] ?? Number.NaN))
  return {
    processes: await processesWithEnv(marker),
    containers: (await runcContainers()).filter((id) => ownedBy(id, /^wfb-(\d+)-/)),
    cgroupDirs: (await cgroupDirs()).filter((path) => ownedBy(path, /\/wfb-(\d+)-[^/]*$/)),
    scratchDirs: (await Promise.all([...new Set([tmpdir(), scratchRoot()])].map((dir) => readdir(dir)))).flat().filter((name) => ownedBy(name, /^wfb-[a-z-]+?-(\d+)-/)),
  }
}

async function parentOf(pid: number): Promise<number | undefined> {
  const parent = (await readProcStat(pid))?.ppid
  return parent !== undefined && parent > 1 ? parent : undefined
}

/**
 * The Vitest worker above a live process: its nearest ancestor that is not the measurement launcher
 * (a process the launcher has just forked still shows the launcher's command line).
 */
async function findWorker(pid: number): Promise<number | undefined> {
  let parent = await parentOf(pid)
  while (parent !== undefined && (await readFile(`/proc/${parent}/cmdline`, 'utf8').catch(() => '')).includes('/launcher-')) parent = await parentOf(parent)
  return parent
}

const nothing = (leftovers: Leftovers): boolean => Object.values(leftovers).every((list: unknown[]) => list.length === 0)

/**
 * For interruption tests: starts a run (`start(env)`, which must start it `detached`, in a process
 * group of its own) whose processes carry a fresh marker in their environment, waits up to 60 s
 * until `isLive` sees the moment to interrupt among them (and `ready()` when given), sends the
 * signal to the target, and returns what the run left behind 5 s after it ended (all lists empty
 * when nothing leaked), whether that moment came at all, and how the run ended.
 */
export async function interruptAndListLeftovers(
  start: (env: Record<string, string>) => { pid?: number | undefined; kill: (signal: NodeJS.Signals) => boolean } & PromiseLike<{ exitCode?: number | undefined; signal?: string | undefined; all?: string | undefined }>,
  isLive: (command: string) => boolean,
  interruption: Interruption = { signal: 'SIGINT', target: 'main' },
  ready: () => Promise<boolean> = () => Promise.resolve(true),
): Promise<{ reachedLive: boolean; leftovers: Leftovers; exitCode: number | undefined; output: string }> {
  const name = 'WFB_CTRL_C_MARK'
  const marker = `${name}=${process.pid}-${Date.now()}`
  const run = start({ [name]: marker.slice(name.length + 1) })
  const seen = new Set<number>()
  const live = async (): Promise<{ pid: number; command: string } | undefined> => {
    const found = await processesWithEnv(marker)
    for (const { pid } of found) seen.add(pid)
    return found.find(({ command }) => isLive(command))
  }
  const deadline = Date.now() + 60_000
  // First the moment (`ready`), then a live process found after it: one found before may be gone by then.
  while (!(await ready()) && Date.now() < deadline) {
    await live()
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  let target = await live()
  while (target === undefined && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50))
    target = await live()
  }
  let ended = false
  const watching = (async () => {
    // Keep noting the run's processes until it ends: their pids name its containers and scratch folders.
    while (!ended) {
      await live()
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  })()
  if (target !== undefined) {
    if (interruption.target === 'group' && run.pid !== undefined) process.kill(-run.pid, interruption.signal)
    else if (interruption.target === 'main') run.kill(interruption.signal)
    else {
      const worker = await findWorker((await live())?.pid ?? target.pid)
      if (worker !== undefined) process.kill(worker, interruption.signal)
    }
  } else {
    run.kill('SIGKILL')
  }
  const result = await run
  ended = true
  await watching
  const settle = Date.now() + 5_000
  let leftovers = await listLeftovers(marker, seen)
  while (!nothing(leftovers) && Date.now() < settle) {
    await new Promise((resolve) => setTimeout(resolve, 200))
    leftovers = await listLeftovers(marker, seen)
  }
  return { reachedLive: target !== undefined, leftovers, exitCode: result.exitCode, output: result.all ?? '' }
}
