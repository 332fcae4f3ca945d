import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'

/** Everything a build depends on: the files it reads and the values that steer it. */
export interface BuildInputs {
  /** Files whose bytes the build reads (sources, headers, the compiler-fed module, libraries), in a fixed order. */
  files: readonly string[]
  /** Compiler, flags, tool versions, layout versions: anything else that changes the output. */
  values?: readonly (string | number)[]
}

/** Hex digits of a cache key (48 bits: no collision in any real cache). */
export const buildKeyLength = 12

/**
 * The cache key of a build: the first {@link buildKeyLength} hex digits of SHA-256 over each file's
 * bytes followed by a NUL, then the values joined by spaces. Equal inputs give the same key; a changed
 * byte, flag or version gives another, so a cache entry named by it never goes stale.
 */
export async function hashBuildInputs(inputs: BuildInputs): Promise<string> {
  const hash = createHash('sha256')
  for (const path of inputs.files) hash.update(await readFile(path)).update('\0')
  hash.update((inputs.values ?? []).join(' '))
  return hash.digest('hex').slice(0, buildKeyLength)
}
