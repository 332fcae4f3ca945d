import { randomBytes } from 'node:crypto'
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/**
 * Writes `data` (a string is written as UTF-8) to `path` so that readers see either the old file or
 * the complete new one, never a partial write: it writes a temporary file in the same directory,
 * flushes it to disk and renames it over `path`. On any failure the temporary file is removed and
 * `path` is left as it was. The directory must exist.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  // Same directory, so the rename stays on one file system and is atomic.
  const tempPath = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    const file = await open(tempPath, 'wx')
    try {
      await file.writeFile(data)
      // Without the flush a crash after the rename can leave an empty or partial file.
      await file.sync()
    } finally {
      await file.close()
    }
    await rename(tempPath, path)
  } catch (error) {
    await rm(tempPath, { force: true })
    throw error
  }
}

/**
 * {@link writeFileAtomic} done synchronously, for the one place that cannot wait: a signal handler
 * that must leave the results on disk before the process exits.
 */
export function writeFileAtomicSync(path: string, data: string | Uint8Array): void {
  const tempPath = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    const fd = openSync(tempPath, 'wx')
    try {
      writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(tempPath, path)
  } catch (error) {
    rmSync(tempPath, { force: true })
    throw error
  }
}
