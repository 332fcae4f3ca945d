import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const prefix = 'wfb-'

/**
 * A fresh temporary folder for one purpose (`run`, `isolate`, …), named after this process
 * (`wfb-run-<pid>-XXXXXX`) so that folders left behind by a killed process can be found later.
 */
export function makeScratchDir(purpose: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `${prefix}${purpose}-${process.pid}-`))
}

/** Whether a process with this pid exists (EPERM means it does, owned by someone else). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Removes scratch folders whose process is gone: a process killed outright (SIGKILL, or a worker
 * ended by Ctrl-C) cannot clean up after itself, so the next run does it. Returns what it removed.
 */
export async function sweepStaleScratchDirs(dir = tmpdir()): Promise<string[]> {
  const pattern = new RegExp(`^${prefix}[a-z]+-(\\d+)-`)
  const removed: string[] = []
  for (const name of await readdir(dir)) {
    const pid = Number(pattern.exec(name)?.[1] ?? Number.NaN)
    if (Number.isInteger(pid) && !isProcessAlive(pid)) {
      await rm(join(dir, name), { recursive: true, force: true })
      removed.push(name)
    }
  }
  return removed
}
