// `wasm-faas-bench scale` as a person runs it: the CLI in a subprocess. A small run writes a results
// file that validates; Ctrl-C in the middle of a density run leaves no process or container behind.
import { spawn } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execa } from 'execa'
import { afterAll, describe, expect, test } from 'vitest'
import { listContainerIds } from '../../fixtures/runc/runc-containers.ts'
import { nativeScale } from '../../fixtures/scale/native.ts'
import { runcScale } from '../../fixtures/scale/runc.ts'
import { readResults } from '../results/write-results.ts'
import { packageRoot as repoRoot } from '../package-paths.ts'
import { defaultMemoryBudgetBytes } from './scale.ts'

const scratch = await mkdtemp(join(tmpdir(), 'wfb-scale-command-'))
afterAll(async () => rm(scratch, { recursive: true, force: true }))
const cliPath = join(repoRoot, 'plugin', 'cli.ts')
const nativeReady = await nativeScale.detect()
const runcReady = await runcScale.detect()

/** Live (not zombie) processes whose command line contains `text`. */
async function processesRunning(text: string): Promise<number[]> {
  const found: number[] = []
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue
    const [cmdline, stat] = await Promise.all([readFile(`/proc/${name}/cmdline`, 'utf8').catch(() => ''), readFile(`/proc/${name}/stat`, 'utf8').catch(() => '')])
    if (cmdline.includes(text) && !stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) found.push(Number(name))
  }
  return found
}

test('the default memory budget is a quarter of free memory, at most 2 GiB', () => {
  expect(defaultMemoryBudgetBytes(4 * 2 ** 30)).toBe(2 ** 30)
  expect(defaultMemoryBudgetBytes(64 * 2 ** 30)).toBe(2 * 2 ** 30)
})

describe('wasm-faas-bench scale', () => {
  test('refuses an unknown host, naming the known ones', async () => {
    const run = await execa(process.execPath, [cliPath, 'scale', '--hosts', 'wasmtme'], { reject: false, all: true })
    expect(run.exitCode).not.toBe(0)
    expect(run.all).toContain('Unknown scale host `wasmtme`. Use one of: `node-wasi`, `wasmtime-c-api`, `wasmtime-c-api-pooling`, `wamr`, `wasm3`, `wasmi`, `native`, `runc`')
  })

  test.skipIf(!nativeReady.available)(`writes a results file with density, burst and instantiate rows that validates${nativeReady.available ? '' : ` (skipped: ${nativeReady.reason})`}`, async () => {
    const out = join(scratch, 'small.json')
    const run = await execa(process.execPath, [cliPath, 'scale', '--hosts', 'node-wasi,native', '--parts', 'density,burst,instantiate', '--instances', '1,10', '--bursts', '1,2', '--burst-repeats', '1', '--instantiate-samples', '3', '--out', out], { reject: false, all: true })
    expect(run.exitCode, run.all).toBe(0)
    const results = await readResults(out)
    expect(results.rows.map((row) => row.key)).toEqual([
      'node-wasi/fib/density/instances=1,n=20', 'node-wasi/fib/density/instances=10,n=20',
      'node-wasi/fib/burst/burst=1,n=20', 'node-wasi/fib/burst/burst=2,n=20',
      'node-wasi/fib/instantiate/n=20',
      'native/fib/density/instances=1,n=20', 'native/fib/density/instances=10,n=20',
      'native/fib/burst/burst=1,n=20', 'native/fib/burst/burst=2,n=20',
    ])
    expect(results.options.scale?.instanceSteps).toEqual([1, 10])
    expect(Object.keys(results.rows[1]?.metrics ?? {})).toEqual(['pssPerInstanceBytes', 'pssPerAddedInstanceBytes', 'pssTotalBytes', 'allReadyMs'])
  }, 120_000)

  test('the snapshot part: prime-table plain and pre-initialised by Wizer, first call in V8 and cold starts on Wasmtime, every output checked', async () => {
    const out = join(scratch, 'snapshot.json')
    const run = await execa(process.execPath, [cliPath, 'scale', '--hosts', 'node-wasi,native', '--parts', 'snapshot', '--snapshot-samples', '3', '--out', out], { reject: false, all: true })
    expect(run.exitCode, run.all).toBe(0)
    const results = await readResults(out)
    // The process host has no first call to time; V8's rows come first, then the cold starts (when Wasmtime is installed).
    expect(results.rows.slice(0, 2).map((row) => row.key)).toEqual(['node-wasi/prime-table/instantiate/k=100000,snapshot=0', 'node-wasi/prime-table/instantiate/k=100000,snapshot=1'])
    expect(Object.keys(results.rows[0]?.metrics ?? {})).toEqual(['instantiateMs', 'firstCallMs'])
    expect(results.rows[1]?.metrics.firstCallMs).toMatchObject({ n: 3 })
    const coldStarts = results.rows.slice(2).map((row) => row.key)
    const skipped = results.skipped.map((row) => `${row.runtime}/${row.workload}/${row.mode}/${Object.entries(row.params ?? {}).map(([name, value]) => `${name}=${value}`).join(',')}`)
    expect([...coldStarts, ...skipped].sort()).toEqual([
      'wasmtime-precompiled/prime-table/process/k=100000,snapshot=0', 'wasmtime-precompiled/prime-table/process/k=100000,snapshot=1',
      'wasmtime/prime-table/process/k=100000,snapshot=0', 'wasmtime/prime-table/process/k=100000,snapshot=1',
    ])
    expect(results.failed).toEqual([])
  }, 120_000)

  test.skipIf(!nativeReady.available || !runcReady.available)(`Ctrl-C during a density run stops every process and container${runcReady.available ? '' : ` (skipped: ${runcReady.reason})`}`, async () => {
    // noop's resident executable is used by no other test, so what runs of it is this run's.
    const child = spawn(process.execPath, [cliPath, 'scale', '--hosts', 'runc,native', '--parts', 'density', '--workload', 'noop', '--instances', '1,10,100,1000', '--out', join(scratch, 'interrupted.json')], { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk
    })
    // Interrupt once some containers run.
    for (let tries = 0; tries < 200 && (await listContainerIds()).filter((id) => id.startsWith(`wfb-${child.pid}-`)).length < 5; tries++) await new Promise((resolve) => setTimeout(resolve, 100))
    expect((await listContainerIds()).filter((id) => id.startsWith(`wfb-${child.pid}-`)).length).toBeGreaterThanOrEqual(5)
    child.kill('SIGINT')
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
    expect(code, stderr).toBe(130)
    expect(stderr).toContain('SIGINT: stopping every scale host')
    expect((await listContainerIds()).filter((id) => id.startsWith(`wfb-${child.pid}-`))).toEqual([])
    for (let tries = 0; tries < 50 && (await processesRunning('noop-resident')).length > 0; tries++) await new Promise((resolve) => setTimeout(resolve, 100))
    expect(await processesRunning('noop-resident')).toEqual([])
  }, 120_000)
})
