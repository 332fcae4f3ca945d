import { access } from 'node:fs/promises'

/** Whether anything (file, folder, or a symlink to one) is at `path`; false for a dangling symlink or no access. */
export async function pathExists(path: string): Promise<boolean> {
  try {
    await access(path)
    return true
  } catch {
    return false
  }
}
