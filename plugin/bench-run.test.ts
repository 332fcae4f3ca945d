// End to end: `vitest bench` through the plugin, the real runtimes, the reporter and the results
// file, with small sample counts. Asserts what the run produced, never how fast it was.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execa } from 'execa'
import { afterAll, describe, expect, test } from 'vitest'
import { listDescendants } from './collectors/process-tree.ts'
import { formatNames } from './errors.ts'
import { interruptAndListLeftovers } from './testing/processes-with-env.ts'
import { selectableNames } from './index.ts'
import { validateResults } from './results/validate-results.ts'
import { packageRoot } from './package-paths.ts'

const vitestCli = join(packageRoot, 'node_modules', 'vitest', 'vitest.mjs')
const outputDir = await mkdtemp(join(tmpdir(), 'wfb-bench-run-'))

function runBench(env: Record<string, string>) {
  // The workload benches only (file-name filters): the HTTP benches have their own end-to-end test (bench-http-run.test.ts).
  return execa(process.execPath, [vitestCli, 'bench', '--run', 'fib.bench', 'html.bench', 'noop.bench'], {
    cwd: packageRoot,
    // A scratch baseline folder: the committed baselines/ must not judge these small-sample runs.
    env: { WFB_OUTPUT_DIR: outputDir, WFB_BASELINE_DIR: join(outputDir, 'baselines'), WFB_COLD_SAMPLES: '10', WFB_WARM_BATCHES: '2', WFB_WARM_REPEATS: '5', NO_COLOR: '1', ...env },
    reject: false,
    all: true,
    timeout: 240_000,
  })
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
    }
    expect(results.failed).toEqual([])
    expect(await listDescendants(process.pid)).toEqual([])
  })

  test('an unknown runtime stops the run before anything starts, listing the valid names', { timeout: 120_000 }, async () => {
    const run = await runBench({ WFB_RUNTIMES: 'wasmtme' })
    expect(run.exitCode).not.toBe(0)
    expect(run.all).toContain(`Unknown runtime \`wasmtme\`. Use one of: ${formatNames(selectableNames)}.`)
  })

  test('Ctrl-C in the middle of a run leaves no process behind', { timeout: 120_000 }, async () => {
    // Interrupted once the measurement launcher is live with a runtime process under it.
    const { reachedLive, leftovers } = await interruptAndListLeftovers(
      (env) => runBench({ WFB_RUNTIMES: 'node-wasi,native', WFB_COLD_SAMPLES: '100000', ...env }),
      (command) => command.includes('/build/launcher/launcher-'),
    )
    expect(reachedLive).toBe(true)
    expect(leftovers).toEqual([])
  })
})
