import { createAptInstaller } from './apt-installer.ts'

/**
 * runc and the static busybox of the containers' rootfs, from the distribution with apt-get
 * (needs root, as runc itself does here). The version is the distribution's.
 */
export const runcInstaller = createAptInstaller({ name: 'runc', packages: ['runc', 'busybox-static'], binary: 'runc', binaryPath: '/usr/sbin/runc' })
