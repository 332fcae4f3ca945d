import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { describe, expect, test } from 'vitest'
import { parseProcChildren, parseProcStat, processCpuSeconds, readProcChildren, readProcCmdline, readProcStat } from './proc-stat.ts'

describe('parseProcStat', () => {
  test('reads pid, comm, state, ppid, utime and stime', () => {
    expect(parseProcStat('4242 (sleep) S 4100 4242 4100 0 -1 4194304 95 0 0 0 7 3 0 0 20 0 1 0')).toEqual({ pid: 4242, comm: 'sleep', state: 'S', ppid: 4100, userTicks: 7, systemTicks: 3 })
  })

  test('comm may contain spaces and parentheses: it ends at the last `)`', () => {
    expect(parseProcStat('123 (a (b) c) S 1 123 123 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 1 0 100 0 0')).toEqual({ pid: 123, comm: 'a (b) c', state: 'S', ppid: 1, userTicks: 250, systemTicks: 50 })
    expect(parseProcStat('17 (a) b (c)) R 1 17 17 0 -1 0 0 0 0 0 0 0')).toMatchObject({ pid: 17, comm: 'a) b (c)', ppid: 1 })
  })

  test('rejects malformed and cut-short lines', () => {
    // Empty, no comm, no pid, and a line that ends before utime and stime.
    for (const line of ['', '17 no-parens S 1', '(x) S 1 1 1 0 -1 0 0 0 0 0 1 1', '17 (x) S 1 17 17 0 -1']) expect(parseProcStat(line), line).toBeUndefined()
  })

  test('CPU time is utime + stime at 100 ticks per second', () => {
    expect(processCpuSeconds({ userTicks: 250, systemTicks: 50 })).toBe(3)
  })
})

describe('reading /proc', () => {
  test('a child: its pid, parent and command line', async () => {
    const child = spawn('/bin/sh', ['-c', 'sleep 30', 'wfb-proc-test'], { stdio: 'ignore' })
    const exited = once(child, 'exit')
    try {
      const pid = child.pid ?? 0
      expect(await readProcStat(pid)).toMatchObject({ pid, ppid: process.pid })
      expect(await readProcCmdline(pid)).toEqual(['/bin/sh', '-c', 'sleep 30', 'wfb-proc-test'])
      expect(await readProcChildren(process.pid)).toContain(pid)
    } finally {
      child.kill('SIGKILL')
      await exited
    }
  })

  test('a process that does not exist reads as undefined', async () => {
    expect(await readProcStat(1 << 30)).toBeUndefined()
    expect(await readProcCmdline(1 << 30)).toBeUndefined()
  })
})

describe('parseProcChildren', () => {
  test('reads the space-separated pids, in order', () => {
    expect(parseProcChildren('4101 4102 ')).toEqual([4101, 4102])
    expect(parseProcChildren('')).toEqual([])
    expect(parseProcChildren('\n')).toEqual([])
  })
})
