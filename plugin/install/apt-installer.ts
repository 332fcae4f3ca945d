import { execa } from 'execa'
import { BenchError } from '../errors.ts'
import { runToolchain } from './run-toolchain.ts'
import type { RuntimeInstaller } from './types.ts'

/** Debian decides the version; this marks "the distribution's packages are installed". */
export const distributionVersion = 'Debian packages'

/** Whether every package is installed, per dpkg. */
export async function debianPackagesInstalled(packages: readonly string[]): Promise<boolean> {
  const result = await execa('dpkg-query', ['--show', '--showformat=${db:Status-Status}\\n', ...packages], { reject: false, stdin: 'ignore' })
  return !result.failed && result.stdout.split('\n').filter((status) => status === 'installed').length === packages.length
}

/**
 * An installer that puts Debian packages on the machine with apt-get (needs root). The version is
 * the distribution's; `binaryPath` is where the package puts the executable.
 */
export function createAptInstaller(spec: { name: string; packages: readonly string[]; binary: string; binaryPath: string }): RuntimeInstaller {
  const { packages } = spec
  return {
    name: spec.name,
    version: distributionVersion,
    source: `apt-get install ${packages.join(' ')}`,
    binary: spec.binary,
    binaryPath: () => spec.binaryPath,
    installedVersion: async () => ((await debianPackagesInstalled(packages)) ? distributionVersion : undefined),
    async install() {
      if (process.getuid?.() !== 0) {
        throw new BenchError('install-failed', `Installing ${spec.name} needs root: run \`sudo apt-get install -y ${packages.join(' ')}\`.`)
      }
      const env = { DEBIAN_FRONTEND: 'noninteractive' }
      const missingFix = 'a Debian-based machine with apt-get'
      await runToolchain({ file: 'apt-get', args: ['update', '-qq'], env, missingFix })
      await runToolchain({ file: 'apt-get', args: ['install', '-y', '-qq', '--no-install-recommends', ...packages], env, missingFix })
    },
  }
}
