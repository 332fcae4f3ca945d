import { spawnSync } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { wasiHttpCInstaller } from '../install/wasi-http-c.ts'
import { resolveToolsDir } from '../install/tools-dir.ts'
import { buildHttpServerWasm, httpServerWasmPath } from './build-http-servers.ts'
import { buildWasiHttpComponent, prepareWasiHttpToolchain, wasiHttpComponentPath, wasiHttpInstallCommand } from './build-wasi-http-component.ts'
import { findWorkloadSources, wasmInstallCommand } from './build-workloads.ts'
import { workloadsDir } from './load-workloads.ts'

const hasClang = spawnSync('clang', ['--version']).status === 0
const hasWasiHttpToolchain = hasClang && (await wasiHttpCInstaller.installedVersion(resolveToolsDir())) === wasiHttpCInstaller.version
const sources = await findWorkloadSources([workloadsDir])
const scratch = await mkdtemp(join(tmpdir(), 'wfb-build-http-servers-'))
afterAll(() => rm(scratch, { recursive: true, force: true }))

const rebuildMessage = (path: string): string => `${path} differs from a rebuild: run \`npm run build:workloads\` and commit it`

describe.skipIf(!hasClang)(hasClang ? 'preview1 socket servers' : `preview1 socket servers (skipped: clang not found; install: ${wasmInstallCommand})`, () => {
  test('rebuilding every committed .http-server.wasm gives byte-identical modules', async () => {
    for (const source of sources) {
      const rebuilt = join(scratch, `${source.name}.http-server.wasm`)
      await buildHttpServerWasm(source, rebuilt)
      const [committed, fresh] = await Promise.all([readFile(httpServerWasmPath(source)), readFile(rebuilt)])
      expect(fresh.equals(committed), rebuildMessage(httpServerWasmPath(source))).toBe(true)
    }
  })
})

const componentSkip = hasClang ? `the wasi:http toolchain is not installed; install: ${wasiHttpInstallCommand}` : `clang not found; install: ${wasmInstallCommand}`
describe.skipIf(!hasWasiHttpToolchain)(hasWasiHttpToolchain ? 'wasi:http components' : `wasi:http components (skipped: ${componentSkip})`, () => {
  test('rebuilding every committed .wasi-http.wasm gives byte-identical components', async () => {
    const toolchain = await prepareWasiHttpToolchain()
    try {
      for (const source of sources) {
        const rebuilt = join(scratch, `${source.name}.wasi-http.wasm`)
        await buildWasiHttpComponent(source, rebuilt, toolchain)
        const [committed, fresh] = await Promise.all([readFile(wasiHttpComponentPath(source)), readFile(rebuilt)])
        expect(fresh.equals(committed), rebuildMessage(wasiHttpComponentPath(source))).toBe(true)
      }
    } finally {
      await toolchain.close()
    }
  }, 120_000)
})
