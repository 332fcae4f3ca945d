// End to end: `vitest bench benches/http.bench.ts` through the plugin, real servers, hey, the
// reporter and the results file, with short load phases. Asserts what the run produced, never how fast.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execa } from 'execa'
import { afterAll, expect, test } from 'vitest'
import { listDescendants } from './collectors/process-tree.ts'
import { detectLoadGenerator } from './http/load-generator.ts'
import { validateResults } from './results/validate-results.ts'
import { interruptAndListLeftovers } from './testing/processes-with-env.ts'
import { packageRoot } from './package-paths.ts'

const vitestCli = join(packageRoot, 'node_modules', 'vitest', 'vitest.mjs')
const outputDir = await mkdtemp(join(tmpdir(), 'wfb-bench-http-run-'))
const hey = await detectLoadGenerator('hey')
const skipNote = hey.available ? '' : ` (skipped: ${hey.reason ?? ''}; install: ${hey.install})`
afterAll(() => rm(outputDir, { recursive: true, force: true }))

function runHttpBench(env: Record<string, string>) {
  return execa(process.execPath, [vitestCli, 'bench', '--run', 'benches/http.bench.ts'], {
    cwd: packageRoot,
    env: { WFB_OUTPUT_DIR: outputDir, WFB_BASELINE_DIR: join(outputDir, 'baselines'), NO_COLOR: '1', WFB_RUNTIMES: 'node-wasi', ...env },
    reject: false,
    all: true,
    timeout: 240_000,
  })
}

test.skipIf(!hey.available)(`the http bench writes one checked row per server x mode x concurrency x keep-alive${skipNote}`, { timeout: 300_000 }, async () => {
  const run = await runHttpBench({ WFB_HTTP_CONCURRENCY: '1,2', WFB_HTTP_KEEPALIVE: 'on,off', WFB_HTTP_DURATION_MS: '600', WFB_HTTP_COLD_SAMPLES: '2' })
  expect(run.exitCode, run.all).toBe(0)
  expect(run.all).toContain('HTTP workload')
  const results = validateResults(JSON.parse(await readFile(join(outputDir, 'latest.json'), 'utf8')), 'latest.json')
  expect(results.failed).toEqual([])
  expect(results.rows.map((row) => row.key).sort()).toEqual([
    'node-wasi/html/instance-per-request/concurrency=1,keepAlive=0', 'node-wasi/html/instance-per-request/concurrency=1,keepAlive=1',
    'node-wasi/html/instance-per-request/concurrency=2,keepAlive=0', 'node-wasi/html/instance-per-request/concurrency=2,keepAlive=1',
    'node-wasi/html/one-instance/concurrency=1,keepAlive=0', 'node-wasi/html/one-instance/concurrency=1,keepAlive=1',
    'node-wasi/html/one-instance/concurrency=2,keepAlive=0', 'node-wasi/html/one-instance/concurrency=2,keepAlive=1',
  ])
  for (const row of results.rows) {
    expect(row.metrics.firstResponseMs, row.key).toMatchObject({ n: 2 })
    for (const metric of ['requestsPerSec', 'latencyMs', 'bytesPerSec', 'serverCpuUtilisation', 'serverRssBytes', 'instanceMemoryBytes']) {
      expect(row.metrics[metric], `${row.key} ${metric}`).toHaveProperty('median')
    }
    expect(row.metrics.errorCount).toMatchObject({ max: 0 })
    expect(row.metrics.non2xxCount).toMatchObject({ max: 0 })
  }
  expect(results.options.http).toMatchObject({ concurrency: [1, 2], keepAlive: ['on', 'off'], durationMs: 600, coldSamples: 2 })
  expect(results.servers?.map((server) => server.name)).toEqual(['node-wasi'])
  expect(await listDescendants(process.pid)).toEqual([])
})

test.skipIf(!hey.available)(`Ctrl-C during a load phase leaves no server or load generator behind${skipNote}`, { timeout: 120_000 }, async () => {
  const { reachedLive, leftovers } = await interruptAndListLeftovers(
    (env) => runHttpBench({ WFB_HTTP_DURATION_MS: '60000', WFB_HTTP_COLD_SAMPLES: '1', WFB_HTTP_CONCURRENCY: '2', ...env }),
    (command) => /(^|\/)hey -n /.test(command),
  )
  expect(reachedLive).toBe(true)
  expect(leftovers).toEqual([])
})
