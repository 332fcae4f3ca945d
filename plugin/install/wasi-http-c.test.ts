import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, test } from 'vitest'
import { wasiHttpCInstaller, wasiHttpFiles, wasiHttpWasmtimeVersion, wasmToolsVersion, witBindgenVersion } from './wasi-http-c.ts'

const toolsDir = await mkdtemp(join(tmpdir(), 'wfb-wasi-http-c-'))
afterAll(() => rm(toolsDir, { recursive: true, force: true }))

test('the toolchain counts as installed only with both tools at their pinned versions, the WIT, the adapter and the stamp', async () => {
  const crates2 = (witBindgen: string) => JSON.stringify({ installs: {
    [`wit-bindgen-cli ${witBindgen} (registry+https://github.com/rust-lang/crates.io-index)`]: { bins: ['wit-bindgen'] },
    [`wasm-tools ${wasmToolsVersion} (registry+https://github.com/rust-lang/crates.io-index)`]: { bins: ['wasm-tools'] },
  } })
  await mkdir(join(toolsDir, 'bin'), { recursive: true })
  // Any ELF executable stands in for the two tools: only the file kind is checked here.
  await copyFile('/usr/bin/true', join(toolsDir, 'bin', 'wit-bindgen'))
  await copyFile('/usr/bin/true', join(toolsDir, 'bin', 'wasm-tools'))
  await writeFile(join(toolsDir, '.crates2.json'), crates2(witBindgenVersion))
  expect(await wasiHttpCInstaller.installedVersion(toolsDir)).toBeUndefined()

  const files = wasiHttpFiles(toolsDir)
  await mkdir(files.witDepsDir, { recursive: true })
  await writeFile(join(files.witDepsDir, 'http.wit'), 'package wasi:http@0.2.12;\n')
  await writeFile(files.adapterPath, '\0asm')
  await writeFile(files.stampPath, `${wasiHttpWasmtimeVersion}\n`)
  expect(await wasiHttpCInstaller.installedVersion(toolsDir)).toBe(wasiHttpCInstaller.version)

  await writeFile(join(toolsDir, '.crates2.json'), crates2('0.1.0'))
  expect(await wasiHttpCInstaller.installedVersion(toolsDir)).toBeUndefined()
})
