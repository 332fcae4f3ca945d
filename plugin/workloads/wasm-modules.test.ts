import { createHash } from 'node:crypto'
import { closeSync, openSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WASI } from 'node:wasi'
import { afterAll, describe, expect, test } from 'vitest'
import type { Workload } from '../types.ts'
import { loadWorkloads, testdataDir } from './load-workloads.ts'
import { prepareWorkload } from './prepare-workload.ts'

// The committed modules, run in this process under node:wasi: each must print what its workload expects.
const workloads = await loadWorkloads()
const testdata = await loadWorkloads(testdataDir)
const scratch = await mkdtemp(join(tmpdir(), 'wfb-wasm-modules-'))
afterAll(() => rm(scratch, { recursive: true, force: true }))

/**
 * The three WebAssembly calls this test makes. The project's `lib` (ES2023, no DOM) has no
 * WebAssembly types, and @types/node does not declare them either.
 */
interface WebAssemblyApi {
  compile: (bytes: Uint8Array) => Promise<object>
  instantiate: (module: object, imports: object) => Promise<object>
  RuntimeError: ErrorConstructor
}
const wasm = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly

interface WasiRun {
  exitCode: number
  stdout: Buffer
  stderr: string
}

let runs = 0

/** Runs a module's `_start` once under node:wasi with stdout and stderr captured in temp files. */
async function runWasi(wasmPath: string, args: string[]): Promise<WasiRun> {
  const module = await wasm.compile(await readFile(wasmPath))
  const stdoutPath = join(scratch, `${++runs}.stdout`)
  const stderrPath = join(scratch, `${runs}.stderr`)
  const stdoutFd = openSync(stdoutPath, 'w')
  const stderrFd = openSync(stderrPath, 'w')
  try {
    const wasi = new WASI({ version: 'preview1', args: [wasmPath, ...args], env: {}, returnOnExit: true, stdout: stdoutFd, stderr: stderrFd })
    const instance = await wasm.instantiate(module, wasi.getImportObject())
    const exitCode = wasi.start(instance)
    return { exitCode, stdout: await readFile(stdoutPath), stderr: await readFile(stderrPath, 'utf8') }
  } finally {
    closeSync(stdoutFd)
    closeSync(stderrFd)
  }
}

function workload(name: string, from: Map<string, Workload> = workloads): Workload {
  const found = from.get(name)
  if (found === undefined) throw new Error(`workload ${name} not found`)
  return found
}

describe('committed workload modules under node:wasi', () => {
  test('noop prints nothing', async () => {
    expect(await runWasi(workload('noop').wasmPath, [])).toEqual({ exitCode: 0, stdout: Buffer.alloc(0), stderr: '' })
  })

  test.each([0, 1, 25])('fib(n=%i) prints the reference value', async (n) => {
    const prepared = prepareWorkload(workload('fib'), { n })
    const result = await runWasi(prepared.workload.wasmPath, prepared.args)
    expect(result.exitCode).toBe(0)
    expect(prepared.expected).toEqual({ kind: 'exact', stdout: result.stdout.toString() })
  })

  test('html prints the expected page', async () => {
    const prepared = prepareWorkload(workload('html'))
    const result = await runWasi(prepared.workload.wasmPath, prepared.args)
    expect(result.exitCode).toBe(0)
    expect(prepared.expected).toEqual({ kind: 'sha256', sha256: createHash('sha256').update(result.stdout).digest('hex'), bytes: result.stdout.length })
  })

  test.each(['noop', 'fib', 'html'])('%s with --wfb-repeat 3: three warm timings, same stdout', async (name) => {
    const prepared = prepareWorkload(workload(name))
    const once = await runWasi(prepared.workload.wasmPath, prepared.args)
    const repeated = await runWasi(prepared.workload.wasmPath, ['--wfb-repeat', '3', ...prepared.args])
    expect(repeated.exitCode).toBe(0)
    expect(repeated.stdout.equals(once.stdout)).toBe(true)
    expect(repeated.stderr).toMatch(/^wfb-warm-ns \d+\nwfb-warm-ns \d+\nwfb-warm-ns \d+\n$/)
  })
})

describe('committed test-data modules under node:wasi', () => {
  test('wrong-output prints 41', async () => {
    expect(await runWasi(workload('wrong-output', testdata).wasmPath, [])).toEqual({ exitCode: 0, stdout: Buffer.from('41\n'), stderr: '' })
  })

  test('exit-nonzero exits 7 with its message', async () => {
    expect(await runWasi(workload('exit-nonzero', testdata).wasmPath, [])).toEqual({ exitCode: 7, stdout: Buffer.alloc(0), stderr: 'boom: something failed\n' })
  })

  test('trap traps with unreachable', async () => {
    await expect(runWasi(workload('trap', testdata).wasmPath, [])).rejects.toThrow(new wasm.RuntimeError('unreachable'))
  })
})
