import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { execa } from 'execa'
import { afterAll, describe, expect, test } from 'vitest'
import { BenchError } from '../errors.ts'
import { buildNative, buildReactorWasm, buildWasm, reactorWasmPath, ensureNativeBinary, findWorkloadSources, nativeCacheDir, nativeInstallCommand, wasmInstallCommand } from './build-workloads.ts'
import { loadWorkloads, testdataDir, workloadsDir } from './load-workloads.ts'
import { prepareWorkload } from './prepare-workload.ts'

const hasCc = spawnSync('cc', ['--version']).status === 0
const hasClang = spawnSync('clang', ['--version']).status === 0
const withCc = (name: string): string => (hasCc ? name : `${name} (skipped: cc not found; install: ${nativeInstallCommand})`)
const withClang = (name: string): string => (hasClang ? name : `${name} (skipped: clang not found; install: ${wasmInstallCommand})`)

const workloads = await loadWorkloads()
const testdata = await loadWorkloads(testdataDir)
const scratch = await mkdtemp(join(tmpdir(), 'wfb-build-workloads-'))
afterAll(() => rm(scratch, { recursive: true, force: true }))

async function run(binary: string, args: string[], timeoutMs = 30_000) {
  const result = await execa(binary, args, { encoding: 'buffer', reject: false, stripFinalNewline: false, timeout: timeoutMs, stdin: 'ignore' })
  return { stdout: Buffer.from(result.stdout), stderr: Buffer.from(result.stderr).toString(), exitCode: result.exitCode, signal: result.signal ?? null, timedOut: result.timedOut }
}

function workload(name: string, from = workloads) {
  const found = from.get(name)
  if (found === undefined) throw new Error(`workload ${name} not found`)
  return found
}

async function buildError(build: Promise<void>): Promise<BenchError> {
  const error: unknown = await build.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  if (error instanceof BenchError) return error
  throw new Error(`expected a BenchError, got ${String(error)}`)
}

describe.skipIf(!hasCc)(withCc('native builds'), () => {
  test('ensureNativeBinary builds into the cache once and reuses it', async () => {
    const path = await ensureNativeBinary(workload('noop'))
    expect(path.startsWith(`${nativeCacheDir}/`)).toBe(true)
    expect(basename(path)).toMatch(/^noop-[0-9a-f]{12}$/)
    expect(await ensureNativeBinary(workload('noop'))).toBe(path)
  })

  test('noop prints nothing', async () => {
    const result = await run(await ensureNativeBinary(workload('noop')), [])
    expect(result).toMatchObject({ exitCode: 0, stderr: '' })
    expect(result.stdout.length).toBe(0)
  })

  test.each([0, 1, 2, 10, 25])('fib(n=%i) prints the reference value', async (n) => {
    const prepared = prepareWorkload(workload('fib'), { n })
    const result = await run(await ensureNativeBinary(prepared.workload), prepared.args)
    expect(result.exitCode).toBe(0)
    expect(prepared.expected).toEqual({ kind: 'exact', stdout: result.stdout.toString() })
  })

  test('fib rejects an argument out of range on stderr', async () => {
    const result = await run(await ensureNativeBinary(workload('fib')), ['41'])
    expect(result).toMatchObject({ exitCode: 1, stderr: 'fib: N must be a whole number from 0 to 40, got `41`\n' })
  })

  test('html prints the expected ~720 KiB page', async () => {
    const prepared = prepareWorkload(workload('html'))
    const result = await run(await ensureNativeBinary(prepared.workload), prepared.args)
    expect(result.exitCode).toBe(0)
    expect(Math.abs(result.stdout.length - 720 * 1024)).toBeLessThanOrEqual(0.05 * 720 * 1024)
    expect(prepared.expected).toEqual({ kind: 'sha256', sha256: createHash('sha256').update(result.stdout).digest('hex'), bytes: result.stdout.length })
    const page = result.stdout.toString()
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n')).toBe(true)
    expect(page.endsWith('</body>\n</html>\n')).toBe(true)
  })

  test('--wfb-repeat 3 reports three warm timings and keeps stdout unchanged', async () => {
    const binary = await ensureNativeBinary(workload('fib'))
    const result = await run(binary, ['--wfb-repeat', '3', '10'])
    expect(result.exitCode).toBe(0)
    expect(result.stdout.toString()).toBe('55\n')
    expect(result.stderr).toMatch(/^wfb-warm-ns \d+\nwfb-warm-ns \d+\nwfb-warm-ns \d+\n$/)
    const none = await run(binary, ['--wfb-repeat', '0', '10'])
    expect(none).toMatchObject({ exitCode: 0, stderr: '' })
  })

  test('a bad --wfb-repeat count exits 2 and says why', async () => {
    const result = await run(await ensureNativeBinary(workload('fib')), ['--wfb-repeat', 'x', '10'])
    expect(result).toMatchObject({ exitCode: 2, stderr: 'wfb: --wfb-repeat needs a whole number of repetitions >= 0, got `x`\n' })
  })

  test('a repetition that prints something else exits 3', async () => {
    const sourcePath = join(scratch, 'drift.c')
    await writeFile(
      sourcePath,
      '#include "wfb.h"\nstatic int calls;\nint wfb_main(int argc, char **argv, wfb_out *out) {\n  (void)argc;\n  (void)argv;\n  wfb_out_printf(out, "%d\\n", calls++ ? 10 : 1);\n  return 0;\n}\n',
    )
    await buildNative(sourcePath, join(scratch, 'drift'))
    const result = await run(join(scratch, 'drift'), ['--wfb-repeat', '2'])
    expect(result.stdout.toString()).toBe('1\n')
    expect(result).toMatchObject({ exitCode: 3, stderr: 'wfb: repetition 1 produced different output (3 bytes vs 2 bytes)\n' })
  })

  test('test data fails the way it is meant to', async () => {
    const wrong = await run(await ensureNativeBinary(workload('wrong-output', testdata)), [])
    expect(wrong).toMatchObject({ exitCode: 0, stderr: '' })
    expect(wrong.stdout.toString()).toBe('41\n')
    expect(await run(await ensureNativeBinary(workload('exit-nonzero', testdata)), [])).toMatchObject({ exitCode: 7, signal: null, stderr: 'boom: something failed\n' })
    expect(await run(await ensureNativeBinary(workload('trap', testdata)), [])).toMatchObject({ exitCode: undefined, signal: 'SIGILL', stderr: 'trap: about to execute an invalid instruction\n' })
    expect(await run(await ensureNativeBinary(workload('hang', testdata)), [], 300)).toMatchObject({ timedOut: true, signal: 'SIGTERM' })
  })

  test('a compile error is reported with the compiler output', async () => {
    const sourcePath = join(scratch, 'broken.c')
    await writeFile(sourcePath, 'int wfb_main(void) { return missing; }\n')
    const error = await buildError(buildNative(sourcePath, join(scratch, 'broken')))
    expect(error.code).toBe('build-failed')
    expect(error.message).toContain(`Building \`${sourcePath}\` for native failed (\`cc\` exit code 1). Fix the error below.\n`)
    expect(error.message).toContain('missing')
  })
})

