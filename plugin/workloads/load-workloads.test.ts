import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, test } from 'vitest'
import { BenchError } from '../errors.ts'
import { loadWorkloads, testdataDir, workloadsDir } from './load-workloads.ts'

const scratch = await mkdtemp(join(tmpdir(), 'wfb-load-workloads-'))
afterAll(() => rm(scratch, { recursive: true, force: true }))

/** Writes a workloads folder with one workload folder `folder` holding the given files. */
async function workloadsFolder(folder: string, files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(scratch, 'dir-'))
  await mkdir(join(dir, folder))
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, folder, name), text)
  return dir
}

const plainWorkload = (name: string): string =>
  `export const workload = { name: '${name}', description: 'd', params: {}, args: () => [], expected: () => ({ kind: 'exact', stdout: '' }) }\n`

async function loadError(dir: string): Promise<BenchError> {
  const error: unknown = await loadWorkloads(dir).then(
    () => undefined,
    (reason: unknown) => reason,
  )
  if (error instanceof BenchError) return error
  throw new Error(`expected a BenchError, got ${String(error)}`)
}

describe('loadWorkloads', () => {
  test('workloadsDir is the repository workloads folder', () => {
    expect(workloadsDir).toBe(fileURLToPath(new URL('../../workloads', import.meta.url)))
    expect(testdataDir).toBe(fileURLToPath(new URL('../../test-data', import.meta.url)))
  })

  test('finds every workload with its files', async () => {
    const workloads = await loadWorkloads()
    expect([...workloads.keys()]).toEqual(['fib', 'html', 'noop'])
    for (const [name, workload] of workloads) {
      expect(workload.name).toBe(name)
      expect(workload.dir).toBe(join(workloadsDir, name))
      expect(workload.kind === 'c' ? workload.sourcePath : workload.kind).toBe(join(workloadsDir, name, `${name}.c`))
      expect(workload.wasmPath).toBe(join(workloadsDir, name, `${name}.wasm`))
      expect(existsSync(workload.wasmPath)).toBe(true)
    }
    expect(workloads.get('fib')?.params).toEqual({ n: { description: 'Which Fibonacci number to compute (fib(25) = 75025).', default: 25, min: 0, max: 40 } })
  })

  test('loads the failing test data the same way', async () => {
    const workloads = await loadWorkloads(testdataDir)
    expect([...workloads.keys()]).toEqual(['exit-nonzero', 'hang', 'trap', 'wrong-output'])
    expect(workloads.get('wrong-output')?.expected({})).toEqual({ kind: 'exact', stdout: '42\n' })
  })

  test("a project's folder adds its workloads to the built-in ones; a name in both is an error", async () => {
    const project = await workloadsFolder('mine', { 'workload.ts': plainWorkload('mine'), 'mine.c': '', 'mine.wasm': '' })
    expect([...(await loadWorkloads([workloadsDir, project])).keys()]).toEqual(['fib', 'html', 'mine', 'noop'])
    const clash = await workloadsFolder('fib', { 'workload.ts': plainWorkload('fib'), 'fib.c': '', 'fib.wasm': '' })
    const error = await loadWorkloads([workloadsDir, clash]).then(() => undefined, (reason: unknown) => reason)
    expect(error).toBeInstanceOf(BenchError)
    expect((error as BenchError).message).toContain('Workload `fib` is defined twice')
    expect((error as BenchError).message).toContain('Rename one of the folders')
  })

  test('ignores dot-folders, the harness folder and plain files', async () => {
    const dir = await workloadsFolder('ok', { 'workload.ts': plainWorkload('ok'), 'ok.c': '', 'ok.wasm': '' })
    await mkdir(join(dir, '.cache'))
    await mkdir(join(dir, 'common'))
    await writeFile(join(dir, 'README.md'), '')
    expect([...(await loadWorkloads(dir)).keys()]).toEqual(['ok'])
  })

  test('a folder without workload.ts is named with the fix', async () => {
    const dir = await workloadsFolder('stray', {})
    const error = await loadError(dir)
    expect(error.code).toBe('invalid-workload')
    expect(error.message).toContain(`\`${join(dir, 'stray')}\` has no workload.ts. Add \`${join(dir, 'stray', 'workload.ts')}\``)
  })

  test('a folder name with quotes, `;`, `$` or spaces is refused when loading, before any build', async () => {
    for (const name of ['it\'s', 'a;b', 'x$y', 'two words', '-dash']) {
      const dir = await workloadsFolder(name, { 'workload.ts': plainWorkload(name.replaceAll('\'', '\\\'')), [`${name}.c`]: '', [`${name}.wasm`]: '' })
      const error = await loadError(dir)
      expect(error.code).toBe('invalid-workload')
      expect(error.message).toBe(`Workload folder \`${join(dir, name)}\` has the name ${JSON.stringify(name)}, which holds characters a workload name cannot: use only letters, digits, \`_\` and \`-\` (the name reaches the C compiler's \`-D\`, URL paths and file names). Rename the folder (and the workload's \`name\`).`)
    }
  })

  test('a name that differs from the folder', async () => {
    const dir = await workloadsFolder('foo', { 'workload.ts': plainWorkload('bar'), 'foo.c': '', 'foo.wasm': '' })
    const error = await loadError(dir)
    expect(error.code).toBe('invalid-workload')
    expect(error.message).toBe(`\`${join(dir, 'foo', 'workload.ts')}\` declares name \`bar\` but its folder is \`foo\`. Rename the folder or the workload so they match.`)
  })

  test('a module without a workload export', async () => {
    const dir = await workloadsFolder('foo', { 'workload.ts': 'export const other = 1\n' })
    const error = await loadError(dir)
    expect(error.message).toBe(`\`${join(dir, 'foo', 'workload.ts')}\` does not export \`workload\`. It must export \`const workload = defineWorkload({ name, description, params, args, expected })\`.`)
  })

  test('a parameter whose default is out of its range', async () => {
    const text = `export const workload = { name: 'foo', description: 'd', params: { n: { description: 'n', default: 50, min: 0, max: 40 } }, args: () => [], expected: () => ({ kind: 'exact', stdout: '' }) }\n`
    const error = await loadError(await workloadsFolder('foo', { 'workload.ts': text }))
    expect(error.message).toContain('declares parameter `n` with min/default/max 0/50/40; they must be integers with min <= default <= max')
  })

  test('a missing C source', async () => {
    const dir = await workloadsFolder('foo', { 'workload.ts': plainWorkload('foo'), 'foo.wasm': '' })
    const error = await loadError(dir)
    expect(error.message).toBe(`Workload \`foo\` has no C source \`${join(dir, 'foo', 'foo.c')}\`. Add it (it implements \`wfb_main\` from workloads/common/wfb.h), or, for a module built in another language, declare it in \`${join(dir, 'foo', 'workload.ts')}\` with \`wasm: './foo.wasm'\` (docs/workloads.md).`)
  })

  test('a missing module says how to build it', async () => {
    const dir = await workloadsFolder('foo', { 'workload.ts': plainWorkload('foo'), 'foo.c': '' })
    const error = await loadError(dir)
    expect(error.message).toBe(`Workload \`foo\` has no built module \`${join(dir, 'foo', 'foo.wasm')}\`. Build it with \`npx wasm-faas-bench build\` (\`npm run build:workloads\` in this repository) and commit the .wasm.`)
  })

  test('a module that fails to import', async () => {
    const dir = await workloadsFolder('foo', { 'workload.ts': "throw new Error('broken on purpose')\n" })
    const error = await loadError(dir)
    expect(error.message).toMatch(/^`.*foo\/workload\.ts` failed to load: Error: broken on purpose\. Fix the error in that file\.$/)
  })

  test('a folder that does not exist', async () => {
    const error = await loadError(join(scratch, 'missing'))
    expect(error.code).toBe('invalid-workload')
    expect(error.message).toContain('cannot be read')
  })
})
