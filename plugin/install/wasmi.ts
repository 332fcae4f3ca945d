import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { isElf } from './locate-elf.ts'
import { requireToolchain, runToolchain } from './run-toolchain.ts'
import { toolsBinDir } from './tools-dir.ts'
import type { RuntimeInstaller } from './types.ts'

const crateName = 'wasmi_cli'
const version = '2.0.0'
const cargoFix = 'Rust 1.86 or newer with cargo, as wasmi_cli 2.0 requires (Debian 12\'s cargo is too old: use rustup)'

/** The version of `wasmi_cli` recorded in cargo's `.crates2.json` of an install root, or undefined. */
export function cargoInstalledVersion(crates2Json: string, crate: string): string | undefined {
  const installs = (JSON.parse(crates2Json) as { installs?: Record<string, unknown> }).installs ?? {}
  for (const key of Object.keys(installs)) {
    const match = /^(\S+) (\S+) /.exec(key)
    if (match?.[1] === crate) return match[2]
  }
  return undefined
}

/** The wasmi interpreter's CLI (`wasmi`), built from crates.io with `cargo install wasmi_cli --locked` into `<toolsDir>`. */
export const wasmiInstaller: RuntimeInstaller = {
  name: 'wasmi',
  version,
  source: `crates.io ${crateName}@${version} (cargo install --locked)`,
  binary: 'wasmi',
  async installedVersion(toolsDir) {
    try {
      const installed = cargoInstalledVersion(await readFile(join(toolsDir, '.crates2.json'), 'utf8'), crateName)
      return installed !== undefined && (await isElf(join(toolsBinDir(toolsDir), 'wasmi'))) ? installed : undefined
    } catch {
      return undefined
    }
  },
  async install(toolsDir) {
    await requireToolchain('cargo', ['--version'], cargoFix)
    await runToolchain({
      file: 'cargo',
      args: ['install', crateName, '--version', `=${version}`, '--locked', '--force', '--root', toolsDir],
      missingFix: cargoFix,
    })
  },
}
