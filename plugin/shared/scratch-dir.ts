import { spawn } from 'node:child_process'
import { readFileSync, statfsSync } from 'node:fs'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseProcChildren } from '../system/proc-stat.ts'

const prefix = 'wfb-'
/** statfs(2) f_type of tmpfs (linux/magic.h TMPFS_MAGIC). */
const tmpfsMagic = 0x01021994
const sharedMemoryDir = '/dev/shm'

function isTmpfs(dir: string): boolean {
  try {
    return statfsSync(dir).type === tmpfsMagic
  } catch {
    return false
  }
}

let chosenRoot: string | undefined

/**
 * The folder scratch folders are made in: `WFB_SCRATCH_DIR` if set, else /dev/shm when it is a
 * tmpfs, else the OS temp folder. Timed runs write their stdout and stderr to files here, and
 * opening and writing them is part of a process's start: on this project's 2-vCPU VM (2026-12-08,
 * 4 rounds of 400 runs) a native noop's cold start read 0.595-0.679 ms with the files on ext4 /tmp
 * against 0.580-0.593 ms on tmpfs and 0.584-0.590 ms with /dev/null (hyperfine -N: 0.596-0.690).
 * The files are deleted as soon as they are read and a series pauses above 16 MiB unread, so
 * memory use stays small.
 */
export function scratchRoot(): string {
  chosenRoot ??= process.env.WFB_SCRATCH_DIR ?? (isTmpfs(sharedMemoryDir) ? sharedMemoryDir : tmpdir())
  return chosenRoot
}

/**
 * A fresh temporary folder for one purpose (`run`, `isolate`, …) under {@link scratchRoot}, named
 * after this process (`wfb-run-<pid>-XXXXXX`) so that folders left behind by a killed process can be
 * found later.
 */
export function makeScratchDir(purpose: string): Promise<string> {
  return mkdtemp(join(scratchRoot(), `${prefix}${purpose}-${process.pid}-`))
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
export async function sweepStaleScratchDirs(dir = scratchRoot()): Promise<string[]> {
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

/** What the reaper runs: wait (at most 10 s) until the given processes are gone, then remove their scratch folders. */
const reaperScript = `
const { readdirSync, rmSync } = require('node:fs')
const [dir, ...pids] = process.argv.slice(1)
const alive = (pid) => { try { process.kill(Number(pid), 0); return true } catch (error) { return error.code === 'EPERM' } }
const deadline = Date.now() + 10000
const sweep = () => {
  if (pids.some(alive) && Date.now() < deadline) return setTimeout(sweep, 100)
  for (const name of readdirSync(dir)) {
    const match = /^${prefix}[a-z-]+?-(\\d+)-/.exec(name)
    if (match !== null && pids.includes(match[1]) && !alive(match[1])) rmSync(dir + '/' + name, { recursive: true, force: true })
  }
}
sweep()
`

/**
 * For an interrupted run (SIGINT to the main process, which exits at once): starts a small detached
 * process that waits until this process's children (the Vitest workers) are gone and then removes
 * their scratch folders, which a worker ended by a signal cannot remove itself. Synchronous, for a
 * signal handler.
 */
export function startScratchReaper(dir = scratchRoot()): void {
  const children = parseProcChildren(readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8'))
  if (children.length === 0) return
  spawn(process.execPath, ['-e', reaperScript, dir, ...children.map(String)], { detached: true, stdio: 'ignore' }).unref()
}
