import { installDebianPackages, missingDebianPackages, type SystemPackage } from './system-packages.ts'
import type { RuntimeInstaller } from './types.ts'

/** Debian decides the version; this marks "the distribution's packages are installed". */
export const distributionVersion = 'Debian packages'

/**
 * An installer that puts Debian packages on the machine with apt-get (needs root), through the same
 * dpkg check and apt-get calls as `setup`. The version is the distribution's; `binaryPath` is where the
 * package puts the executable.
 */
export function createAptInstaller(spec: { name: string; packages: readonly string[]; binary: string; binaryPath: string }): RuntimeInstaller {
  const packages: SystemPackage[] = spec.packages.map((name) => ({ name, purpose: spec.name }))
  return {
    name: spec.name,
    version: distributionVersion,
    source: `apt-get install ${spec.packages.join(' ')}`,
    binary: spec.binary,
    binaryPath: () => spec.binaryPath,
    installedVersion: async () => ((await missingDebianPackages(packages)).length === 0 ? distributionVersion : undefined),
    install: () => installDebianPackages(packages),
  }
}
