import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, test } from 'vitest'
import { runtimes } from '../fixtures/index.ts'
import { BenchError } from './errors.ts'
import { loadProjectRuntimes, resolveRuntimeAdapter } from './project-runtimes.ts'
import { checkOutput } from './workloads/check-output.ts'
import { loadWorkloads } from './workloads/load-workloads.ts'
import { prepareWorkload } from './workloads/prepare-workload.ts'

const scratch = await mkdtemp(join(tmpdir(), 'wfb-project-runtimes-'))
afterAll(() => rm(scratch, { recursive: true, force: true }))
const commandInstanceUrl = pathToFileURL(join(import.meta.dirname, 'harness', 'command-instance.ts')).href

/** A project's runtime module, as a user would write it: node:wasi through createCommandInstance. */
async function writeModule(name: string, text: string): Promise<string> {
  const path = join(scratch, name)
  await writeFile(path, text)
  return path
}

describe('a project’s own runtime adapter', () => {
  test('is loaded from its module and runs a workload with the output checked', async () => {
    const entryScript = join(import.meta.dirname, '..', 'fixtures', 'node-wasi', 'run-wasi.mjs')
    const path = await writeModule('my-runtime.ts', `
import { createCommandInstance } from '${commandInstanceUrl}'
export const runtime = {
  name: 'my-node', title: 'my node:wasi', modes: ['process'],
  detect: async () => ({ available: true, version: process.version, install: 'built in' }),
  start: async (workload) => createCommandInstance({ file: process.execPath, prefixArgs: ['--no-warnings', ${JSON.stringify(entryScript)}, workload.workload.wasmPath] }, workload),
}
`)
    const found = await loadProjectRuntimes([path], runtimes)
    expect([...found.keys()]).toEqual(['my-node'])
    const adapter = await resolveRuntimeAdapter('my-node', [path], runtimes)
    const fib = (await loadWorkloads()).get('fib')
    if (fib === undefined) throw new Error('fib workload missing')
    const prepared = prepareWorkload(fib, { n: 10 })
    const instance = await adapter.start(prepared, 'process')
    try {
      const result = await instance.invoke({ warmRepeats: 2, timeoutMs: 30_000 })
      expect(() => checkOutput(prepared, result, 'my node:wasi')).not.toThrow()
      expect(result.usage.warmNs).toHaveLength(2)
    } finally {
      await instance.close()
    }
  })

  test('a module without an adapter, or with a built-in name, is refused with the fix', async () => {
    const empty = await writeModule('empty.mjs', 'export const nothing = 1\n')
    await expect(loadProjectRuntimes([empty], runtimes)).rejects.toThrow(/must export `runtime`/)
    const clash = await writeModule('clash.mjs', "export const runtime = { name: 'wasmtime', title: 't', modes: ['process'], detect: () => {}, start: () => {} }\n")
    await expect(loadProjectRuntimes([clash], runtimes)).rejects.toThrow(/`wasmtime` from .* is already defined/)
    await expect(loadProjectRuntimes([join(scratch, 'missing.ts')], runtimes)).rejects.toBeInstanceOf(BenchError)
    await expect(resolveRuntimeAdapter('nope', [], runtimes)).rejects.toThrow(/Unknown runtime `nope`\. Use one of: `node-wasi`/)
  })
})
