import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, expect, test } from 'vitest'
import { runtimes } from '../../fixtures/index.ts'
import { processRuntimeCommands } from './calibrate.ts'
import { parseCompareArgs } from './compare.ts'
import { commandRuntimes } from './runtime-module-flag.ts'

const scratch = await mkdtemp(join(tmpdir(), 'wfb-runtime-module-flag-'))
afterAll(() => rm(scratch, { recursive: true, force: true }))
const adapterApiUrl = pathToFileURL(join(import.meta.dirname, '..', 'adapter-api.ts')).href
const entryScript = join(import.meta.dirname, '..', '..', 'fixtures', 'node-wasi', 'run-wasi.mjs')

// A project's runtime module, as a user writes it against the adapter API.
const modulePath = join(scratch, 'my-runtime.ts')
await writeFile(modulePath, `
import { createCommandInstance } from '${adapterApiUrl}'
export const runtime = {
  name: 'my-node', title: 'my node:wasi', modes: ['process'],
  detect: async () => ({ available: true, version: process.version, install: 'built in' }),
  start: async (workload) => createCommandInstance({ file: process.execPath, prefixArgs: ['--no-warnings', ${JSON.stringify(entryScript)}, workload.workload.wasmPath] }, workload),
}
`)

test('--runtime-module adds a project runtime to the built-in ones (a relative path is read against the current folder)', async () => {
  const merged = await commandRuntimes(runtimes, [relative(process.cwd(), modulePath)])
  expect(Object.keys(merged)).toEqual([...Object.keys(runtimes), 'my-node'])
  expect(Object.keys(await commandRuntimes(runtimes, undefined))).toEqual(Object.keys(runtimes))
})

test('calibrate times a project runtime given with --runtime-module', async () => {
  const { commands, skipped } = await processRuntimeCommands(await commandRuntimes(runtimes, [modulePath]), 'noop', {}, ['my-node'])
  expect(skipped).toEqual([])
  expect(commands.map((command) => command.label)).toEqual(['my-node noop'])
  expect(commands[0]?.args.at(-1)).toMatch(/noop\.wasm$/)
})

test('compare reads repeated --runtime-module flags', () => {
  const { runtimeModules } = parseCompareArgs(['--workload', 'noop', '--runtime', 'my-node', '--runtime-module', 'a.ts', '--runtime-module', 'b.ts'])
  expect(runtimeModules).toEqual(['a.ts', 'b.ts'])
})