describe.skipIf(!hasClang)(withClang('wasm builds'), () => {
  test('rebuilding every committed .wasm gives byte-identical modules', async () => {
    const sources = await findWorkloadSources()
    expect(sources.map((source) => source.name)).toEqual(['fib', 'html', 'noop', 'exit-nonzero', 'hang', 'trap', 'wrong-output'])
    for (const source of sources) {
      const rebuilt = join(scratch, `${source.name}.wasm`)
      await buildWasm(source.sourcePath, rebuilt)
      const [committed, fresh] = await Promise.all([readFile(source.wasmPath), readFile(rebuilt)])
      expect(fresh.equals(committed), `${source.wasmPath} differs from a rebuild: run \`npm run build:workloads\` and commit it`).toBe(true)
    }
  })

  test('rebuilding every committed reactor (<name>.reactor.wasm) gives byte-identical modules', async () => {
    const sources = await findWorkloadSources([workloadsDir])
    expect(sources.length).toBeGreaterThan(0)
    for (const source of sources) {
      const rebuilt = join(scratch, `${source.name}.reactor.wasm`)
      await buildReactorWasm(source.sourcePath, rebuilt)
      const [committed, fresh] = await Promise.all([readFile(reactorWasmPath(source)), readFile(rebuilt)])
      expect(fresh.equals(committed), `${reactorWasmPath(source)} differs from a rebuild: run \`npm run build:workloads\` and commit it`).toBe(true)
    }
  })

  test('a compile error names the WASI toolchain packages', async () => {
    const sourcePath = join(scratch, 'broken-wasm.c')
    await writeFile(sourcePath, 'int wfb_main(void) { return missing; }\n')
    const error = await buildError(buildWasm(sourcePath, join(scratch, 'broken.wasm')))
    expect(error.code).toBe('build-failed')
    expect(error.message).toContain(`for wasm32-wasi failed (\`clang\` exit code 1). Fix the error below. If it is about missing headers, crt1-command.o or libclang_rt.builtins-wasm32.a, install the WASI toolchain: \`${wasmInstallCommand}\`.`)
  })
})

describe('missing compilers', () => {
  async function withEmptyPath(run: () => Promise<void>): Promise<BenchError> {
    const saved = process.env.PATH
    process.env.PATH = scratch
    try {
      return await buildError(run())
    } finally {
      process.env.PATH = saved
    }
  }

  test('no clang: build-failed with the apt-get command', async () => {
    const error = await withEmptyPath(() => buildWasm(join(workloadsDir, 'noop', 'noop.c'), join(scratch, 'noop.wasm')))
    expect(error.code).toBe('build-failed')
    expect(error.message).toBe(`\`clang\` was not found, so \`workloads/noop/noop.c\` cannot be built for wasm32-wasi. Install it: \`apt-get install -y clang lld wasi-libc libclang-rt-14-dev-wasm32\`.`)
  })

  test('no cc: build-failed with the apt-get command', async () => {
    const error = await withEmptyPath(() => buildNative(join(workloadsDir, 'noop', 'noop.c'), join(scratch, 'noop')))
    expect(error.code).toBe('build-failed')
    expect(error.message).toBe('`cc` was not found, so `workloads/noop/noop.c` cannot be built for native. Install it: `apt-get install -y gcc`.')
  })
})
