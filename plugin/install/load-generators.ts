import { createAptInstaller } from './apt-installer.ts'

/** hey, the HTTP load generator of the server rows (Debian `hey`, rakyll/hey 0.1.4). */
export const heyInstaller = createAptInstaller({ name: 'hey', packages: ['hey'], binary: 'hey', binaryPath: '/usr/bin/hey' })

/** wrk, the reference load generator that hey is checked against (benches/load-generator.bench.ts; Debian `wrk` 4.1.0). */
export const wrkInstaller = createAptInstaller({ name: 'wrk', packages: ['wrk'], binary: 'wrk', binaryPath: '/usr/bin/wrk' })
