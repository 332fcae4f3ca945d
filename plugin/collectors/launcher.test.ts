import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { BenchError } from '../errors.ts'
import { ensureLauncher, outputHeadBytes, parseLauncherReport, parseLauncherReports, runMeasured, runMeasuredSeries } from './launcher.ts'
import { formatCommand } from '../shared/format-command.ts'
import { listDescendants } from './process-tree.ts'
import { waitFor } from '../testing/wait-for.ts'

const hasPython = existsSync('/usr/bin/python3') || (process.env.PATH ?? '').split(':').some((dir) => existsSync(join(dir, 'python3')))

async function findDescendant(pid: number, command: string): Promise<number | undefined> {
  return (await listDescendants(pid)).find((entry) => entry.command === command)?.pid
}

describe('parseLauncherReport', () => {
  test('reads the measurement line', () => {
    expect(parseLauncherReport('{"wallNs":812345,"userUs":610,"sysUs":0,"maxRssKiB":1200,"nvcsw":3,"nivcsw":1,"exitCode":0,"signal":null,"timedOut":false}\n')).toEqual({
      wallNs: 812345, userUs: 610, sysUs: 0, maxRssKiB: 1200, nvcsw: 3, nivcsw: 1, exitCode: 0, signal: null, timedOut: false,
    })
  })

  test('reads an error line', () => {
    expect(parseLauncherReport('{"error":"spawn failed: x: No such file or directory"}')).toEqual({ error: 'spawn failed: x: No such file or directory' })
  })

  test('rejects missing output and wrong shapes', () => {
    expect(parseLauncherReport('')).toBeUndefined()
    expect(parseLauncherReport('not json')).toBeUndefined()
    // A launcher built from an older launcher.c (no context switches) is not read as a measurement.
    expect(parseLauncherReport('{"wallNs":1,"userUs":0,"sysUs":0,"maxRssKiB":0,"exitCode":0,"signal":null,"timedOut":false}')).toBeUndefined()
    expect(parseLauncherReport('{"wallNs":"1","userUs":0,"sysUs":0,"maxRssKiB":0,"nvcsw":0,"nivcsw":0,"exitCode":0,"signal":null,"timedOut":false}')).toBeUndefined()
  })
})

describe('parseLauncherReports', () => {
  test('reads one line per run, then an error line', () => {
    expect(parseLauncherReports([
      '{"wallNs":812345,"userUs":610,"sysUs":0,"maxRssKiB":1200,"nvcsw":3,"nivcsw":1,"exitCode":0,"signal":null,"timedOut":false}',
      '{"wallNs":200000000,"userUs":0,"sysUs":1,"maxRssKiB":900,"nvcsw":0,"nivcsw":2,"exitCode":null,"signal":"SIGKILL","timedOut":true}',
      '{"error":"interrupted by SIGTERM"}',
    ].join('\n'))).toEqual([
      { wallNs: 812345, userUs: 610, sysUs: 0, maxRssKiB: 1200, nvcsw: 3, nivcsw: 1, exitCode: 0, signal: null, timedOut: false },
      { wallNs: 200000000, userUs: 0, sysUs: 1, maxRssKiB: 900, nvcsw: 0, nivcsw: 2, exitCode: null, signal: 'SIGKILL', timedOut: true },
      { error: 'interrupted by SIGTERM' },
    ])
  })

  test('rejects missing output and any line of the wrong shape', () => {
    expect(parseLauncherReports('')).toBeUndefined()
    expect(parseLauncherReports('{"error":"x"}\n\n{"error":"y"}')).toBeUndefined()
    expect(parseLauncherReports('{"error":"x"}\nnot json')).toBeUndefined()
  })
})

test('formatCommand quotes only what needs it', () => {
  expect(formatCommand('/bin/sh', ['-c', "echo 'hi' $x", 'plain.txt'])).toBe(`/bin/sh -c 'echo '\\''hi'\\'' $x' plain.txt`)
})

