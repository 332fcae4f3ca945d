import { access, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { createPromiseCache } from '../harness/promise-cache.ts'
import { buildAtomically } from './build-atomically.ts'

/** One entry of a content-addressed build cache: where it goes and how to make it. */
export interface CachedBuild {
  /** The cache folder, made when absent (`buildCacheDir('native')`). */
  dir: string
  /** The entry's file or folder name, which carries the key of its inputs (`html-3f2a9c01b2d4`; see {@link hashBuildInputs}). */
  name: string
  /** Writes the artefact (a file or a folder) at `tempPath`; it is renamed into place when this resolves. */
  build: (tempPath: string) => Promise<void>
}

const builds = createPromiseCache<string>()

/**
 * The path of a content-addressed build, `<dir>/<name>`: reused when present (the name holds the hash
 * of every input, so a changed input is a new name), else built atomically (a temporary name, then a
 * rename). One build per path per process; when two processes build the same folder at once, the
 * first rename wins and the other's identical build is dropped.
 */
export function ensureCachedBuild(request: CachedBuild): Promise<string> {
  const path = join(request.dir, request.name)
  return builds.get(path, async () => {
    if (await exists(path)) return path
    await mkdir(request.dir, { recursive: true })
    try {
      await buildAtomically(path, request.build)
    } catch (error) {
      // A folder renamed onto another process's finished build of the same inputs: use theirs.
      const code = (error as NodeJS.ErrnoException).code
      if ((code !== 'ENOTEMPTY' && code !== 'EEXIST') || !(await exists(path))) throw error
    }
    return path
  })
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path)
    return true
  } catch {
    return false
  }
}
