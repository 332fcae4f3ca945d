import { constants } from 'node:fs'
import { access, stat } from 'node:fs/promises'
import { delimiter, isAbsolute, join } from 'node:path'

/**
 * The folders of `PATH` in order. Empty and relative entries are left out: the shell reads an empty
 * entry as the current folder, and a program found through either would depend on where the tool was started.
 */
export function pathDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.PATH ?? '').split(delimiter).filter((dir) => dir !== '' && isAbsolute(dir))
}

/** Whether `path` is a regular file (or a symlink to one) this process may execute. */
export async function isExecutableFile(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK)
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}

/** The first `<dir>/<name>` over {@link pathDirs} that is an executable file, as an absolute path; undefined when there is none. */
export async function findOnPath(name: string, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  for (const dir of pathDirs(env)) {
    const path = join(dir, name)
    if (await isExecutableFile(path)) return path
  }
  return undefined
}
