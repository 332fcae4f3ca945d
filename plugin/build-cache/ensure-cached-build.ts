import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { pathExists } from '../system/path-exists.ts'
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

/**
 * The build of each path under way or done in this process. Its own map rather than
 * harness/promise-cache.ts: the collectors build through this module, and the harness imports them.
 */
const builds = new Map<string, Promise<string>>()

/**
 * The path of a content-addressed build, `<dir>/<name>`: reused when present (the name holds the hash
 * of every input, so a changed input is a new name), else built atomically (a temporary name, then a
 * rename). One build per path per process; when two processes build the same folder at once, the
 * first rename wins and the other's identical build is dropped.
 */
export function ensureCachedBuild(request: CachedBuild): Promise<string> {
  const path = join(request.dir, request.name)
  let build = builds.get(path)
  if (build === undefined) {
    build = buildIfAbsent(path, request)
    builds.set(path, build)
    // A failed build is forgotten, so the next caller tries again.
    build.catch(() => builds.delete(path))
  }
  return build
}

async function buildIfAbsent(path: string, request: CachedBuild): Promise<string> {
  if (await pathExists(path)) return path
  await mkdir(request.dir, { recursive: true })
  try {
    await buildAtomically(path, request.build)
  } catch (error) {
    // A folder renamed onto another process's finished build of the same inputs: use theirs.
    const code = (error as NodeJS.ErrnoException).code
    if ((code !== 'ENOTEMPTY' && code !== 'EEXIST') || !(await pathExists(path))) throw error
  }
  return path
}
