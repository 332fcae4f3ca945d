// End to end: `vitest bench benches/http.bench.ts` through the plugin, real servers, hey, the
// reporter and the results file, with short load phases. Asserts what the run produced, never how fast.
import { once } from 'node:events'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execa } from 'execa'
import { afterAll, expect, test } from 'vitest'
import { listDescendants } from './collectors/process-tree.ts'
import { detectLoadGenerator } from './http/load-generator.ts'
import { validateResults } from './results/validate-results.ts'
import { interruptAndListLeftovers, type Interruption } from './testing/processes-with-env.ts'
import { runtimes } from '../fixtures/index.ts'
import { packageRoot } from './package-paths.ts'

const vitestCli = join(packageRoot, 'node_modules', 'vitest', 'vitest.mjs')
const outputDir = await mkdtemp(join(tmpdir(), 'wfb-bench-http-run-'))
const hey = await detectLoadGenerator('hey')
const skipNote = hey.available ? '' : ` (skipped: ${hey.reason ?? ''}; install: ${hey.install})`
afterAll(() => rm(outputDir, { recursive: true, force: true }))

function runHttpBench(env: Record<string, string>, options: { detached?: boolean } = {}) {
  return execa(process.execPath, [vitestCli, 'bench', '--run', 'benches/http.bench.ts'], {
    cwd: packageRoot,
    env: { WFB_OUTPUT_DIR: outputDir, WFB_BASELINE_DIR: join(outputDir, 'baselines'), NO_COLOR: '1', WFB_RUNTIMES: 'node-wasi', ...env },
    reject: false,
    all: true,
    timeout: 240_000,
    // In a process group of its own, so that a test can send the group a Ctrl-C.
    detached: options.detached ?? false,
  })
}

const runc = await runtimes.runc.detect()
// A user's endpoint, here a tiny server in this process: the endpoint rows' load runs against it.
const endpoint = createServer((_request, response) => response.end('ok\n'))
endpoint.listen(0, '127.0.0.1')
await once(endpoint, 'listening')
afterAll(() => new Promise<void>((resolve) => endpoint.close(() => resolve())))
const endpointEnv = { WFB_RUNTIMES: 'endpoint', WFB_ENDPOINT_URL: `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/`, WFB_ENDPOINT_EXPECT_BODY: 'ok\n' }

/** Rows in a results file, or -1 when there is none (yet). */
async function rowsIn(path: string): Promise<number> {
  return readFile(path, 'utf8').then((text) => (JSON.parse(text) as { rows: unknown[] }).rows.length, () => -1)
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

// Interrupted during the load phase of the second row (the first one written): no server, container,
// cgroup, load generator or scratch folder may remain, and the first row is in the results file,
// marked incomplete. Server rows run in a runc container where runc is installed (node-wasi otherwise).
const interruptions: Interruption[] = [
  { signal: 'SIGINT', target: 'group' }, { signal: 'SIGINT', target: 'main' },
  { signal: 'SIGKILL', target: 'main' }, { signal: 'SIGKILL', target: 'worker' },
]
const serverKind = runc.available ? 'runc server' : `node-wasi server (runc skipped: ${runc.reason ?? 'missing'}; install: ${runc.install})`
const kinds = [
  { kind: serverKind, env: { WFB_RUNTIMES: runc.available ? 'runc' : 'node-wasi' } },
  { kind: 'endpoint', env: endpointEnv },
]
const cases = kinds.flatMap(({ kind, env }) => interruptions.map((interruption) => ({ kind, env, ...interruption })))
test.skipIf(!hey.available).each(cases)(`$signal to the $target during a load phase ($kind) leaves nothing behind and keeps the rows so far${skipNote}`, { timeout: 240_000 }, async ({ env: kindEnv, signal, target }) => {
  const dir = join(outputDir, `${kindEnv.WFB_RUNTIMES}-${signal}-${target}`)
  const { reachedLive, leftovers, exitCode, output } = await interruptAndListLeftovers(
    (env) => runHttpBench({ WFB_OUTPUT_DIR: dir, WFB_HTTP_DURATION_MS: '6000', WFB_HTTP_COLD_SAMPLES: '1', WFB_HTTP_CONCURRENCY: '1,2', WFB_HTTP_KEEPALIVE: 'on', ...kindEnv, ...env }, { detached: true }),
    (command) => /(^|\/)hey -n /.test(command),
    { signal, target },
    async () => (await rowsIn(join(dir, 'latest.json'))) >= 1,
  )
  expect(reachedLive, output).toBe(true)
  expect(leftovers).toEqual({ processes: [], containers: [], cgroupDirs: [], scratchDirs: [] })
  expect(exitCode, output).toBe(signal === 'SIGINT' ? 130 : target === 'worker' ? 1 : undefined)
  const results = validateResults(JSON.parse(await readFile(join(dir, 'latest.json'), 'utf8')), 'latest.json')
  expect(results.rows.length).toBeGreaterThanOrEqual(1)
  expect(results.incomplete).toBeDefined()
})