describe('runMeasured', () => {
  test('returns stdout, stderr and the exit code', async () => {
    const run = await runMeasured({ file: '/bin/sh', args: ['-c', 'echo hi; echo err >&2; exit 3'], timeoutMs: 10_000 })
    expect(run.stdout.toString()).toBe('hi\n')
    expect(run.stderr.toString()).toBe('err\n')
    expect(run.exitCode).toBe(3)
    expect(run.signal).toBeNull()
    expect(run.timedOut).toBe(false)
    expect(run.wallNs).toBeGreaterThan(0)
    expect(run.userUs).toBeGreaterThanOrEqual(0)
    expect(run.sysUs).toBeGreaterThanOrEqual(0)
    expect(run.maxRssBytes).toBeGreaterThan(0)
  })

  test('reports the context switches from wait4 rusage: a process that sleeps switches voluntarily', async () => {
    const run = await runMeasured({ file: 'sleep', args: ['0.02'], timeoutMs: 10_000 })
    expect(run.exitCode).toBe(0)
    expect(run.metrics.voluntaryContextSwitches).toBeGreaterThanOrEqual(1)
    expect(Number.isInteger(run.metrics.involuntaryContextSwitches)).toBe(true)
    expect(run.metrics.involuntaryContextSwitches).toBeGreaterThanOrEqual(0)
  })

  test('finds the program on PATH, passes env, cwd and stdin', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wfb-launcher-test-'))
    try {
      const stdinPath = join(dir, 'input.txt')
      await writeFile(stdinPath, 'from stdin')
      const run = await runMeasured({
        file: 'sh',
        args: ['-c', 'printf "%s|%s|" "$WFB_TEST_VALUE" "$(pwd)"; cat'],
        env: { WFB_TEST_VALUE: 'a b' },
        cwd: dir,
        stdinPath,
        timeoutMs: 10_000,
      })
      expect(run.stdout.toString()).toBe(`a b|${dir}|from stdin`)
      expect(run.exitCode).toBe(0)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  test('reports the signal that killed the process', async () => {
    const run = await runMeasured({ file: '/bin/sh', args: ['-c', 'kill -ILL $$'], timeoutMs: 10_000 })
    expect(run.signal).toBe('SIGILL')
    expect(run.exitCode).toBeNull()
    expect(run.timedOut).toBe(false)
  })

  test('kills a process that runs past timeoutMs and leaves none behind', async () => {
    const run = await runMeasured({ file: 'sleep', args: ['30'], timeoutMs: 200 })
    expect(run.timedOut).toBe(true)
    expect(run.signal).toBe('SIGKILL')
    expect(run.exitCode).toBeNull()
    expect(run.wallNs).toBeGreaterThan(0)
    expect(await listDescendants(process.pid)).toEqual([])
  })

  test('a missing program is a clear invocation-failed error', async () => {
    const run = runMeasured({ file: '/nonexistent/wfb-program', args: ['x'], timeoutMs: 10_000 })
    await expect(run).rejects.toBeInstanceOf(BenchError)
    await expect(run).rejects.toMatchObject({ code: 'invocation-failed' })
    await expect(run).rejects.toThrow('Cannot run `/nonexistent/wfb-program x`: spawn failed: /nonexistent/wfb-program: No such file or directory. Check that the program exists')
  })

  test.skipIf(!hasPython)('peak RSS covers memory the process touched (skipped: python3 not on PATH)', async () => {
    const run = await runMeasured({ file: 'python3', args: ['-c', "b = b'x' * 50_000_000"], timeoutMs: 30_000 })
    expect(run.exitCode).toBe(0)
    expect(run.maxRssBytes).toBeGreaterThanOrEqual(50_000_000)
  })
})

describe('runMeasuredSeries', () => {
  test('runs the process back to back, each run with its own stdout and stderr', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wfb-launcher-test-'))
    try {
      // Each run reads and bumps a counter file, so its output says which run it was.
      const script = 'n=$(cat count 2>/dev/null || echo 0); echo $((n + 1)) > count; echo "run $n"; echo "pid $$" >&2; exit $n'
      const series = await runMeasuredSeries({ file: '/bin/sh', args: ['-c', script], cwd: dir, timeoutMs: 10_000 }, 5)
      expect(series.map((run) => run.stdout.toString())).toEqual(['run 0\n', 'run 1\n', 'run 2\n', 'run 3\n', 'run 4\n'])
      expect(series.map((run) => run.exitCode)).toEqual([0, 1, 2, 3, 4])
      const pids = series.map((run) => /^pid (\d+)\n$/.exec(run.stderr.toString())?.[1])
      expect(pids.every((pid) => pid !== undefined)).toBe(true)
      expect(new Set(pids).size).toBe(5)
      for (const run of series) {
        expect(run.timedOut).toBe(false)
        expect(run.signal).toBeNull()
        expect(run.wallNs).toBeGreaterThan(0)
        expect(run.maxRssBytes).toBeGreaterThan(0)
      }
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  test('feeds every run the whole stdin file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wfb-launcher-test-'))
    try {
      const stdinPath = join(dir, 'input.txt')
      await writeFile(stdinPath, 'from stdin')
      const series = await runMeasuredSeries({ file: 'cat', args: [], stdinPath, timeoutMs: 10_000 }, 3)
      expect(series.map((run) => run.stdout.toString())).toEqual(['from stdin', 'from stdin', 'from stdin'])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  test('stops at a run that times out, kills it and leaves no process behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wfb-launcher-test-'))
    try {
      // Every run logs itself; the second one then hangs (exec: the killed process is sleep itself).
      const script = 'echo run >> log; if [ "$(wc -l < log)" -ge 2 ]; then exec sleep 30; fi'
      const series = await runMeasuredSeries({ file: '/bin/sh', args: ['-c', script], cwd: dir, timeoutMs: 1_000 }, 5)
      expect(series.map(({ exitCode, signal, timedOut }) => ({ exitCode, signal, timedOut }))).toEqual([
        { exitCode: 0, signal: null, timedOut: false },
        { exitCode: null, signal: 'SIGKILL', timedOut: true },
      ])
      expect(await readFile(join(dir, 'log'), 'utf8')).toBe('run\nrun\n')
      expect(await listDescendants(process.pid)).toEqual([])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  test('large outputs are hashed while read, kept only as a bounded head, and each run\'s files are gone before the next starts', async () => {
    // 20 MiB per run (above pauseAboveBytes): each run counts the files in its own output folder first.
    const bytes = 20 * 1024 * 1024
    const script = `ls "$(dirname "$(readlink /proc/$$/fd/1)")" | wc -l >&2; head -c ${bytes} /dev/zero`
    const series = await runMeasuredSeries({ file: '/bin/sh', args: ['-c', script], timeoutMs: 30_000 }, 3)
    const sha256 = createHash('sha256').update(Buffer.alloc(bytes)).digest('hex')
    for (const run of series) {
      expect(run.stdoutDigest).toEqual({ bytes, sha256 })
      expect(run.stdout.length).toBe(outputHeadBytes)
      // Only this run's own stdout and stderr: the earlier runs' files were read and deleted.
      expect(run.stderr.toString().trim()).toBe('2')
    }
  })

  test('a cleanup command runs when the launcher is stopped, with {N} standing for the stopped run\'s argument', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wfb-launcher-test-'))
    try {
      const launcher = await ensureLauncher()
      const child = spawn(launcher, ['--runs', '3', '--numbered-arg', '3', ...['sh', '-c', 'touch "cleaned-$0"', '{3}'].flatMap((arg) => ['--cleanup', arg]), '--', 'sh', '-c', 'echo $0 >> log; exec sleep 30', 'id-'], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] })
      const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>
      await waitFor('sleep under the launcher', () => findDescendant(child.pid ?? 0, 'sleep 30'))
      child.kill('SIGINT')
      const [code] = await exited
      expect(code).toBe(130)
      expect(existsSync(join(dir, 'cleaned-id-0'))).toBe(true)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  test('numberedArg appends the run number to that argument in each run', async () => {
    const series = await runMeasuredSeries({ file: '/bin/echo', args: ['fixed', 'id-', 'tail'], numberedArg: 1, timeoutMs: 10_000 }, 3)
    expect(series.map((run) => run.stdout.toString())).toEqual(['fixed id-0 tail\n', 'fixed id-1 tail\n', 'fixed id-2 tail\n'])
    const beyond = runMeasuredSeries({ file: '/bin/echo', args: ['only'], numberedArg: 1, timeoutMs: 10_000 }, 1)
    await expect(beyond).rejects.toThrow('--numbered-arg 2: the command has only 1 arguments after FILE')
  })

  test('a missing program fails the series with the run count', async () => {
    const run = runMeasuredSeries({ file: '/nonexistent/wfb-program', args: [], timeoutMs: 10_000 }, 3)
    await expect(run).rejects.toMatchObject({ code: 'invocation-failed' })
    await expect(run).rejects.toThrow('Cannot run `/nonexistent/wfb-program` (after 0 of 3 runs): spawn failed: /nonexistent/wfb-program: No such file or directory.')
  })

  test('rejects a run count that is not a positive integer', async () => {
    for (const runs of [0, -1, 1.5]) {
      await expect(runMeasuredSeries({ file: '/bin/true', args: [], timeoutMs: 10_000 }, runs)).rejects.toMatchObject({ code: 'invalid-option' })
    }
  })
})

describe('the launcher never leaves its child behind', () => {
  test('SIGTERM to the launcher kills and reaps the child, exit 128+15', async () => {
    const launcher = await ensureLauncher()
    const child = spawn(launcher, ['--', 'sleep', '30'], { stdio: ['ignore', 'pipe', 'inherit'] })
    let stdout = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
    })
    const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>
    const launcherPid = child.pid ?? 0
    const sleepPid = await waitFor('sleep under the launcher', () => findDescendant(launcherPid, 'sleep 30'))

    child.kill('SIGTERM')
    const [code] = await exited
    expect(code).toBe(143)
    expect(stdout).toBe('{"error":"interrupted by SIGTERM"}\n')
    expect(existsSync(`/proc/${sleepPid}`)).toBe(false)
  })

  test('--exec: the program replaces the launcher and dies with the launcher\'s parent (PR_SET_PDEATHSIG)', async () => {
    const launcher = await ensureLauncher()
    const shell = spawn('/bin/sh', ['-c', '"$0" --exec -- sleep 33 & wait', launcher], { stdio: 'ignore' })
    const exited = once(shell, 'exit')
    const shellPid = shell.pid ?? 0
    const sleepPid = await waitFor('sleep exec\'d by the launcher', () => findDescendant(shellPid, 'sleep 33'))
    shell.kill('SIGKILL')
    await exited
    await waitFor(`sleep ${sleepPid} to be gone`, () => Promise.resolve(existsSync(`/proc/${sleepPid}`) ? undefined : true))
    expect(existsSync(`/proc/${sleepPid}`)).toBe(false)
  })

  test('when the launcher\'s parent dies, the child goes too (PR_SET_PDEATHSIG)', async () => {
    const launcher = await ensureLauncher()
    // The shell stands in for a harness that is killed without a chance to clean up.
    const shell = spawn('/bin/sh', ['-c', '"$0" -- sleep 31 & wait', launcher], { stdio: 'ignore' })
    const exited = once(shell, 'exit')
    const shellPid = shell.pid ?? 0
    const sleepPid = await waitFor('sleep under the launcher', () => findDescendant(shellPid, 'sleep 31'))

    shell.kill('SIGKILL')
    await exited
    await waitFor(`sleep ${sleepPid} to be gone`, () => Promise.resolve(existsSync(`/proc/${sleepPid}`) ? undefined : true))
    expect(existsSync(`/proc/${sleepPid}`)).toBe(false)
  })
})
