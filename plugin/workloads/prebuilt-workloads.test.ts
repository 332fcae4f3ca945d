import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { BenchError } from '../errors.ts'
import { packagePath } from '../package-paths.ts'
import { thrownBenchError } from '../testing/thrown-bench-error.ts'
import type { Workload } from '../types.ts'
import { describeModuleHeader } from './definition-problem.ts'
import { loadWorkloads } from './load-workloads.ts'
import { prepareWorkload } from './prepare-workload.ts'
import { warmUnsupportedReason } from './warm-support.ts'

const scratch = await mkdtemp(join(tmpdir(), 'wfb-prebuilt-'))
afterAll(() => rm(scratch, { recursive: true, force: true }))

const exampleDir = packagePath('examples', 'byo-function', 'workloads')
/** A real, tiny core module: the built-in noop (C, but any core module does for loading). */
const someModule = packagePath('workloads', 'noop', 'noop.wasm')

/** A workloads folder with one folder `folder`: its workload.ts exports `definition` (JavaScript object text), plus files. */
async function project(folder: string, definition: string, files: Record<string, string | Buffer> = {}): Promise<string> {
  const dir = await mkdtemp(join(scratch, 'dir-'))
  await mkdir(join(dir, folder))
  await writeFile(join(dir, folder, 'workload.ts'), `export const workload = ${definition}\n`)
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, folder, name), content)
  return dir
}

const prebuilt = (name: string, extra = "wasm: './m.wasm'"): string =>
  `{ name: '${name}', description: 'd', params: {}, args: () => [], expected: () => ({ kind: 'exact', stdout: 'ok\\n' }), ${extra} }`

async function loadError(dir: string): Promise<BenchError> {
  const error: unknown = await loadWorkloads(dir).then(() => undefined, (reason: unknown) => reason)
  if (error instanceof BenchError) return error
  throw new Error(`expected a BenchError, got ${String(error)}`)
}

