import { execa } from 'execa'
import { BenchError } from '../errors.ts'
import { runToolchain } from './run-toolchain.ts'
import type { RuntimeInstaller } from './types.ts'

const packages = ['runc', 'busybox-static']
/** Debian decides the version; this marks "the distribution's packages are installed". */
const distributionVersion = 'Debian packages'

async function packagesInstalled(): Promise<boolean> {
  const result = await execa('dpkg-query', ['--show', '--showformat=${db:Status-Status}\\n', ...packages], { reject: false, stdin: 'ignore' })
  return !result.failed && result.stdout.split('\n').filter((status) => status === 'installed').length === packages.length
}

/**
 * runc and the static busybox of the containers' rootfs, from the distribution with apt-get
 * (needs root, as runc itself does here). The version is the distribution's.
 */
export const runcInstaller: RuntimeInstaller = {
  name: 'runc',
  version: distributionVersion,
  source: `apt-get install ${packages.join(' ')}`,
  binary: 'runc',
  binaryPath: () => '/usr/sbin/runc',
  installedVersion: async () => ((await packagesInstalled()) ? distributionVersion : undefined),
  async install() {
    if (process.getuid?.() !== 0) {
      throw new BenchError('install-failed', `Installing runc needs root: run \`sudo apt-get install -y ${packages.join(' ')}\`.`)
    }
    const env = { DEBIAN_FRONTEND: 'noninteractive' }
    const missingFix = 'a Debian-based machine with apt-get'
    await runToolchain({ file: 'apt-get', args: ['update', '-qq'], env, missingFix })
    await runToolchain({ file: 'apt-get', args: ['install', '-y', '-qq', '--no-install-recommends', ...packages], env, missingFix })
  },
}
