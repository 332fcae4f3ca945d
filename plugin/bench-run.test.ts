// End to end: `vitest bench` through the plugin, the real runtimes, the reporter and the results
// file, with small sample counts. Asserts what the run produced, never how fast it was.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execa } from 'execa'
import { afterAll, describe, expect, test } from 'vitest'
import { listDescendants } from './collectors/process-tree.ts'
import { formatNames } from './errors.ts'
import { runtimes } from '../fixtures/index.ts'
import { interruptAndListLeftovers, type Interruption } from './testing/processes-with-env.ts'
import { selectableNames } from './index.ts'
import { validateResults } from './results/validate-results.ts'
import { packageRoot } from './package-paths.ts'

const vitestCli = join(packageRoot, 'node_modules', 'vitest', 'vitest.mjs')
const outputDir = await mkdtemp(join(tmpdir(), 'wfb-bench-run-'))

function runBench(env: Record<string, string>, options: { detached?: boolean; files?: string[] } = {}) {
  // The workload benches only (file-name filters): the HTTP benches have their own end-to-end test (bench-http-run.test.ts).
  return execa(process.execPath, [vitestCli, 'bench', '--run', ...(options.files ?? ['fib.bench', 'html.bench', 'noop.bench'])], {
    cwd: packageRoot,
    // A scratch baseline folder: the committed baselines/ must not judge these small-sample runs.
    env: { WFB_OUTPUT_DIR: outputDir, WFB_BASELINE_DIR: join(outputDir, 'baselines'), WFB_COLD_SAMPLES: '10', WFB_WARM_BATCHES: '2', WFB_WARM_REPEATS: '5', NO_COLOR: '1', ...env },
    reject: false,
    all: true,
    timeout: 240_000,
    // In a process group of its own, so that a test can send the group a Ctrl-C.
    detached: options.detached ?? false,
  })
}

const runc = await runtimes.runc.detect()

/** Rows in a results file, or -1 when there is none (yet). */
async function rowsIn(path: string): Promise<number> {
  return readFile(path, 'utf8').then((text) => (JSON.parse(text) as { rows: unknown[] }).rows.length, () => -1)
}

afterAll(async () => {
  await rm(outputDir, { recursive: true, force: true })
})

describe('vitest bench with the plugin', () => {
  test('measures every workload on node-wasi (both modes) and native and writes a valid results file', { timeout: 300_000 }, async () => {
    const run = await runBench({ WFB_RUNTIMES: 'node-wasi,native' })
    expect(run.exitCode, run.all).toBe(0)
    expect(run.all).toContain('cold start')
    expect(run.all).toContain(`results: ${join(outputDir, 'latest.json')}`)
    // Every run holds the built-in published claims against its own rows.
    expect(run.all).toMatch(/Published claims: \d+ not measured\./)
    const results = validateResults(JSON.parse(await readFile(join(outputDir, 'latest.json'), 'utf8')), 'latest.json')
    expect(results.rows.map((row) => row.key).sort()).toEqual([
      'native/fib/process/n=25', 'native/html/process', 'native/noop/process',
      'node-wasi/fib/in-process/n=25', 'node-wasi/fib/process/n=25',
      'node-wasi/html/in-process', 'node-wasi/html/process',
      'node-wasi/noop/in-process', 'node-wasi/noop/process',
    ])
    for (const row of results.rows) {
      for (const metric of ['coldStartMs', 'cpuTimeMs', 'cpuUtilisation', 'peakRssBytes']) {
        expect(row.metrics[metric], `${row.key} ${metric}`).toMatchObject({ n: 10 })
      }
      expect(row.metrics.warmLatencyMs, row.key).toMatchObject({ n: 10 })
      const counters = results.machine.hardwareCounters
      if (!counters.supported) expect(row.metrics.instructions).toEqual({ unsupported: expect.stringContaining('unsupported here') as string })
      if (row.mode === 'in-process') {
        for (const phase of ['compileMs', 'instantiateMs', 'runMs', 'instanceMemoryBytes']) expect(row.metrics[phase], `${row.key} ${phase}`).toMatchObject({ n: 10 })
      }
      // wait4's context switches: counted for a process per invocation, the reason instead elsewhere.
      for (const metric of ['voluntaryContextSwitches', 'involuntaryContextSwitches']) {
        if (row.mode === 'process') expect(row.metrics[metric], `${row.key} ${metric}`).toMatchObject({ n: 10 })
        else expect(row.metrics[metric], `${row.key} ${metric}`).toEqual({ unsupported: expect.stringContaining('wait4') as string })
      }
    }
    expect(results.failed).toEqual([])
    expect(await listDescendants(process.pid)).toEqual([])
  })

  test('an unknown runtime stops the run before anything starts, listing the valid names', { timeout: 120_000 }, async () => {
    const run = await runBench({ WFB_RUNTIMES: 'wasmtme' })
    expect(run.exitCode).not.toBe(0)
    expect(run.all).toContain(`Unknown runtime \`wasmtme\`. Use one of: ${formatNames(selectableNames)}.`)
  })

  // Process rows (native) and, where runc is installed, container rows: the run is interrupted once a
  // row has been written and a runc container (or the launcher) is live. Nothing may remain, and the
  // rows measured so far are in the results file, marked incomplete.
  const interruptions: Interruption[] = [
    { signal: 'SIGINT', target: 'group' }, { signal: 'SIGINT', target: 'main' },
    { signal: 'SIGKILL', target: 'main' }, { signal: 'SIGKILL', target: 'worker' },
  ]
  const containers = runc.available ? 'runc containers' : `(runc skipped: ${runc.reason ?? 'missing'}; install: ${runc.install})`
  test.each(interruptions)(`$signal to the $target in the middle of a run leaves no process, ${containers}, cgroup or scratch folder; the rows so far are kept, marked incomplete`, { timeout: 240_000 }, async (interruption) => {
    const dir = join(outputDir, `${interruption.signal}-${interruption.target}`)
    const { reachedLive, leftovers, exitCode, output } = await interruptAndListLeftovers(
      (env) => runBench({ WFB_OUTPUT_DIR: dir, WFB_RUNTIMES: runc.available ? 'native,runc' : 'native', WFB_COLD_SAMPLES: runc.available ? '500' : '3000', ...env }, { detached: true, files: ['fib.bench'] }),
      (command) => command.includes('/build/launcher/launcher-') && (!runc.available || command.includes(' run --bundle ')),
      interruption,
      async () => (await rowsIn(join(dir, 'latest.json'))) >= 1,
    )
    expect(reachedLive, output).toBe(true)
    expect(leftovers).toEqual({ processes: [], containers: [], cgroupDirs: [], scratchDirs: [] })
    expect(exitCode, output).toBe(interruption.signal === 'SIGINT' ? 130 : interruption.target === 'worker' ? 1 : undefined)
    const results = validateResults(JSON.parse(await readFile(join(dir, 'latest.json'), 'utf8')), 'latest.json')
    expect(results.rows.length).toBeGreaterThanOrEqual(1)
    expect(results.incomplete?.reason).toMatch(interruption.signal === 'SIGINT' ? /^interrupted by SIGINT$/ : interruption.target === 'worker' ? /^the run did not finish: a Vitest worker died .*Worker exited unexpectedly with signal SIGKILL/ : /^the run had not finished when this file was written/)
  })
})
