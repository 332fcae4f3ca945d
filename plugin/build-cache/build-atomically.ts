import { randomBytes } from 'node:crypto'
import { rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/**
 * Builds a file or folder at `path` so that readers see either what was there or the whole new
 * build, never a partial one: `build` writes to a temporary path in the same folder (so the rename
 * stays on one file system), which is then renamed to `path`. Whatever `build` leaves at the
 * temporary path is removed when it or the rename fails. The folder must exist. A file at `path` is
 * replaced; a non-empty folder is not (the rename fails with ENOTEMPTY or EEXIST, see {@link ensureCachedBuild}).
 */
export async function buildAtomically(path: string, build: (tempPath: string) => Promise<void>): Promise<void> {
  const tempPath = join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`)
  try {
    await build(tempPath)
    await rename(tempPath, path)
  } finally {
    await rm(tempPath, { recursive: true, force: true })
  }
}
