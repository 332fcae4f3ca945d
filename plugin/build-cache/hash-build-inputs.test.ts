import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { hashBuildInputs } from './hash-build-inputs.ts'

let dir = ''
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wfb-hash-inputs-'))
  await writeFile(join(dir, 'a'), 'a')
  await writeFile(join(dir, 'b'), 'b')
  await writeFile(join(dir, 'ab'), 'ab')
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

test('SHA-256 over each file and a NUL, then the values joined by spaces: 12 hex digits', async () => {
  // sha256("a\0b\0cc -O2 3"), first 12 hex digits.
  expect(await hashBuildInputs({ files: [join(dir, 'a'), join(dir, 'b')], values: ['cc', '-O2', 3] })).toBe('6fcf3820b398')
})

test('a changed file, file order, file boundary or value gives another key', async () => {
  const base = await hashBuildInputs({ files: [join(dir, 'a'), join(dir, 'b')], values: ['cc', '-O2'] })
  const others = await Promise.all([
    hashBuildInputs({ files: [join(dir, 'b'), join(dir, 'a')], values: ['cc', '-O2'] }),
    hashBuildInputs({ files: [join(dir, 'ab')], values: ['cc', '-O2'] }),
    hashBuildInputs({ files: [join(dir, 'a'), join(dir, 'b')], values: ['cc', '-O3'] }),
    hashBuildInputs({ files: [join(dir, 'a'), join(dir, 'b')] }),
  ])
  expect(new Set([base, ...others]).size).toBe(5)
  expect(await hashBuildInputs({ files: [join(dir, 'a'), join(dir, 'b')], values: ['cc', '-O2'] })).toBe(base)
})

test('a missing input file is an error, not a key', async () => {
  await expect(hashBuildInputs({ files: [join(dir, 'absent')] })).rejects.toMatchObject({ code: 'ENOENT' })
})
