import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { writeFileAtomic } from './write-file-atomic.ts'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wfb-atomic-'))
})
afterEach(async () => {
  await chmod(dir, 0o755)
  await rm(dir, { recursive: true, force: true })
})

// Root ignores file permissions, so a read-only directory cannot make the write fail.
const isRoot = process.getuid?.() === 0

describe('writeFileAtomic', () => {
  test('writes a string as UTF-8 and leaves no temporary file', async () => {
    const path = join(dir, 'out.json')
    await writeFileAtomic(path, '{"π": 3.14}\n')
    expect(await readFile(path, 'utf8')).toBe('{"π": 3.14}\n')
    expect(await readdir(dir)).toEqual(['out.json'])
  })

  test('writes bytes and replaces an existing file', async () => {
    const path = join(dir, 'out.bin')
    await writeFile(path, 'old content')
    await writeFileAtomic(path, new Uint8Array([1, 2, 3]))
    expect([...await readFile(path)]).toEqual([1, 2, 3])
    expect(await readdir(dir)).toEqual(['out.bin'])
  })

  test('a reader sees the old or the new content, never part of it', async () => {
    const path = join(dir, 'big.txt')
    const oldText = 'old\n'.repeat(1000)
    const newText = 'new\n'.repeat(2_000_000)
    await writeFile(path, oldText)
    let done = false
    const writing = writeFileAtomic(path, newText).finally(() => { done = true })
    const seen = new Set<string>()
    while (!done) {
      const text = await readFile(path, 'utf8')
      seen.add(text === oldText ? 'old' : text === newText ? 'new' : `partial (${text.length} chars)`)
    }
    await writing
    expect([...seen].filter((kind) => kind !== 'old' && kind !== 'new')).toEqual([])
    expect(await readFile(path, 'utf8')).toBe(newText)
  })

  test('invalid data: rejects, keeps the old file, removes the temporary file', async () => {
    const path = join(dir, 'out.json')
    await writeFile(path, 'old content')
    await expect(writeFileAtomic(path, 42 as unknown as string)).rejects.toThrow(TypeError)
    expect(await readFile(path, 'utf8')).toBe('old content')
    expect(await readdir(dir)).toEqual(['out.json'])
  })

  test('the rename fails (a directory is in the way): rejects and removes the temporary file', async () => {
    const path = join(dir, 'out.json')
    await mkdir(join(path, 'occupied'), { recursive: true })
    await expect(writeFileAtomic(path, 'new content')).rejects.toThrow(/EISDIR|ENOTEMPTY|EEXIST|EPERM/)
    expect(await readdir(dir)).toEqual(['out.json'])
    expect(await readdir(path)).toEqual(['occupied'])
  })

  test('a missing directory: rejects with ENOENT and creates nothing', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'out.json'), 'x')).rejects.toThrow(/ENOENT/)
    expect(await readdir(dir)).toEqual([])
  })

  test.skipIf(isRoot)('a read-only directory: rejects and keeps the old file (skipped as root, which ignores permissions)', async () => {
    const path = join(dir, 'out.json')
    await writeFile(path, 'old content')
    await chmod(dir, 0o555)
    await expect(writeFileAtomic(path, 'new content')).rejects.toThrow(/EACCES|EPERM/)
    expect(await readFile(path, 'utf8')).toBe('old content')
    expect(await readdir(dir)).toEqual(['out.json'])
  })
})
