import { access, constants } from 'node:fs/promises'
import { join } from 'node:path'
import { execa } from 'execa'
import type { Detection } from '../types.ts'
import { defaultSearchDirs } from '../install/detect-tool.ts'

/** The load generators the tool drives: `hey` for every server row, `wrk` as the reference it is checked against. */
export type LoadGeneratorName = 'hey' | 'wrk'

/** Where each comes from: the Debian package of the same name, through the tool's installer. */
export const loadGeneratorInstall: Record<LoadGeneratorName, string> = {
  hey: 'npx wasm-faas-bench runtimes install hey   (apt-get install -y hey)',
  wrk: 'npx wasm-faas-bench runtimes install wrk   (apt-get install -y wrk)',
}

/** A load generator found here: its path and version. */
export type LoadGeneratorDetection = Detection & { name: LoadGeneratorName }

/**
 * Finds a load generator (the tools folder's bin, then PATH). Neither prints a plain version (hey has
 * no version flag), so the version is the Debian package's when dpkg owns the file, else `unknown`.
 */
export async function detectLoadGenerator(name: LoadGeneratorName, searchDirs: readonly string[] = defaultSearchDirs()): Promise<LoadGeneratorDetection> {
  const install = loadGeneratorInstall[name]
  for (const dir of searchDirs) {
    const path = join(dir, name)
    try {
      await access(path, constants.X_OK)
    } catch {
      continue
    }
    const owner = await execa('dpkg', ['-S', path], { reject: false, stdin: 'ignore' })
    const packageName = owner.failed ? undefined : owner.stdout.split(':')[0]
    const version = packageName === undefined
      ? undefined
      : (await execa('dpkg-query', ['--show', '--showformat=${Version}', packageName], { reject: false, stdin: 'ignore' })).stdout
    return { name, available: true, path, version: `${name} ${version === undefined || version === '' ? 'unknown version (not from a Debian package)' : version}`, install }
  }
  return { name, available: false, reason: `\`${name}\` is neither in ${searchDirs[0] ?? 'the tools folder'} nor on PATH`, install }
}
