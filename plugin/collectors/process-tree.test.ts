import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { describe, expect, test } from 'vitest'
import { listDescendants } from './process-tree.ts'

describe('listDescendants', () => {
  test('finds children and grandchildren, and forgets them once they exit', async () => {
    const shell = spawn('/bin/sh', ['-c', 'sleep 32 & wait'], { stdio: 'ignore' })
    const exited = once(shell, 'exit')
    const shellPid = shell.pid ?? 0
    let found = await listDescendants(process.pid)
    for (let tries = 0; tries < 250 && !found.some((entry) => entry.command === 'sleep 32'); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 20))
      found = await listDescendants(process.pid)
    }
    const sleeper = found.find((entry) => entry.command === 'sleep 32')
    expect(found).toContainEqual({ pid: shellPid, ppid: process.pid, command: '/bin/sh -c sleep 32 & wait' })
    expect(sleeper?.ppid).toBe(shellPid)

    process.kill(sleeper?.pid ?? 0, 'SIGKILL')
    await exited
    expect(await listDescendants(process.pid)).toEqual([])
  })

  test('a process without children has no descendants', async () => {
    expect(await listDescendants(1 << 30)).toEqual([])
  })
})
