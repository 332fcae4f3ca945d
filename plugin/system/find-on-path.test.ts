import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { findOnPath, isExecutableFile, pathDirs } from './find-on-path.ts'

describe('pathDirs', () => {
  test('keeps absolute entries in order and drops empty and relative ones', () => {
    expect(pathDirs({ PATH: '/a:/b::/c:bin:./x:' })).toEqual(['/a', '/b', '/c'])
  })

  test('no PATH is no folder', () => {
    expect(pathDirs({})).toEqual([])
  })
})

describe('findOnPath', () => {
  let root = ''
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'wfb-find-on-path-'))
    for (const dir of ['one', 'two', 'three']) await mkdir(join(root, dir))
    // one: a file that is not executable and a folder with the name; two: the executable; three: another.
    await writeFile(join(root, 'one', 'tool'), '#!/bin/sh\n')
    await mkdir(join(root, 'one', 'dir-tool'))
    await writeFile(join(root, 'two', 'tool'), '#!/bin/sh\n')
    await chmod(join(root, 'two', 'tool'), 0o755)
    await writeFile(join(root, 'three', 'tool'), '#!/bin/sh\n')
    await chmod(join(root, 'three', 'tool'), 0o755)
  })
  afterAll(async () => {
    await rm(root, { recursive: true, force: true })
  })

  test('returns the first executable file, passing over a non-executable file', async () => {
    // Root runs these tests, and root may execute any file with an x bit: the first file has none.
    const PATH = ['one', 'two', 'three'].map((dir) => join(root, dir)).join(':')
    expect(await findOnPath('tool', { PATH })).toBe(join(root, 'two', 'tool'))
  })

  test('a folder of that name is not a program; an absent name is undefined', async () => {
    const PATH = join(root, 'one')
    expect(await findOnPath('dir-tool', { PATH })).toBeUndefined()
    expect(await findOnPath('absent', { PATH })).toBeUndefined()
    expect(await isExecutableFile(join(root, 'one', 'dir-tool'))).toBe(false)
  })
})
