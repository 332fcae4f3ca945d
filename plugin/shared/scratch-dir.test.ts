import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { statfsSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { afterAll, expect, test } from 'vitest'
import { makeScratchDir, scratchRoot, sweepStaleScratchDirs } from './scratch-dir.ts'

const root = await mkdtemp(join(tmpdir(), 'scratch-test-'))
afterAll(() => rm(root, { recursive: true, force: true }))

test('scratch folders carry the pid of the process that made them', async () => {
  const dir = await makeScratchDir('run')
  try {
    expect(basename(dir)).toMatch(new RegExp(`^wfb-run-${process.pid}-`))
  } finally {
    await rm(dir, { recursive: true })
  }
})

test('the sweep removes folders of dead processes only', async () => {
  // pid 2^22 + 1 is above Linux's pid_max limit, so no process can have it.
  const dead = 'wfb-run-4194305-abcdef'
  const alive = `wfb-isolate-${process.pid}-abcdef`
  const other = 'unrelated-4194305-x'
  for (const name of [dead, alive, other]) await mkdir(join(root, name))
  expect(await sweepStaleScratchDirs(root)).toEqual([dead])
  expect((await readdir(root)).sort()).toEqual([other, alive].sort())
})

test.skipIf(process.env.WFB_SCRATCH_DIR !== undefined || statfsSync('/dev/shm', { throwIfNoEntry: false } as never)?.type !== 0x01021994)(
  'scratch folders go to /dev/shm when it is a tmpfs (output files on disk slow short starts down)',
  async () => {
    expect(scratchRoot()).toBe('/dev/shm')
    const dir = await makeScratchDir('run')
    try {
      expect(dirname(dir)).toBe('/dev/shm')
    } finally {
      await rm(dir, { recursive: true })
    }
  },
)