describe('prebuilt workloads', () => {
  test('a definition with `wasm` loads without C source, its module path resolved against its folder', async () => {
    const dir = await project('fn', prebuilt('fn', "wasm: './build/fn.wasm', warm: 'wfb-repeat', native: { command: ['./fn-native'] }"))
    await mkdir(join(dir, 'fn', 'build'))
    await copyFile(someModule, join(dir, 'fn', 'build', 'fn.wasm'))
    const workload = (await loadWorkloads(dir)).get('fn')
    expect(workload).toMatchObject({ kind: 'prebuilt', dir: join(dir, 'fn'), wasmPath: join(dir, 'fn', 'build', 'fn.wasm'), warm: 'wfb-repeat', native: { command: ['./fn-native'] } })
  })

  test('a module path that does not exist names the resolved path and both fixes', async () => {
    const dir = await project('fn', prebuilt('fn', "wasm: './target/fn.wasm'"))
    const error = await loadError(dir)
    expect(error.code).toBe('invalid-workload')
    expect(error.message).toBe(`Prebuilt workload \`fn\` names module \`./target/fn.wasm\`, but \`${join(dir, 'fn', 'target', 'fn.wasm')}\` cannot be read (ENOENT). Build the module there (docs/workloads.md has the command for each language), or fix \`wasm\` in \`${join(dir, 'fn', 'workload.ts')}\` (it is relative to that file's folder).`)
  })

  test('a file that is not a core module is refused, a component by name', async () => {
    const text = await loadError(await project('fn', prebuilt('fn'), { 'm.wasm': 'hello, not wasm' }))
    expect(text.message).toMatch(/^Prebuilt workload `fn`: `.*\/fn\/m\.wasm` is not a WebAssembly module \(it does not start with `\\0asm`\)/)
    const component = await loadError(await project('fn', prebuilt('fn'), { 'm.wasm': Buffer.from([0, 0x61, 0x73, 0x6d, 0x0d, 0, 1, 0]) }))
    expect(component.message).toContain('is a WebAssembly component, not a core module. Build a WASI preview 1 command module instead')
  })

  test('a missing `expected` says what to return', async () => {
    const error = await loadError(await project('fn', "{ name: 'fn', description: 'd', params: {}, args: () => [], wasm: './m.wasm' }"))
    expect(error.message).toContain("exports workload `fn` without an `expected` function (params => ({ kind: 'exact', stdout }), { kind: 'sha256', sha256, bytes } or { kind: 'check', description, check })")
  })

  test('a name that differs from the folder', async () => {
    const dir = await project('fn', prebuilt('other'), { 'm.wasm': Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]) })
    const error = await loadError(dir)
    expect(error.message).toBe(`\`${join(dir, 'fn', 'workload.ts')}\` declares name \`other\` but its folder is \`fn\`. Rename the folder or the workload so they match.`)
  })

  test.each([
    [prebuilt('fn', "wasm: './m.wasm', warm: 'repeat'"), "with `warm: \"repeat\"`; the one warm protocol is `'wfb-repeat'` (docs/workloads.md), or leave `warm` out"],
    [prebuilt('fn', "wasm: './m.wasm', native: { command: './fn' }"), "with `native.command` \"./fn\"; it must be a non-empty array of strings (`['./fn-native']`)"],
    [prebuilt('fn', "wasm: './m.wasm', native: { command: ['./fn'], build: 'make' }"), 'with `native.build` "make"; it must be a non-empty array of strings'],
    [prebuilt('fn', "wasm: 42"), "with `wasm` 42; it must be the module's path relative to workload.ts (`'./fn.wasm'`)"],
    [prebuilt('fn', "native: { command: ['./fn'] }"), 'with `native` but without `wasm`: only prebuilt modules declare them'],
  ])('a malformed definition is named with the fix: %s', async (definition, message) => {
    const error = await loadError(await project('fn', definition))
    expect(error.code).toBe('invalid-workload')
    expect(error.message).toContain(`exports workload \`fn\` ${message}`)
  })

  test('an `expected` that returns no valid expectation fails when the workload is prepared', async () => {
    const dir = await project('fn', "{ name: 'fn', description: 'd', params: {}, args: () => [], expected: () => ({ kind: 'sha256', sha256: 'abc', bytes: 3 }), wasm: './m.wasm' }", { 'm.wasm': Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]) })
    const workload = (await loadWorkloads(dir)).get('fn') as Workload
    const error = thrownBenchError(() => prepareWorkload(workload))
    expect(error.code).toBe('invalid-workload')
    expect(error.message).toBe(`The \`expected\` function of workload \`fn\` for fn: \`{ kind: 'sha256' }\` needs \`sha256\`, 64 lowercase hex digits (\`sha256sum\` of the output). Fix it in ${join(dir, 'fn')}/workload.ts.`)
  })

  test('warm metrics: C and declared modules can repeat, others say why not', async () => {
    const examples = await loadWorkloads(exampleDir)
    expect(warmUnsupportedReason(examples.get('primes') as Workload)).toBeUndefined()
    expect(warmUnsupportedReason(examples.get('norm') as Workload)).toBeUndefined()
    const dir = await project('fn', prebuilt('fn'), { 'm.wasm': Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]) })
    expect(warmUnsupportedReason((await loadWorkloads(dir)).get('fn') as Workload)).toBe(
      "not measured: prebuilt module `fn` does not declare the warm protocol (`warm: 'wfb-repeat'`: `--wfb-repeat K` first, one `wfb-warm-ns <ns>` stderr line per repetition; docs/workloads.md), so it cannot be called again inside one live instance",
    )
  })

  test("the example project's workloads load: Go and AssemblyScript modules and a C workload", async () => {
    const examples = await loadWorkloads(exampleDir)
    expect([...examples.keys()]).toEqual(['collatz', 'norm', 'primes'])
    expect(examples.get('collatz')).toMatchObject({ kind: 'prebuilt', wasmPath: join(exampleDir, 'collatz', 'collatz.wasm'), warm: 'wfb-repeat' })
    expect(examples.get('primes')).toMatchObject({ kind: 'prebuilt', wasmPath: join(exampleDir, 'primes', 'primes.wasm'), warm: 'wfb-repeat' })
    expect(examples.get('norm')).toMatchObject({ kind: 'c', sourcePath: join(exampleDir, 'norm', 'norm.c'), wasmPath: join(exampleDir, 'norm', 'norm.wasm') })
  })
})

describe('describeModuleHeader', () => {
  test.each([
    [[0, 0x61, 0x73, 0x6d, 1, 0, 0, 0], undefined],
    [[0, 0x61, 0x73, 0x6d, 0x0d, 0, 1, 0], 'component'],
    [[0, 0x61, 0x73, 0x6d, 2, 0, 0, 0], 'has WebAssembly binary version 2 (layer 0); the runtimes read version 1 core modules'],
    [[0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], 'is not a WebAssembly module'],
    [[0, 0x61, 0x73], 'is not a WebAssembly module'],
  ])('%j', (bytes, problem) => {
    const found = describeModuleHeader(Buffer.from(bytes))
    if (problem === undefined) expect(found).toBeUndefined()
    else expect(found).toContain(problem)
  })
})
