import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { buildAtomically } from './build-atomically.ts'
import { ensureCachedBuild } from './ensure-cached-build.ts'

let root = ''
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'wfb-build-cache-'))
})
afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

test('builds once into a new cache folder, then reuses the entry without building', async () => {
  const dir = join(root, 'files')
  let builds = 0
  const build = async (tempPath: string): Promise<void> => {
    builds++
    await writeFile(tempPath, 'built')
  }
  const [first, second] = await Promise.all([ensureCachedBuild({ dir, name: 'x-111', build }), ensureCachedBuild({ dir, name: 'x-111', build })])
  expect(first).toBe(join(dir, 'x-111'))
  expect(second).toBe(first)
  expect(builds).toBe(1)
  expect(await readFile(first, 'utf8')).toBe('built')
  // Another key (a changed input) is another entry, built once more.
  await ensureCachedBuild({ dir, name: 'x-222', build })
  expect(builds).toBe(2)
  expect((await readdir(dir)).sort()).toEqual(['x-111', 'x-222'])
})

test('an entry already on disk (built by another process) is used as it is', async () => {
  const dir = join(root, 'present')
  await mkdir(dir, { recursive: true })
  await writeFile(join(dir, 'y-333'), 'theirs')
  const path = await ensureCachedBuild({ dir, name: 'y-333', build: () => Promise.reject(new Error('must not build')) })
  expect(await readFile(path, 'utf8')).toBe('theirs')
})

test('a failed build leaves no entry and no temporary file, and the next call tries again', async () => {
  const dir = join(root, 'failing')
  const failing = async (tempPath: string): Promise<void> => {
    await writeFile(tempPath, 'half')
    throw new Error('compiler failed')
  }
  await expect(ensureCachedBuild({ dir, name: 'z-444', build: failing })).rejects.toThrow('compiler failed')
  expect(await readdir(dir)).toEqual([])
  const path = await ensureCachedBuild({ dir, name: 'z-444', build: (tempPath) => writeFile(tempPath, 'whole') })
  expect(await readFile(path, 'utf8')).toBe('whole')
})

test('a folder build that loses the race to an identical finished folder keeps the first one', async () => {
  const dir = join(root, 'folders')
  const path = join(dir, 'rootfs-555')
  const path2 = await ensureCachedBuild({
    dir,
    name: 'rootfs-555',
    async build(staging) {
      // Another process renames its finished folder into place while this one is still building.
      await mkdir(join(path, 'bin'), { recursive: true })
      await writeFile(join(path, 'bin', 'who'), 'first')
      await mkdir(join(staging, 'bin'), { recursive: true })
      await writeFile(join(staging, 'bin', 'who'), 'second')
    },
  })
  expect(path2).toBe(path)
  expect(await readFile(join(path, 'bin', 'who'), 'utf8')).toBe('first')
  expect(await readdir(dir)).toEqual(['rootfs-555'])
})

test('buildAtomically replaces a file whole and cleans up after a failure', async () => {
  const dir = join(root, 'atomic')
  await mkdir(dir, { recursive: true })
  const path = join(dir, 'out.wasm')
  await writeFile(path, 'old')
  await expect(buildAtomically(path, async (tempPath) => {
    await writeFile(tempPath, 'partial')
    throw new Error('step 2 failed')
  })).rejects.toThrow('step 2 failed')
  expect(await readFile(path, 'utf8')).toBe('old')
  await buildAtomically(path, (tempPath) => writeFile(tempPath, 'new'))
  expect(await readFile(path, 'utf8')).toBe('new')
  expect(await readdir(dir)).toEqual(['out.wasm'])
})
